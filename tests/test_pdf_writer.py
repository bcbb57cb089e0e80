"""The PDF read back with poppler and pypdf: text, embedded fonts, outline, page numbers,
tables split across pages with their header, and the font errors a user can meet."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from briefing_samples import hostile_facts, seed_facts, synthetic_facts
from pypdf import PdfReader

from briefing import fonts as fonts_module
from briefing.compose import compose
from briefing.config import Config
from briefing.document import Document, Masthead, Section, Table
from briefing.errors import FontError
from briefing.fonts import find_fonts
from briefing.writers.pdf_writer import write_pdf

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
CONFIG = Config(briefing={"title": "江门高质量发展简报", "reported_to": "市领导", "copies": 30})


def pdftotext(path: Path, *pages: int) -> str:
    args = ["pdftotext", "-layout"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    return subprocess.run([*args, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture(scope="module")
def fonts():
    return find_fonts()


@pytest.fixture(scope="module")
def pdf(tmp_path_factory, fonts) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "b.pdf"
    write_pdf(compose(seed_facts(), config=CONFIG, fonts=fonts, issue_number=2), out,
              fonts=fonts)
    return out


def test_text_has_masthead_figures_and_closing(pdf):
    text = pdftotext(pdf)
    for expected in ("江门高质量发展简报", "第2期", "一、本期要点", "二、主要指标对比",
                     "9%左右", "9%以上(力争11%)", "10.5%", "9%(力争11%)", "8%(力争8.5%)",
                     "江海区", "新会区", "鹤山市", "台山市", "资料来源", "报：市领导",
                     "（共印30份）"):
        assert expected in text, expected


def test_cjk_fonts_embedded_and_subset(pdf):
    rows = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                          text=True).stdout.splitlines()[2:]
    names = " ".join(r.split()[0] for r in rows)
    assert "UMingCN" in names and "UKaiCN" in names and "WenQuanYiZenHei" in names
    for row in rows:
        emb, sub = row.split()[-5:-3]
        assert (emb, sub) == ("yes", "yes"), row


def test_outline_lists_sections_and_regions(pdf):
    outline = PdfReader(str(pdf)).outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles[:3] == ["一、本期要点", "二、主要指标对比", "三、目标与完成"]
    nested = [i.title for part in outline if isinstance(part, list) for i in part
              if not isinstance(i, list)]
    assert any(t.startswith("（一）") for t in nested)


def test_page_numbers(pdf):
    assert re.search(r"—\s*1\s*—", pdftotext(pdf, 1, 1))
    assert re.search(r"—\s*2\s*—", pdftotext(pdf, 2, 2))


def test_long_tables_repeat_their_header(tmp_path, fonts):
    out = tmp_path / "long.pdf"
    write_pdf(compose(synthetic_facts(40), config=Config(), fonts=fonts), out, fonts=fonts)
    pages = [pdftotext(out, n, n) for n in range(1, len(PdfReader(str(out)).pages) + 1)]
    with_projects = [p for p in pages if "产业园" in p and "期" in p and "[" in p]
    assert len(with_projects) >= 3
    table_pages = [p for p in with_projects if "号" in p and "投资" in p]
    assert len(table_pages) >= 2  # the 重点项目 table continues with its header


def test_a_cell_taller_than_a_page_flows_on(tmp_path, fonts):
    quote = "".join(f"第{i}句引文，" for i in range(1200)) + "引文结束"
    table = Table("摘录", ["地区", "原文"], [["甲区", "短"], ["乙区", quote], ["丙区", "末行"]])
    doc = Document(Masthead("简报", "第1期", "单位", "2023年3月1日"),
                   [Section("长表", blocks=[table])])
    out = tmp_path / "tall.pdf"
    write_pdf(doc, out, fonts=fonts)
    text = re.sub(r"\s+", "", pdftotext(out))
    assert len(PdfReader(str(out)).pages) > 5
    assert "第0句引文" in text and "第1199句引文，引文结束" in text and "末行" in text


def test_hostile_text_prints_literally(tmp_path, fonts):
    out = tmp_path / "h.pdf"
    write_pdf(compose(hostile_facts(), config=Config(), fonts=fonts), out, fonts=fonts)
    text = pdftotext(out)
    assert "<b>&" in text and "]]>" in text


def test_no_chinese_font_means_font_error_with_install_hint(monkeypatch):
    monkeypatch.setattr(fonts_module, "_installed", lambda: {})
    with pytest.raises(FontError, match="apt-get install fonts-arphic-uming"):
        find_fonts({})


def test_configured_fonts_are_checked(tmp_path, fonts):
    with pytest.raises(FontError, match="no such font file"):
        find_fonts({"fangsong": str(tmp_path / "simfang.ttf")})
    garbage = tmp_path / "broken.ttf"
    garbage.write_bytes(b"not a font at all")
    with pytest.raises(FontError, match="broken.ttf: not a usable TrueType font"):
        find_fonts({"fangsong": str(garbage)})
    with pytest.raises(FontError, match="lacks glyphs"):
        find_fonts({"fangsong": str(fonts["latin"].path)})  # a Latin font draws boxes
    chosen = find_fonts({"fangsong": f"{fonts['kai'].path}#0"})
    assert chosen["fangsong"] == fonts["kai"]
