"""分别: several indicators and as many figures, paired in order.

Work reports put related figures in one clause: 城乡居民人均可支配收入分别增长8%、9%
(the urban and the rural income), 一般公共预算收入和支出分别达4.78亿元、20.2亿元
(revenue and spending), 规上工业企业、规上服务业企业分别达到1405家、505家. A clause
right after such a one may give a second list for the same names (…分别达47197元、
16135元,增长4%、8%). Names and figures are paired only when there are as many of
each; otherwise the figures are left out, as the single-figure grammar leaves 分别 out.
"""
from __future__ import annotations

import re

from briefing.extract.figure_words import ADVERBS, DECLINE, GROWTH, INDICATOR_HEADS, REACH
from briefing.extract.indicators import is_share, phrase_of, tokens
from briefing.extract.numbers import Amount
from briefing.extract.reading import Reading

# A scope that stands for two: 城乡居民人均可支配收入 is the urban and the rural one.
SPLIT_SCOPES: dict[str, tuple[str, ...]] = {
    "城乡": ("城镇", "农村"), "城、乡": ("城镇", "农村"), "城镇和农村": ("城镇", "农村"),
    "城镇、农村": ("城镇", "农村"), "城镇与农村": ("城镇", "农村"), "城镇及农村": ("城镇", "农村"),
}
DISTRIBUTING = "分别"
# Heads that come in pairs and share the words before them: 收入和支出, 进口和出口.
PAIRED_HEADS = ("收入", "支出", "进口", "出口", "存款", "贷款", "产值", "增加值", "销售额", "利润")
# Between the names or the figures of a list.
_SEPARATOR = re.compile(r"[、和与及]|以及")
_CLAUSE = re.compile(r"[,，;；:：。!！?？]")
# Openers before the names: list marks, scope and time words.
_OPENER = re.compile(r"^(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[●•·▪■◆★]|其中|同时"
                     r"|(?:19|20)\d{2}年|全年|今年|去年|上半年|前三季度"
                     r"|[全我本](?:市|区|县|省|州|旗|镇))+")
_VERB_WORDS = tuple(sorted(set(GROWTH + DECLINE + REACH + ADVERBS + ("保持在", "控制在", "稳定在")),
                           key=len, reverse=True))


def distributed_readings(text: str, amounts: list[Amount]) -> dict[int, Reading | None]:
    """Readings of figures paired with a list of names, keyed by the figure's start.

    A figure after 分别 that pairs with no name maps to None: it is left out.
    """
    out: dict[int, Reading | None] = {}
    if DISTRIBUTING not in text:
        return out
    names: list[str] = []
    names_start = 0
    clauses = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text) + 1]
    for start, stop in zip(clauses, clauses[1:]):
        clause = text[start:stop - 1]
        at = clause.find(DISTRIBUTING)
        if at >= 0:
            subject = _OPENER.sub("", clause[:at])
            if subject:
                names, names_start = _names(subject), start
            rest = at + len(DISTRIBUTING)
        elif names and _continues(clause):
            rest = 0  # …分别达47197元、16135元,增长4%、8%: the same names again
        else:
            names = []
            continue
        if at >= 0:
            out.update((a.start, None) for a in amounts
                       if start + rest <= a.start and a.end <= start + len(clause))
        figures = _figure_list(text, start + rest, start + len(clause), amounts)
        if not names or len(figures) != len(names):
            continue
        verbs = text[start + rest:figures[0].start]
        for name, a in zip(names, figures):
            reading = _reading(name, a, verbs, names_start, figures[-1].end)
            if reading is not None:
                out[a.start] = reading
    return out


def shared_growths(text: str, amounts: list[Amount]) -> dict[int, tuple[list[Amount], str]]:
    """分别 lists with no names of their own, keyed by their first figure's start.

    …接待游客1.7亿人次,旅游总花费突破3000亿元,分别增长15.6%、24.4%: each growth is of
    one of the levels just read, in order; `spread_growths` pairs them.
    """
    out: dict[int, tuple[list[Amount], str]] = {}
    clauses = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text) + 1]
    for start, stop in zip(clauses, clauses[1:]):
        clause = text[start:stop - 1]
        at = clause.find(DISTRIBUTING)
        if at < 0 or _OPENER.sub("", clause[:at]):
            continue
        rest = start + at + len(DISTRIBUTING)
        figures = _figure_list(text, rest, start + len(clause), amounts)
        verbs = text[rest:figures[0].start] if figures else ""
        if (len(figures) >= 2 and all(a.kind == "percent" for a in figures)
                and any(v in verbs for v in GROWTH + DECLINE)):
            out[figures[0].start] = (figures, verbs)
    return out


def spread_growths(figures: list[Amount], verbs: str, readings: list[Reading]) -> list[Reading]:
    """The growths of the levels just read, one each, when the run of levels closing the
    readings has exactly as many distinct names as there are figures."""
    run = 0
    while run < len(readings) and readings[-1 - run].measure == "level":
        run += 1
    last = readings[len(readings) - run:]
    if run != len(figures) or len({r.phrase.name for r in last}) < run:
        return []
    sign = -1 if any(v in verbs for v in DECLINE) else 1
    return [Reading(a, r.phrase, "growth", sign * a.value, r.start, figures[-1].end)
            for r, a in zip(last, figures)]


def _names(subject: str) -> list[str]:
    """城乡居民收入 → 城镇居民收入, 农村居民收入; 收入和支出 → …收入, …支出; A、B → A, B."""
    for scope, parts in sorted(SPLIT_SCOPES.items(), key=lambda kv: -len(kv[0])):
        if subject.startswith(scope) and len(subject) > len(scope) + 1:
            return [part + subject[len(scope):] for part in parts]
    conjuncts = [c for c in _SEPARATOR.split(subject) if c]
    if len(conjuncts) < 2:
        return []
    first, last = conjuncts[0], conjuncts[-1]
    if all(c in PAIRED_HEADS for c in conjuncts[1:]) and first.endswith(PAIRED_HEADS) \
            and len(first) > len(last) + 1:
        stem = first[:-len(last)]  # 一般公共预算收入和支出: the modifier is shared
        return [first] + [stem + c for c in conjuncts[1:]]
    if len(conjuncts) == 2 and len(last) > 2 and len(tokens(first)[-1][0]) == 1:
        # 金融机构存、贷款余额: the head is shared, the first conjunct ends in its one character
        return [first + last[1:], first[:-1] + last]
    head = next((h for h in INDICATOR_HEADS if last.endswith(h) and len(last) > len(h)), None)
    if head and not any(c.endswith(INDICATOR_HEADS) for c in conjuncts[:-1]):
        return [c + head for c in conjuncts[:-1]] + [last]  # 批发业、零售业、餐饮业增加值
    return conjuncts


def _continues(clause: str) -> bool:
    """A clause that opens with a verb and only lists figures: 增长4.3%、7.6%."""
    return clause.startswith(_VERB_WORDS)


def _figure_list(text: str, start: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """The figures listed from `start`, after the verbs, joined only by separators."""
    inside = [a for a in amounts if start <= a.start and a.end <= end]
    if not inside:
        return []
    lead = text[start:inside[0].start]
    while lead and (m := next((w for w in _VERB_WORDS if lead.startswith(w)), None)):
        lead = lead[len(m):]
    if lead:
        return []
    for a, b in zip(inside, inside[1:]):
        if not _SEPARATOR.fullmatch(text[a.end:b.start]):
            return []
    return inside if inside[-1].end == end or text[inside[-1].end:end].strip() == "" else []


def _reading(name: str, a: Amount, verbs: str, start: int, end: int) -> Reading | None:
    """One name and its figure, measured as the verbs say."""
    phrase = phrase_of(name, start, end)
    if phrase is None:
        return None
    grows = any(v in verbs for v in GROWTH)
    falls = any(v in verbs for v in DECLINE)
    if a.kind == "percent":
        if grows or falls:
            return Reading(a, phrase, "growth", -a.value if falls else a.value, start, end)
        if is_share(phrase):
            return Reading(a, phrase, "share", a.value, start, end)
        return None
    if a.kind == "points" or (grows or falls) and not any(v in verbs for v in REACH):
        return None  # 分别增加3家、5家 is a change, not a level
    return Reading(a, phrase, "level", a.value, start, end)
