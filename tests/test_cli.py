"""End to end through the command line, the way a user runs it."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from briefing.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "articles"
GOLD = ROOT.parent / "shared" / "gold" / "seeds.json"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_prints_the_facts_document(capsys):
    code, out, err = _run(capsys, "extract", str(SAMPLES), "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["schema"] == "briefing.facts/1"
    assert len(doc["articles"]) == 5
    heshan_2023 = [f for f in doc["facts"]
                   if f["kind"] == "target" and f["region"] == "鹤山市" and f.get("year") == 2023
                   and f.get("indicator") == "地区生产总值" and f.get("measure") == "growth"]
    assert heshan_2023 and heshan_2023[0]["value"] == 8.0 and heshan_2023[0].get("stretch") == 8.5
    assert all(f["quote"] for f in doc["facts"])


def test_bad_files_are_named_and_the_rest_still_go_through(tmp_path, capsys):
    shutil.copy(SAMPLES / "004_4b074d73fc3d7590.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    code, out, err = _run(capsys, "extract", str(tmp_path), str(tmp_path / "missing.txt"))
    assert code != 0
    lines = err.strip().splitlines()
    assert any("empty.txt" in line for line in lines)
    assert any("binary.txt" in line for line in lines)
    assert any("missing.txt" in line for line in lines)
    assert [a["title"] for a in json.loads(out)["articles"]] == ["贯彻新发展理念 推动高质量发展"]


@pytest.mark.skipif(not GOLD.exists(), reason="needs ../shared/gold beside the clone")
def test_eval_meets_the_issue_thresholds_on_the_samples(capsys):
    code, out, _ = _run(capsys, "eval", "--gold", str(GOLD), str(SAMPLES), "--summary")
    assert code == 0
    rows = {line.split()[0]: [float(x) for x in line.split()[1:4]]
            for line in out.splitlines()[1:6]}
    assert rows["target"][2] >= 0.90 and rows["actual"][2] >= 0.90
    assert rows["project"][2] >= 0.80 and rows["policy"][2] >= 0.80
    assert rows["overall"][0] >= 0.90


def _comparison_cells(path: Path) -> list[list[str]]:
    document = docx.Document(str(path))
    for table in document.tables:
        cells = [[c.text.strip() for c in row.cells] for row in table.rows]
        if any("地区生产总值" in c for c in cells[0]) or any("江海区" in r[0] for r in cells):
            yield cells


def test_build_writes_a_briefing_whose_comparison_table_shows_the_targets(tmp_path, capsys):
    code, out, err = _run(capsys, "build", str(SAMPLES), "--out", str(tmp_path),
                          "--format", "docx,pdf")
    assert code == 0, err
    paths = [Path(p) for p in out.split()]
    docx_path = next(p for p in paths if p.suffix == ".docx")
    pdf_path = next(p for p in paths if p.suffix == ".pdf")
    text = "\n".join("|".join(r) for t in _comparison_cells(docx_path) for r in t)
    for region, cell in [("江海区", "9%左右"), ("新会区", "力争11%"), ("鹤山市", "10.5%"),
                         ("台山市", "9%"), ("鹤山市", "8.5%")]:
        assert region in text and cell in text
    pdf_text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"],
                              capture_output=True, text=True, check=True).stdout
    assert "江海区" in pdf_text and "10.5%" in pdf_text and "8.5%" in pdf_text
    fonts = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True,
                           check=True).stdout
    assert "yes" in fonts.split("\n", 2)[2]


def test_build_with_nothing_to_report_says_so_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    code, _, err = _run(capsys, "build", str(tmp_path / "missing.txt"), "--out", str(out))
    assert code != 0 and "missing.txt" in err and "no articles" in err
    code, _, err = _run(capsys, "--db", str(tmp_path / "b.db"), "build", "--out", str(out),
                        "--week", "2023-W09")
    assert code != 0 and "no articles dated 2023-02-27 to 2023-03-05" in err
    assert not out.exists() or not list(out.iterdir())


def _issue_line(docx_path: Path) -> str:
    return next(p.text for p in docx.Document(str(docx_path)).paragraphs
                if p.text.startswith("第") and p.text.endswith("期"))


def test_rebuilding_a_week_keeps_its_issue_number_and_a_new_week_takes_the_next(
        tmp_path, capsys):
    db = str(tmp_path / "b.db")
    assert _run(capsys, "--db", db, "ingest", str(SAMPLES))[0] == 0
    issues = []
    for week in ("2023-W08", "2023-W08", "2023-W11"):
        code, out, err = _run(capsys, "--db", db, "build", "--week", week, "--format", "docx",
                              "--out", str(tmp_path / week))
        assert code == 0, err
        issues.append(_issue_line(Path(out.split()[0])))
    assert issues == ["第1期", "第1期", "第2期"]


def test_a_clean_run_writes_nothing_to_stderr(tmp_path):
    """stderr carries only our one-line messages: no library's chatter (jieba's loading)."""
    run = subprocess.run([sys.executable, "-m", "briefing", "extract",
                          str(SAMPLES / "004_4b074d73fc3d7590.txt")],
                         capture_output=True, text=True, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0
    assert json.loads(run.stdout)["articles"]
    assert run.stderr == ""


UNDATED = SAMPLES / "000_338399206360c754.txt"   # names no date anywhere
DATED = SAMPLES / "004_4b074d73fc3d7590.txt"     # 2023-02-25, in 2023-W08


def _undated_warning(path: Path | str) -> str:
    return f"briefing: {path}: no date found (use --date); not in any week's briefing"


def test_ingest_names_each_undated_article_without_failing(tmp_path, capsys):
    code, out, err = _run(capsys, "--db", str(tmp_path / "b.db"), "ingest", str(UNDATED),
                          str(DATED), "--jobs", "1")
    assert code == 0
    assert err.splitlines() == [_undated_warning(UNDATED)]
    code, out, err = _run(capsys, "--db", str(tmp_path / "b.db"), "ingest", str(UNDATED),
                          "--jobs", "1")
    assert (code, err) == (0, "")   # unchanged since: not read again, not warned again


def test_ingest_with_a_date_warns_of_nothing(tmp_path, capsys):
    code, _, err = _run(capsys, "--db", str(tmp_path / "b.db"), "ingest", str(UNDATED),
                        "--date", "2023-02-20", "--jobs", "1")
    assert code == 0 and err == ""


def test_a_build_for_a_week_names_the_undated_articles_it_leaves_out(tmp_path, capsys):
    code, out, err = _run(capsys, "build", str(UNDATED), str(DATED), "--week", "2023-W08",
                          "--out", str(tmp_path / "out"), "--format", "html")
    assert code == 0
    assert err.splitlines() == [_undated_warning(UNDATED)]
    code, out, err = _run(capsys, "build", str(UNDATED), str(DATED),
                          "--out", str(tmp_path / "all"), "--format", "html")
    assert code == 0 and err == ""   # no period asked for: every article is in


def _one_line(err: str) -> str:
    """The whole of stderr is one `briefing: …` line (no traceback)."""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefing: "), err
    return lines[0]


@pytest.mark.parametrize("command", [["ingest", str(DATED)], ["build", "--out", "OUT"]])
def test_a_corrupt_store_is_one_line_and_left_as_it_was(command, tmp_path, capsys):
    db = tmp_path / "briefing.db"
    junk = b"these are not the bytes of an SQLite file\n" * 200
    db.write_bytes(junk)
    argv = [str(tmp_path / "out") if a == "OUT" else a for a in command]
    code, _, err = _run(capsys, "--db", str(db), *argv)
    assert code != 0
    assert str(db) in _one_line(err) and "article store" in err
    assert db.read_bytes() == junk


def test_out_naming_an_existing_file_is_one_line_and_the_file_is_kept(tmp_path, capsys):
    out = tmp_path / "briefing.docx"
    out.write_bytes(b"last week's briefing")
    code, _, err = _run(capsys, "build", str(DATED), "--out", str(out), "--format", "html")
    assert code != 0
    assert str(out) in _one_line(err) and "not a folder" in err
    assert out.read_bytes() == b"last week's briefing"


@pytest.mark.parametrize("content", [None, "{not json", '{"facts": [{"kind": "target"}]}',
                                     '["a list"]'])
def test_a_missing_or_invalid_gold_file_is_one_line(content, tmp_path, capsys):
    gold = tmp_path / "gold.json"
    if content is not None:
        gold.write_text(content, encoding="utf-8")
    code, out, err = _run(capsys, "eval", "--gold", str(gold), str(DATED))
    assert code == 1 and out == ""
    assert _one_line(err).startswith(f"briefing: {gold}: ")


@pytest.mark.parametrize("toml, named", [("smtp = 3", "smtp"), ("[lists]\nleaders = 5", "leaders"),
                                         ("[lists]\nleaders = [1, 2]", "leaders"),
                                         ("briefing = 'x'", "briefing"),
                                         ("[store]\npath = 5", "[store] path")])
def test_a_setting_of_the_wrong_type_is_one_line_naming_it(toml, named, tmp_path, capsys):
    config = tmp_path / "briefing.toml"
    config.write_text(toml + "\n", encoding="utf-8")
    code, _, err = _run(capsys, "--config", str(config), "--db", str(tmp_path / "b.db"),
                        "build", "--out", str(tmp_path / "out"), "--to", "@leaders")
    assert code == 2
    assert named in _one_line(err)


def test_a_list_of_one_address_may_be_written_as_a_string(tmp_path):
    from briefing.config import load_config

    config = tmp_path / "briefing.toml"
    config.write_text('[lists]\nleaders = "chief@example.org"\n', encoding="utf-8")
    assert load_config(config).lists == {"leaders": ["chief@example.org"]}
