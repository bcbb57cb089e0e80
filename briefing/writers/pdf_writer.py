"""PDF writer: the briefing with embedded, subset CJK TrueType fonts (reportlab).

The same document as the Word file, laid out on the GB/T 9704 page: Ming/Song
for body text (or a licensed 仿宋 named in config), Hei for level-1 headings and
bold, Kai for level-2 headings, a Latin serif for digits. Tables repeat their
header row when they split, the outline lists every section, and page numbers
read `— N —`, odd pages right and even pages left.
"""
from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Mapping
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, Image,
                                KeepTogether, LayoutError, PageTemplate, Spacer)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.flowables import HRFlowable

from briefing.document import Closing, Document, Figure, Masthead, Paragraph, Section, Span, Table
from briefing.errors import BriefingError
from briefing.fonts import FontFile, reportlab_fonts

RED = colors.HexColor("#c00000")
MARGINS = {"top": 37 * mm, "bottom": 35 * mm, "left": 28 * mm, "right": 26 * mm}
TYPE_WIDTH = A4[0] - MARGINS["left"] - MARGINS["right"]
TYPE_HEIGHT = A4[1] - MARGINS["top"] - MARGINS["bottom"]
BODY_PT, LINE_PT, TABLE_PT = 16, 28.95, 10.5
REFERENCE_PT = 9          # 小五: 资料来源 lists every article, so it is set small
PAGE_NUMBER_PT = 14
KEEP_TOGETHER_ROWS = 12
MAX_FIGURE_HEIGHT = 190 * mm
_LATIN = re.compile(r"[0-9A-Za-z%.,+\-/:()\[\] ]+")
# Chinese punctuation that must not begin a line. reportlab's CJK wrap knows the
# Japanese set only; a character listed here hangs at the end of the line instead.
CANNOT_START_LINE = "，。、；：？！）》〉」』】〕”’%‰·…"
rl_paragraph.ALL_CANNOT_START += "".join(
    c for c in CANNOT_START_LINE if c not in rl_paragraph.ALL_CANNOT_START)


class Styles:
    """Paragraph styles for the roles; font names are those registered with reportlab."""

    def __init__(self, fonts: Mapping[str, str]) -> None:
        self.fonts = fonts
        body = fonts["fangsong"]
        # Left-aligned: reportlab justifies CJK lines by stretching only the gaps at
        # font changes, which opens holes beside every number; equal-width
        # characters leave the right edge nearly straight anyway.
        self.body = ParagraphStyle("body", fontName=body, fontSize=BODY_PT, leading=LINE_PT,
                                   firstLineIndent=2 * BODY_PT, alignment=TA_LEFT,
                                   wordWrap="CJK")
        self.item = ParagraphStyle("item", parent=self.body)
        self.note = ParagraphStyle("note", parent=self.body, fontSize=14, leading=22,
                                   spaceAfter=6)
        self.h = {
            1: ParagraphStyle("h1", parent=self.body, fontName=fonts["hei"], keepWithNext=1,
                              alignment=TA_LEFT),
            2: ParagraphStyle("h2", parent=self.body, fontName=fonts["kai"], keepWithNext=1,
                              alignment=TA_LEFT),
            3: ParagraphStyle("h3", parent=self.body, fontName=fonts["hei"], keepWithNext=1,
                              alignment=TA_LEFT),
        }
        self.caption = ParagraphStyle("caption", parent=self.body, fontName=fonts["hei"],
                                      fontSize=14, leading=22, firstLineIndent=0,
                                      alignment=TA_CENTER, spaceBefore=6, spaceAfter=4)
        self.cell = ParagraphStyle("cell", fontName=body, fontSize=TABLE_PT,
                                   leading=TABLE_PT * 1.45, wordWrap="CJK")
        self.reference = ParagraphStyle("reference", parent=self.cell, fontSize=REFERENCE_PT,
                                        leading=REFERENCE_PT * 1.45, spaceAfter=2)
        self.cell_right = ParagraphStyle("cell_right", parent=self.cell, alignment=TA_RIGHT)
        self.head = ParagraphStyle("head", parent=self.cell, fontName=fonts["hei"],
                                   alignment=TA_CENTER)
        self.closing = ParagraphStyle("closing", parent=self.cell, fontSize=14, leading=24,
                                      leftIndent=14, rightIndent=14)
        self.closing_right = ParagraphStyle("closing_right", parent=self.closing,
                                            alignment=TA_RIGHT)

    def markup(self, text: str) -> str:
        """reportlab markup for plain text: escaped, digits and Latin in the Latin serif."""
        out, pos = [], 0
        for m in _LATIN.finditer(text):
            out.append(escape(text[pos:m.start()]))
            out.append(f'<font name="{self.fonts["latin"]}">{escape(m.group())}</font>')
            pos = m.end()
        out.append(escape(text[pos:]))
        return "".join(out)

    def spans(self, spans: list[Span]) -> str:
        parts = []
        for span in spans:
            text = self.markup(span.text)
            if span.kind == "strong":
                parts.append(f'<font name="{self.fonts["hei"]}">{escape(span.text)}</font>')
            elif span.kind == "new":
                parts.append(f'<font name="{self.fonts["hei"]}" color="#c00000" size="10">'
                             f'<super>{text}</super></font>')
            else:
                parts.append(text)
        return "".join(parts)


class WrapOnceParagraph(RLParagraph):
    """A paragraph laid out once per width.

    reportlab wraps every table cell when it measures the table, again for each
    page's part of it and again to draw it, and a paragraph again when it splits;
    the line breaks depend only on the width, so the last layout is kept for as
    long as the width stays the same (a third of the PDF time of a busy week).
    """

    _layout: tuple[float, tuple[float, float]] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._layout is None or self._layout[0] != avail_width:
            self._layout = (avail_width, super().wrap(avail_width, avail_height))
        return self._layout[1]


def split_spans(spans: list[Span], n: int) -> tuple[list[Span], list[Span]]:
    """The spans cut after the first `n` characters."""
    head: list[Span] = []
    for i, span in enumerate(spans):
        if n <= 0:
            return head, spans[i:]
        if len(span.text) <= n:
            head.append(span)
            n -= len(span.text)
            continue
        return head + [Span(span.text[:n], span.kind)], [Span(span.text[n:], span.kind),
                                                          *spans[i + 1:]]
    return head, []


class SpanParagraph(Flowable):
    """A body paragraph that splits across pages by its text.

    reportlab lays out the tail of a split CJK paragraph from leftover fragments
    and shifts those lines right; cutting the spans where the page ends and
    laying out each half afresh keeps every line flush. Two lines at least stay
    on each side of a page break.
    """

    MIN_LINES = 2

    def __init__(self, spans: list[Span], style: ParagraphStyle, styles: "Styles") -> None:
        super().__init__()
        self.spans, self.style, self.styles = spans, style, styles
        self.para = WrapOnceParagraph(styles.spans(spans), style)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.para.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self) -> None:
        self.para.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.para.wrap(avail_width, avail_height)
        lines = self.para.blPara.lines
        fit = min(int(avail_height // self.style.leading), len(lines) - self.MIN_LINES)
        if fit < self.MIN_LINES:
            return []
        n = sum(len("".join(w.text for w in line.words)) for line in lines[:fit])
        head, tail = split_spans(self.spans, n)
        rest = ParagraphStyle(f"{self.style.name}-rest", parent=self.style, firstLineIndent=0)
        return [SpanParagraph(head, self.style, self.styles),
                SpanParagraph(tail, rest, self.styles)]


class MastheadFlowable(Flowable):
    """The 报头: marks, the red name, 第N期, unit left and date right, a red rule."""

    def __init__(self, masthead: Masthead, styles: Styles) -> None:
        super().__init__()
        self.m, self.s = masthead, styles
        self.title_pt = min(36.0, TYPE_WIDTH / max(1, len(masthead.title)) * 0.9)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, 75 * mm

    def draw(self) -> None:
        c, f, w = self.canv, self.s.fonts, self.width
        y = 75 * mm
        if self.m.marks:
            c.setFont(f["hei"], 14)
            c.drawString(0, y - 14, self.m.marks)
        c.setFillColor(RED)
        c.setFont(f["hei"], self.title_pt)
        c.drawCentredString(w / 2, y - 22 * mm - self.title_pt * 0.8, self.m.title)
        c.setFillColor(colors.black)
        c.setFont(f["kai"], BODY_PT)
        c.drawCentredString(w / 2, 22 * mm, self.m.issue)
        c.setFont(f["fangsong"], BODY_PT)
        c.drawString(0, 8 * mm, self.m.unit)
        c.drawRightString(w, 8 * mm, self.m.date)
        c.setStrokeColor(RED)
        c.setLineWidth(1.5)
        c.line(0, 5 * mm, w, 5 * mm)


class OutlinedParagraph(RLParagraph):
    """A heading that leaves a bookmark and an outline entry when it is drawn."""

    def __init__(self, text: str, style: ParagraphStyle, title: str, level: int, key: str):
        super().__init__(text, style)
        self.outline = (title, level, key)


class BriefingTemplate(BaseDocTemplate):
    def __init__(self, target, fonts: Mapping[str, str], title: str, author: str) -> None:
        super().__init__(target, pagesize=A4, leftMargin=MARGINS["left"],
                         rightMargin=MARGINS["right"], topMargin=MARGINS["top"],
                         bottomMargin=MARGINS["bottom"], title=title, author=author,
                         creator="briefing", lang="zh-CN",
                         initialFontName=fonts["fangsong"], initialFontSize=BODY_PT)
        self.fonts = fonts
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._number)])

    def _number(self, canvas, doc) -> None:
        """`— N —` 7 mm below the type area, odd right / even left, one character in."""
        n = canvas.getPageNumber()
        text = f"— {n} —"
        y = MARGINS["bottom"] - 7 * mm - PAGE_NUMBER_PT * 0.8
        canvas.setFont(self.fonts["latin"], PAGE_NUMBER_PT)
        if n % 2:
            canvas.drawRightString(A4[0] - MARGINS["right"] - PAGE_NUMBER_PT, y, text)
        else:
            canvas.drawString(MARGINS["left"] + PAGE_NUMBER_PT, y, text)

    def afterFlowable(self, flowable) -> None:
        outline = getattr(flowable, "outline", None)
        if outline:
            title, level, key = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level - 1, closed=level > 1)


def _table(table: Table, s: Styles) -> list[Flowable]:
    total = sum(table.widths)
    widths = [TYPE_WIDTH * w / total for w in table.widths]
    data = [[WrapOnceParagraph(s.markup(h), s.head) for h in table.header]]
    for row in table.rows:
        data.append([WrapOnceParagraph(s.markup(v), s.cell_right if numeric else s.cell)
                     for v, numeric in zip(row, table.numeric)])
    # splitInRow: a row taller than what is left of the page (one long quote) breaks
    # across pages, at least two lines on each side, instead of stopping the build.
    t = RLTable(data, colWidths=widths, repeatRows=1, hAlign="CENTER",
                splitInRow=int(2 * s.cell.leading + 6))
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.fonts["fangsong"]),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2f2f2")),
        # body cells top-aligned: reportlab cannot split a middle-aligned row across pages
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"), ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    caption = RLParagraph(s.markup(table.caption), s.caption)
    # A short table stays on one page with its caption. Only short: KeepTogether
    # around a row that must split across pages drops the rest of that row.
    if len(table.rows) <= KEEP_TOGETHER_ROWS and \
            t.wrap(TYPE_WIDTH, TYPE_HEIGHT)[1] < TYPE_HEIGHT / 2:
        out: list[Flowable] = [KeepTogether([caption, t])]
    else:  # a long table starts on a page with room for its header and a few rows
        out = [CondPageBreak(40 * mm), caption, t]
    if table.note:
        out.append(RLParagraph(s.markup(table.note), s.note))
    out.append(Spacer(1, 8))
    return out


def _figure(figure: Figure, s: Styles) -> Flowable:
    image = Image(io.BytesIO(figure.png))
    scale = min(figure.width_mm * mm, TYPE_WIDTH) / image.imageWidth
    scale = min(scale, MAX_FIGURE_HEIGHT / image.imageHeight)
    image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
    return KeepTogether([image, RLParagraph(s.markup(figure.caption), s.caption)])


def _section(section: Section, s: Styles, counter: list[int]) -> list[Flowable]:
    counter[0] += 1
    level = min(section.level, 3)
    out: list[Flowable] = [OutlinedParagraph(s.markup(section.heading), s.h[level],
                                             section.heading, level, f"s{counter[0]}")]
    for block in section.blocks:
        if isinstance(block, Paragraph):
            style = {"body": s.body, "item": s.item, "note": s.note, "caption": s.caption,
                     "reference": s.reference}
            out.append(SpanParagraph(block.spans, style[block.style], s))
        elif isinstance(block, Table):
            out.extend(_table(block, s))
        elif isinstance(block, Figure):
            out.append(_figure(block, s))
    for child in section.children:
        out.extend(_section(child, s, counter))
    return out


def _closing(closing: Closing, s: Styles) -> list[Flowable]:
    rule = dict(width="100%", thickness=0.75, color=colors.black, spaceBefore=2, spaceAfter=2)
    body = [RLParagraph(s.markup(f"{k}{v}"), s.closing) for k, v in closing.lines]
    if closing.copies:
        body.append(RLParagraph(s.markup(closing.copies), s.closing_right))
    return [KeepTogether([Spacer(1, 12 * mm), HRFlowable(**rule), *body, HRFlowable(**rule)])]


def write_pdf(document: Document, path: Path, *, fonts: Mapping[str, FontFile]) -> None:
    """Write `document` as a PDF at `path` with the CJK `fonts` embedded."""
    names = reportlab_fonts(fonts)
    s = Styles(names)
    story: list[Flowable] = [MastheadFlowable(document.masthead, s)]
    counter = [0]
    for section in document.sections:
        story.extend(_section(section, s, counter))
    if document.closing:
        story.extend(_closing(document.closing, s))
    m = document.masthead
    try:
        BriefingTemplate(str(path), names, title=f"{m.title} {m.issue}",
                         author=m.unit).build(story)
    except LayoutError as exc:  # something too big for a page that nothing could split
        raise BriefingError(f"PDF layout failed: {str(exc).splitlines()[0][:160]}") from exc
