"""Plain text and Markdown in whatever encoding Chinese offices save them.

UTF-8 is tried first because it is strict (random GBK bytes almost never decode);
otherwise charset-normalizer chooses among the CJK encodings, which it tells apart
by how coherent the decoded text is. A file with a few broken bytes (cut off inside
a character, one stray byte from a bad copy) decodes as nothing strictly; it is read
in the encoding whose decoding, damage included, is least of a mess.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from briefing.errors import InputError
from briefing.readers import RawDocument

# Tried by detection, each as the superset its relatives are decoded as: Big5 text
# saved by Hong Kong software holds HKSCS characters (着, 峯, 邨) that plain Big5 lacks,
# GB2312/GBK text is a subset of GB18030.
CANDIDATES = ("gb18030", "big5hkscs", "utf_16")
DECODE_AS = {"big5": "big5hkscs", "cp950": "big5hkscs", "gb2312": "gb18030", "gbk": "gb18030"}
# Tried on a file that no encoding decodes strictly; UTF-16 would never fail there.
LENIENT = ("utf-8", "gb18030", "big5hkscs")
DAMAGE_MAX = 0.01      # share of undecodable characters a file may hold…
DAMAGE_MIN = 4         # …or this many in a short one (one stray byte inside UTF-8 breaks 4)
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
SNIFF = 8192
CONTROL_MAX = 0.02   # share of control bytes above which a file is binary, not text


# Markdown markup that would otherwise end up in quotes: (pattern, replacement).
MARKDOWN = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),              # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),           # links keep their text
    (re.compile(r"^\s{0,3}(?:#{1,6}|>+)\s*", re.M), ""),     # headings, quotes
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),                # bold
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.M), ""),    # rules
)


def read_text(path: Path) -> RawDocument:
    text = decode_bytes(path.read_bytes(), str(path))
    if path.suffix.lower() == ".md":
        for pattern, repl in MARKDOWN:
            text = pattern.sub(repl, text)
    return RawDocument(text=text)


def decode_bytes(data: bytes, name: str) -> str:
    """Decode text of unknown encoding, or raise InputError saying why not."""
    if not data.strip():
        raise InputError(name, "empty file")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if _looks_binary(data[:SNIFF]):
        raise InputError(name, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(CANDIDATES)).best()
    if best is not None:
        encoding = DECODE_AS.get(best.encoding, best.encoding)
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            return str(best)
    damaged = _least_damaged(data)
    if damaged is not None:
        return damaged
    raise InputError(name, "cannot decode text (tried utf-8, " + ", ".join(CANDIDATES) + ")")


def _least_damaged(data: bytes) -> str | None:
    """The decoding with a few broken characters that reads most like text, if any."""
    from charset_normalizer.md import mess_ratio

    scored = []
    for encoding in LENIENT:
        text = data.decode(encoding, errors="replace")
        broken = text.count("\ufffd")
        if broken <= max(DAMAGE_MIN, DAMAGE_MAX * len(text)):
            scored.append((mess_ratio(text, maximum_threshold=1.0) + broken / len(text), text))
    return min(scored, key=lambda s: s[0])[1] if scored else None


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return control > CONTROL_MAX * len(head)


# Control bytes that plain text does not hold (tab, newlines, form feed and escape it may).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
