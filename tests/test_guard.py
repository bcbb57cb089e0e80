"""One file that breaks a reader or the extractors, or takes too long, is named on one
line and skipped; the other files still go through and the exit status says so."""
from __future__ import annotations

import json
import shutil
import signal
import time
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

import briefing.extract
from briefing.cli import main
from briefing.guard import extract_guarded
from briefing.ingest import ingest
from briefing.model import Article, Fact
from briefing.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "articles"
SLOW_TITLE = "慢文章"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _slow_on_one(article: Article) -> list[Fact]:
    """The extraction, except that one article never finishes (a rule gone quadratic)."""
    if article.title == SLOW_TITLE:
        time.sleep(30)
    return [Fact(kind="policy", region=None, article=article.id, quote=article.title,
                 name=article.title, category="document")]


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "004_4b074d73fc3d7590.txt", folder / "good.txt")
    (folder / "slow.txt").write_text(f"{SLOW_TITLE}\n2023年3月1日\n全市地区生产总值增长6%。\n",
                                     encoding="utf-8")
    return folder


@pytest.fixture()
def slow_extractor(monkeypatch):
    monkeypatch.setattr(briefing.extract, "extract_article", _slow_on_one)


@pytest.mark.parametrize("command", ["extract", "eval", "build"])
def test_a_file_over_the_time_limit_is_skipped_and_the_rest_go_through(
        command, tmp_path, capsys, slow_extractor):
    folder = _inputs(tmp_path)
    gold = tmp_path / "gold.json"
    gold.write_text('{"schema": "briefing.facts/1", "articles": [], "facts": []}', encoding="utf-8")
    argv = {"extract": ["extract", str(folder)],
            "eval": ["eval", "--gold", str(gold), str(folder), "--summary"],
            "build": ["build", str(folder), "--out", str(tmp_path / "out"), "--format", "html"]}
    began = time.monotonic()
    code, out, err = _run(capsys, *argv[command], "--time-limit", "0.5")
    assert time.monotonic() - began < 10
    assert code == 1
    lines = err.splitlines()
    assert f"briefing: {folder / 'slow.txt'}: extraction took longer than 0.5 s, skipped" in lines
    assert len([line for line in lines if "good.txt" in line]) == 0
    if command == "extract":
        assert [a["title"] for a in json.loads(out)["articles"]] == ["贯彻新发展理念 推动高质量发展"]
    if command == "build":
        assert (tmp_path / "out").is_dir() and list((tmp_path / "out").glob("*.html"))
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_skips_a_file_over_the_time_limit_and_stores_the_rest(
        jobs, tmp_path, monkeypatch):
    folder = _inputs(tmp_path)
    shutil.copy(SAMPLES / "000_338399206360c754.txt", folder / "other.txt")
    store = Store(tmp_path / "briefing.db")
    put = store.put

    def put_unarmed(*args, **kwargs):
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)   # never inside a write
        return put(*args, **kwargs)

    monkeypatch.setattr(store, "put", put_unarmed)
    errors = []
    try:
        report = ingest([folder], store, extract=_slow_on_one, jobs=jobs, on_error=errors.append,
                        time_limit=0.5)
        assert report.new == 2 and report.failed == 1
        assert [e.path for e in errors] == [str(folder / "slow.txt")]
        assert errors[0].reason == "extraction took longer than 0.5 s, skipped"
    finally:
        store.close()


def test_the_time_limit_leaves_no_alarm_behind():
    article = Article(id="a", path="a.txt", title="快文章", text="全市地区生产总值增长6%。")
    assert extract_guarded(article, _slow_on_one, limit=0.2)[0].name == "快文章"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
    time.sleep(0.3)   # an alarm left set would end the test run here


def _docx_with_a_broken_table(path: Path) -> None:
    """A .docx whose table claims a cell spans "abc" columns: python-docx raises ValueError."""
    document = docx.Document()
    document.add_paragraph("全市地区生产总值增长6%。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "甲"
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "abc")
    table.cell(0, 0)._tc.get_or_add_tcPr().append(span)
    document.save(path)


@pytest.mark.parametrize("command", ["extract", "build"])
def test_any_exception_from_one_file_is_one_line_and_the_rest_go_through(
        command, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "004_4b074d73fc3d7590.txt", folder / "good.txt")
    _docx_with_a_broken_table(folder / "broken.docx")
    argv = {"extract": ["extract", str(folder)],
            "build": ["build", str(folder), "--out", str(tmp_path / "out"), "--format", "html"]}
    code, out, err = _run(capsys, *argv[command])
    assert code == 1
    assert "Traceback" not in err
    (line,) = [line for line in err.splitlines() if "broken.docx" in line]
    assert line.startswith(f"briefing: {folder / 'broken.docx'}: cannot read: ValueError")
    if command == "extract":
        assert [a["title"] for a in json.loads(out)["articles"]] == ["贯彻新发展理念 推动高质量发展"]


def _swallows_errors(article: Article) -> list[Fact]:
    """Code that treats any Exception as a bad input and goes on (as the PDF reader does)."""
    for _ in range(60):
        try:
            time.sleep(0.5)
        except Exception:   # noqa: BLE001 - the point of the test
            pass
    return []


def test_the_time_limit_is_not_swallowed_by_code_catching_every_exception():
    article = Article(id="a", path="a.txt", title="t", text="全市地区生产总值增长6%。")
    began = time.monotonic()
    got = extract_guarded(article, _swallows_errors, limit=0.3)
    assert time.monotonic() - began < 2
    assert got.reason == "extraction took longer than 0.3 s, skipped"
