"""Regenerate scan_order.txt: the characters of region names, most common first.

The gazetteer's Aho-Corasick automaton (pyahocorasick) looks a character up among
its first characters one by one, so it finds the common ones sooner when they come
first. How common a character is comes from jieba's dictionary: the summed
frequencies of the words that hold it. Run by hand after the region data change
(a character missing from the file is still found, only a little later):

    python briefing/regions/data/make_scan_order.py
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "scan_order.txt"


def name_characters() -> set[str]:
    """Every character the gazetteer's automaton holds: names, short forms, aliases
    and the listed words that are not places."""
    from briefing.regions.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    words = [r.name for r in gaz.regions.values()] + [r.short for r in gaz.regions.values()]
    words += list(gaz.aliases) + list(gaz.not_places)
    return {ch for word in words for ch in word}


def character_frequencies() -> Counter[str]:
    import jieba

    counts: Counter[str] = Counter()
    path = Path(jieba.__file__).parent / "dict.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        word, freq = line.split()[:2]
        for ch in word:
            counts[ch] += int(freq)
    return counts


def main() -> None:
    counts = character_frequencies()
    ordered = sorted(name_characters(), key=lambda ch: (-counts[ch], ch))
    OUT.write_text("".join(f"{ch}\n" for ch in ordered), encoding="utf-8")
    print(f"{OUT.name}: {len(ordered)} characters")


if __name__ == "__main__":
    main()
