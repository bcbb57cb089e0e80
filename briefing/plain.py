"""The plain form of a text: what the rules read, while quotes keep the text as given.

Plain text is Simplified and has half-width digits and letters, and is exactly as long
as the text, so an offset found in one is the same offset in the other.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Taiwan and Hong Kong variants first, so 著/着 and 衞/卫 come out as a mainland reader writes them.
SIMPLIFIERS = ("tw2s", "hk2s")


@lru_cache(maxsize=1)
def _simplifiers() -> tuple:
    import opencc
    return tuple(opencc.OpenCC(name) for name in SIMPLIFIERS)


# Full-width digits, Latin letters and the decimal point (２０２４年, ６．５％, ＧＤＰ) read as
# their ASCII twins, one character for one; full-width punctuation stays as it is.
_FULL_WIDTH = re.compile("[０-９Ａ-Ｚａ-ｚ．％]")
_NARROW = {c: c - 0xFEE0 for c in range(ord("０"), ord("ｚ") + 1)
           if chr(c).isalnum()} | {ord("．"): ".", ord("％"): "%"}


def plain_form(text: str) -> str:
    """What the rules read: Simplified, with half-width digits and letters, of exactly
    the length of `text`; the same object when nothing changes."""
    plain = simplify(text)
    return plain.translate(_NARROW) if _FULL_WIDTH.search(plain) else plain


def simplify(text: str) -> str:
    """Simplified text of exactly the same length, so offsets carry over to `text`.

    OpenCC converts phrases, never across a line break, so the whole text goes
    through each converter at once; where a phrase conversion changed the length
    of a line, that line is converted character by character instead. Text that
    needs no change comes back as the same object.
    """
    out = text
    for cc in _simplifiers():
        conv = cc.convert(out)
        if conv == out:
            continue
        lines, conv_lines = out.split("\n"), conv.split("\n")
        if len(conv_lines) != len(lines):
            conv_lines = [cc.convert(line) for line in lines]
        out = "\n".join(c if len(c) == len(line) else "".join(_one_char(cc, ch) for ch in line)
                        for line, c in zip(lines, conv_lines))
    return text if out == text else out


def _one_char(cc, ch: str) -> str:
    conv = cc.convert(ch)
    return conv if len(conv) == 1 else ch
