"""Writers render a `briefing.document.Document`; each knows one output format.

Looked up by format name and imported only when asked for, so a docx-only build
never loads reportlab.
"""
from __future__ import annotations

from typing import Callable


def _docx() -> Callable:
    from briefing.writers.docx_writer import write_docx
    return write_docx


def _pdf() -> Callable:
    from briefing.writers.pdf_writer import write_pdf
    return write_pdf


def _html() -> Callable:
    from briefing.writers.html_writer import write_html
    return write_html


WRITERS: dict[str, Callable[[], Callable]] = {"docx": _docx, "pdf": _pdf, "html": _html}
