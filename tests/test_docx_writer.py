"""The Word file read back with python-docx: styles, Chinese fonts, page, tables, house style."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from briefing_samples import hostile_facts, seed_facts
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from briefing.compose import compose
from briefing.config import Config
from briefing.fonts import find_fonts
from briefing.writers.docx_writer import write_docx

CONFIG = Config(briefing={"title": "江门高质量发展简报", "reported_to": "市领导", "copies": 30})
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


@pytest.fixture(scope="module")
def fonts():
    return find_fonts()


@pytest.fixture(scope="module")
def path(tmp_path_factory, fonts) -> Path:
    out = tmp_path_factory.mktemp("docx") / "b.docx"
    write_docx(compose(seed_facts(), config=CONFIG, fonts=fonts), out)
    return out


@pytest.fixture(scope="module")
def word(path):
    return docx.Document(str(path))


def east_asia(style) -> str | None:
    fonts = style.element.rPr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia"))


@pytest.mark.parametrize("style, font", [
    ("Title", "方正小标宋简体"), ("Heading 1", "黑体"), ("Heading 2", "楷体_GB2312"),
    ("Body Text", "仿宋_GB2312"), ("Normal", "仿宋_GB2312"), ("Caption", "黑体"),
])
def test_styles_name_chinese_fonts_without_theme_overrides(word, style, font):
    s = word.styles[style]
    assert east_asia(s) == font
    rfonts = s.element.rPr.find(qn("w:rFonts"))
    assert all(rfonts.get(qn(a)) is None for a in THEME_ATTRS)
    assert rfonts.get(qn("w:ascii")) == "Times New Roman"
    assert s.element.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_body_is_16pt_with_two_character_indent(word):
    body = word.styles["Body Text"]
    assert body.font.size == Pt(16)
    assert body.paragraph_format.first_line_indent == Pt(32)
    assert any(p.style.name == "Body Text" for p in word.paragraphs)


def test_document_defaults_are_chinese(word):
    rfonts = word.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert rfonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert rfonts.get(qn("w:eastAsiaTheme")) is None
    lang = word.settings.element.find(qn("w:themeFontLang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"


def test_a4_with_official_margins(word):
    s = word.sections[0]
    mm = [round(x.mm, 1) for x in (s.page_width, s.page_height, s.top_margin, s.bottom_margin,
                                   s.left_margin, s.right_margin)]
    assert mm == [210, 297, 37, 35, 28, 26]  # Word stores twips: compare in whole mm


def test_page_numbers_are_fields_odd_right_even_left(word):
    s = word.sections[0]
    assert word.settings.odd_and_even_pages_header_footer
    for footer in (s.footer, s.even_page_footer):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in xml and "fldChar" in xml
        assert footer.paragraphs[0].text.startswith("— ")


def test_masthead_and_headings(word):
    styles = [(p.style.name, p.text) for p in word.paragraphs]
    assert ("Title", "江门高质量发展简报") in styles
    assert ("Heading 1", "一、本期要点") in styles
    assert any(name == "Heading 2" and text.startswith("（一）") for name, text in styles)
    assert ("Closing", "报：市领导") in styles and ("Closing", "（共印30份）") in styles


def test_tables_have_style_caption_and_repeating_header(word):
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert "2022年主要指标增长目标" in captions and "重点项目" in captions
    for table in word.tables:
        assert table.style.name == "Table Grid"
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert table.rows[1].cells[0].paragraphs[0].style.name == "Table Text"


def test_comparison_cells(word):
    gdp = {}
    for table in word.tables:
        header = [c.text for c in table.rows[0].cells]
        if "地区生产总值" in header:
            col = header.index("地区生产总值")
            gdp.update({r.cells[0].text + str(i): r.cells[col].text
                        for i, r in enumerate(table.rows[1:])})
    assert "9%以上(力争11%)" in gdp.values() and "8%(力争8.5%)" in gdp.values()


def test_chart_is_embedded(word):
    assert len(word.inline_shapes) == 1


def test_hostile_text_is_kept_literally(tmp_path, fonts):
    out = tmp_path / "h.docx"
    write_docx(compose(hostile_facts(), config=Config(), fonts=fonts), out)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "<b>&" in text and "\x07" not in text


def test_reference_doc_styles_win(tmp_path, fonts):
    house = docx.Document()
    h1 = house.styles["Heading 1"]
    h1.font.size = Pt(20)
    h1.element.rPr.get_or_add_rFonts().set(qn("w:eastAsia"), "微软雅黑")
    house.sections[0].left_margin = Mm(40)
    house.add_paragraph("样例正文，应被清除")
    ref = tmp_path / "house.docx"
    house.save(str(ref))
    out = tmp_path / "b.docx"
    write_docx(compose(seed_facts(), config=CONFIG, fonts=fonts), out, reference_doc=ref)
    word = docx.Document(str(out))
    assert word.styles["Heading 1"].font.size == Pt(20)
    assert east_asia(word.styles["Heading 1"]) == "微软雅黑"
    assert round(word.sections[0].left_margin.mm) == 40
    assert "样例正文，应被清除" not in [p.text for p in word.paragraphs]
    assert east_asia(word.styles["Table Text"]) == "仿宋_GB2312"  # missing styles are added


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_libreoffice_converts_it(path, tmp_path):
    result = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir",
                             str(tmp_path), str(path)], capture_output=True, text=True,
                            timeout=180, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "b.pdf").stat().st_size > 10_000


def test_sources_are_small_type_labels_included(word):
    references = [p for p in word.paragraphs if p.style.name == "Reference"]
    assert references and word.styles["Reference"].font.size == Pt(9)
    labels = [r for p in references for r in p.runs if r.style.name == "Reference Strong"]
    assert len(labels) == len(references)
    assert word.styles["Reference Strong"].font.size == Pt(9)
    assert all(r.text.endswith("：") for r in labels)
