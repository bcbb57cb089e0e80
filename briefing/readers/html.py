"""Saved web pages: the main text through trafilatura, the rest kept for metadata.

trafilatura finds the article among menus and sidebars far better than hand-written
rules; the whole page's text is still handed on, because the paper's name and the
page number often sit in the parts trafilatura rightly throws away.
"""
from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from briefing.errors import InputError
from briefing.readers import RawDocument
from briefing.readers.text import decode_bytes

BLOCK_TAGS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "header",
              "footer", "nav", "section", "article", "table", "ul", "ol", "dd", "dt", "td",
              "th", "title")
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
    doc = trafilatura.bare_extraction(
        copy.deepcopy(tree), with_metadata=True, include_comments=False, include_tables=True,
        deduplicate=False, favor_recall=True, date_extraction_params=DATE_PARAMS)
    main = (doc.text or "") if doc is not None else ""
    if not main.strip():
        main = page
    return RawDocument(text=main, title=(doc.title or "") if doc else "",
                       date=_parse_date(doc.date if doc else None), page=page)


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
