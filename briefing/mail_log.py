"""What was mailed to whom, so a rerun does not send a leader the same briefing twice.

The record lives in its own table of the store's database file, through its own
connection, so mail delivery works whether or not the article store was ever created.
A file is known by its SHA-256, not its name: a rebuilt briefing with new content
goes out again, the same PDF under another name does not.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from briefing.errors import BriefingError, ConfigError

SCHEMA = """
CREATE TABLE IF NOT EXISTS sent_mail (
    recipient   TEXT NOT NULL,  -- addr-spec, lower case
    file_sha256 TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    subject     TEXT NOT NULL,
    message_id  TEXT NOT NULL,
    sent_at     TEXT NOT NULL   -- ISO 8601 with the UTC offset
);
CREATE INDEX IF NOT EXISTS sent_mail_by_recipient ON sent_mail (recipient, file_sha256);
"""


@dataclass(frozen=True)
class SentFile:
    """One attachment as the record knows it."""

    name: str
    sha256: str

    @classmethod
    def of(cls, path: Path) -> SentFile:
        with open(path, "rb") as fh:
            return cls(path.name, hashlib.file_digest(fh, "sha256").hexdigest())


class MailLog:
    """The `sent_mail` table; `create=False` reads without creating a missing database."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = Path(path)
        target = str(path) if create or self.path.exists() else ":memory:"
        try:
            self._db = sqlite3.connect(target, timeout=30)
            self._db.executescript(SCHEMA)
        except sqlite3.Error as exc:
            raise ConfigError(f"{path}: cannot open the record of sent mail ({exc})") from exc

    def last_sent(self, recipient: str, files: Sequence[SentFile]) -> str | None:
        """When `recipient` got the last of `files`; None unless they got every one."""
        digests = sorted({f.sha256 for f in files})
        marks = ",".join("?" * len(digests))
        try:
            rows = self._db.execute(
                f"SELECT file_sha256, MAX(sent_at) FROM sent_mail"
                f" WHERE recipient = ? AND file_sha256 IN ({marks}) GROUP BY file_sha256",
                [recipient.lower(), *digests]).fetchall()
        except sqlite3.Error as exc:
            raise BriefingError(f"{self.path}: cannot read the record of sent mail "
                                f"({exc})") from exc
        if len(rows) < len(digests):
            return None
        return max(when for _, when in rows)

    def record(self, recipients: Sequence[str], files: Sequence[SentFile], *, subject: str,
               message_id: str) -> None:
        """Remember a delivery at once, so an interrupted run still knows who has it."""
        stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        try:
            with self._db:
                self._db.executemany(
                    "INSERT INTO sent_mail VALUES (?, ?, ?, ?, ?, ?)",
                    [(r.lower(), f.sha256, f.name, subject, message_id, stamp)
                     for r in recipients for f in files])
        except sqlite3.Error as exc:
            raise BriefingError(f"{self.path}: sent to {', '.join(recipients)} but could not "
                                f"record it ({exc}); a rerun would send it again") from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> MailLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
