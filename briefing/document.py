"""The briefing document model: the one tree every writer renders.

Like pandoc's AST between its readers and writers, the composer builds a
`Document` once and the docx, pdf and html writers only walk it, so the three
outputs cannot say different things. Text is cleaned of control characters
here, at construction, so no writer can be broken by what an article contained;
each writer still escapes for its own format (XML, reportlab markup, HTML).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, Union

# C0 controls except tab/newline, DEL, C1 controls, and the code points XML 1.0 forbids.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"\s+")

SpanKind = Literal["plain", "strong", "new"]
ParagraphStyle = Literal["body", "item", "note", "caption", "reference"]


def clean_text(text: str) -> str:
    """One line of printable text: control characters dropped, whitespace runs collapsed."""
    return _SPACES.sub(" ", _CONTROL.sub("", str(text))).strip()


@dataclass
class Span:
    """A run of text; `strong` is bold (Hei in print), `new` is the 新 mark."""

    text: str
    kind: SpanKind = "plain"

    def __post_init__(self) -> None:
        self.text = _SPACES.sub(" ", _CONTROL.sub("", str(self.text)))


@dataclass
class Paragraph:
    """One paragraph: body text (first-line indent), a list item, a note, a caption, or a
    `reference` (资料来源 in small type)."""

    spans: list[Span]
    style: ParagraphStyle = "body"

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans).strip()


@dataclass
class Table:
    """A table with one header row; cells are plain strings (no markup inside).

    `widths` are relative column widths; `numeric` marks right-aligned columns.
    """

    caption: str
    header: list[str]
    rows: list[list[str]]
    widths: list[float] = field(default_factory=list)
    numeric: list[bool] = field(default_factory=list)
    note: str = ""

    def __post_init__(self) -> None:
        n = len(self.header)
        self.caption = clean_text(self.caption)
        self.note = clean_text(self.note)
        self.header = [clean_text(h) for h in self.header]
        self.rows = [[clean_text(c) for c in row] for row in self.rows]
        if any(len(row) != n for row in self.rows):
            raise ValueError(f"table {self.caption!r}: every row needs {n} cells")
        self.widths = self.widths or [1.0] * n
        self.numeric = self.numeric or [False] * n


@dataclass
class Figure:
    """A picture (PNG bytes) with its caption and printed width."""

    caption: str
    png: bytes
    width_mm: float = 150.0
    alt: str = ""

    def __post_init__(self) -> None:
        self.caption = clean_text(self.caption)
        self.alt = clean_text(self.alt or self.caption)


Block = Union[Paragraph, Table, Figure]


@dataclass
class Section:
    """A titled section; `number` is its printed label (一、 （一） 1.), `level` 1-3."""

    title: str
    level: int = 1
    number: str = ""
    blocks: list[Block] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.title = clean_text(self.title)

    @property
    def heading(self) -> str:
        return f"{self.number}{self.title}"


@dataclass
class Masthead:
    """The 报头: name in red, 第N期, the 编印单位 left and the date right, a red rule."""

    title: str
    issue: str
    unit: str
    date: str
    marks: str = ""

    def __post_init__(self) -> None:
        for name in ("title", "issue", "unit", "date", "marks"):
            setattr(self, name, clean_text(getattr(self, name)))


@dataclass
class Closing:
    """The 版记 between two thin rules: 报/送/发 lines, then （共印N份） at the right."""

    lines: list[tuple[str, str]]
    copies: str = ""

    def __post_init__(self) -> None:
        self.lines = [(clean_text(k), clean_text(v)) for k, v in self.lines]
        self.copies = clean_text(self.copies)


@dataclass
class Document:
    """The whole briefing: masthead, sections, and the closing 版记."""

    masthead: Masthead
    sections: list[Section] = field(default_factory=list)
    closing: Closing | None = None
    language: str = "zh-CN"

    def walk(self) -> list[Section]:
        """Every section in reading order, depth first."""
        out: list[Section] = []

        def visit(section: Section) -> None:
            out.append(section)
            for child in section.children:
                visit(child)

        for s in self.sections:
            visit(s)
        return out

    def plain_text(self) -> str:
        """All printed text, one block a line: what a reader of any output must find."""
        m = self.masthead
        lines = [m.marks, m.title, m.issue, m.unit, m.date]
        for section in self.walk():
            lines.append(section.heading)
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    lines.append(block.text)
                elif isinstance(block, Table):
                    lines.append(block.caption)
                    lines.append(" ".join(block.header))
                    lines.extend(" ".join(r) for r in block.rows)
                elif isinstance(block, Figure):
                    lines.append(block.caption)
        if self.closing:
            lines.extend(f"{k}{v}" for k, v in self.closing.lines)
        return "\n".join(line for line in lines if line)


# --- The text form templates write -------------------------------------------------
#
# Templates decide wording and order; they write a tiny line-based markup:
#   `# 标题` / `## 标题` / `### 标题`  a section at level 1-3
#   `@name`                          a prepared block (table, figure) put here
#   `- text`                         a list item;  `> text` a note
#   any other line                   a body paragraph (one line, one paragraph)
#   inline `**strong**`, `[新]` the new mark, `\x` a literal x
# Values from articles pass through `escape_markup`, so no article can open a
# section or insert a block.

_LINE_START = "#@>-"
_INLINE = re.compile(r"\\(.)|\*\*|\[新\]", re.S)


def escape_markup(value: object) -> str:
    """A value as literal text in the markup (templates' finalize hook)."""
    text = clean_text("" if value is None else value)
    text = re.sub(r"([\\*\[\]])", r"\\\1", text)
    if text and text[0] in _LINE_START:
        text = "\\" + text
    return text


def _spans(line: str) -> list[Span]:
    spans: list[Span] = []
    buf: list[str] = []
    strong = False

    def flush() -> None:
        text = "".join(buf)
        buf.clear()
        if text:
            spans.append(Span(text, "strong" if strong else "plain"))

    pos = 0
    for m in _INLINE.finditer(line):
        buf.append(line[pos:m.start()])
        pos = m.end()
        if m.group(1) is not None:
            buf.append(m.group(1))
        elif m.group(0) == "**":
            flush()
            strong = not strong
        else:
            flush()
            spans.append(Span("新", "new"))
    buf.append(line[pos:])
    flush()
    return spans


def from_markup(text: str, blocks: dict[str, Block | list[Block]]) -> list[Section]:
    """Sections from template output; `blocks` are the tables and figures `@name` inserts."""
    roots: list[Section] = []
    stack: list[Section] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        heading = re.match(r"(#{1,3})\s+(.*)", line)
        if heading:
            level = len(heading.group(1))
            section = Section("".join(s.text for s in _spans(heading.group(2))), level)
            while stack and stack[-1].level >= level:
                stack.pop()
            (stack[-1].children if stack else roots).append(section)
            stack.append(section)
            continue
        if not stack:
            raise ValueError(f"template text before the first heading: {line[:40]!r}")
        target = stack[-1].blocks
        if line.startswith("@"):
            name = line[1:].strip()
            if name not in blocks:
                raise ValueError(f"template names an unknown block @{name}; "
                                 f"known: {', '.join(sorted(blocks))}")
            found = blocks[name]
            target.extend(found if isinstance(found, list) else [found])
        elif line.startswith("- "):
            target.append(Paragraph(_spans(line[2:]), "item"))
        elif line.startswith("> "):
            target.append(Paragraph(_spans(line[2:]), "note"))
        else:
            target.append(Paragraph(_spans(line), "body"))
    return roots
