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
SECTIONS = ("briefing", "fonts", "smtp", "store")   # plain tables; [lists] is read apart


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
    tables = {name: _table(p, data, name) for name in SECTIONS}
    if "password" in tables["smtp"]:
        raise ConfigError(f"{p}: put the SMTP password in BRIEFING_SMTP_PASSWORD, not in the file")
    if not isinstance(tables["store"].get("path", "briefing.db"), str):
        raise ConfigError(f"{p}: [store] path must be the path of a file, "
                          f"not {tables['store']['path']!r}")
    return Config(**tables, lists={name: _addresses(p, name, value)
                                   for name, value in _table(p, data, "lists").items()}, path=p)


def _table(path: Path, data: dict[str, Any], name: str) -> dict[str, Any]:
    """Section `[name]`, empty when absent; anything but a table is a ConfigError."""
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {name} must be a table [{name}], not {value!r}")
    return dict(value)


def _addresses(path: Path, name: str, value: Any) -> list[str]:
    """A mailing list: a list of addresses, or one address written as a string."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{path}: [lists] {name} must be an address or a list of addresses, "
                      f"not {value!r}")
