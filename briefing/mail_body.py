"""The words around the attachments: the subject, the plain-text and the HTML body.

When a PDF is one of our briefings, the HTML our build wrote beside it (same stem) is
the mail body and its 本期要点 the plain text, so a leader reading on a phone sees the
key points without opening the attachment. Images in that HTML travel as inline parts
(`cid:`), because Outlook and most web mail show neither `data:` URIs nor local files.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import html
import mimetypes
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import lxml.html

KEY_POINTS_HEADING = "本期要点"
# Where the HTML writer marks the key points; the heading text is the fallback.
KEY_POINTS_XPATHS = (
    '//*[@id="key-points"]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " key-points ")]',
)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
ISSUE_NUMBER = re.compile(r"第\s*(\d+)\s*期")
ISSUE_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
)


@dataclass(frozen=True)
class InlineImage:
    """An image the HTML body shows, sent as a related part named by `cid`."""

    cid: str
    data: bytes
    mime: str


@dataclass
class MailBody:
    subject: str
    text: str
    html: str
    images: list[InlineImage] = field(default_factory=list)


@dataclass(frozen=True)
class Masthead:
    """What the 报头 of a briefing says: its number and date, when they can be read."""

    issue: int | None = None
    date: dt.date | None = None

    @classmethod
    def read(cls, text: str) -> Masthead:
        """The first 第N期 and the first date: the masthead comes before any article."""
        number = ISSUE_NUMBER.search(text)
        matches = sorted((m for p in ISSUE_DATES for m in p.finditer(text)),
                         key=lambda m: m.start())
        date = next((d for d in map(_valid_date, matches) if d), None)
        return cls(int(number.group(1)) if number else None, date)


def _valid_date(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def compose_body(files: Sequence[Path], title: str, *, today: dt.date,
                 cid_domain: str = "briefing.invalid") -> MailBody:
    """Subject and bodies for mailing `files`, from our briefing's HTML when there is one."""
    companion = next((p.with_suffix(".html") for p in files
                      if p.suffix.lower() == ".pdf" and p.with_suffix(".html").is_file()), None)
    if companion is not None:
        page = companion.read_text(encoding="utf-8", errors="replace")  # our build writes UTF-8
        doc = lxml.html.document_fromstring(page)
        subject = _subject(title, Masthead.read(doc.text_content()), today)
        images = _inline_images(doc, companion.parent, cid_domain)
        if images:
            page = lxml.html.tostring(doc, encoding="unicode", doctype="<!DOCTYPE html>")
        return MailBody(subject, _key_points_text(subject, _key_points(doc), files), page, images)
    masthead = next((m for m in map(_pdf_masthead, files) if m.issue or m.date), Masthead())
    subject = _subject(title, masthead, today)
    return MailBody(subject, *_cover_note(subject, files))


def _subject(title: str, masthead: Masthead, today: dt.date) -> str:
    """`江门高质量发展简报 第3期 2023-03-13`; the sending date when the issue shows none."""
    parts = [title]
    if masthead.issue is not None:
        parts.append(f"第{masthead.issue}期")
    parts.append((masthead.date or today).isoformat())
    return " ".join(parts)


def _pdf_masthead(path: Path) -> Masthead:
    """Number and date from the first page of a PDF briefing built without HTML."""
    if path.suffix.lower() != ".pdf":
        return Masthead()
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        return Masthead.read(reader.pages[0].extract_text() or "") if reader.pages else Masthead()
    except (PyPdfError, OSError, ValueError):
        return Masthead()


def _key_points(doc: lxml.html.HtmlElement) -> list[str]:
    """The items under 本期要点, from the writer's marker or else the heading."""
    for xpath in KEY_POINTS_XPATHS:
        marked = doc.xpath(xpath)
        if marked:
            return _items(marked[:1])
    for heading in doc.iter(*HEADINGS):
        if KEY_POINTS_HEADING in heading.text_content():
            section = []
            for sibling in heading.itersiblings():
                if sibling.tag in HEADINGS:
                    break
                section.append(sibling)
            return _items(section)
    return []


def _items(elements: list[lxml.html.HtmlElement]) -> list[str]:
    items = [li for e in elements for li in ([e] if e.tag == "li" else e.iter("li"))]
    if not items:
        items = [p for e in elements for p in ([e] if e.tag == "p" else e.iter("p"))]
    texts = (" ".join(item.text_content().split()) for item in items)
    return [t for t in texts if t and KEY_POINTS_HEADING not in t]


def _key_points_text(subject: str, points: list[str], files: Sequence[Path]) -> str:
    lines = [subject, ""]
    if points:
        lines += [KEY_POINTS_HEADING, *(f"{i}. {p}" for i, p in enumerate(points, 1)), ""]
    lines.append("全文见附件：" + "、".join(p.name for p in files))
    return "\n".join(lines) + "\n"


def _cover_note(subject: str, files: Sequence[Path]) -> tuple[str, str]:
    """A short note listing the files, for attachments that are not our briefings."""
    listing = [f"{p.name}（{_size(p)}）" for p in files]
    text = "\n".join(["您好：", "", f"附件是{subject}，请查收。", "", "附件：",
                      *(f"{i}. {item}" for i, item in enumerate(listing, 1))]) + "\n"
    page = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>"
            f"<p>您好：</p><p>附件是{html.escape(subject)}，请查收。</p><p>附件：</p><ol>"
            + "".join(f"<li>{html.escape(item)}</li>" for item in listing)
            + "</ol></body></html>\n")
    return text, page


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


def _inline_images(doc: lxml.html.HtmlElement, folder: Path, domain: str) -> list[InlineImage]:
    """Point each `<img>` at an inline part; only images beside the HTML or in it."""
    images: dict[str, InlineImage] = {}
    for number, img in enumerate(doc.iter("img"), 1):
        source = img.get("src", "")
        found = _image_bytes(source, folder)
        if found is None:
            continue
        if source not in images:
            images[source] = InlineImage(f"image{number}@{domain}", *found)
        img.set("src", f"cid:{images[source].cid}")
    return list(images.values())


def _image_bytes(source: str, folder: Path) -> tuple[bytes, str] | None:
    if source.startswith("data:"):
        header, _, payload = source[5:].partition(",")
        mime = header.split(";")[0] or "application/octet-stream"
        if not mime.startswith("image/") or ";base64" not in header:
            return None
        try:
            return base64.b64decode(payload, validate=False), mime
        except binascii.Error:
            return None
    if not source or urllib.parse.urlsplit(source).scheme:
        return None
    path = (folder / urllib.parse.unquote(source)).resolve()
    mime = mimetypes.guess_type(path.name)[0] or ""
    if not (mime.startswith("image/") and path.is_file() and path.is_relative_to(folder.resolve())):
        return None
    return path.read_bytes(), mime
