"""Reading and extracting one file so that nothing it does can stop the others.

Every path that turns files into facts (`extract`, `eval`, `build PATH`, and the
worker processes of `ingest`) goes through `read_guarded` and `extract_guarded`:
any exception from one odd file, or a file that takes longer than the time limit,
comes back as an InputError naming it, and the run goes on with the next file.

The time limit is a SIGALRM timer armed only while the reader or the extractors
run, in the process that does the work; it is disarmed before the result is
returned, so it can never fire inside the caller's SQLite writes.
"""
from __future__ import annotations

import datetime as dt
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from briefing.errors import InputError
from briefing.model import Article, Fact
from briefing.readers import read_article

DEFAULT_TIME_LIMIT = 60.0   # seconds per file for reading, and again for extracting

Extract = Callable[[Article], list[Fact]]
T = TypeVar("T")


class _TimeUp(BaseException):
    """Raised by the alarm inside the work it interrupts; never leaves this module.

    A BaseException, so that a reader's `except Exception` (pdfminer's zoo of errors)
    cannot take it for a bad file and carry on past the limit.
    """


_armed = False


def _expire(signum: int, frame: object) -> None:
    global _armed
    if _armed:   # an alarm that outlived its window is ignored
        _armed = False
        raise _TimeUp


def _can_alarm() -> bool:
    """SIGALRM exists (not Windows) and this is the main thread (signals go only there)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise _TimeUp in the body once `seconds` have passed (None or <= 0: no limit)."""
    global _armed
    if not seconds or seconds <= 0 or not _can_alarm():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    _armed = True
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        _armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _guarded(path: str, what: str, failed: str, limit: float | None,
             work: Callable[[], T]) -> T | InputError:
    """`work()`, or the one-line error that stands for it (`what` took too long, `failed`)."""
    try:
        with _time_limit(limit):
            return work()
    except _TimeUp:
        return InputError(path, f"{what} took longer than {limit:g} s, skipped")
    except InputError as err:
        return err
    except Exception as exc:   # a bug on one odd file: report it, go on with the rest
        return InputError(path, f"{failed}: {type(exc).__name__}: {exc}")


def read_guarded(path: Path, *, default_date: dt.date | None = None,
                 limit: float | None = DEFAULT_TIME_LIMIT) -> Article | InputError:
    """The article of `path`, or why it cannot be had."""
    return _guarded(str(path), "reading", "cannot read", limit,
                    lambda: read_article(path, default_date=default_date))


def extract_guarded(article: Article, extract: Extract, *,
                    limit: float | None = DEFAULT_TIME_LIMIT) -> list[Fact] | InputError:
    """The facts of `article`, or why they cannot be had."""
    return _guarded(article.path, "extraction", "extraction failed", limit, lambda: extract(article))
