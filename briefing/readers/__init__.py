"""Readers: files of any supported format in, cleaned `Article`s out.

Each format module only turns bytes into a `RawDocument` (text plus whatever title
and date the format itself records); cleaning and metadata are shared, so a page
saved as txt, html, docx or pdf becomes the same article.
"""
from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from briefing.clean import clean_text
from briefing.errors import InputError
from briefing.metadata import read_metadata
from briefing.model import Article, content_id

__all__ = ["RawDocument", "SUFFIXES", "iter_input_files", "read_article", "InputError"]

# Format modules are imported on first use: trafilatura and pdfplumber are slow to load.
READERS = {
    ".txt": "briefing.readers.text:read_text",
    ".md": "briefing.readers.text:read_text",
    ".html": "briefing.readers.html:read_html",
    ".htm": "briefing.readers.html:read_html",
    ".docx": "briefing.readers.docx_reader:read_docx",
    ".pdf": "briefing.readers.pdf_reader:read_pdf",
}
SUFFIXES = tuple(READERS)
MAX_BYTES = 20_000_000


@dataclass
class RawDocument:
    """What a format gives before cleaning: paragraphs as lines, and its own metadata.

    `page` is the whole page's text when `text` is only its main part (HTML): the
    paper's name and page number live in the parts that are not the article.
    """

    text: str
    title: str = ""
    date: dt.date | None = None
    page: str = ""


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files to read, folders walked recursively in sorted order; problems yielded, not raised."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in READERS and not child.name.startswith((".", "~$")):
                    yield child
        elif path.is_file():
            if path.suffix.lower() in READERS:
                yield path
            else:
                yield InputError(str(path), f"unsupported file type '{path.suffix or path.name}'")
        else:
            yield InputError(str(path), "no such file or folder")


def read_article(path: Path, *, default_date: dt.date | None = None,
                 max_bytes: int = MAX_BYTES) -> Article:
    """Read, clean and date one file; raise InputError with a short reason."""
    path = Path(path)
    reader = _reader_for(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if size == 0:
        raise InputError(str(path), "empty file")
    if size > max_bytes:
        raise InputError(str(path), f"file over {max_bytes / 1_000_000:g} MB")
    raw = reader(path)
    cleaned = clean_text(raw.text)
    if not cleaned.text.strip():
        raise InputError(str(path), "no article text found")
    if raw.page:
        page = clean_text(raw.page)
        cleaned.header += page.header
        cleaned.footer += page.footer
        cleaned.furniture += page.furniture
    meta = read_metadata(cleaned, path, title_hint=raw.title, date_hint=raw.date,
                         default_date=default_date)
    # The id hashes the Simplified text: a Traditional copy of an article is the same article.
    return Article(id=content_id(cleaned.plain), path=str(path), title=meta.title,
                   text=cleaned.text, plain=cleaned.plain, date=meta.date,
                   date_basis=meta.date_basis, source=meta.source,
                   captions=cleaned.captions)


def _reader_for(path: Path) -> Callable[[Path], RawDocument]:
    target = READERS.get(path.suffix.lower())
    if target is None:
        raise InputError(str(path), f"unsupported file type '{path.suffix or path.name}'")
    module, name = target.split(":")
    return getattr(importlib.import_module(module), name)
