"""Section and item numbers as official documents print them: 一、 （一） 1.

Any count works: a province-wide week has well over a hundred regions, so
numerals run past 九十九 (一百零一, 一百二十八, 一千零五, 一万零一).
"""
from __future__ import annotations

from briefing.document import Paragraph, Section, Span

DIGITS = "〇一二三四五六七八九"
SMALL_UNITS = ("", "十", "百", "千")
LARGE_UNITS = ("", "万", "亿", "万亿")
# (level, how its number prints): 一、 （一） 1.
NUMBERING = {1: "{}、", 2: "（{}）", 3: "{}."}


def _below_10000(n: int) -> str:
    """0 < n < 10000 with 零 for each run of missing places between digits (一千零五)."""
    out: list[str] = []
    gap = False
    for place in range(3, -1, -1):
        digit = n // 10 ** place % 10
        if digit == 0:
            gap = bool(out)
            continue
        if gap:
            out.append("零")
            gap = False
        out.append(DIGITS[digit] + SMALL_UNITS[place])
    return "".join(out)


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 15 → 十五, 101 → 一百零一, 110 → 一百一十, 10001 → 一万零一."""
    if n < 0:
        raise ValueError(f"no Chinese numeral for {n}")
    if n == 0:
        return DIGITS[0]
    groups: list[int] = []
    while n:
        n, group = divmod(n, 10000)
        groups.append(group)
    if len(groups) > len(LARGE_UNITS):
        raise ValueError("number too large for a section numeral")
    out: list[str] = []
    for i in range(len(groups) - 1, -1, -1):
        group = groups[i]
        if group == 0:
            continue
        if out and (group < 1000 or groups[i + 1] == 0):
            out.append("零")
        out.append(_below_10000(group) + LARGE_UNITS[i])
    text = "".join(out)
    return text[1:] if text.startswith("一十") else text  # 十五, not 一十五


def number_sections(sections: list[Section]) -> None:
    """一、 for level 1, （一） for level 2, 1. for level 3, counted within each parent."""
    for i, section in enumerate(sections, 1):
        label = str(i) if section.level >= 3 else chinese_numeral(i)
        section.number = NUMBERING[min(section.level, 3)].format(label)
        number_sections(section.children)


def number_items(sections: list[Section]) -> None:
    """1． 2． … before the list items of each section, the same in every output."""
    for section in sections:
        count = 0
        for block in section.blocks:
            if isinstance(block, Paragraph) and block.style == "item":
                count += 1
                block.spans.insert(0, Span(f"{count}．"))
        number_items(section.children)
