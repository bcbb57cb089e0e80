"""Project phrases: a name ending in a head noun, alone or in an enumeration.

`parse_group` reads the noun phrase that opens a stretch of clause between two
governing words (names.cuts): `A、B和C等…项目`, `X(B型)`, `国道G240`,
`沿江高铁合肥至武汉段`.  It finds where each name ends (a head noun,
then a road number, line, section, phase or works suffix), splits the
enumeration, and gives bare items the head they share.  Whether a phrase is a
project at all is projects.py's question.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.names import alternation, is_generic
from briefing.extract.vocab import (COUNT_CLASSIFIERS, HEAD_SUFFIXES, NOT_HEADS,
                                    NUMBERED_SCHOOL, POLICY_HEADS, PREDICATE_ADVERBS,
                                    MEASURE_PREDICATES, PROCESS_NOUNS, PROGRESS_PREDICATES,
                                    SITE_NOUNS, PROJECT_HEADS, STATIVE_VERBS, WORKS_SUFFIXES)

# Head nouns are literals; numbered schools (一中, 八小) are a pattern of their own,
# searched apart because one non-literal branch makes re scan the literals slowly.
HEAD_RE = re.compile(alternation(list(PROJECT_HEADS)))
_SCHOOL_RE = re.compile(NUMBERED_SCHOOL)
_NOT_HEAD_RE = re.compile(alternation(NOT_HEADS))
# After a head: a road number (国道G240), a direction line (南(西)线), a section
# (合肥至武汉段, 城西段) and a phase or branch (二期, 新院).
_EXTENSION_RE = re.compile(
    r"(?:[A-Z]?\d{1,3}号?线|[A-Z]\d{1,4})?"
    rf"(?:[东南西北](?:[(（][^)）]{{1,2}}[)）])?线)?"
    r"(?:[^、，\s]{1,12}?至[^、，\s]{1,12}?段|[\u4e00-\u9fff]{2}段(?![落])|[A-Z]\d+合同段)?"
    rf"(?:{alternation(HEAD_SUFFIXES)})?(?:{alternation(WORKS_SUFFIXES)})?")
PROCESS = alternation(PROCESS_NOUNS)
_TIME = (r"(?:今年|明年|年内|年底前?|年中|上半年|下半年|[一二三四]季+度?(?:前)?"
         r"|\d{1,2}月(?:底|份|中旬|下旬|上旬)?前?|\d{4}年(?:底|内)?前?|尽快|早日)")
_FOLLOW_RE = re.compile(
    rf"^(?:(?:{PROCESS})(?:(?:及|和|与|、)[^、]{{0,10}}?(?:{PROCESS}))?"
    rf"(?:{alternation(PROGRESS_PREDICATES)})?|{_TIME}+)?$"
    # on the site anything may happen (X项目施工现场设立分会场); a measure is said of it
    rf"|^(?:{alternation(SITE_NOUNS + MEASURE_PREDICATES)})")
# A count after a list resumes it as the subject of what follows (A项目、B项目3项计划签约);
# after a single name it counts a category instead (开工重点项目10个).
_RESUMING_COUNT_RE = re.compile(r"^(?:\d+|[一二两三四五六七八九十]+)[项个]$")
# A bracket after a name is an aside when it holds figures (总投资35亿元, 2023—2025年);
# otherwise it is part of the name (保税物流中心(B型)).
_ASIDE_RE = re.compile(r"\d|投资|占地|面积")
_SEPARATOR_RE = re.compile(r"以及|及|和|与|、")
# A predicate opening with an adverb (要延链发展, 尽快见效) closes the phrase
# before it even when its verb is not one of ours.
_ADVERB_RE = re.compile(f"^(?:{alternation(PREDICATE_ADVERBS)})")
_STATIVE_RE = re.compile(alternation(STATIVE_VERBS))
_NOT_ETC = "高平同对均初中特优上下劣相次超头一二三"
_COUNT_TAIL_RE = re.compile(rf"(?:[\d.]+|[两二三四五六七八九十百千几多]+)[{COUNT_CLASSIFIERS}]")
_SECTOR_WORDS = ("行业", "领域", "企业", "集群")
_SECTOR_RE = re.compile(f"产业(?!化|{alternation(list(PROJECT_HEADS))})")  # not 产业化项目
# After a name, 等 and a word that is no head closes the list (厦门新机场、福厦高铁等重大设施).
_ETC_TAIL_RE = re.compile(r"^等[^、，]{0,10}$")
# A listed item ending in a policy head is a plan, not a project (纳入“十四五”规划等重大项目).
_PLAN_END_RE = re.compile(f"(?:{alternation([h for h, _ in POLICY_HEADS])})$")
# Longest name (before its head) that shares the head of the name after it.
_SHARED_HEAD_NAME = 4


@dataclass
class Item:
    """One name of a phrase; a bare listed name borrows the head at `shared`."""

    start: int          # clause offsets of the name as written
    end: int
    head: str           # the head noun the name ends with, or the shared one
    shared: int = -1    # clause offset of the shared head (德玛电子、夏特新材料等…项目)


@dataclass
class Group:
    """The names of one phrase and what closes it (a process noun or an adverb)."""

    items: list[Item]
    end: int            # end of the phrase, after a trailing 建设/进度
    tail: str           # text after the last name (建设进度, 等项目…)
    adverb: str = ""    # an adverb opening the predicate after it (要, 尽快)


def parse_group(clause: str, original: str, start: int, end: int) -> Group | None:
    """The enumeration of names opening `clause[start:end]`, if it ends in a head noun."""
    text = clause[start:end]
    head_ends: dict[int, str] = {}
    np_end = -1
    blocked = [(b.start(), b.end()) for b in _NOT_HEAD_RE.finditer(text)]
    covered = 0
    for m in _heads(text):
        if m.start() < covered or not _whole_head(text, m) \
                or any(a < m.end() and m.start() < b for a, b in blocked):
            continue
        ext = _EXTENSION_RE.match(text, m.end())
        he = ext.end() if ext else m.end()
        he = _bracket_end(text, original[start:end], he)
        head_ends[he] = m.group()
        covered = he
        rest = _skip_aside(text, original[start:end], he)
        adverb = _ADVERB_RE.match(rest)
        if _FOLLOW_RE.match(rest) or (adverb and not _STATIVE_RE.match(rest, adverb.end())) \
                or ("、" in text[:m.start()] and _RESUMING_COUNT_RE.match(rest)):
            np_end = he
            break
    if np_end < 0:
        np_end = next((he for he in head_ends
                       if _ETC_TAIL_RE.match(_skip_aside(text, original[start:end], he))), -1)
    if np_end < 0:
        return None
    items = _split_items(text[:np_end], head_ends)
    if not items:
        return None
    rest = _skip_aside(text, original[start:end], np_end)
    adverb = _ADVERB_RE.match(rest)
    for item in items:
        item.start, item.end = item.start + start, item.end + start
        if item.shared >= 0:
            item.shared += start
    return Group(items, start + np_end, "" if adverb else rest,
                  adverb.group() if adverb else "")


def head_ends_at(text: str, pos: int) -> bool:
    """A head noun (plus its extension) ends right at `pos`: 成渝高速公路|扩容."""
    return any(_EXTENSION_RE.match(text, m.end(), pos).end() == pos
               for m in HEAD_RE.finditer(text, max(0, pos - 16), pos))


def _strong_head_in(text: str, start: int, end: int) -> bool:
    """广巴铁路扩能改造 holds its own head: it takes no shared one."""
    return any(PROJECT_HEADS.get(m.group()) == 2 for m in HEAD_RE.finditer(text, start, end))


def has_head(text: str, start: int = 0, end: int | None = None) -> bool:
    end = len(text) if end is None else end
    return bool(HEAD_RE.search(text, start, end) or _SCHOOL_RE.search(text, start, end))


def head_positions(text: str) -> list[int]:
    """Where head nouns start in `text`, in order: the cheap test before any parsing."""
    found = [m.start() for m in HEAD_RE.finditer(text)]
    schools = [m.start() for m in _SCHOOL_RE.finditer(text)]
    return sorted(found + schools) if schools else found


def _heads(text: str) -> list[re.Match]:
    """Head nouns in `text`, left to right, numbered schools among them."""
    found = list(HEAD_RE.finditer(text))
    schools = [m for m in _SCHOOL_RE.finditer(text)
               if not any(h.start() < m.end() and m.start() < h.end() for h in found)]
    return sorted(found + schools, key=lambda m: m.start()) if schools else found


def _bracket_end(text: str, original: str, pos: int) -> int:
    """A bracket right after a name that is not an aside belongs to the name."""
    if text[pos:pos + 1] in ("(", "（"):
        close = min((i for i in (text.find(")", pos), text.find("）", pos)) if i > 0),
                    default=-1)
        if close > 0 and not _ASIDE_RE.search(original[pos + 1:close]):
            return close + 1
    return pos


def _skip_aside(text: str, original: str, pos: int) -> str:
    """The text after a name, past an aside in brackets (（总投资35亿元）)."""
    if text[pos:pos + 1] in ("(", "（"):
        close = min((i for i in (text.find(")", pos), text.find("）", pos)) if i > 0),
                    default=-1)
        if close > 0 and _ASIDE_RE.search(original[pos + 1:close]):
            return text[close + 1:]
    return text[pos:]


def _whole_head(text: str, m: re.Match) -> bool:
    """A one-character head (港, 站, 岛) must end its word: not 港澳, 站内."""
    nxt = text[m.end():m.end() + 1]
    return not (len(m.group()) == 1 and nxt and nxt in "澳口点务位长内外股家商")


def _split_items(text: str, head_ends: dict[int, str]) -> list[Item]:
    """Split `A、B和C等…项目` into names; bare ones share the enumeration's head noun."""
    pieces: list[tuple[int, int]] = []
    last = 0
    for m in _SEPARATOR_RE.finditer(text):
        if m.group() == "、" or m.start() in head_ends:
            pieces.append((last, m.start()))
            last = m.end()
    pieces.append((last, len(text)))
    if any(b - a == 1 for a, b in pieces[:-1]):
        return []  # 国、省干道连接线: one character stands for a level, the list for categories
    head = head_ends[len(text)]
    tail = _tail(text, pieces[-1], head_ends)
    if tail is not None:
        pieces[-1] = (pieces[-1][0], tail)
        sharing = set() if _sector_tail(text[tail:]) else set(range(len(pieces)))
    else:
        sharing = _short_run(text, pieces, head_ends, len(head))
    shared = _shared_start(text, len(text) - len(head))
    items: list[Item] = []
    for n, (a, b) in enumerate(pieces):
        if b <= a or text[a] in "等、":
            continue
        if b in head_ends:
            items.append(Item(a, b, head_ends[b]))
        elif n in sharing and not _strong_head_in(text, a, b) \
                and not _PLAN_END_RE.search(text, a, b):
            items.append(Item(a, b, head, shared))
    return items


def _short_run(text: str, pieces: list[tuple[int, int]], head_ends: dict[int, str],
               head: int) -> set[int]:
    """临沂商贸物流园一期、华宇、联丰项目: short bare names right before a short last
    name share its head; anything longer is a phrase of its own."""
    a, b = pieces[-1]
    if len(pieces) < 2 or b - a - head > _SHARED_HEAD_NAME:
        return set()
    if is_generic(text[a:b - head]):
        return set()  # 投资增速较快、大项目推进顺利: a bare category shares nothing
    run: set[int] = set()
    for n in range(len(pieces) - 2, -1, -1):
        a, b = pieces[n]
        if b in head_ends or b - a > 2 * _SHARED_HEAD_NAME:
            break
        run.add(n)
    return run


def _shared_start(text: str, head_start: int) -> int:
    """The shared head keeps a quoted label right before it (两个“双碳”产业园)."""
    if head_start > 0 and text[head_start - 1] in "”」』\"":
        opening = max(text.rfind(q, 0, head_start - 1) for q in "“「『\"")
        if opening >= 0:
            return opening
    return head_start


def _tail(text: str, last_piece: tuple[int, int], head_ends: dict[int, str]) -> int | None:
    """Where `等超亿元台资项目` or `两个“双碳”产业园` closes an enumeration."""
    a, b = last_piece
    piece = text[a:b]
    for m in re.finditer("等", piece):
        if m.start() > 0 and (piece[m.start() - 1] not in _NOT_ETC
                              or a + m.start() in head_ends):  # 世外高中|等 (not 高|中等)
            return a + m.start()
    if a > 0:  # a count closes a list (A、B两个…产业园), not a single name
        for m in _COUNT_TAIL_RE.finditer(piece):
            if a + m.start() in head_ends:
                return a + m.start()
    return None


def _sector_tail(tail: str) -> bool:
    """`低空经济、储能等一批新兴产业和园区`: the listed words are sectors, not projects
    (but 等重大产业项目 lists projects)."""
    m = HEAD_RE.search(tail)
    modifiers = tail[:m.start()] if m else tail
    # searched in the whole tail: 农业产业项目 lists projects, 未来产业和园区 sectors
    sector = any(s.start() < len(modifiers) for s in _SECTOR_RE.finditer(tail))
    return sector or any(w in modifiers for w in _SECTOR_WORDS)
