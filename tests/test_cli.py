"""End to end through the command line, the way a user runs it."""
from __future__ import annotations

import json
import shutil
import subprocess
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
