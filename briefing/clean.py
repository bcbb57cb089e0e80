"""Turn the text a reader found into the article a careful human would read.

E-paper pages come wrapped in navigation, page lists and copyright lines; PDFs break
lines inside sentences; some sites glue pinyin after every character. The extractors
should see one paragraph per line and nothing else, while headings stay as their own
lines because they give context (who speaks, which year a list is about).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from briefing.page_debris import (BARE_CREDIT, BYLINE, BYLINE_MAX, CAPTION_MAX, CAPTION_PATTERNS,
                                   CREDIT_MARK, CREDIT_NAME, DATE_LINE, DATELINE_START,
                                   FURNITURE_PATTERNS, JUMP_MARK, LABEL, LABEL_MAX,
                                   NAVIGATION_PATTERNS, RELATED_HEADING)
from briefing.plain import plain_form
from briefing.plain import simplify as simplify   # re-exported: older callers import it from here

# --- vocabularies -------------------------------------------------------------------

# Units that a line break or spaces may separate from their number (`316 亿\n元`).
UNIT_STARTS = "亿万千百元%％‰个家项人名件台套亩吨倍次座所条户辆米公平年月日号期届批股只栋间度岁周天"
NUMBER_END = r"\d(?:[\d.,]*\d)?\s*[亿万千百]?\s*$"

SENTENCE_END = "。！？!?；;：:….\""
CLOSING = "”’」』"
BRACKET_END = "）)】]"
SENTENCE_PUNCT = "，。；！？,;!?"
LIST_START = r"^(?:[•●○◆◇■□▪*]|\d{1,2}(?:[、\uff0e)\uff09]|\.(?!\d))|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
HEADING_MAX = 40
BODY_MIN = 40          # a line this long with sentence punctuation is article body
SENTENCE_MIN = 12      # …as is a shorter line that holds a full stop
HEADLINE_MAX = 80      # the first line, if this short, is the headline: never continued
REPEAT_MIN = 12        # shorter lines (headings, list numbers) may legitimately repeat

PINYIN_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_GLUED = re.compile(r"(?<=[\u3400-\u9fff])[(（]\s*[a-zü" + PINYIN_TONES + r"]{1,7}[1-5]?\s*[)）]")
PINYIN_TONED = re.compile(r"(?<=[\u3400-\u9fff])[(（]\s*(?=[a-z]*[ü" + PINYIN_TONES + r"]|[a-z]{1,6}[1-5])"
                          r"[a-zü" + PINYIN_TONES + r"]{1,7}[1-5]?\s*[)）]")
PINYIN_DOC_MIN = 5     # untoned "(qu)" only counts as pinyin when a page is full of it


class _AnyOf:
    """Whether a line holds any of some patterns.

    Those anchored at the line start are tried with one `match`, the others with
    one `search`: an alternation that mixes both loses the re module's scan for
    possible first characters and tries every alternative at every offset.
    """

    def __init__(self, patterns: tuple[str, ...]) -> None:
        alternatives = [a for p in patterns for a in _top_level_alternatives(p)]
        self._at_start = _alternation([a[1:] for a in alternatives if a.startswith("^")])
        self._anywhere = _alternation([a for a in alternatives if not a.startswith("^")])

    def found_in(self, line: str) -> bool:
        return bool(self._at_start.match(line) or self._anywhere.search(line))


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")


def _top_level_alternatives(pattern: str) -> list[str]:
    """`a|(?:b|c)|d` → `a`, `(?:b|c)`, `d`: split at the bars outside groups and classes."""
    out, depth, in_class, escaped, start = [], 0, False, False, 0
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


_NAVIGATION = _AnyOf(NAVIGATION_PATTERNS)
_FURNITURE = _AnyOf(FURNITURE_PATTERNS)
_LABEL = re.compile(LABEL)
_DATE_LINE = re.compile(DATE_LINE)
_CAPTION = re.compile("|".join(f"(?:{p})" for p in CAPTION_PATTERNS))
_BYLINE = re.compile(BYLINE)
_LIST_START = re.compile(LIST_START)
_DATELINE_START = re.compile(DATELINE_START)
_JUMP_MARK = re.compile(JUMP_MARK)
_CREDIT_MARK = re.compile(CREDIT_MARK)
_BARE_CREDIT = re.compile(BARE_CREDIT)
_CREDIT_NAME = re.compile(CREDIT_NAME)
# `增长 8 %`, `316 亿 元`: spaces a PDF or a typesetter put around a number.
_NUMBER_UNIT_GAP = r"(?<=\d)[ ]+(?=[" + UNIT_STARTS + r"])|(?<=[亿万千])[ ]+(?=[元美])"
_UNIT_GAP = re.compile(_NUMBER_UNIT_GAP + r"|(?<=[\u4e00-\u9fff])[ ]+(?=\d)")
# In a headline a space before a number parts its phrases (`投资46亿元 5个项目开工`),
# but not inside a date (`2019年 3月 2日`).
_HEADING_UNIT_GAP = re.compile(_NUMBER_UNIT_GAP)
_DATE_GAP = re.compile(r"(?<=\d[年月])[ ]+(?=\d)")
_RELATED_HEADING = re.compile(RELATED_HEADING)
_NUMBER_END = re.compile(NUMBER_END)
_SENTENCE_PUNCT = re.compile(f"[{re.escape(SENTENCE_PUNCT)}]")
_FULL_STOP = re.compile("[。！？!?]")
_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+")


class Line(NamedTuple):
    """A line as given and its Simplified twin of equal length: rules read `plain`,
    edits are applied to both at the same offsets, so `text` stays verbatim.

    Most articles are Simplified already: then `text` is `plain`, the same object,
    and every edit is made once.
    """

    text: str
    plain: str

    def sub(self, pattern: re.Pattern[str], repl: str = "") -> "Line":
        """Replace what `pattern` finds in `plain` by `repl` in both."""
        if self.text is self.plain:
            same = pattern.sub(repl, self.plain)
            return Line(same, same)
        spans = [m.span() for m in pattern.finditer(self.plain)]
        return Line(_replace(self.text, spans, repl), _replace(self.plain, spans, repl))

    def strip(self) -> "Line":
        if self.text is self.plain:
            same = self.plain.strip()
            return Line(same, same)
        lead = len(self.plain) - len(self.plain.lstrip())
        end = len(self.plain.rstrip())
        return Line(self.text[lead:end], self.plain[lead:end])

    def joined(self, other: "Line") -> "Line":
        if self.text is self.plain and other.text is other.plain:
            same = join_parts(self.plain, other.plain)
            return Line(same, same)
        return Line(join_parts(self.text, other.text), join_parts(self.plain, other.plain))


def _replace(s: str, spans: list[tuple[int, int]], repl: str) -> str:
    out, pos = [], 0
    for a, b in spans:
        out.append(s[pos:a] + repl)
        pos = b
    out.append(s[pos:])
    return "".join(out)


@dataclass
class Cleaned:
    """The body (verbatim and Simplified) and what was taken out of it.

    Metadata rules read the removed parts, so those are kept in Simplified form;
    captions are for people and stay verbatim.
    """

    text: str
    plain: str = ""
    captions: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)


def clean_text(raw: str) -> Cleaned:
    """Clean one article's raw text into one paragraph per line."""
    lines = _normalise_lines(raw)
    # Each line is judged once; the splits and the loop below ask again.
    body_line = {x.plain: is_body(x.plain) for x in lines}
    furniture = {x.plain: is_furniture(x.plain) for x in lines}
    header, lines = _split_header(lines, body_line, furniture)
    lines, footer = _split_footer(lines, body_line, furniture)
    out = Cleaned(text="", header=[x.plain for x in header], footer=[x.plain for x in footer])
    body: list[Line] = []
    started = False           # furniture before the first paragraph is the page's header
    credit = False            # the line before was a credit standing alone (编辑 / 李四)
    for line in lines:
        p = line.plain
        started = started or body_line[p]
        if furniture[p] or (credit and _CREDIT_NAME.match(p)):
            (out.furniture if started else out.header).append(p)
        elif len(p) <= CAPTION_MAX and _CAPTION.search(p):
            out.captions.append(line.text)
        elif len(p) <= BYLINE_MAX and _BYLINE.search(p) and not _has_sentence_punct(p):
            out.bylines.append(p)
        else:
            body.append(line)
        credit = bool(_BARE_CREDIT.match(p))
    body = [_without_marks(line) for line in _strip_pinyin(body)]
    body = [_close_unit_gaps(line) for line in body]
    body = _drop_repeats(_rejoin(body))
    out.text = "\n".join(line.text for line in body)
    # A Simplified article holds one string, not two equal ones (memory, and what
    # an ingest pickles to its workers).
    same = all(line.text is line.plain for line in body)
    out.plain = out.text if same else "\n".join(line.plain for line in body)
    return out


def is_furniture(line: str) -> bool:
    """Navigation, page lists, copyright, labels or a bare date line (Simplified text)."""
    return bool(_FURNITURE.found_in(line) or _DATE_LINE.match(line) or _BARE_CREDIT.match(line)
                or (len(line) <= LABEL_MAX and _LABEL.match(line)))


def _without_marks(line: Line) -> Line:
    """A paragraph without the jump markers and closing credits set inside it."""
    if "版" in line.plain:
        line = line.sub(_JUMP_MARK)
    return line.sub(_CREDIT_MARK) if line.plain.endswith((")", "）")) else line


def is_heading(line: str) -> bool:
    """A short line without sentence punctuation: a title, section head or speaker."""
    return len(line) <= HEADING_MAX and not _has_sentence_punct(line)


def is_body(line: str) -> bool:
    """A line of running text: long with punctuation, or a shorter full sentence."""
    if len(line) >= BODY_MIN and _has_sentence_punct(line):
        return True
    return len(line) >= SENTENCE_MIN and _FULL_STOP.search(line) is not None


def starts_list_item(line: str) -> bool:
    """`1.` `(三)` `●`: a line that opens a list item opens a paragraph."""
    return bool(_LIST_START.match(line))


def _has_sentence_punct(line: str) -> bool:
    return _SENTENCE_PUNCT.search(line) is not None


def _normalise_lines(raw: str) -> list[Line]:
    """One stripped line per input line, blank lines dropped, spaces collapsed."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    plain = plain_form(raw)
    if plain is raw:     # Simplified already: one string per line serves as both
        lines = (Line(x, x).strip() for x in _SPACES.sub(" ", raw).split("\n"))
    else:
        lines = (Line(x, y).sub(_SPACES, " ").strip()
                 for x, y in zip(raw.split("\n"), plain.split("\n")))
    return [line for line in lines if line.plain]


def _split_header(lines: list[Line], body_line: dict[str, bool],
                  furniture: dict[str, bool]) -> tuple[list[Line], list[Line]]:
    """Everything up to the last navigation line before the body is the page header."""
    first_body = next((i for i, x in enumerate(lines) if body_line[x.plain]), len(lines))
    last_nav = -1
    for i in range(first_body):
        if _NAVIGATION.found_in(lines[i].plain):
            last_nav = i
    header, rest = lines[:last_nav + 1], lines[last_nav + 1:]
    if rest and body_line[rest[0].plain]:   # the headline sat among the page tools: take it back
        for i in range(len(header) - 1, -1, -1):
            p = header[i].plain
            if not furniture[p] and len(p) <= HEADLINE_MAX and p[-1] not in SENTENCE_END:
                return header[:i] + header[i + 1:], [header[i]] + rest
    return header, rest


def _split_footer(lines: list[Line], body_line: dict[str, bool],
                  furniture: dict[str, bool]) -> tuple[list[Line], list[Line]]:
    """From the first furniture line after the last paragraph or list item to the end; a
    list of related articles ends the article however much running text its teasers hold."""
    first_body = next((i for i, x in enumerate(lines) if body_line[x.plain]), len(lines))
    related = next((i for i in range(first_body + 1, len(lines))
                    if _RELATED_HEADING.match(lines[i].plain)), None)
    if related is not None:
        lines, tail = lines[:related], lines[related:]
        kept, footer = _split_footer(lines, body_line, furniture)
        return kept, footer + tail
    last_body = max((i for i, x in enumerate(lines) if not furniture[x.plain]
                     and (body_line[x.plain] or starts_list_item(x.plain))), default=-1)
    for i in range(last_body + 1, len(lines)):
        if furniture[lines[i].plain]:
            return lines[:i], lines[i:]
    return lines, []


def _strip_pinyin(lines: list[Line]) -> list[Line]:
    """Remove `區(qū)` annotations: toned always, untoned only on pages full of them."""
    count = sum(len(PINYIN_GLUED.findall(x.plain)) for x in lines)
    pattern = PINYIN_GLUED if count >= PINYIN_DOC_MIN else PINYIN_TONED
    return [line.sub(pattern) for line in lines]


def _ends_mid_sentence(line: str) -> bool:
    last = line[-1]
    if last in SENTENCE_END or last in BRACKET_END:
        return False
    if last in CLOSING:
        return len(line) < 2 or line[-2] not in SENTENCE_END
    return True


def _continues(prev: str, line: str) -> bool:
    """Whether `line` is the rest of `prev`'s sentence, cut by a stray line break."""
    if _NUMBER_END.search(prev) and line[0] in UNIT_STARTS:
        return True
    if is_heading(prev) or not _ends_mid_sentence(prev):
        return False
    return not is_heading(line) and not starts_list_item(line) and not _DATELINE_START.match(line)


def _rejoin(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        headline = len(out) == 1 and len(out[0].plain) <= HEADLINE_MAX
        if out and not headline and _continues(out[-1].plain, line.plain):
            out[-1] = _close_unit_gaps(out[-1].joined(line))
        else:
            out.append(line)
    return out


def _close_unit_gaps(line: Line) -> Line:
    """`316 亿 元` → `316亿元`; a line without a space (most lines) is left as it is."""
    if " " not in line.plain:
        return line
    if is_heading(line.plain):
        return line.sub(_HEADING_UNIT_GAP).sub(_DATE_GAP)
    return line.sub(_UNIT_GAP)


def join_parts(left: str, right: str) -> str:
    """Glue two parts; keep one space only between two Latin words."""
    if left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha():
        return f"{left} {right}"
    return left.rstrip() + right.lstrip()


def _drop_repeats(lines: list[Line]) -> list[Line]:
    """A paragraph repeated inside an article counts once, with its repeated heading."""
    seen: set[str] = set()
    out: list[Line] = []
    keys = [_WHITESPACE.sub("", line.plain) for line in lines] + [""]
    for i, line in enumerate(lines):
        key = keys[i]
        if len(key) >= REPEAT_MIN and key in seen:
            continue
        nxt = keys[i + 1]
        if key in seen and len(nxt) >= REPEAT_MIN and nxt in seen:
            continue
        seen.add(key)
        out.append(line)
    return out
