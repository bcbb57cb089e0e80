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
from briefing.plain import simplify
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


HONG_KONG_TEXT = ("某區公布施政報告\n本報訊（記者 黃志峯）某區今天公布施政報告，"
                  "提出明年地區生產總值增長3%左右，着力推進北部都會區建設，"
                  "在大埔邨附近興建公營房屋一萬個單位。\n報告又指，全年旅客人次恢復至疫情前八成。")
SIMPLIFIED_TEXT = ("某县召开经济工作会议\n本报讯（记者 王小䶮）12月20日，某县召开经济工作会议，"
                   "提出明年地区生产总值增长6%左右。\n• 会议要求，全力推进镕盛产业园建设，"
                   "确保年内投产。")


@pytest.mark.parametrize("text, encoding", [
    (HONG_KONG_TEXT, "big5hkscs"),            # 峯, 着, 邨 are HKSCS, not plain Big5
    (HONG_KONG_TEXT.split("\n")[0], "big5hkscs"),
    (SIMPLIFIED_TEXT, "gb18030"),             # 䶮 and • take GB18030's four-byte codes
    (SIMPLIFIED_TEXT.replace("䶮", "明").replace("•", "·"), "gbk"),
    (SIMPLIFIED_TEXT.split("\n")[0], "gb18030"),
])
def test_cjk_encodings_decode_verbatim(text, encoding):
    from briefing.readers.text import decode_bytes

    assert decode_bytes(text.encode(encoding), "a.txt") == text


@pytest.mark.parametrize("text, encoding", [
    (HONG_KONG_TEXT, "big5hkscs"), (SIMPLIFIED_TEXT, "gb18030"), (SIMPLIFIED_TEXT, "utf-8")])
@pytest.mark.parametrize("damage", ["cut inside the last character", "one stray byte"])
def test_a_few_broken_bytes_do_not_lose_the_file(tmp_path, text, encoding, damage):
    data = text.encode(encoding)
    middle = len(text[:text.index("地")].encode(encoding)) + 1     # inside 地
    data = data[:-1] if damage.startswith("cut") else data[:middle] + b"\xff" + data[middle:]
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article = read_article(path)
    last = text.split("\n")[-1]
    assert last[:-1] in article.text                        # the rest of the text is intact
    assert article.text.count("\ufffd") <= 4


EPAPER_PAGE = """<html><head><meta charset="gb2312"><title>某某日报数字报</title></head><body>
<table><tr><td class="left"><div><p>当前版：03版</p><ul><li><a href="#">第01版：要闻</a></li>
<li><a href="#">第03版：县区</a></li></ul><a href="#">上一版</a> <a href="#">下一版</a></div>
<ul><li><a href="#">某县重点项目集中开工</a></li><li><a href="#">另一篇报道</a></li></ul></td>
<td class="right"><p>发布日期：</p><h1>某县重点项目集中开工</h1>
<h2>全年安排重点项目40个 总投资86亿元</h2>
<div id="ozoom"><p>　　本报讯（记者 钱一）4月8日，某县举行重点项目集中开工仪式，20个项目同时开工建设。</p>
<p>　　今年，某县安排重点项目40个，总投资86亿元，年度计划投资31亿元，涵盖产业、交通和民生。</p>
<table><tr><td>项目类别</td><td>个数</td><td>总投资（亿元）</td></tr>
<tr><td>产业项目</td><td>24</td><td>52</td></tr></table>
</div></td></tr></table>
<div>版权所有 某某日报社 某ICP备00000000号</div></body></html>"""


def test_an_e_paper_laid_out_in_a_table_keeps_its_paragraphs_headlines_and_figures(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(EPAPER_PAGE.encode("gb18030"))
    a = read_article(page)
    assert a.text.split("\n") == [
        "某县重点项目集中开工", "全年安排重点项目40个 总投资86亿元",
        "本报讯（记者 钱一）4月8日，某县举行重点项目集中开工仪式，20个项目同时开工建设。",
        "今年，某县安排重点项目40个，总投资86亿元，年度计划投资31亿元，涵盖产业、交通和民生。",
        "| 项目类别 | 个数 | 总投资（亿元） |", "| 产业项目 | 24 | 52 |"]
    assert (a.title, a.source) == ("某县重点项目集中开工", "某某日报 03")


REPORT_PARAGRAPH = ("全县上下坚持稳中求进，全力抓项目、促投资、稳增长，地区生产总值完成一百二十亿元，"
                    "同比增长百分之五点六，一般公共预算收入完成八亿元，同比增长百分之七。") * 3


def _report_pdf(path: Path) -> Path:
    """A typeset report: a centred dateline too long for one line, and the report's
    name as a running head at the top of every page."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from briefing.fonts import find_fonts

    if "SampleSerif" not in pdfmetrics.getRegisteredFontNames():
        serif = find_fonts()["serif"]   # whichever Chinese face this machine has
        pdfmetrics.registerFont(TTFont("SampleSerif", str(serif.path), subfontIndex=serif.index))
    body = ParagraphStyle("body", fontName="SampleSerif", fontSize=16, leading=28, wordWrap="CJK",
                          firstLineIndent=32)
    centred = ParagraphStyle("centred", parent=body, alignment=TA_CENTER, firstLineIndent=0)

    def running_head(canvas, doc):
        canvas.setFont("SampleSerif", 10)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 30, "某县人民政府工作报告")

    story = [Paragraph("政府工作报告", centred),
             Paragraph("2024年1月10日在某县第十八届人民代表大会第三次会议上代表县人民政府所作", centred)]
    story += [Paragraph(REPORT_PARAGRAPH, body) for _ in range(5)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=running_head,
                                                    onLaterPages=running_head)
    return path


def test_a_pdf_running_head_is_dropped_and_a_centred_line_is_rejoined(tmp_path):
    a = read_article(_report_pdf(tmp_path / "report.pdf"))
    lines = a.text.split("\n")
    assert lines[:2] == ["政府工作报告",
                         "2024年1月10日在某县第十八届人民代表大会第三次会议上代表县人民政府所作"]
    assert "某县人民政府工作报告" not in a.text
    assert lines[2:] == [REPORT_PARAGRAPH]          # five equal paragraphs count once, whole
    assert a.title == "政府工作报告"


def test_a_copy_in_full_width_digits_is_the_same_article_with_its_own_text(tmp_path):
    ascii_text = "某县召开经济工作会议\n12月20日，某县召开会议，提出明年地区生产总值增长6.5%左右，GDP迈上新台阶。"
    wide_text = ascii_text.translate(str.maketrans("0123456789.%GDP", "０１２３４５６７８９．％ＧＤＰ"))
    (tmp_path / "a.txt").write_text(ascii_text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(wide_text, encoding="utf-8")
    a, b = read_article(tmp_path / "a.txt"), read_article(tmp_path / "b.txt")
    assert a.id == b.id and a.plain == b.plain
    assert b.text == wide_text
