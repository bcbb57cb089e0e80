"""`briefing ingest`: read files into the store, skipping work already done.

Reading and extraction are the slow parts and independent per file, so with
`jobs > 1` they run in a process pool; only the main process writes to SQLite,
one transaction per file. Unchanged files are not read at all, and an article the
store already holds (the same text from another paper) is not extracted again.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from briefing.errors import InputError
from briefing.guard import DEFAULT_TIME_LIMIT, Extract, extract_guarded, read_guarded
from briefing.model import Article, Fact
from briefing.readers import iter_input_files
from briefing.store import Store

ErrorHandler = Callable[[InputError], None]
Outcome = tuple[Article, "list[Fact] | None"] | InputError
CHUNK = 32     # files read before their new articles are extracted (bounds memory)


@dataclass
class IngestReport:
    """What one ingest did, counted per file."""

    read: int = 0           # files read (new + duplicate)
    new: int = 0            # articles added
    duplicate: int = 0      # articles the store already had: a new source only
    unchanged: int = 0      # files stored before with the same bytes: not read
    failed: int = 0         # files reported through on_error
    errors: list[InputError] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)   # read, but in no week's briefing

    def summary(self) -> str:
        return (f"{self.read} read: {self.new} new, {self.duplicate} duplicate; "
                f"{self.unchanged} unchanged; {self.failed} failed")


def ingest(paths: Iterable[str | Path], store: Store, *, extract: Extract, jobs: int = 1,
           default_date: dt.date | None = None,
           on_error: ErrorHandler = lambda err: None,
           on_undated: Callable[[str], None] = lambda path: None,
           time_limit: float | None = DEFAULT_TIME_LIMIT) -> IngestReport:
    """Read `paths` (files or folders) into `store`; bad files go to `on_error`, the
    paths of articles with no date (no week will show them) to `on_undated`.

    `jobs` worker processes read and extract; 0 or less means one per core.
    `time_limit` seconds is the most one file may take to read, and again to extract.
    """
    report = IngestReport()

    def fail(err: InputError) -> None:
        report.failed += 1
        report.errors.append(err)
        on_error(err)

    todo: list[Path] = []
    for item in iter_input_files(paths):
        if isinstance(item, InputError):
            fail(item)
        elif store.file_unchanged(item):
            report.unchanged += 1
        else:
            todo.append(item)
    known = set(store.known_ids())
    outcomes = _outcomes(todo, known, extract, jobs, default_date, time_limit)
    for path, outcome in zip(todo, outcomes):
        if isinstance(outcome, InputError):
            fail(outcome)
            continue
        article, facts = outcome
        report.read += 1
        if article.date is None:
            report.undated.append(str(path))
            on_undated(str(path))
        with store.transaction():
            if store.put(article, facts, path):
                report.new += 1
            else:
                report.duplicate += 1
        known.add(article.id)
    return report


def _outcomes(paths: list[Path], known: set[str], extract: Extract, jobs: int,
              default_date: dt.date | None, time_limit: float | None) -> Iterator[Outcome]:
    """Read and extract each path, in order; in worker processes when jobs > 1
    (jobs <= 0: one per core).

    `known` is the caller's live set of stored ids: an article already stored, or
    seen earlier in this run, comes back with facts None and is not extracted.
    """
    _init_worker(extract, default_date, time_limit)
    jobs = jobs if jobs > 0 else cores()
    if jobs <= 1 or len(paths) < 2:
        yield from _serial(paths, known)
        return
    # The first file is done here: it loads the dictionaries and the gazetteer, which
    # forked workers then inherit instead of each loading its own.
    yield from _serial(paths[:1], known)
    chunks = [paths[start:start + CHUNK] for start in range(1, len(paths), CHUNK)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                             initargs=(extract, default_date, time_limit)) as pool:
        reading = pool.map(_read, chunks[0])
        for i, chunk in enumerate(chunks):
            reads = list(reading)
            fresh = _new_articles(reads, known)
            extracting = pool.map(_extract, fresh.values())
            # Queued behind the extraction: the workers read the next chunk while
            # this process stores this one, instead of waiting for it.
            if i + 1 < len(chunks):
                reading = pool.map(_read, chunks[i + 1])
            yield from _chunk(chunk, reads, dict(zip(fresh, extracting)))


def cores() -> int:
    """CPUs this process may run on (`jobs=0`): its affinity mask, not the host's count."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:   # not on Linux
        return os.cpu_count() or 1


def _serial(paths: list[Path], known: set[str]) -> Iterator[Outcome]:
    for path in paths:
        read = _read(path)
        if isinstance(read, InputError):
            yield read
        else:
            yield (read, None) if read.id in known else _extract(read)


def _new_articles(reads: list[Article | InputError], known: set[str]) -> dict[str, Article]:
    """The first copy of each article of a chunk that the store does not hold yet."""
    fresh: dict[str, Article] = {}
    for read in reads:
        if isinstance(read, Article) and read.id not in known:
            fresh.setdefault(read.id, read)
    return fresh


def _chunk(paths: list[Path], reads: list[Article | InputError],
           extracted: dict[str, Outcome]) -> Iterator[Outcome]:
    """A chunk's outcomes in order: each new article extracted once, its copies bare."""
    for path, read in zip(paths, reads):
        if isinstance(read, InputError) or read.id not in extracted:
            yield read if isinstance(read, InputError) else (read, None)
            continue
        outcome = extracted.pop(read.id, None)
        if isinstance(outcome, InputError):   # its copies fail with it, or they would be stored bare
            extracted[read.id] = outcome
            yield InputError(str(path), outcome.reason)
        else:
            yield outcome if outcome is not None else (read, None)


def extract_on_demand(article: Article) -> list[Fact]:
    """The full extraction, imported on first use: an ingest of unchanged files
    then skips loading the extractors (half a second of dictionaries and regexes)."""
    from briefing.extract import extract_article

    return extract_article(article)


_worker: dict = {}


def _init_worker(extract: Extract, default_date: dt.date | None,
                 time_limit: float | None) -> None:
    """Per-process state, set once rather than pickled with every file."""
    _worker.update(extract=extract, default_date=default_date, time_limit=time_limit)


def _read(path: Path) -> Article | InputError:
    return read_guarded(path, default_date=_worker["default_date"], limit=_worker["time_limit"])


def _extract(article: Article) -> Outcome:
    """(article, facts); the article travels back because extraction sets its regions."""
    facts = extract_guarded(article, _worker["extract"], limit=_worker["time_limit"])
    return facts if isinstance(facts, InputError) else (article, facts)
