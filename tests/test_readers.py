"""Readers: the samples, each sample as GB18030, Big5, HTML, docx and PDF, and bad files.

Every variant must give the article the UTF-8 sample gives; the only difference
allowed is whitespace (a PDF may drop a space at a line wrap).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import zipfile
from pathlib import Path

import pytest

import variants
from briefing.clean import simplify
from briefing.errors import InputError
from briefing.readers import iter_input_files, read_article

GOLD = variants.SAMPLES.parents[2] / "shared" / "gold" / "seeds.json"   # shared/ beside the clone
SAMPLES = variants.sample_paths()
def analyst_metadata(stem: str) -> tuple:
    """What the analyst recorded for a sample; a date the analyst supplied is none of the text's."""
    meta = next(a for a in json.loads(GOLD.read_text(encoding="utf-8"))["articles"] if a["id"] == stem)
    if meta["date_basis"] == "user":
        return meta["title"], None, "unknown", meta["source"]
    return meta["title"], dt.date.fromisoformat(meta["date"]), meta["date_basis"], meta["source"]


def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture(scope="module")
def originals():
    return {p.stem: read_article(p) for p in SAMPLES}


@pytest.fixture(scope="module")
def variant_files(tmp_path_factory):
    out = tmp_path_factory.mktemp("variants")
    return {(src.stem, name): write(src, out)
            for src in SAMPLES for name, write in variants.VARIANTS.items()}


@pytest.mark.skipif(not GOLD.exists(), reason="gold file not present")
@pytest.mark.parametrize("src", SAMPLES, ids=lambda p: p.stem[:3])
def test_sample_metadata_matches_the_analyst(src, originals):
    a = originals[src.stem]
    assert (a.title, a.date, a.date_basis, a.source) == analyst_metadata(src.stem)
    assert a.id and len(a.plain) == len(a.text) and not a.regions


def test_e_paper_sample_loses_its_navigation(originals):
    given = variants.SAMPLES / "001_50eb9501b22312db.txt"
    a = read_article(given)
    assert a.path == str(given)
    for debris in ("上一版", "下一篇", "版面导航", "放大", "Copyright", "ICP", "□"):
        assert debris not in a.text
    assert len(a.captions) == 1 and a.captions[0].endswith("摄")  # the photo credit
    assert a.captions[0] not in a.text
    lines = a.text.split("\n")
    assert lines[1] == a.title and 0 < len(lines[0]) <= 20  # the kicker above the headline stays


def test_default_date_is_used_only_when_nothing_else_dates_the_article():
    a = read_article(SAMPLES[0], default_date=dt.date(2022, 2, 24))
    assert (a.date, a.date_basis) == (dt.date(2022, 2, 24), "user")
    b = read_article(SAMPLES[1], default_date=dt.date(2022, 2, 24))
    assert b.date_basis == "header"


@pytest.mark.skipif(not GOLD.exists(), reason="gold file not present")
def test_every_gold_quote_is_in_the_cleaned_text(originals):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for fact in gold["facts"]:
        assert fact["quote"].replace("\u00a0", " ") in originals[fact["article"]].text


@pytest.mark.parametrize("variant", list(variants.VARIANTS))
@pytest.mark.parametrize("src", SAMPLES, ids=lambda p: p.stem[:3])
def test_variant_gives_the_same_article(src, variant, originals, variant_files):
    a = read_article(variant_files[src.stem, variant])
    ref = originals[src.stem]
    assert squeeze(a.plain) == squeeze(ref.plain)
    assert a.plain.count("\n") == ref.plain.count("\n")       # same paragraphs
    assert (a.date, a.date_basis, a.source) == (ref.date, ref.date_basis, ref.source)
    assert simplify(a.title) == ref.title
    assert len(a.captions) == len(ref.captions)


def test_big5_variant_keeps_traditional_text(variant_files):
    a = read_article(variant_files["004_4b074d73fc3d7590", "big5"])
    assert a.title == "貫徹新發展理念 推動高質量發展"
    assert "地區生產總值" in a.text and "地区生产总值" in a.plain
    i = a.plain.index("地区生产总值增长8%")
    assert a.text[i:i + 10] == "地區生產總值增長8%"


def _facts_signature(article) -> set:
    from briefing.extract import extract_article

    return {tuple(v for k, v in sorted(f.to_json().items()) if k not in ("article", "quote"))
            for f in extract_article(article)}


@pytest.mark.parametrize("variant", list(variants.VARIANTS))
def test_variant_gives_the_same_facts(variant, originals, variant_files):
    try:
        from briefing.extract import extract_article  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"extraction not available yet: {exc}")
    for src in SAMPLES:
        a = read_article(variant_files[src.stem, variant])
        assert _facts_signature(a) == _facts_signature(originals[src.stem]), src.stem


def test_html_metadata_and_page_furniture(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("""<html><head><title>园区建设提速 - 某某新闻网</title>
<meta property="article:published_time" content="2023-04-02T08:00:00+08:00"></head><body>
<div class="nav">第A03版:要闻 上一版 下一版</div>
<article><h1>园区建设提速</h1>
<p>今年以来,全区园区建设全面提速,一季度完成工业投资56亿元,同比增长18%,新签约项目22个。</p>
<p>下一步,全区将加快推进重点项目建设,力争全年工业投资增长20%以上,为高质量发展打下坚实基础。</p>
</article><footer>某某日报社主办 版权所有 粤ICP备00000000号</footer></body></html>""",
                    encoding="utf-8")
    a = read_article(page)
    assert a.title == "园区建设提速"
    assert (a.date, a.date_basis) == (dt.date(2023, 4, 2), "header")
    assert a.source == "某某日报 A03"
    assert a.text.split("\n")[-1].startswith("下一步")
    assert "ICP" not in a.text


def test_docx_paragraphs_and_tables_in_document_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("主要经济指标完成情况")
    document.add_paragraph("2022年全市经济运行总体平稳,主要指标如下表。")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("指标", "数值", "增速")):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("地区生产总值", "458.51亿元", "2.8%")):
        cell.text = text
    document.add_paragraph("下一步将持续发力。")
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert read_article(path).text.split("\n") == [
        "主要经济指标完成情况", "2022年全市经济运行总体平稳,主要指标如下表。",
        "指标 | 数值 | 增速", "地区生产总值 | 458.51亿元 | 2.8%", "下一步将持续发力。"]


def test_pdf_wrapped_paragraph_is_one_line(variant_files, originals):
    a = read_article(variant_files["001_50eb9501b22312db", "pdf"])
    longest = max(originals["001_50eb9501b22312db"].text.split("\n"), key=len)
    assert squeeze(longest) in [squeeze(x) for x in a.text.split("\n")]


@pytest.fixture()
def bad_files(tmp_path):
    pdf = variants.write_pdf(SAMPLES[1], tmp_path)
    docx_file = variants.write_docx(SAMPLES[1], tmp_path)
    files = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 8,
        "control.txt": "报告正文".encode("utf-8") + bytes(range(1, 32)) * 10,
        "undecodable.txt": bytes([0x81, 0x20]) * 400,
        "random.docx": os.urandom(2000),
        "truncated.docx": docx_file.read_bytes()[:3000],
        "random.pdf": os.urandom(2000),
        "truncated.pdf": pdf.read_bytes()[:20000],
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    with zipfile.ZipFile(tmp_path / "notword.docx", "w") as z:
        z.writestr("hello.txt", "hi")
    variants.write_scanned_pdf(tmp_path / "scanned.pdf")
    pdf.unlink()
    docx_file.unlink()
    return tmp_path


@pytest.mark.parametrize("name, reason", [
    ("empty.txt", "empty file"),
    ("binary.txt", "binary file, not text"),
    ("control.txt", "binary file, not text"),
    ("undecodable.txt", "cannot decode text (tried"),
    ("random.docx", "corrupt docx"),
    ("truncated.docx", "corrupt docx"),
    ("notword.docx", "corrupt docx"),
    ("random.pdf", "corrupt pdf"),
    ("truncated.pdf", "corrupt pdf"),
    ("scanned.pdf", "PDF has no text layer (scanned?)"),
])
def test_bad_file_gives_one_short_reason(bad_files, name, reason):
    with pytest.raises(InputError) as err:
        read_article(bad_files / name)
    assert err.value.reason.startswith(reason)
    assert err.value.path.endswith(name)


def test_oversize_and_missing_files(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("标题\n" + "很长的内容。" * 100, encoding="utf-8")
    with pytest.raises(InputError, match="file over 0.001 MB"):
        read_article(big, max_bytes=1000)
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "gone.txt")


def test_iter_input_files_walks_folders_and_reports_problems(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.html", "b/1.pdf", "c.docx", "notes.xlsx", "d.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = list(iter_input_files([tmp_path, tmp_path / "notes.xlsx", tmp_path / "nope.txt"]))
    files = [p for p in found if isinstance(p, Path)]
    errors = [e for e in found if isinstance(e, InputError)]
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "a.html", "b/1.pdf", "b/2.txt", "c.docx", "d.md"]
    assert [(Path(e.path).name, e.reason) for e in errors] == [
        ("notes.xlsx", "unsupported file type '.xlsx'"), ("nope.txt", "no such file or folder")]


def test_markdown_markup_is_dropped(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# 园区建设提速\n\n> 摘要\n\n今年**工业投资**增长20%,详见[通报](http://x.cn/a)。\n\n"
                    "![图](a.png)\n\n---\n", encoding="utf-8")
    a = read_article(path)
    assert a.title == "园区建设提速"
    assert a.text.split("\n") == ["园区建设提速", "摘要", "今年工业投资增长20%,详见通报。"]


def test_pdf_running_head_is_not_spliced_into_the_text(tmp_path):
    paragraphs = [f"第{n}片区今年完成道路改造{n}公里，新建口袋公园{n + 2}个，"
                  f"惠及居民{n * 1000 + 17}户，群众满意度逐年提高，相关经验在全县推广。" * 3
                  for n in range(1, 40)]
    pdf = variants.write_pdf_with_running_head(paragraphs, tmp_path / "report.pdf",
                                               head="某县日报 · 综合新闻")
    text = read_article(pdf).text
    assert "某县日报" not in text
    assert "— 2 —" not in text
    lines = [squeeze(x) for x in text.split("\n")]
    assert all(squeeze(p) in lines for p in paragraphs)
