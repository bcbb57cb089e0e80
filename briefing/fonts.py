"""Find CJK TrueType fonts and register them for reportlab and matplotlib.

A PDF with missing glyphs is a PDF of empty boxes that nobody notices until a
leader opens it, so every role is checked for the characters Chinese place
names need, and a machine without any usable font raises FontError with the
line that installs one.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from briefing.errors import FontError

INSTALL_HINT = ("sudo apt-get install fonts-arphic-uming fonts-arphic-ukai "
                "fonts-wqy-zenhei fonts-liberation")

# Roles in print: serif (Ming/Song body), fangsong (仿宋 body when licensed), kai
# (level-2 headings), hei (level-1 headings, bold), latin/latin_bold (digits).
# File names by preference; a .ttc names its subfont (0 is the Simplified face of
# the AR PL fonts).  Windows names come first: when a licensed font is present it
# is the one the reader expects.
CANDIDATES: dict[str, list[tuple[str, int]]] = {
    "fangsong": [("simfang.ttf", 0), ("FangSong_GB2312.ttf", 0), ("STFANGSO.TTF", 0)],
    "serif": [("simsun.ttc", 0), ("uming.ttc", 0)],
    "kai": [("simkai.ttf", 0), ("ukai.ttc", 0), ("LXGWWenKai-Regular.ttf", 0)],
    "hei": [("simhei.ttf", 0), ("wqy-zenhei.ttc", 0), ("wqy-microhei.ttc", 0)],
    "latin": [("times.ttf", 0), ("LiberationSerif-Regular.ttf", 0)],
    "latin_bold": [("timesbd.ttf", 0), ("LiberationSerif-Bold.ttf", 0)],
}
# When a role has no font of its own it borrows one; fangsong always falls back
# to the Ming face (there is no free Simplified 仿宋 with TrueType outlines).
FALLBACKS: dict[str, tuple[str, ...]] = {
    "fangsong": ("serif", "kai", "hei"),
    "serif": ("kai", "hei"),
    "kai": ("serif", "hei"),
    "hei": ("serif", "kai"),
    "latin": ("serif",),
    "latin_bold": ("latin", "hei"),
}
CJK_PROBE = "区县镇亿长国发展"
LATIN_PROBE = "0123456789%."
CJK_ROLES = ("fangsong", "serif", "kai", "hei")

FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
             "/Library/Fonts", "C:/Windows/Fonts")


@dataclass(frozen=True)
class FontFile:
    """One face: a TrueType file and, for a collection (.ttc), the subfont index."""

    path: Path
    index: int = 0

    @property
    def label(self) -> str:
        return f"{self.path}#{self.index}" if self.path.suffix.lower() == ".ttc" else str(self.path)


@lru_cache(maxsize=1)
def _installed() -> dict[str, Path]:
    """Font files under the usual folders, by lower-case file name."""
    found: dict[str, Path] = {}
    for folder in FONT_DIRS:
        root = Path(folder).expanduser()
        if not root.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                found.setdefault(name.lower(), Path(dirpath) / name)
    return found


def _configured(value: Any, role: str) -> FontFile:
    """A `[fonts]` entry: "path", "path#index" or {path=…, index=…}."""
    if isinstance(value, Mapping):
        path, index = value.get("path", ""), int(value.get("index", 0))
    else:
        path, _, idx = str(value).partition("#")
        index = int(idx) if idx.isdigit() else 0
    file = Path(path).expanduser()
    if not file.is_file():
        raise FontError(f"[fonts] {role} = {value!r}: no such font file")
    return FontFile(file, index)


@lru_cache(maxsize=32)
def _ttfont(font: FontFile):
    """The face parsed once (a CJK file takes a tenth of a second): checked, then embedded."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        return TTFont(f"briefing-{abs(hash(font)) % 10**8}", str(font.path),
                      subfontIndex=font.index)
    except (TTFError, OSError, ValueError) as exc:
        raise FontError(f"{font.label}: not a usable TrueType font ({exc}); "
                        f"reportlab needs TrueType outlines, not CFF/OpenType") from exc


def _covers(font: FontFile, probe: str) -> bool:
    """Whether the face has TrueType outlines with glyphs for every probe character."""
    face = _ttfont(font).face
    return all(ord(c) in face.charToGlyph for c in probe)


def find_fonts(config_fonts: Mapping[str, Any] | None = None) -> dict[str, FontFile]:
    """A font for every role, from `[fonts]` first, then the installed files.

    Raises FontError when a configured font is unusable or no CJK font exists.
    """
    config_fonts = config_fonts or {}
    chosen: dict[str, FontFile] = {}
    for role, candidates in CANDIDATES.items():
        probe = CJK_PROBE if role in CJK_ROLES else LATIN_PROBE
        if role in config_fonts:
            font = _configured(config_fonts[role], role)
            if not _covers(font, probe):
                raise FontError(f"[fonts] {role} = {font.label} lacks glyphs for {probe!r}")
            chosen[role] = font
            continue
        for name, index in candidates:
            path = _installed().get(name.lower())
            if path and _covers(FontFile(path, index), probe):
                chosen[role] = FontFile(path, index)
                break
    for role in CANDIDATES:
        if role not in chosen:
            for other in FALLBACKS[role]:
                if other in chosen:
                    chosen[role] = chosen[other]
                    break
    if not any(role in chosen for role in CJK_ROLES):
        raise FontError("no Chinese TrueType font found (AR PL UMing, UKai or WenQuanYi Zen Hei); "
                        f"install one with: {INSTALL_HINT} — or name one in [fonts] of "
                        "briefing.toml")
    return chosen


@lru_cache(maxsize=16)
def _register(font: FontFile) -> str:
    from reportlab.pdfbase import pdfmetrics

    face = _ttfont(font)
    pdfmetrics.registerFont(face)
    return face.fontName


def reportlab_fonts(fonts: Mapping[str, FontFile]) -> dict[str, str]:
    """Register every role's face with reportlab (embedded, subset) and return their names;
    roles that share a face share its name."""
    return {role: _register(font) for role, font in fonts.items()}

