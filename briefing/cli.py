"""The `briefing` command: argument parsing and exit codes, no logic of its own."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path
from typing import Sequence

from briefing.config import Config, load_config
from briefing.errors import BriefingError, InputError, MailError
from briefing.guard import DEFAULT_TIME_LIMIT

EXIT_OK, EXIT_INPUT = 0, 1


class ErrorCounter:
    """Prints one line per bad input and remembers that something failed."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, err: InputError) -> None:
        self.count += 1
        print(f"briefing: {err}", file=sys.stderr)

    def finish(self) -> int:
        if self.count:
            print(f"briefing: {self.count} input(s) skipped", file=sys.stderr)
            return EXIT_INPUT
        return EXIT_OK


def warn_undated(path: str) -> None:
    """An article with no date is in no week's briefing: say so, once per file.

    A warning, not a failure: the file was read, and --date can still place it.
    """
    print(f"briefing: {path}: no date found (use --date); not in any week's briefing",
          file=sys.stderr)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"not a number of seconds (0: no limit): {text!r}")
    return value


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date like 2023-03-13: {text!r}") from exc


def _period(args: argparse.Namespace) -> tuple[dt.date | None, dt.date | None]:
    from briefing.facts import iso_week

    if args.week:
        if args.since or args.until:
            raise BriefingError("use either --week or --since/--until, not both")
        try:
            return iso_week(args.week)
        except ValueError as exc:
            raise BriefingError(str(exc)) from exc
    return args.since, args.until


def _require_articles(doc, since: dt.date | None, until: dt.date | None) -> None:
    """An empty briefing is never what the user meant: say why there is nothing to build."""
    if doc.articles:
        return
    period = f" dated {since or '…'} to {until or '…'}" if since or until else ""
    raise BriefingError(f"no articles{period} to build a briefing from")


def _period_key(doc, since: dt.date | None, until: dt.date | None) -> str:
    """What an issue covers: the period asked for, its open ends closed by the articles."""
    dates = [a.date for a in doc.articles if a.date]
    start = since or (min(dates) if dates else None)
    end = until or (max(dates) if dates else None)
    return f"{start or ''}..{end or ''}"


def _store(args: argparse.Namespace, config: Config):
    from briefing.store import Store

    return Store(Path(args.db) if args.db else config.db_path)


def cmd_extract(args: argparse.Namespace, config: Config) -> int:
    from briefing.facts import extract_files

    errors = ErrorCounter()
    doc = extract_files(args.paths, default_date=args.date, on_error=errors,
                        time_limit=args.time_limit)
    json.dump(doc.to_json(), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return errors.finish()


def cmd_eval(args: argparse.Namespace, config: Config) -> int:
    from briefing.evaluate import evaluate, format_report
    from briefing.facts import extract_files, load_facts

    gold = load_facts(Path(args.gold)).facts   # a bad gold file: say so before extracting
    errors = ErrorCounter()
    doc = extract_files(args.paths, default_date=args.date, on_error=errors,
                        time_limit=args.time_limit)
    stems = {a.id: a.stem for a in doc.articles}
    for fact in doc.facts:
        fact.article = stems.get(fact.article, fact.article)
    print(format_report(evaluate(gold, doc.facts), details=not args.summary))
    return errors.finish()


def cmd_ingest(args: argparse.Namespace, config: Config) -> int:
    from briefing.ingest import extract_on_demand, ingest

    errors = ErrorCounter()
    store = _store(args, config)
    try:
        report = ingest(args.paths, store, extract=extract_on_demand, jobs=args.jobs,
                        default_date=args.date, on_error=errors, on_undated=warn_undated,
                        time_limit=args.time_limit)
    finally:
        store.close()
    print(report.summary())
    return errors.finish()


def cmd_build(args: argparse.Namespace, config: Config) -> int:
    from briefing.build import build_briefing
    from briefing.facts import extract_files, select_period

    errors = ErrorCounter()
    since, until = _period(args)
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    if args.paths:
        doc = extract_files(args.paths, default_date=args.date, on_error=errors,
                            time_limit=args.time_limit)
        if since or until:
            for article in doc.articles:
                if article.date is None:
                    warn_undated(article.path)
        doc = select_period(doc, since, until)
        _require_articles(doc, since, until)
        outputs = build_briefing(doc, Path(args.out), config=config, name=args.name,
                                 formats=formats, issue_number=args.issue or 1,
                                 issue_date=until, templates_dir=args.templates,
                                 reference_doc=args.reference_doc)
    else:
        store = _store(args, config)
        try:
            doc = store.facts_document(since, until)
            _require_articles(doc, since, until)
            period = _period_key(doc, since, until)
            issue = args.issue or store.issue_number(period)
            outputs = build_briefing(doc, Path(args.out), config=config, name=args.name,
                                     formats=formats, issue_number=issue, issue_date=until,
                                     previous_keys=store.previous_issue_keys(before=issue),
                                     templates_dir=args.templates,
                                     reference_doc=args.reference_doc)
            store.record_issue(issue, [f.key() for f in doc.facts], period)
        finally:
            store.close()
    for path in outputs:
        print(path)
    status = errors.finish()
    if args.send:
        status = max(status, _send([p for p in outputs if p.suffix == ".pdf"], args, config))
    return status


def _send(files: Sequence[Path], args: argparse.Namespace, config: Config) -> int:
    from briefing.mail import expand_recipients, send_files

    if not args.to:
        raise BriefingError("--to is required to send")
    report = send_files(files, to=expand_recipients(args.to, config),
                        cc=expand_recipients(args.cc or [], config),
                        bcc=expand_recipients(args.bcc or [], config),
                        subject=args.subject, config=config, dry_run_dir=args.dry_run,
                        resend=args.resend, db_path=Path(args.db) if args.db else None)
    print(report.summary())
    for line in report.failures:
        print(f"briefing: {line}", file=sys.stderr)
    return EXIT_OK if report.ok else MailError.exit_code


def cmd_send(args: argparse.Namespace, config: Config) -> int:
    missing = [f for f in args.files if not Path(f).is_file()]
    for f in missing:
        print(f"briefing: {f}: no such file", file=sys.stderr)
    if missing:
        return EXIT_INPUT
    return _send([Path(f) for f in args.files], args, config)


def _mail_options(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument("--to", nargs="+", required=required, metavar="ADDR",
                   help="recipients; @name expands a list from the config")
    p.add_argument("--cc", nargs="+", metavar="ADDR")
    p.add_argument("--bcc", nargs="+", metavar="ADDR")
    p.add_argument("--subject")
    p.add_argument("--dry-run", type=Path, metavar="DIR",
                   help="write the .eml files into DIR and send nothing")
    p.add_argument("--resend", action="store_true", help="send even to those who already got it")


def _time_limit_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--time-limit", type=_seconds, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                   help=f"skip a file that takes longer to read, or to extract "
                        f"(default {DEFAULT_TIME_LIMIT:g}; 0: no limit)")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__)
    parser.add_argument("--config", help="config file (default ./briefing.toml)")
    parser.add_argument("--db", help="article store (default ./briefing.db or [store] path)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print the facts of articles as JSON")
    p.add_argument("paths", nargs="+")
    p.add_argument("--format", choices=["json"], default="json")
    p.add_argument("--date", type=_date, help="publication date when an article has none")
    _time_limit_option(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("eval", help="score the extraction against a gold file")
    p.add_argument("paths", nargs="+")
    p.add_argument("--gold", required=True)
    p.add_argument("--date", type=_date)
    p.add_argument("--summary", action="store_true", help="scores only, no lists")
    _time_limit_option(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("ingest", help="read articles and their facts into the store")
    p.add_argument("paths", nargs="+")
    p.add_argument("--jobs", type=int, default=0, help="worker processes (default: all cores)")
    p.add_argument("--date", type=_date)
    _time_limit_option(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("build", help="write the briefing (docx, pdf, html)")
    p.add_argument("paths", nargs="*", help="articles; none: read from the store")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--format", default="docx,pdf,html")
    p.add_argument("--name", help="file name without extension")
    p.add_argument("--since", type=_date)
    p.add_argument("--until", type=_date)
    p.add_argument("--week", help="ISO week such as 2023-W09")
    p.add_argument("--issue", type=int, help="issue number (default: next in the store)")
    p.add_argument("--date", type=_date)
    p.add_argument("--templates", type=Path, help="folder of templates overriding ours")
    p.add_argument("--reference-doc", type=Path, help="take Word styles from this .docx")
    p.add_argument("--send", action="store_true", help="mail the PDF when built")
    _mail_options(p, required=False)
    _time_limit_option(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("send", help="email files through SMTP")
    p.add_argument("files", nargs="+")
    _mail_options(p, required=True)
    p.set_defaults(func=cmd_send)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        config = load_config(args.config)
        return args.func(args, config)
    except BriefingError as err:
        print(f"briefing: {err}", file=sys.stderr)
        return err.exit_code
    except sqlite3.Error as exc:   # a store that breaks mid-run (disk full, locked too long)
        print(f"briefing: the article store failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
