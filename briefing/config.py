"""`briefing.toml`: the briefing's masthead, fonts, SMTP and mailing lists.

Looked up at `--config PATH`, else `./briefing.toml`; every section is optional
so the tool works with no config at all.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.errors import ConfigError

DEFAULT_PATH = Path("briefing.toml")


@dataclass
class Config:
    """Sections of the config file, each a plain table.

    `briefing`: title, unit (编印单位), reported_to / sent_to / copies for the 版记.
    `fonts`: paths of TrueType files by role (serif, kai, hei, fangsong, latin).
    `smtp`: host, port, user, security, from (password only from the environment).
    `lists`: named recipient lists, used as `--to @leaders`.
    `store`: path of the SQLite database.
    """

    briefing: dict[str, Any] = field(default_factory=dict)
    fonts: dict[str, Any] = field(default_factory=dict)
    smtp: dict[str, Any] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    store: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @property
    def title(self) -> str:
        return str(self.briefing.get("title", "高质量发展简报"))

    @property
    def unit(self) -> str:
        return str(self.briefing.get("unit", "政策研究室"))

    @property
    def db_path(self) -> Path:
        return Path(self.store.get("path", "briefing.db"))


def load_config(path: str | Path | None = None) -> Config:
    """Read the config; a named file that is missing is an error, the default is not."""
    explicit = path is not None
    p = Path(path) if explicit else DEFAULT_PATH
    if not p.exists():
        if explicit:
            raise ConfigError(f"{p}: config file not found")
        return Config()
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: not valid TOML ({exc})") from exc
    if "password" in data.get("smtp", {}):
        raise ConfigError(f"{p}: put the SMTP password in BRIEFING_SMTP_PASSWORD, not in the file")
    return Config(
        briefing=dict(data.get("briefing", {})),
        fonts=dict(data.get("fonts", {})),
        smtp=dict(data.get("smtp", {})),
        lists={k: list(v) for k, v in data.get("lists", {}).items()},
        store=dict(data.get("store", {})),
        path=p,
    )
