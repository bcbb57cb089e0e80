"""Saved web pages: the main text through trafilatura, the rest kept for metadata.

trafilatura finds the article among menus and sidebars far better than hand-written
rules; the whole page's text is still handed on, because the paper's name and the
page number often sit in the parts trafilatura rightly throws away.
"""
from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from briefing.clean import is_body, is_furniture, is_heading
from briefing.plain import plain_form
from briefing.errors import InputError
from briefing.readers import RawDocument
from briefing.readers.text import decode_bytes

BLOCK_TAGS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "header",
              "footer", "nav", "section", "article", "table", "ul", "ol", "dd", "dt", "td",
              "th", "title")
# Tables that lay out a page (e-papers set the page list beside the article) hold
# paragraphs, headings or lists in their cells; a table of figures holds only text.
LAYOUT_CONTENT = ".//td//p|.//td//div|.//td//h1|.//td//h2|.//td//h3|.//td//ul|.//td//table"
LAYOUT_TAGS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")
HEADLINE_LINES = 3       # a kicker, the headline and a subtitle…
HEADLINE_MIN = 5         # …each longer than the items of a menu (首页, 新闻, 专题)
# Only dates the page declares (meta tags, <time>): htmldate's free-text guesses picked
# the copyright year of e-paper pages.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(path: Path) -> RawDocument:
    import trafilatura

    text = decode_bytes(path.read_bytes(), str(path))
    tree = trafilatura.load_html(text)
    if tree is None:
        raise InputError(str(path), "not an HTML page")
    page = _page_text(tree)
    _unwrap_layout_tables(tree)
    doc = trafilatura.bare_extraction(
        copy.deepcopy(tree), with_metadata=True, include_comments=False, include_tables=True,
        deduplicate=False, favor_recall=True, date_extraction_params=DATE_PARAMS)
    main = (doc.text or "") if doc is not None else ""
    if not main.strip():
        main = page
    else:
        main = _with_headings(main, page)
    return RawDocument(text=main, title=(doc.title or "") if doc else "",
                       date=_parse_date(doc.date if doc else None), page=page)


def _with_headings(main: str, page: str) -> str:
    """Put back the headline lines (引题, 主题, 副题) that stand right above the first
    paragraph on the page but that the extractor dropped."""
    lines = [x.strip() for x in main.split("\n")]
    first = next((i for i, x in enumerate(lines) if is_body(plain_form(x))), None)
    page_lines = [x.strip() for x in page.split("\n") if x.strip()]
    if first is None or lines[first] not in page_lines:
        return main
    have = set(lines)
    missing: list[str] = []
    above = page_lines[:page_lines.index(lines[first])]
    for line in reversed(above[-HEADLINE_LINES:]):
        plain = plain_form(line)
        if line in have or len(line) < HEADLINE_MIN or not is_heading(plain) or is_furniture(plain):
            break
        missing.insert(0, line)
    return "\n".join(lines[:first] + missing + lines[first:])


def _unwrap_layout_tables(tree) -> None:
    """Turn layout tables into plain blocks, so the article in a cell is read as
    paragraphs instead of one table row."""
    layout = [t for t in tree.iter("table") if t.xpath(LAYOUT_CONTENT)]
    parts = [el for table in layout for el in table.iter(*LAYOUT_TAGS)
             if el is table or _nearest_table(el) is table]
    for el in parts:
        el.tag = "div"


def _nearest_table(el):
    parent = el.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _page_text(tree) -> str:
    """Visible text of the whole page, one block per line."""
    tree = copy.deepcopy(tree)
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for el in tree.iter(*BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    body = tree.find("body")
    return (body if body is not None else tree).text_content()


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
