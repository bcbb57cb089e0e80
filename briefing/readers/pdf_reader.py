"""PDF text layer, with the paragraphs the layout breaks into lines put back together.

A PDF only knows lines. A line that runs to the right margin continues in the next
one unless the next is indented or set apart by extra space: that is how a reader
sees paragraphs, and it works for Chinese, which has no hyphens to go by.
"""
from __future__ import annotations

import re
from pathlib import Path
from statistics import median

from briefing.clean import join_parts, starts_list_item
from briefing.errors import InputError
from briefing.readers import RawDocument

FULL_LINE_SLACK = 2.0     # a line ending within this many character widths of the margin is full
INDENT_MIN = 0.8          # an indent of this many character widths starts a paragraph
PARAGRAPH_GAP = 0.8       # a vertical gap of this many line heights starts a paragraph
MARGIN_SHARE = 0.07       # top/bottom share of the page where page numbers live
CENTRE_SLACK = 1.5        # margins differing by less than this many widths: a centred line
RUNNING_SHARE = 0.5       # a margin line on this share of pages (two at least): a running head
SENTENCE_END = "。！？!?；;："
PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:第\s*)?\d{1,4}\s*(?:页|/\s*\d{1,4})?(?:\s*共\s*\d+\s*页)?[-–—\s]*$")


def read_pdf(path: Path) -> RawDocument:
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            title = str((pdf.metadata or {}).get("Title") or "")
            pages = [_page_lines(page) for page in pdf.pages]
    except Exception as exc:  # pdfminer raises a zoo of types (PDFSyntaxError, KeyError…)
        raise InputError(str(path), f"corrupt pdf: {_short(exc)}") from None
    lines = _without_running_heads(pages)
    _mark_geometry(lines)
    paragraphs = _paragraphs(lines)
    if not any(p.strip() for p in paragraphs):
        raise InputError(str(path), "PDF has no text layer (scanned?)")
    return RawDocument(text="\n".join(paragraphs), title=title)


def _page_lines(page) -> list[dict]:
    """Text lines of one page, page numbers in the margins left out."""
    lines = [line for line in page.extract_text_lines(strip=True) if line["text"].strip()]
    top, bottom = page.height * MARGIN_SHARE, page.height * (1 - MARGIN_SHARE)
    for line in lines:
        line["page_width"] = round(page.width)
        line["in_margin"] = line["top"] < top or line["bottom"] > bottom
    return [line for line in lines if not (PAGE_NUMBER.match(line["text"]) and line["in_margin"])]


def _without_running_heads(pages: list[list[dict]]) -> list[dict]:
    """All lines but the running heads and feet (a report's title, the issuing office)
    that recur in the margins of page after page and would cut paragraphs in two."""
    seen: dict[str, int] = {}
    for page in pages:
        for key in {_margin_key(line) for line in page if line["in_margin"]}:
            seen[key] = seen.get(key, 0) + 1
    least = max(2, RUNNING_SHARE * len(pages))
    return [line for page in pages for line in page
            if not (line["in_margin"] and seen.get(_margin_key(line), 0) >= least)]


def _margin_key(line: dict) -> str:
    return re.sub(r"\d+|\s+", "", line["text"])


def _mark_geometry(lines: list[dict]) -> None:
    """Mark full and indented lines against the text block of all pages of that width.

    The whole document, not one page: a last page holding only short lines or only
    first lines of paragraphs would otherwise set its own margins.
    """
    for width in {line["page_width"] for line in lines}:
        same = [line for line in lines if line["page_width"] == width]
        right = max(line["x1"] for line in same)
        left = min(line["x0"] for line in same)
        size = median(line["bottom"] - line["top"] for line in same) or 10.0
        for line in same:
            line["full"] = line["x1"] >= right - FULL_LINE_SLACK * size
            line["indented"] = line["x0"] >= left + INDENT_MIN * size
            line["centred"] = abs((line["x0"] - left) - (right - line["x1"])) < CENTRE_SLACK * size
            line["size"] = size


def _paragraphs(lines: list[dict]) -> list[str]:
    out: list[str] = []
    prev: dict | None = None
    for line in lines:
        text = line["text"].strip()
        if prev is not None and _continues(prev, line):
            out[-1] = join_parts(out[-1], text)
        else:
            out.append(text)
        prev = line
    return out


def _continues(prev: dict, line: dict) -> bool:
    """The next line of the same paragraph: after a full line, not indented, not a list
    item; or the rest of a centred heading too long for one line."""
    if not prev["full"] or starts_list_item(line["text"]):
        return False
    if line["indented"] and not (line["centred"] and prev["text"][-1:] not in SENTENCE_END):
        return False
    gap = line["top"] - prev["bottom"]
    return gap < 0 or gap <= PARAGRAPH_GAP * line["size"]   # gap < 0: next page


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:80]
