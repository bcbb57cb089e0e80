"""Split an article into sentences that carry their context.

Extractors look at one sentence at a time; what they cannot see in it — the
heading above it, the region it is about, the year it speaks of, whether the
passage is a plan or a review — is worked out once here and by the region and
year passes, and travels with the sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from briefing.extract.numbers import COUNT_UNITS, CURRENCIES, MEASURE_UNITS
from briefing.model import Article

Tense = Literal["target", "actual"]

# A sentence ends at a full stop, question or exclamation mark, or a semicolon;
# a closing quote right after the mark stays with the sentence.
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』]?")
_LIST_MARK = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[●•·▪■◆★]\s*)")
# A run-on paragraph (a table flattened into one line, a page of commas) is cut into
# pieces of at most this many characters at a comma, so that no rule reading a
# sentence goes quadratic on it; a sentence of a work report is far shorter.
MAX_SENTENCE = 2000
_SOFT_END = re.compile(r"[，、：]|[,:](?!\d)")   # not inside 1,000 or 10:30
# A short line that states a rate or an amount (固定资产投资增长8%, 新增规上工业企业超300家)
# is a statement, not a heading: a list of targets is often printed one a line.
_RATE = re.compile(r"\d\s*[%％]|\d\s*(?:[万亿]\s*)?(?:" + "|".join(
    sorted(COUNT_UNITS + MEASURE_UNITS + tuple(CURRENCIES), key=len, reverse=True)) + ")")


@dataclass
class Sentence:
    """One sentence of an article, with offsets into `Article.text`.

    `text` is the Simplified form used for matching; `original` is the same span
    verbatim, for quotes. Both have the same length, so a match at `i:j` in
    `text` is quoted as `original[i:j]`.
    """

    text: str
    original: str
    start: int
    paragraph: int
    heading: str = ""
    headings: tuple[str, ...] = ()
    is_heading: bool = False
    region: str | None = None
    year: int | None = None
    tense: Tense | None = None
    mentions: list = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def quote(self, i: int, j: int) -> str:
        """The verbatim text of the span `i:j` of this sentence."""
        return self.original[i:j].strip()


@lru_cache(maxsize=8)
def _mark_ends(marks: re.Pattern, text: str) -> tuple[int, ...]:
    """Where each mark of `text` ends: found once per sentence, however many figures
    ask, so that a sentence of a thousand clauses is read in linear time."""
    return tuple(m.end() for m in marks.finditer(text))


def start_of_clause(marks: re.Pattern, text: str, pos: int) -> int:
    """Where the clause (or list item) holding `pos` begins: after the last of the
    single-character `marks` that lies wholly before `pos`, else at 0."""
    ends = _mark_ends(marks, text)
    i = bisect_right(ends, pos) - 1
    return ends[i] if i >= 0 else 0


def looks_like_heading(line: str) -> bool:
    """Short lines without closing punctuation are headings (一、…, 关键词二:…, 2023年工作安排)."""
    s = line.strip()
    if not s or len(s) > 40:
        return False
    if s[-1] in "。！？!?；;，," or _RATE.search(s):
        return False
    return True


def split_sentences(article: Article) -> list[Sentence]:
    """Paragraphs are lines; sentences end at 。！？；. Headings become context."""
    out: list[Sentence] = []
    headings: tuple[str, ...] = ()   # the last three, innermost last
    same = article.text is article.plain   # Simplified: a span's verbatim text is its plain text
    pos = 0
    for par_no, line in enumerate(article.plain.split("\n")):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        if looks_like_heading(line) and not _LIST_MARK.match(line):
            heading = line.strip()
            headings = (headings + (heading,))[-3:]
            lead = len(line) - len(line.lstrip())
            out.append(Sentence(
                text=heading,
                original=heading if same else article.text[line_start + lead:
                                                           line_start + lead + len(heading)],
                start=line_start + lead,
                paragraph=par_no,
                heading=heading,
                headings=headings,
                is_heading=True,
            ))
            continue
        last = 0
        current = headings[-1] if headings else ""
        ends = [m.end() for m in _SENTENCE_END.finditer(line)]
        if not ends or ends[-1] < len(line):
            ends.append(len(line))
        for end in _bounded(line, ends):
            raw = line[last:end]
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            if body:
                s0 = line_start + last + lead
                out.append(Sentence(
                    text=body,
                    original=body if same else article.text[s0:s0 + len(body)],
                    start=s0,
                    paragraph=par_no,
                    heading=current,
                    headings=headings,
                ))
            last = end
    return out


def _bounded(line: str, ends: list[int]) -> list[int]:
    """`ends` with a cut added inside every sentence longer than MAX_SENTENCE: after
    its last comma (or 、/：) within the limit, else at the limit itself."""
    out: list[int] = []
    last = 0
    for end in ends:
        while end - last > MAX_SENTENCE:
            limit = last + MAX_SENTENCE
            cut = max((m.end() for m in _SOFT_END.finditer(line, last + MAX_SENTENCE // 2, limit)),
                      default=limit)
            out.append(cut)
            last = cut
        out.append(end)
        last = end
    return out
