"""Word files: paragraphs and tables in the order the author wrote them.

Work reports often put their figures in tables, so a table row becomes one line of
text (cells separated by " | ") right where the table stands.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from briefing.errors import InputError
from briefing.readers import RawDocument

CELL_SEPARATOR = " | "   # survives whitespace clean-up, so cells never run together


def read_docx(path: Path) -> RawDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(str(path))
    except PackageNotFoundError:
        raise InputError(str(path), "corrupt docx: not a Word package") from None
    except (zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise InputError(str(path), f"corrupt docx: {_short(exc)}") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.append(block.text)
    return RawDocument(text="\n".join(lines), title=document.core_properties.title or "")


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):   # merged cells repeat
                cells.append(text)
        if cells:
            lines.append(CELL_SEPARATOR.join(cells))
    return lines


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
