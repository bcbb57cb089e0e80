"""The article store: articles, their sources and facts in one SQLite file.

SQLite in WAL mode with one transaction per input file: a process killed mid-ingest
leaves every file either fully stored or not at all. Files are remembered by size,
mtime and hash, so a second ingest of an unchanged folder reads nothing.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing.errors import BriefingError
from briefing.model import Article, Fact, FactsDocument

SCHEMA_VERSION = 2
SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT, date_basis TEXT NOT NULL,
    source TEXT NOT NULL, regions TEXT NOT NULL, captions TEXT NOT NULL,
    text TEXT NOT NULL, plain TEXT NOT NULL, added_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
CREATE TABLE IF NOT EXISTS sources (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    path TEXT NOT NULL, source TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (article_id, path));
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    sha1 TEXT NOT NULL, article_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS facts (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (article_id, seq));
CREATE TABLE IF NOT EXISTS issues (
    number INTEGER PRIMARY KEY, built_at TEXT NOT NULL, fact_keys TEXT NOT NULL,
    period TEXT NOT NULL DEFAULT '');
"""
# Each step brings a store of the version before it up to the next one.
MIGRATIONS = {2: "ALTER TABLE issues ADD COLUMN period TEXT NOT NULL DEFAULT ''"}
SOURCE_SEPARATOR = "; "     # an article printed by two papers lists both
HASH_CHUNK = 1 << 20


def file_sha1(path: Path) -> str:
    digest = hashlib.sha1()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(HASH_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _key_path(path: Path) -> str:
    return str(Path(path).resolve())


class Store:
    """Articles and facts kept between runs (`briefing ingest`, `briefing build`)."""

    def __init__(self, path: Path) -> None:
        """Open (or create) the store; a file that is no SQLite store is a BriefingError."""
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise BriefingError(f"{self.path}: cannot open the article store ({exc})") from exc
        try:
            self._open()
        except sqlite3.Error as exc:
            self._db.close()
            raise BriefingError(f"{self.path}: not a usable article store ({exc})") from exc

    def _open(self) -> None:
        """Set the connection up and bring the schema to this version."""
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._depth = 0
        with self.transaction():
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version and version < SCHEMA_VERSION:
                for step in range(version + 1, SCHEMA_VERSION + 1):
                    self._db.execute(MIGRATIONS[step])
            for statement in filter(str.strip, SCHEMA.split(";")):
                self._db.execute(statement)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    # --- transactions -------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing; nested uses join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._depth = 0

    def close(self) -> None:
        self._db.close()

    # --- files and articles ---------------------------------------------------------

    def file_unchanged(self, path: Path) -> bool:
        """True when `path` was stored before and its bytes are the same.

        Size and mtime decide without reading; a touched file with the same bytes is
        recognised by its hash and its stat refreshed.
        """
        row = self._db.execute("SELECT size, mtime_ns, sha1 FROM files WHERE path = ?",
                               (_key_path(path),)).fetchone()
        if row is None:
            return False
        try:
            stat = Path(path).stat()
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) == (row[0], row[1]):
            return True
        if stat.st_size != row[0] or file_sha1(Path(path)) != row[2]:
            return False
        with self.transaction():
            self._db.execute("UPDATE files SET mtime_ns = ? WHERE path = ?",
                             (stat.st_mtime_ns, _key_path(path)))
        return True

    def has_article(self, article_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM articles WHERE id = ?",
                                (article_id,)).fetchone() is not None

    def known_ids(self) -> frozenset[str]:
        return frozenset(r[0] for r in self._db.execute("SELECT id FROM articles"))

    def put(self, article: Article, facts: list[Fact] | None, path: Path) -> bool:
        """Store one file's article and facts; False when the article was already known.

        A known article only gains `path` as another source. A file whose content
        changed drops its old article when no other file still holds it.
        """
        key = _key_path(path)
        stat = Path(path).stat()
        sha1 = file_sha1(Path(path))
        with self.transaction():
            old = self._db.execute("SELECT article_id FROM files WHERE path = ?",
                                   (key,)).fetchone()
            if old and old[0] != article.id:
                self._forget_source(old[0], key)
            new = not self.has_article(article.id)
            if new:
                self._insert_article(article, facts or [])
            seq = self._db.execute("SELECT COUNT(*) FROM sources WHERE article_id = ?",
                                   (article.id,)).fetchone()[0]
            self._db.execute("INSERT OR IGNORE INTO sources VALUES (?, ?, ?, ?)",
                             (article.id, key, article.source, seq))
            self._db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                             (key, stat.st_size, stat.st_mtime_ns, sha1, article.id))
        return new

    def _insert_article(self, article: Article, facts: list[Fact]) -> None:
        self._db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, article.title, article.date.isoformat() if article.date else None,
             article.date_basis, article.source, _dumps(article.regions),
             _dumps(article.captions), article.text, article.plain,
             dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
        self._db.executemany("INSERT INTO facts VALUES (?, ?, ?)",
                             ((article.id, i, _dumps(f.to_json())) for i, f in enumerate(facts)))

    def _forget_source(self, article_id: str, key: str) -> None:
        self._db.execute("DELETE FROM sources WHERE article_id = ? AND path = ?",
                         (article_id, key))
        left = self._db.execute("SELECT COUNT(*) FROM sources WHERE article_id = ?",
                                (article_id,)).fetchone()[0]
        if not left:
            self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def articles(self, since: dt.date | None = None,
                 until: dt.date | None = None) -> list[Article]:
        """Articles published in [since, until]; undated ones only when no bound is set."""
        sql, args = "SELECT * FROM articles", []
        if since or until:
            sql += " WHERE date IS NOT NULL"
            if since:
                sql += " AND date >= ?"
                args.append(since.isoformat())
            if until:
                sql += " AND date <= ?"
                args.append(until.isoformat())
        sql += " ORDER BY date IS NULL, date, id"
        cur = self._db.execute(sql, args)
        names = [d[0] for d in cur.description]
        return [self._article(dict(zip(names, row))) for row in cur.fetchall()]

    def _article(self, row: dict) -> Article:
        sources = self._db.execute(
            "SELECT path, source FROM sources WHERE article_id = ? ORDER BY seq",
            (row["id"],)).fetchall()
        names = list(dict.fromkeys(s for _, s in sources if s))
        return Article(
            id=row["id"], path=sources[0][0] if sources else "", title=row["title"],
            text=row["text"], plain=row["plain"],
            date=dt.date.fromisoformat(row["date"]) if row["date"] else None,
            date_basis=row["date_basis"], source=SOURCE_SEPARATOR.join(names) or row["source"],
            regions=json.loads(row["regions"]), captions=json.loads(row["captions"]))

    def sources(self, article_id: str) -> list[tuple[str, str]]:
        """(path, source) of every file that held the article, first seen first."""
        return [tuple(r) for r in self._db.execute(
            "SELECT path, source FROM sources WHERE article_id = ? ORDER BY seq", (article_id,))]

    # --- facts and issues -------------------------------------------------------------

    def facts_for(self, article_ids: Iterable[str]) -> list[Fact]:
        out: list[Fact] = []
        for article_id in article_ids:
            rows = self._db.execute("SELECT json FROM facts WHERE article_id = ? ORDER BY seq",
                                    (article_id,))
            out.extend(Fact.from_json(json.loads(r[0])) for r in rows)
        return out

    def facts_document(self, since: dt.date | None = None,
                       until: dt.date | None = None) -> FactsDocument:
        articles = self.articles(since, until)
        return FactsDocument(articles=articles, facts=self.facts_for(a.id for a in articles))

    def issue_number(self, period: str) -> int:
        """The number of the issue built for `period` before, else the next free one.

        An analyst rebuilds the week's briefing many times while editing it: each
        rebuild is the same issue, and only a new period opens the next one.
        """
        row = self._db.execute("SELECT number FROM issues WHERE period = ? AND period != '' "
                               "ORDER BY number DESC LIMIT 1", (period,)).fetchone()
        if row:
            return row[0]
        return (self._db.execute("SELECT MAX(number) FROM issues").fetchone()[0] or 0) + 1

    def record_issue(self, number: int, fact_keys: list, period: str = "") -> None:
        """Remember what an issue reported, so the next one can mark what is new."""
        with self.transaction():
            self._db.execute("INSERT OR REPLACE INTO issues VALUES (?, ?, ?, ?)",
                             (number, dt.datetime.now(dt.timezone.utc).isoformat(
                                 timespec="seconds"), _dumps([list(k) for k in fact_keys]),
                              period))

    def previous_issue_keys(self, before: int | None = None) -> set | None:
        """Fact keys of the latest recorded issue (numbered below `before` when given);
        None when there is no such issue, so a first issue marks nothing new."""
        sql, args = "SELECT fact_keys FROM issues", []
        if before is not None:
            sql += " WHERE number < ?"
            args.append(before)
        row = self._db.execute(sql + " ORDER BY number DESC LIMIT 1", args).fetchone()
        return {tuple(k) for k in json.loads(row[0])} if row else None

    def counts(self) -> dict[str, int]:
        """Rows per table: for reports and tests."""
        return {t: self._db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "sources", "files", "facts", "issues")}


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)
