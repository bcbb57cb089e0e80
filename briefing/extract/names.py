"""Where a project or policy name starts and ends.

Chinese marks no word boundaries, but a name in a government report sits in a
predictable frame: a governing verb before it (加快推进, 深入实施), a head noun
at its end (产业园, 工程), and around it the punctuation of enumerations
(A、B等…项目) and of quotes.  This module finds that frame; projects.py and
policies.py decide what the framed phrase is.

Everything works on a *masked* copy of the sentence (same length): the inside
of short quotes, 《》 titles and short brackets is blanked so that a 、 or a
verb inside “个转企、小升规” or 《…实施方案》 never splits or cuts a name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple


from briefing.extract.sentences import Sentence
from briefing.extract.vocab import (ADVERBS, CHAIN_ONLY_VERBS, COUNT_CLASSIFIERS, FACILITY_VERBS,
                                    EVALUATIVE_OPENINGS, EVALUATIVE_WORDS, EXISTENTIAL_AFTER,
                                    GENERIC_WORDS, GOVERNING_VERBS, NOMINAL_VERBS, OPENERS,
                                    SINGLE_CHARACTER_GUARDS, WORKS_BEFORE_GONGCHENG,
                                    WORKS_WORDS)

MASK = "\ue000"
_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》", "‘": "’", "〈": "〉", "(": ")", "（": "）"}
_QUOTES = "“”「」『』‘’\""
_CLOSERS = "”」』’〉)）》"
_MARK_RE = re.compile("[" + re.escape("".join(_PAIRS) + _CLOSERS + '"') + "]")
_INNER_BREAK_RE = re.compile(r"[，,。；;！？]")
# Longest quoted label or bracket kept inside a name; longer ones are speech or asides.
_MAX_QUOTED = 30
_MAX_BRACKET = 10
# Space next to a 、 or a digit is debris inside a phrase (A、 B; 500 强; 41 个), not a
# break between headlines.
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?…]+|——|—|(?<![、\d])\s+(?![、\d])")
_LIST_MARKER = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[●•·▪■◆★\-]"
                          r"|[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，,、])\s*")
_COUNT = re.compile(rf"^(?:[\d.]+|[一二两三四五六七八九十百千几多]+)[{COUNT_CLASSIFIERS}]")


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex matching any of `words`, longest first.  Kept flat: re compiles a
    flat alternation of literals with a first-character test, which scans faster
    than any nesting of it."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# Governing words: many-character ones are literals in one flat alternation;
# single characters are a character class whose guards (以 but not 以及) are
# checked after the match, so neither regex leaves re's fast literal scan.
_CUT_RE = re.compile(alternation([w for w in GOVERNING_VERBS + ADVERBS + CHAIN_ONLY_VERBS
                                  if len(w) > 1]))
_SINGLES = sorted({w for w in GOVERNING_VERBS + ADVERBS if len(w) == 1} | {"的"})
_SINGLE_RE = re.compile("[" + "".join(_SINGLES) + "]")
_ADVERB_SET = frozenset(ADVERBS + CHAIN_ONLY_VERBS)
_NOMINAL_RE = re.compile(alternation(NOMINAL_VERBS))
_OPENER_RE = re.compile(f"(?:{alternation(OPENERS)})[，,]?")
# An amount invested governs what follows like a verb (投资50亿元建设X, 总投资120亿元的X).
INVESTMENT = (r"(?:估算|概算)?(?:总|计划|预计|拟|共|累计)?投资(?:额|总额)?(?:约|超|超过|近|达|逾|达到)?"
              r"(\d+(?:\.\d+)?)(亿|万)元(?:人民币)?")
_INVESTMENT_RE = re.compile(INVESTMENT)
_GENERIC_HEAD_RE = re.compile(f"^(?:{alternation(GENERIC_WORDS)})")
_GENERIC_TAIL_RE = re.compile(f"(?:{alternation(GENERIC_WORDS)})$")
# A size class: 超2000亿元, 5000万元以上, 10亿元级.
_SIZE_CLASS_RE = re.compile(r"^(?:超|超过|逾)?\d+(?:\.\d+)?[万亿]元?(?:以上|以下|级)?")


def mask(text: str) -> str:
    """Blank the inside of short quotes, titles and brackets; long ones become clause breaks.

    ASCII double quotes open and close alternately.  An unclosed opening mark
    is treated as a break, so a quoted speech never swallows the sentence.
    """
    marks = [m.start() for m in _MARK_RE.finditer(text)]
    if not marks:
        return text
    out = list(text)
    n = 0
    while n < len(marks):
        i = marks[n]
        ch = text[i]
        close = '"' if ch == '"' else _PAIRS.get(ch)
        if close is None:
            out[i] = "，"
            n += 1
            continue
        k = _closing(text, marks, n, ch, close)
        j = marks[k] if k >= 0 else -1
        inner = text[i + 1:j] if j > 0 else ""
        keep = j > 0 and (ch == "《" or (
            len(inner) <= (_MAX_BRACKET if ch in "(（" else _MAX_QUOTED)
            and not _INNER_BREAK_RE.search(inner)))
        if not keep:
            out[i] = "，"
            if j > 0:
                out[j] = "，"
            n += 1
            continue
        out[i + 1:j] = MASK * (j - i - 1)
        n = k + 1
    return "".join(out)


def _closing(text: str, marks: list[int], n: int, opening: str, close: str) -> int:
    """Index in `marks` of the mark closing the one at `marks[n]`, or -1."""
    depth = 0
    for k in range(n + 1, len(marks)):
        ch = text[marks[k]]
        if ch == close and depth == 0:
            return k
        if ch == opening and opening != close:
            depth += 1
        elif ch == close:
            depth -= 1
    return -1


def clauses(masked: str) -> list[tuple[int, int]]:
    """Clause spans of a masked sentence: between commas, semicolons, colons and dashes."""
    spans: list[tuple[int, int]] = []
    last = 0
    for m in _CLAUSE_END.finditer(masked):
        if m.start() > last:
            spans.append((last, m.start()))
        last = m.end()
    if last < len(masked):
        spans.append((last, len(masked)))
    return spans


def list_marker_end(text: str) -> int:
    """Length of a list marker (1. / (一) / ●) opening a clause, else 0."""
    m = _LIST_MARKER.match(text)
    return m.end() if m else 0


def opening_end(text: str) -> int:
    """Where a clause's content starts: after list markers and openers (目前, 同时)."""
    pos = list_marker_end(text)
    while True:
        m = _OPENER_RE.match(text, pos)
        if not m:
            return pos
        pos = m.end()


@dataclass
class Frame:
    """A sentence prepared once for both extractors: its masked text, its clauses
    and, on demand, the governing words of each clause."""

    text: str
    masked: str
    clauses: list[tuple[int, int]]
    _cuts: dict[int, tuple[int, list[Cut]]] = field(default_factory=dict)

    def clause_cuts(self, cs: int, ce: int) -> tuple[int, list[Cut]]:
        """Where the clause's content starts (after openers) and its governing words."""
        if cs not in self._cuts:
            clause = self.masked[cs:ce]
            start = opening_end(clause)
            self._cuts[cs] = (start, cuts(clause, start))
        return self._cuts[cs]


_last_frame: list[Frame] = []


def frame(sentence: Sentence) -> Frame:
    """The prepared sentence; the projects and policies passes share the last one."""
    if _last_frame and _last_frame[0].text == sentence.text:
        return _last_frame[0]
    masked = mask(sentence.text)
    prepared = Frame(sentence.text, masked, clauses(masked))
    _last_frame[:] = [prepared]
    return prepared


class Cut(NamedTuple):
    """A governing word (verb, adverb, preposition, 的) at `start:end` of a clause."""

    start: int
    end: int
    word: str


def cuts(clause: str, start: int = 0) -> list[Cut]:
    """Governing words of a masked clause, left to right, from `start` on.

    建设/改造 count only right after another governing word (加快建设, 谋划建设)
    or at the clause start; elsewhere they belong to a name.  Adverbs count only
    right before another governing word.
    """
    invested = ([Cut(m.start(), m.end(), m.group())
                 for m in _INVESTMENT_RE.finditer(clause, start)] if "投资" in clause else [])
    found = [Cut(m.start(), m.end(), m.group()) for m in _CUT_RE.finditer(clause, start)]
    covered = {i for c in found for i in range(c.start, c.end)}
    found += [Cut(m.start(), m.end(), m.group()) for m in _SINGLE_RE.finditer(clause, start)
              if m.start() not in covered and not _guarded(clause, m)]
    found = sorted(c for c in found if not _names_institution(clause, c))
    if invested:
        found = sorted(invested + [c for c in found if not _overlaps(c, invested)])
    if "建设" in clause or "改造" in clause:
        ends = {c.end for c in found if c.word != "的"}
        nominal = [Cut(m.start(), m.end(), m.group()) for m in _NOMINAL_RE.finditer(clause, start)
                   if m.start() == start or m.start() in ends]
        found = sorted(found + [c for c in nominal if not _overlaps(c, found)])
    valid: list[Cut] = []
    for c in reversed(found):
        if c.word in _ADVERB_SET and not (valid and valid[-1].start == c.end
                                          and valid[-1].word != "的"):
            continue
        valid.append(c)
    valid.reverse()
    return valid


# 研究院, 研究所: the verb is the first word of an institution's head noun.
_INSTITUTION_NOUNS = ("院", "所")


def _names_institution(clause: str, cut: Cut) -> bool:
    return cut.word in FACILITY_VERBS and clause.startswith(_INSTITUTION_NOUNS, cut.end)


def _guarded(clause: str, m: re.Match) -> bool:
    """以 before 及 is 以及, not 以: the guard characters say which words it starts;
    and no single character governs right after a 、."""
    if m.start() > 0 and clause[m.start() - 1] == "、":
        return True  # after 、 comes the next listed noun (吕梁杭氧、并盛熔盐), not a verb
    if m.group() == "有" and not clause.endswith(tuple(EXISTENTIAL_AFTER), 0, m.start()):
        return True
    nxt = clause[m.end():m.end() + 1]
    return bool(nxt) and nxt in SINGLE_CHARACTER_GUARDS.get(m.group(), "")


def _overlaps(cut: Cut, others: list[Cut]) -> bool:
    return any(o.start < cut.end and cut.start < o.end for o in others)


def chain_before(found: list[Cut], pos: int) -> list[Cut]:
    """The run of adjacent governing words ending exactly at `pos` (加快+推进)."""
    run: list[Cut] = []
    for c in reversed(found):
        if c.end > pos:
            continue
        if c.end != (run[0].start if run else pos):
            break
        run.insert(0, c)
    return run


def chain_after(found: list[Cut], pos: int) -> list[Cut]:
    """The run of adjacent governing words starting exactly at `pos` (全线+动工)."""
    run: list[Cut] = []
    for c in found:
        if c.start < pos:
            continue
        if c.start != (run[-1].end if run else pos):
            break
        run.append(c)
    return run


def is_generic(modifier: str) -> bool:
    """True when the words before a head are all category words (重点, 首期工业, 省产业,
    超2000亿元重大)."""
    rest = strip_quotes(modifier)
    if not rest or _COUNT.match(rest):
        return True
    while rest:
        m = (_SIZE_CLASS_RE.match(rest) or _GENERIC_HEAD_RE.match(rest)
             or _GENERIC_TAIL_RE.search(rest))
        if not m:
            break
        rest = rest[:m.start()] + rest[m.end():]
    return not rest


def is_evaluative(name: str) -> bool:
    """Goal and role phrases (国内一流的…基地, 重要承载区, 智慧…2.0示范园区) carry a
    judgement word or a version number."""
    return (any(w in name for w in EVALUATIVE_WORDS) or name.startswith(EVALUATIVE_OPENINGS)
            or bool(_VERSION_RE.search(name)))


_VERSION_RE = re.compile(r"\d\.0(?!\d)")


def starts_with_count(text: str) -> bool:
    """两个…, 151个…, 一批…, 三大…: a count makes the phrase a category."""
    return bool(_COUNT.match(text))


def is_works(name: str) -> bool:
    """…工程 is a construction work (技改工程, 小清河复航工程, 供水管网工程), not a
    programme (工业振兴工程): it ends in a building word, names a structure, or a place."""
    modifier = name[:-2] if name.endswith("工程") else name
    return (modifier.endswith(WORKS_BEFORE_GONGCHENG) or any(w in modifier for w in WORKS_WORDS)
            or bool(place_prefix(name)))


def names_structure(name: str) -> bool:
    """道路提升, 老旧管网改造: a name that says what is built (a structure or a place), which
    a campaign (民生福祉提升) does not, whatever its verb."""
    return any(w in name for w in WORKS_WORDS) or bool(place_prefix(name))


def strip_quotes(text: str) -> str:
    return text.translate(_NO_QUOTES)


_NO_QUOTES = str.maketrans("", "", _QUOTES + "《》")


def place_prefix(name: str) -> str:
    """The region name a name opens with (醴陵工业城 → 醴陵), else ''."""
    mentions = _places(name)
    return mentions[0].surface if mentions and mentions[0].start == 0 else ""


def place_prefix_anywhere(text: str) -> bool:
    """True when `text` names a region anywhere (广州软件学院, 合肥至武汉段)."""
    return bool(_places(text))


@lru_cache(maxsize=8192)
def _places(text: str) -> tuple:
    from briefing.regions.gazetteer import load_gazetteer
    return tuple(load_gazetteer().find_mentions(text))
