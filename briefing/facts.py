"""Read files and extract their facts: the library call behind `extract`, `eval`
and `build PATH...`.

A bad file is reported through `on_error` and skipped, so one broken download
never stops a week's briefing.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Callable, Iterable, Iterator

from briefing.errors import InputError
from briefing.guard import DEFAULT_TIME_LIMIT, extract_guarded, read_guarded
from briefing.model import Article, Fact, FactsDocument
from briefing.readers import iter_input_files

ErrorHandler = Callable[[InputError], None]


def _raise(err: InputError) -> None:
    raise err


def read_articles(paths: Iterable[str | Path], *, default_date: dt.date | None = None,
                  on_error: ErrorHandler = _raise,
                  time_limit: float | None = DEFAULT_TIME_LIMIT) -> Iterator[Article]:
    """Every readable article under `paths`, in path order, read as it is asked for."""
    for item in iter_input_files(paths):
        read = item if isinstance(item, InputError) else read_guarded(
            item, default_date=default_date, limit=time_limit)
        if isinstance(read, InputError):
            on_error(read)
        else:
            yield read


def extract_files(paths: Iterable[str | Path], *, default_date: dt.date | None = None,
                  on_error: ErrorHandler = _raise,
                  time_limit: float | None = DEFAULT_TIME_LIMIT) -> FactsDocument:
    """The `briefing.facts/1` document for the files under `paths`.

    `time_limit` seconds is the most one file may take to read, and again to extract.
    """
    from briefing.extract import extract_article  # jieba's load: only when extracting

    doc = FactsDocument()
    for article in read_articles(paths, default_date=default_date, on_error=on_error,
                                 time_limit=time_limit):
        facts = extract_guarded(article, extract_article, limit=time_limit)
        if isinstance(facts, InputError):
            on_error(facts)
            continue
        doc.articles.append(article)
        doc.facts.extend(facts)
    return doc


def load_facts(path: Path) -> FactsDocument:
    """A saved `briefing.facts/1` document (e.g. `briefing extract` output or a gold file)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        articles = [Article(id=a["id"], path=a.get("path", ""), title=a.get("title", ""), text="",
                            date=dt.date.fromisoformat(a["date"]) if a.get("date") else None,
                            date_basis=a.get("date_basis", "unknown"), source=a.get("source", ""),
                            regions=list(a.get("regions", [])))
                    for a in data["articles"]]
        return FactsDocument(articles, [Fact.from_json(f) for f in data["facts"]])
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror})") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(str(path), f"not a facts document ({type(exc).__name__}: {exc})") from exc


def select_period(doc: FactsDocument, since: dt.date | None,
                  until: dt.date | None) -> FactsDocument:
    """Keep the articles published in [since, until] and their facts."""
    if since is None and until is None:
        return doc
    keep = [a for a in doc.articles
            if a.date is not None
            and (since is None or a.date >= since)
            and (until is None or a.date <= until)]
    ids = {a.id for a in keep}
    return FactsDocument(articles=keep, facts=[f for f in doc.facts if f.article in ids])


def iso_week(spec: str) -> tuple[dt.date, dt.date]:
    """`2023-W09` → (Monday, Sunday) of that ISO week."""
    try:
        year, week = spec.upper().split("-W")
        monday = dt.date.fromisocalendar(int(year), int(week), 1)
    except ValueError as exc:
        raise ValueError(f"not an ISO week like 2023-W09: {spec!r}") from exc
    return monday, monday + dt.timedelta(days=6)
