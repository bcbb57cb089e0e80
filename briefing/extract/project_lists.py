"""How the names of a list share what the list says: amounts, categories, heads.

A list of project names often says more than each name: 投资24亿元的A、投资10亿元
的B等项目 gives each name its amount, A、B等续建项目 gives them all a stage and a
head, a count in the next clause (4项参加网络签约) takes the list up again.  These
helpers read that grammar on the governing words of a clause (names.cuts) and on
the parsed list (project_phrases.Group) for projects.py.
"""
from __future__ import annotations

import re

from briefing.extract.names import INVESTMENT, Cut, Frame, is_generic
from briefing.extract.project_phrases import HEAD_RE, Group, Item, has_head
from briefing.extract.vocab import PROJECT_HEADS

_INVESTMENT_RE = re.compile(INVESTMENT)
_LISTED_INVESTMENT_RE = re.compile(rf"{INVESTMENT}的")
# What ends a listed name: separators, and 等 before an amount that qualifies the list.
_LIST_SEPARATORS = ("、", "和", "及", "与", "等")
_JOINING_WORDS = ("及", "和", "与", "以及")
_RESUMING_RE = re.compile(r"(?:\d+|[两二三四五六七八九十]+)[项个](?:项目)?")


def resuming_cuts(prepared: Frame, n: int, cs: int) -> list[Cut]:
    """A list of names alone in its clause, then `4项参加网络签约`: the count takes the
    list up again, so the next clause's verbs (offsets from `cs`) are the list's."""
    if n >= len(prepared.clauses):
        return []
    ns, ne = prepared.clauses[n]
    if not _RESUMING_RE.match(prepared.masked, ns, ne):
        return []
    _, found = prepared.clause_cuts(ns, ne)
    return [Cut(c.start + ns - cs, c.end + ns - cs, c.word) for c in found if c.word != "的"]


def without_listed_amounts(clause: str, found: list[Cut]) -> list[Cut]:
    """投资24亿元的A、投资10亿元的B等项目: an amount after a separator qualifies the
    next listed name (after 等, the whole list); it governs nothing, so the list stays
    one phrase."""
    dropped: set[int] = set()
    for n, c in enumerate(found):
        if _INVESTMENT_RE.fullmatch(c.word) and clause[:c.start].endswith(_LIST_SEPARATORS):
            dropped.add(n)
            if n + 1 < len(found) and found[n + 1].word == "的" and found[n + 1].start == c.end:
                dropped.add(n + 1)
    return [c for n, c in enumerate(found) if n not in dropped] if dropped else found


def without_etc_de(clause: str, found: list[Cut], start: int) -> list[Cut]:
    """A、B等一批超10亿元的大项目: the 的-phrase after 等 describes the listed names and
    ends in a category head, so A and B share that head across the 的."""
    kept: list[Cut] = []
    for n, c in enumerate(found):
        if c.word == "的":
            left = kept[-1].end if kept else start
            right = found[n + 1].start if n + 1 < len(found) else len(clause)
            etc = clause.rfind("等", left, c.start)
            category = clause[c.end:right]
            head = HEAD_RE.search(category)
            if etc > 0 and "、" in clause[left:etc] and not has_head(clause, etc, c.start) \
                    and head is not None and head.end() == len(category) \
                    and is_generic(category[:head.start()]):
                continue
        kept.append(c)
    return kept


def join_parts(clause: str, listed: list[tuple[Item, float | None]]
               ) -> list[tuple[Item, float | None]]:
    """投资12亿元的A枢纽及维保基地项目、投资1.3亿元的B: where each name carries its
    amount, a part joined by 及/和 without one belongs to the name before it."""
    joined: list[tuple[Item, float | None]] = []
    for item, amount in listed:
        if joined and amount is None and clause[joined[-1][0].end:item.start] in _JOINING_WORDS:
            prev, prev_amount = joined[-1]
            joined[-1] = (Item(prev.start, item.end, item.head, item.shared), prev_amount)
        else:
            joined.append((item, amount))
    return joined


def listed_amount(clause: str, item: Item) -> tuple[Item, float | None]:
    """The item past its own 投资X亿元的, and that amount."""
    m = _LISTED_INVESTMENT_RE.match(clause, item.start)
    if m is None:
        return item, None
    return Item(m.end(), item.end, item.head, item.shared), in_yi(m)


def list_category(clause: str, group: Group) -> str:
    """`等续建项目` closing a list: the category the listed names belong to; its verb
    (续建, 新开工) and head (项目) speak for every name in the list."""
    tail = clause[group.items[-1].end:group.end] or group.tail
    return tail if tail.startswith("等") else ""


def head_weight(item: Item, category: str) -> int:
    """How much the head says; a name listed under 等…项目 is a project whatever its own
    head (国际马文化交流中心等项目)."""
    own = PROJECT_HEADS.get(item.head, 1)
    heads = HEAD_RE.findall(category)
    return max(own, PROJECT_HEADS.get(heads[-1], 1)) if heads else own


def in_yi(m: re.Match) -> float:
    """An INVESTMENT match in 亿元."""
    value = float(m.group(1))
    return round(value / 10000, 6) if m.group(2) == "万" else value
