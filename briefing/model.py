"""The facts schema (`briefing.facts/1`) as dataclasses.

Everything downstream — the store, the composer, the writers, `briefing eval` —
speaks in these types, so the JSON shape lives in exactly one place.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, fields
from typing import Any, Literal

SCHEMA = "briefing.facts/1"

FactKind = Literal["target", "actual", "project", "policy"]
Measure = Literal["growth", "level", "share"]
Bound = Literal["=", "≈", "≥", ">", "≤", "<"]
DateBasis = Literal["header", "text", "filename", "user", "unknown"]


def content_id(text: str) -> str:
    """Article id: sha1 of the cleaned text, first 12 hex (DESIGN.md)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@dataclass
class Article:
    """One article after reading and cleaning.

    `text` is the cleaned text exactly as the user gave it (quotes are cut from
    it); `plain` is the same text in Simplified characters with the same length,
    so an offset found in `plain` is an offset in `text`.
    """

    id: str
    path: str
    title: str
    text: str
    plain: str = ""
    date: dt.date | None = None
    date_basis: DateBasis = "unknown"
    source: str = ""
    regions: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.plain:
            self.plain = self.text
        if len(self.plain) != len(self.text):
            raise ValueError("Article.plain must be as long as Article.text")

    @property
    def stem(self) -> str:
        """The file stem, which gold files use to name articles."""
        name = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0] if "." in name else name

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "date_basis": self.date_basis,
            "source": self.source,
            "regions": list(self.regions),
        }


@dataclass
class Fact:
    """One extracted fact with its evidence (`article` id and verbatim `quote`).

    One flat type for the four kinds mirrors the JSON schema; fields that do not
    apply to a kind stay None and are left out of the JSON.
    """

    kind: FactKind
    region: str | None
    article: str
    quote: str
    year: int | None = None
    indicator: str | None = None
    measure: Measure | None = None
    value: float | None = None
    unit: str | None = None
    bound: Bound | None = None
    stretch: float | None = None
    name: str | None = None
    investment: float | None = None
    stage: str | None = None
    category: str | None = None
    status: str | None = None
    optional: bool = False

    def key(self) -> tuple:
        """Identity used to drop duplicates within one article."""
        if self.kind in ("target", "actual"):
            return (self.kind, self.region, self.year, self.indicator, self.measure,
                    self.value, self.article)
        return (self.kind, self.region, self.name, self.article)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "optional":
                if value:
                    out["optional"] = True
                continue
            if value is None and f.name not in ("region",):
                continue
            out[f.name] = value
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Fact":
        kwargs = {k: v for k, v in data.items() if k in _FACT_FIELDS}
        kwargs.setdefault("region", None)
        kwargs.setdefault("article", "")
        kwargs.setdefault("quote", "")
        for name in ("value", "stretch", "investment"):
            if kwargs.get(name) is not None:
                kwargs[name] = float(kwargs[name])
        return cls(**kwargs)


# Looked up once: a weekly build reads tens of thousands of facts from the store.
_FACT_FIELDS = frozenset(f.name for f in fields(Fact))


@dataclass
class FactsDocument:
    """The `briefing.facts/1` document: articles and the facts found in them."""

    articles: list[Article] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "articles": [a.to_json() for a in self.articles],
            "facts": [f.to_json() for f in self.facts],
        }
