"""Fixture generators: each sample article as the other files analysts collect.

Binaries are never committed; tests call these with a tmp_path. Every variant keeps
the sample's lines (e-paper furniture included), so the readers and the cleaning
must recover the same article from each of them.
"""
from __future__ import annotations

import html
from pathlib import Path

from briefing.fonts import find_fonts

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "articles"

# Big5 has no code for these; a real Big5 file would carry the substitute instead.
BIG5_SUBSTITUTES = {"\u00a0": " ", "©": "(C)"}

SITE_NAV = ["首页", "新闻", "要闻", "江门", "图片", "视频", "专题", "电子报"]
SITE_FOOTER = ["关于我们 | 联系我们 | 网站地图",
               "Copyright © 2023 某新闻网 All Rights Reserved.",
               "粤ICP备00000000号"]


def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


def sample_lines(src: Path) -> list[str]:
    return src.read_text(encoding="utf-8").split("\n")


def write_gb18030(src: Path, dst_dir: Path) -> Path:
    dst = dst_dir / f"{src.stem}.gb18030.txt"
    dst.write_bytes(src.read_text(encoding="utf-8").encode("gb18030"))
    return dst


def write_big5(src: Path, dst_dir: Path) -> Path:
    """Taiwan-standard Traditional (OpenCC s2tw), Big5; unencodable characters substituted."""
    import opencc

    text = opencc.OpenCC("s2tw").convert(src.read_text(encoding="utf-8"))
    for char, substitute in BIG5_SUBSTITUTES.items():
        text = text.replace(char, substitute)
    dst = dst_dir / f"{src.stem}.big5.txt"
    dst.write_bytes(text.encode("big5", errors="replace"))
    return dst


def write_html(src: Path, dst_dir: Path) -> Path:
    """A news-site page: site navigation, the e-paper text as paragraphs, a footer."""
    lines = [line for line in sample_lines(src) if line.strip()]
    nav = "".join(f'<li><a href="/{i}.html">{html.escape(x)}</a></li>'
                  for i, x in enumerate(SITE_NAV))
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    footer = "\n".join(f"<p>{html.escape(x)}</p>" for x in SITE_FOOTER)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(src.stem)}</title></head>
<body>
<header><nav><ul>{nav}</ul></nav></header>
<div class="main"><div class="content" id="ozoom">
{body}
</div></div>
<footer class="footer">{footer}</footer>
</body></html>
"""
    dst = dst_dir / f"{src.stem}.html"
    dst.write_text(page, encoding="utf-8")
    return dst


def write_docx(src: Path, dst_dir: Path) -> Path:
    import docx

    document = docx.Document()
    for line in sample_lines(src):
        if line.strip():
            document.add_paragraph(line)
    dst = dst_dir / f"{src.stem}.docx"
    document.save(str(dst))
    return dst


def write_pdf(src: Path, dst_dir: Path) -> Path:
    """A4 pages in a CJK TrueType font, wrapped by reportlab, so lines break mid-sentence;
    paragraphs set apart by space."""
    return _pdf(src, dst_dir / f"{src.stem}.pdf", space_after=6, first_line_indent=0)


def write_pdf_indented(src: Path, dst_dir: Path) -> Path:
    """Like a typeset report: justified, first lines indented, no space between paragraphs."""
    return _pdf(src, dst_dir / f"{src.stem}.indented.pdf", space_after=0, first_line_indent=21,
                justify=True)


def _pdf(src: Path, dst: Path, *, space_after: float, first_line_indent: float,
         justify: bool = False) -> Path:
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if "SampleSerif" not in pdfmetrics.getRegisteredFontNames():
        serif = find_fonts()["serif"]   # whichever Chinese face this machine has
        pdfmetrics.registerFont(TTFont("SampleSerif", str(serif.path), subfontIndex=serif.index))
    style = ParagraphStyle("body", fontName="SampleSerif", fontSize=11, leading=16, wordWrap="CJK",
                           spaceAfter=space_after, firstLineIndent=first_line_indent,
                           alignment=TA_JUSTIFY if justify else TA_LEFT)
    story = [Paragraph(html.escape(line.strip()), style)
             for line in sample_lines(src) if line.strip()]
    SimpleDocTemplate(str(dst), pagesize=A4).build(story)
    return dst


def write_scanned_pdf(dst: Path) -> Path:
    """A PDF with a drawing but no text layer, as a scanner makes."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(dst))
    c.rect(100, 100, 300, 400, fill=1)
    c.showPage()
    c.save()
    return dst


VARIANTS = {
    "gb18030": write_gb18030,
    "big5": write_big5,
    "html": write_html,
    "docx": write_docx,
    "pdf": write_pdf,
    "pdf_indented": write_pdf_indented,
}
