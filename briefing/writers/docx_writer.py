"""Word writer: the briefing as an editable .docx with real, named styles.

The analyst edits this file, so everything is a style (Title, Heading 1-3, Body
Text, Caption, Table Grid…) rather than direct formatting, and the Chinese
font names are set where Word looks for them: `w:rFonts/@w:eastAsia` on each
style, with the theme-font attributes removed and `w:lang w:eastAsia="zh-CN"`
(python-docx's template otherwise maps East Asian text to a Japanese theme
font). With `reference_doc` the house file's styles and page setup win, as
with pandoc's --reference-doc; only styles it lacks are added.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from briefing.document import Closing, Document, Figure, Masthead, Paragraph, Section, Table
from briefing.errors import BriefingError

RED = RGBColor(0xC0, 0x00, 0x00)
BLACK = RGBColor(0, 0, 0)
LATIN = "Times New Roman"
BODY_PT = 16
TABLE_PT = 10.5           # 五号, the same as the PDF, so both wrap cells alike
REFERENCE_PT = 9          # 小五 for 资料来源, which lists every article
LINE_PT = 28.95          # 22 lines in the 225 mm type area (GB/T 9704)
PAGE = {"width": 210, "height": 297, "top": 37, "bottom": 35, "left": 28, "right": 26,
        "footer": 25}
TYPE_WIDTH_MM = PAGE["width"] - PAGE["left"] - PAGE["right"]


@dataclass(frozen=True)
class StyleSpec:
    """How one style looks: East Asian face, size, and paragraph layout."""

    name: str
    kind: WD_STYLE_TYPE
    east_asia: str
    size: float
    base: str | None = None
    bold: bool = False
    colour: RGBColor | None = BLACK
    align: WD_ALIGN_PARAGRAPH | None = None
    indent_chars: int = 0
    line_exact: float | None = None
    before: float = 0
    after: float = 0
    keep_next: bool = False


P, C = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER
CENTER, LEFT, RIGHT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT
STYLES = (
    StyleSpec("Normal", P, "仿宋_GB2312", BODY_PT, line_exact=LINE_PT),
    StyleSpec("Body Text", P, "仿宋_GB2312", BODY_PT, "Normal", indent_chars=2,
              align=WD_ALIGN_PARAGRAPH.JUSTIFY, line_exact=LINE_PT),
    StyleSpec("List Paragraph", P, "仿宋_GB2312", BODY_PT, "Body Text", indent_chars=2,
              line_exact=LINE_PT),
    StyleSpec("Title", P, "方正小标宋简体", 36, "Normal", colour=RED, align=CENTER, before=24,
              after=6),
    StyleSpec("Masthead Mark", P, "黑体", 14, "Normal", align=LEFT),
    StyleSpec("Masthead Issue", P, "楷体_GB2312", BODY_PT, "Normal", align=CENTER, after=6),
    StyleSpec("Masthead Line", P, "仿宋_GB2312", BODY_PT, "Normal", after=18),
    StyleSpec("Heading 1", P, "黑体", BODY_PT, "Normal", indent_chars=2, line_exact=LINE_PT,
              keep_next=True),
    StyleSpec("Heading 2", P, "楷体_GB2312", BODY_PT, "Normal", indent_chars=2,
              line_exact=LINE_PT, keep_next=True),
    StyleSpec("Heading 3", P, "仿宋_GB2312", BODY_PT, "Normal", bold=True, indent_chars=2,
              line_exact=LINE_PT, keep_next=True),
    StyleSpec("Caption", P, "黑体", 14, "Normal", align=CENTER, before=6, after=4,
              keep_next=True),
    StyleSpec("Figure", P, "仿宋_GB2312", 12, "Normal", align=CENTER, keep_next=True),
    StyleSpec("Table Text", P, "仿宋_GB2312", TABLE_PT, "Normal"),
    StyleSpec("Table Heading", P, "黑体", TABLE_PT, "Normal", align=CENTER),
    StyleSpec("Note", P, "仿宋_GB2312", 14, "Normal", indent_chars=2, after=6),
    StyleSpec("Reference", P, "仿宋_GB2312", REFERENCE_PT, "Normal", after=2),
    StyleSpec("Closing", P, "仿宋_GB2312", 14, "Normal"),
    StyleSpec("Footer", P, "宋体", 14, "Normal"),
    StyleSpec("Strong", C, "黑体", BODY_PT),
    StyleSpec("Reference Strong", C, "黑体", REFERENCE_PT),
    StyleSpec("New Mark", C, "黑体", 10.5, colour=RED),
)
HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3"}
PARAGRAPH_STYLES = {"body": "Body Text", "item": "List Paragraph", "note": "Note",
                    "caption": "Caption", "reference": "Reference"}
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_east_asian(rpr, east_asia: str, latin: str = LATIN) -> None:
    """Name the fonts Word uses for Chinese and for digits; drop theme overrides."""
    fonts = rpr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    # hint: the curly quotes “” are shared by both scripts; Chinese text wants them
    # full-width from the East Asian font, not narrow from the Latin one.
    for attr, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:cs", latin),
                        ("w:eastAsia", east_asia), ("w:hint", "eastAsia")):
        fonts.set(qn(attr), value)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _define(doc: docx.document.Document, spec: StyleSpec) -> None:
    names = {s.name for s in doc.styles}
    style = doc.styles[spec.name] if spec.name in names else doc.styles.add_style(spec.name,
                                                                                spec.kind)
    if spec.base and spec.base in names and spec.name != spec.base:
        style.base_style = doc.styles[spec.base]
    style.font.size = Pt(spec.size)
    style.font.bold = spec.bold
    style.font.italic = False
    if spec.colour is not None:
        style.font.color.rgb = spec.colour
    set_east_asian(style.element.get_or_add_rPr(), spec.east_asia)
    if spec.kind != P:
        return
    ppr = style.element.get_or_add_pPr()
    for el in ppr.findall(qn("w:pBdr")):  # the stock Title carries a blue rule
        ppr.remove(el)
    pf = style.paragraph_format
    pf.alignment = spec.align
    pf.space_before, pf.space_after = Pt(spec.before), Pt(spec.after)
    pf.first_line_indent = Pt(spec.size * spec.indent_chars) if spec.indent_chars else Pt(0)
    if spec.line_exact:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(spec.line_exact)
    else:
        pf.line_spacing = 1.15
    pf.keep_with_next = spec.keep_next
    if spec.indent_chars:  # Word's own unit, so the indent follows a font-size change
        style.element.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"),
                                                            str(spec.indent_chars * 100))


def _ensure_table_style(doc: docx.document.Document) -> None:
    """`Table Grid` with single black borders, added when a house template lacks it."""
    if "Table Grid" in {s.name for s in doc.styles}:
        return
    style = doc.styles.add_style("Table Grid", WD_STYLE_TYPE.TABLE)
    tbl_pr = style.element.get_or_add_tblPr()
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            el.set(qn(k), v)
        borders.append(el)
    tbl_pr.append(borders)


def _setup_styles(doc: docx.document.Document, house: bool) -> None:
    """Our styles; with a house template only those it does not define."""
    existing = {s.name for s in doc.styles}
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if not house and defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            set_east_asian(rpr, "仿宋_GB2312")
        lang = doc.settings.element.find(qn("w:themeFontLang"))
        if lang is not None:
            lang.set(qn("w:eastAsia"), "zh-CN")
    for spec in STYLES:
        if not house or spec.name not in existing:
            _define(doc, spec)
    _ensure_table_style(doc)


def _page_setup(doc: docx.document.Document) -> None:
    """A4 with the GB/T 9704 margins."""
    section = doc.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(PAGE["width"]), Mm(PAGE["height"])
    section.top_margin, section.bottom_margin = Mm(PAGE["top"]), Mm(PAGE["bottom"])
    section.left_margin, section.right_margin = Mm(PAGE["left"]), Mm(PAGE["right"])
    section.footer_distance = Mm(PAGE["footer"])


def _page_field(paragraph) -> None:
    """`— PAGE —`: a field Word fills in, so page numbers survive editing."""
    paragraph.add_run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):
        run = paragraph.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    paragraph.add_run(" —")


def _page_numbers(doc: docx.document.Document) -> None:
    """Odd pages at the right, even pages at the left, one character in (GB/T 9704)."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    for footer, align in ((section.footer, RIGHT), (section.even_page_footer, LEFT)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.style = doc.styles["Footer"]
        p.alignment = align
        if align == RIGHT:
            p.paragraph_format.right_indent = Pt(14)
        else:
            p.paragraph_format.left_indent = Pt(14)
        _page_field(p)


def _border(paragraph, edge: str, colour: str, size: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    pbdr = ppr.find(qn("w:pBdr"))
    if pbdr is None:
        pbdr = OxmlElement("w:pBdr")
        ppr.insert_element_before(pbdr, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing",
                                  "w:ind", "w:jc", "w:rPr", "w:sectPr")
    el = OxmlElement(f"w:{edge}")
    for k, v in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "1"), ("w:color", colour)):
        el.set(qn(k), v)
    pbdr.append(el)


class _Body:
    """Adds the document's blocks.

    Style ids are looked up once and written straight into w:pStyle/w:rStyle:
    python-docx resolves a style by scanning every style on each assignment,
    which made a 200-article briefing take seconds per table.
    """

    def __init__(self, doc: docx.document.Document) -> None:
        self.doc = doc
        self.ids = {s.name: s.style_id for s in doc.styles}

    def para(self, text: str = "", style: str = "Body Text"):
        p = self.doc.add_paragraph(text)
        p._p.style = self.ids[style]
        return p

    def run(self, paragraph, text: str, style: str | None = None):
        r = paragraph.add_run(text)
        if style:
            r._r.style = self.ids[style]
        return r

    def masthead(self, m: Masthead) -> None:
        if m.marks:
            self.para(m.marks, "Masthead Mark")
        self.para(m.title, "Title")
        self.para(m.issue, "Masthead Issue")
        line = self.para("", "Masthead Line")
        line.paragraph_format.tab_stops.add_tab_stop(Mm(TYPE_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
        line.add_run(f"{m.unit}\t{m.date}")
        _border(line, "bottom", "C00000", 18)

    def paragraph(self, block: Paragraph) -> None:
        p = self.para("", PARAGRAPH_STYLES[block.style])
        strong = "Reference Strong" if block.style == "reference" else "Strong"
        for span in block.spans:
            if span.kind == "strong":
                self.run(p, span.text, strong)
            elif span.kind == "new":
                self.run(p, span.text, "New Mark").font.superscript = True
            else:
                self.run(p, span.text)

    def table(self, table: Table) -> None:
        self.para(table.caption, "Caption")
        t = self.doc.add_table(rows=1 + len(table.rows), cols=len(table.header))
        t._tbl.tblPr.style = self.ids["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        total = sum(table.widths)
        widths = [Mm(TYPE_WIDTH_MM * w / total) for w in table.widths]
        for column, width in zip(t.columns, widths):  # w:gridCol, which LibreOffice reads
            column.width = width
        head, text = self.ids["Table Heading"], self.ids["Table Text"]
        for i, (row, values) in enumerate(zip(t.rows, [table.header, *table.rows])):
            if i == 0:  # repeated at the top of every page the table runs onto
                row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
            for cell, value, width, numeric in zip(row.cells, values, widths, table.numeric):
                cell.width = width
                p = cell.paragraphs[0]
                p._p.style = head if i == 0 else text
                if i and numeric:
                    p.alignment = RIGHT
                p.add_run(value)
        if table.note:
            self.para(table.note, "Note")

    def figure(self, figure: Figure) -> None:
        p = self.para("", "Figure")
        p.add_run().add_picture(io.BytesIO(figure.png),
                                width=Mm(min(figure.width_mm, TYPE_WIDTH_MM)))
        self.para(figure.caption, "Caption")

    def section(self, section: Section) -> None:
        self.para(section.heading, HEADING_STYLES[min(section.level, 3)])
        for block in section.blocks:
            if isinstance(block, Paragraph):
                self.paragraph(block)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Figure):
                self.figure(block)
        for child in section.children:
            self.section(child)

    def closing(self, closing: Closing) -> None:
        """The 版记: a thin rule above the 报/送/发 lines and one below （共印N份）."""
        self.para("", "Closing")   # an empty line keeps the block off the text
        rows = [self.para(f"{label}{text}", "Closing") for label, text in closing.lines]
        if closing.copies:
            rows.append(self.para(closing.copies, "Closing"))
            rows[-1].alignment = RIGHT
        _border(rows[0], "top", "000000", 8)
        _border(rows[-1], "bottom", "000000", 8)


def _clear_body(doc: docx.document.Document) -> None:
    """Keep a house template's styles and page setup, drop its sample content."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _house_document(path: Path) -> docx.document.Document:
    """The `--reference-doc` file, or a one-line error when it is not a Word document."""
    try:
        return docx.Document(str(path))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise BriefingError(f"{path}: not a usable Word document ({exc})") from exc


def write_docx(document: Document, path: Path, *, reference_doc: Path | None = None) -> None:
    """Write `document` as .docx at `path`, styled from `reference_doc` when given."""
    house = reference_doc is not None
    doc = _house_document(reference_doc) if house else docx.Document()
    if house:
        _clear_body(doc)
    _setup_styles(doc, house)
    if not house:
        _page_setup(doc)
    if not house or doc.sections[0].footer.is_linked_to_previous:
        _page_numbers(doc)
    doc.core_properties.title = f"{document.masthead.title} {document.masthead.issue}"
    doc.core_properties.language = document.language
    body = _Body(doc)
    body.masthead(document.masthead)
    for section in document.sections:
        body.section(section)
    if document.closing:
        body.closing(document.closing)
    doc.save(str(path))
