"""build_briefing end to end on the sample facts: read the outputs back as a user would."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import docx
import pytest

from briefing_samples import seed_facts, synthetic_facts

from briefing import fonts as fonts_module
from briefing.build import build_briefing
from briefing.config import Config
from briefing.errors import BriefingError, FontError, InputError
from briefing.writers import WRITERS

CONFIG = Config(briefing={"title": "江门高质量发展简报", "unit": "江门市发展研究中心",
                          "reported_to": "市委、市政府领导", "sent_to": "各县（市、区）",
                          "copies": 60})
EXPECTED_2022 = {"江海区": "9%左右", "新会区": "9%以上(力争11%)", "鹤山市": "10.5%",
                 "台山市": "9%(力争11%)"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("out")
    paths = build_briefing(seed_facts(), out, config=CONFIG, issue_number=3)
    return {p.suffix[1:]: p for p in paths}


def gdp_cells(path: Path) -> dict[str, dict[str, str]]:
    """year → region → 地区生产总值 cell, from the docx comparison tables."""
    d = docx.Document(str(path))
    captions = [p.text for p in d.paragraphs if p.style.name == "Caption" and p.text[:4].isdigit()]
    out = {}
    for caption, table in zip(captions, d.tables):
        header = [c.text for c in table.rows[0].cells]
        col = header.index("地区生产总值")
        out[caption[:4]] = {r.cells[0].text: r.cells[col].text for r in table.rows[1:]}
    return out


def test_returns_one_file_per_format_named_by_date(built):
    assert set(built) == {"docx", "pdf", "html"}
    assert built["pdf"].name == "briefing-2023-03-13.pdf"
    assert not list(built["pdf"].parent.glob(".*part"))


def test_docx_comparison_table_shows_gdp_targets(built):
    cells = gdp_cells(built["docx"])
    for region, text in EXPECTED_2022.items():
        assert cells["2022"][region] == text
    assert cells["2023"]["鹤山市"] == "8%(力争8.5%)"


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdf_text_has_regions_figures_and_masthead(built):
    text = subprocess.run(["pdftotext", "-layout", str(built["pdf"]), "-"], check=True,
                          capture_output=True, text=True).stdout
    for region, figure in EXPECTED_2022.items():
        assert region in text and figure in text
    assert "8%(力争8.5%)" in text
    assert "江门高质量发展简报" in text and "第3期" in text
    assert "资料来源" in text and "江门日报" in text


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")
def test_pdf_embeds_every_font(built):
    lines = subprocess.run(["pdffonts", str(built["pdf"])], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert lines
    assert all(line.split()[-5] == "yes" for line in lines), lines  # the emb column


def test_failed_build_leaves_previous_files(tmp_path, monkeypatch):
    facts = seed_facts()
    [old] = build_briefing(facts, tmp_path, config=CONFIG, name="weekly", formats=["docx"])
    before = old.read_bytes()

    def broken():
        def write(document, path, **options):
            Path(path).write_bytes(b"half a file")
            raise RuntimeError("disk full")
        return write

    monkeypatch.setitem(WRITERS, "pdf", broken)
    with pytest.raises(RuntimeError):
        build_briefing(facts, tmp_path, config=CONFIG, name="weekly", formats=["docx", "pdf"])
    assert old.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["weekly.docx"]


@pytest.mark.parametrize("error", [BriefingError("house style missing"),
                                   InputError("house.docx", "house style missing")])
def test_a_writer_failing_beside_the_pdf_is_reported_and_leaves_nothing(tmp_path, monkeypatch,
                                                                     error):
    def broken():
        def write(document, path, **options):
            Path(path).write_bytes(b"half a file")
            raise error
        return write

    monkeypatch.setitem(WRITERS, "docx", broken)
    with pytest.raises(BriefingError, match="house style missing"):
        build_briefing(seed_facts(), tmp_path, config=CONFIG, name="weekly")
    assert list(tmp_path.iterdir()) == []


def test_no_cjk_font_is_an_error_with_install_hint(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts_module, "_installed", lambda: {})
    with pytest.raises(FontError, match="apt-get install"):
        build_briefing(seed_facts(), tmp_path, config=CONFIG, formats=["pdf"])
    assert not list(tmp_path.iterdir())


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(BriefingError, match="unknown format"):
        build_briefing(seed_facts(), tmp_path, config=CONFIG, formats=["odt"])


def test_a_busy_week_keeps_its_tables_bounded(tmp_path):
    facts = synthetic_facts(200)
    paths = build_briefing(facts, tmp_path, config=CONFIG, name="big",
                           previous_keys={f.key() for f in facts.facts[:300]})
    assert [p.name for p in paths] == ["big.docx", "big.pdf", "big.html"]
    word = docx.Document(str(paths[0]))
    projects = next(t for t in word.tables if "项目" in [c.text for c in t.rows[0].cells])
    assert len(projects.rows) == 1 + 30
    text = "\n".join(p.text for p in word.paragraphs)
    assert "本期报道提及重点项目600个" in text and "其余570个从略" in text


def test_a_broken_reference_doc_is_a_one_line_error(tmp_path):
    house = tmp_path / "house.docx"
    house.write_text("not a zip", encoding="utf-8")
    with pytest.raises(BriefingError, match="house.docx: not a usable Word document"):
        build_briefing(seed_facts(), tmp_path / "out", config=CONFIG, formats=["docx"],
                       reference_doc=house)


def test_hostile_text_builds_every_format(tmp_path):
    from briefing_samples import hostile_facts

    paths = build_briefing(hostile_facts(), tmp_path, config=CONFIG)
    assert all(p.stat().st_size > 1000 for p in paths)
    assert "&lt;b&gt;&amp;" in paths[2].read_text(encoding="utf-8")


def test_outputs_are_readable_by_others_as_ordinary_files_are(tmp_path):
    old = os.umask(0o022)
    try:
        paths = build_briefing(seed_facts(), tmp_path, config=CONFIG, formats=["docx", "html"])
    finally:
        os.umask(old)
    assert {stat.S_IMODE(p.stat().st_mode) for p in paths} == {0o644}
