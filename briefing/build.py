"""`build_briefing`: facts → the briefing files, written atomically.

Every format is first written to a hidden temporary file in the output folder
and only renamed over the real names once all of them succeeded, so a build
that fails (or is killed) leaves last week's files as they were.
"""
from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import pickle
from pathlib import Path
from typing import Callable, Sequence

from briefing.atomic import publish, temp_beside
from briefing.compose import compose, default_issue_date
from briefing.config import Config
from briefing.document import Document
from briefing.errors import BriefingError
from briefing.fonts import find_fonts
from briefing.model import FactsDocument
from briefing.writers import WRITERS


def default_name(issue_date: dt.date) -> str:
    return f"briefing-{issue_date.isoformat()}"


def _portable(exc: BaseException) -> BaseException:
    """`exc` if it survives the pipe back from a writer process, else the same message."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - an exception that cannot be pickled
        kind = BriefingError if isinstance(exc, BriefingError) else RuntimeError
        return kind(str(exc) if kind is BriefingError else f"{type(exc).__name__}: {exc}")


def _start_writing(writes: list[Callable[[], None]]) -> Callable[[], None]:
    """Run `writes` in a forked process (the document is shared, not copied); the
    returned function waits for it and raises what the writers raised."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            for write in writes:
                write()
            send.send(None)
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            send.send(_portable(exc))

    process = context.Process(target=child, daemon=True)
    process.start()
    send.close()

    def wait() -> None:
        try:
            outcome = receive.recv()
        except EOFError:
            outcome = RuntimeError(f"a writer process died (exit code {process.exitcode})")
        process.join()
        if outcome is not None:
            raise outcome

    return wait


def _parallel() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and len(os.sched_getaffinity(0)) > 1


def _write_all(jobs: list[tuple[Path, Callable[[Path], None]]]) -> None:
    """Write each output to a temp file beside it, then rename them all.

    With several cores the first job (the PDF, the slowest) is written here while
    a forked process writes the others.
    """
    done: list[tuple[Path, Path]] = []
    try:
        for final, _ in jobs:
            done.append((temp_beside(final), final))
        writes = [lambda w=write, t=tmp: w(t) for (_, write), (tmp, _) in zip(jobs, done)]
        wait = _start_writing(writes[1:]) if len(writes) > 1 and _parallel() else None
        try:
            for write in writes if wait is None else writes[:1]:
                write()
        finally:
            if wait is not None:
                wait()
        for tmp, final in done:
            publish(tmp, final)
    finally:
        for tmp, _ in done:
            tmp.unlink(missing_ok=True)


def build_briefing(facts: FactsDocument, out_dir: Path, *, config: Config,
                   name: str | None = None,
                   formats: Sequence[str] = ("docx", "pdf", "html"), issue_number: int = 1,
                   issue_date: dt.date | None = None, previous_keys: set | None = None,
                   templates_dir: Path | None = None,
                   reference_doc: Path | None = None) -> list[Path]:
    """Write the briefing as `out_dir/<name>.<format>` for each format; return the paths.

    `previous_keys` (the Fact.key() values of the last issue) marks the rest 新.
    Raises FontError before writing anything when no CJK font is installed.
    """
    unknown = [f for f in formats if f not in WRITERS]
    if unknown or not formats:
        raise BriefingError(f"unknown format {', '.join(unknown) or '(none)'}; "
                            f"choose from {', '.join(WRITERS)}")
    if reference_doc is not None and not Path(reference_doc).is_file():
        raise BriefingError(f"{reference_doc}: reference document not found")
    fonts = find_fonts(config.fonts)
    issue_date = issue_date or default_issue_date(facts)
    document: Document = compose(facts, config=config, fonts=fonts, issue_number=issue_number,
                                 issue_date=issue_date, previous_keys=previous_keys,
                                 templates_dir=templates_dir)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise BriefingError(f"{out_dir}: is a file, not a folder (--out names the folder "
                            f"the briefing is written into)") from exc
    except OSError as exc:
        raise BriefingError(f"{out_dir}: cannot make the output folder ({exc.strerror})") from exc
    name = name or default_name(issue_date)
    options = {"docx": {"reference_doc": reference_doc}, "pdf": {"fonts": fonts}, "html": {"templates_dir": templates_dir}}
    jobs = []
    # the PDF first: it takes longest, so it is the one written in this process
    for fmt in sorted(dict.fromkeys(formats), key=lambda f: f != "pdf"):
        writer = WRITERS[fmt]()
        jobs.append((out_dir / f"{name}.{fmt}",
                     lambda p, w=writer, o=options[fmt]: w(document, p, **o)))
    _write_all(jobs)
    return [out_dir / f"{name}.{fmt}" for fmt in dict.fromkeys(formats)]
