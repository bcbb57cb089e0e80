"""A busy week end to end: 200 articles of the benchmark's corpus, extracted, built, and
every output read back as a user would (Word tables, PDF text, the HTML cells).

The briefing must stay a briefing at this size: every region in the comparison, the
long lists cut with a line saying how many there were, numbering past 十, and the
three outputs saying the same thing.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

from briefing.build import build_briefing
from briefing.config import Config
from briefing.facts import extract_files
from briefing.limits import Limits
from briefing.tables import MAIN_INDICATORS, norm_name

ROOT = Path(__file__).resolve().parents[1]
WEEK_START = dt.date(2023, 2, 27)
ARTICLES = 200
SECTIONS = ("本期要点", "主要指标对比", "目标与完成", "重点项目", "政策举措", "分区动态",
            "资料来源")
MAX_PAGES = 40          # a 200-article week on a few dozen pages, not a dump


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def week(tmp_path_factory):
    """(facts, {format: path}) of the built week."""
    root = tmp_path_factory.mktemp("scale")
    made = _corpus_module().make_corpus(root / "corpus", ARTICLES, week_start=WEEK_START)
    facts = extract_files([made.root])
    paths = build_briefing(facts, root / "out", config=Config(briefing={"title": "全省简报"}),
                           name="week")
    return facts, {p.suffix[1:]: p for p in paths}


class _Cells(HTMLParser):
    """The HTML's tables as lists of rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _word_tables(path: Path) -> dict[str, list[list[str]]]:
    """Caption (the paragraph just before the table) → rows, header first."""
    d = docx.Document(str(path))
    out, caption = {}, ""
    for item in d.iter_inner_content():
        if isinstance(item, docx.table.Table):
            out[caption] = [[cell.text for cell in row.cells] for row in item.rows]
        else:
            caption = item.text
    return out


def _newest_comparison(tables: dict[str, list[list[str]]]) -> tuple[int, list[list[str]]]:
    caption = max(c for c in tables if c.endswith("年主要指标增长目标"))
    return int(caption[:4]), tables[caption]


def test_comparison_keeps_every_region_with_its_own_figures(week):
    facts, paths = week
    year, rows = _newest_comparison(_word_tables(paths["docx"]))
    header, body = rows[0], rows[1:]
    targets = [f for f in facts.facts if f.kind == "target" and f.year == year
               and f.indicator in MAIN_INDICATORS and f.region]
    assert {r[0] for r in body} == {f.region for f in targets}
    gdp = header.index("地区生产总值")
    for row in body:
        if row[gdp] != "—":
            shown = float(re.search(r"\d+(\.\d+)?", row[gdp]).group())
            assert shown in {f.value for f in targets if f.region == row[0]
                             and f.indicator == "地区生产总值"}, row


def test_projects_table_is_the_largest_with_the_total_stated(week):
    facts, paths = week
    rows = _word_tables(paths["docx"])["重点项目"]
    invest = rows[0].index("投资(亿元)")
    amounts = [float(r[invest]) for r in rows[1:] if r[invest] != "—"]
    assert len(rows) - 1 == Limits().top_projects
    assert amounts == sorted(amounts, reverse=True)
    reported = {(f.region, norm_name(f.name)) for f in facts.facts if f.kind == "project"}
    body = "\n".join(p.text for p in docx.Document(str(paths["docx"])).paragraphs)
    assert f"本期报道提及重点项目{len(reported)}个" in body
    assert f"下表列出投资额最大的{Limits().top_projects}个" in body


def test_key_points_stay_five_to_eight(week):
    _, paths = week
    d = docx.Document(str(paths["docx"]))
    headings = [i for i, p in enumerate(d.paragraphs) if p.style.name == "Heading 1"]
    points = [p for p in d.paragraphs[headings[0] + 1:headings[1]]
              if p.style.name == "List Paragraph"]
    assert 5 <= len(points) <= 8


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_pdf_reads_as_a_briefing_of_bounded_length(week):
    _, paths = week
    text = subprocess.run(["pdftotext", "-layout", str(paths["pdf"]), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = text.count("\f")
    assert 0 < pages <= MAX_PAGES
    flat = re.sub(r"\s+", "", text)
    numerals = "一二三四五六七"
    for numeral, title in zip(numerals, SECTIONS):
        assert f"{numeral}、{title}" in flat
    assert f"（十{'一二三四五'[Limits().region_sections - 11]}）" in flat  # sections past 十
    assert re.search(r"等\d+项。", flat)           # a cut list says how long it was
    assert f"[{ARTICLES}]" in flat                  # 资料来源 lists every article


def test_html_says_what_the_word_file_says(week):
    _, paths = week
    parsed = _Cells()
    parsed.feed(paths["html"].read_text(encoding="utf-8"))
    word_year, word_rows = _newest_comparison(_word_tables(paths["docx"]))
    assert word_rows in parsed.tables
    html = paths["html"].read_text(encoding="utf-8")
    assert f"[{ARTICLES}]" in html and f"{word_year}年主要指标增长目标" in html
