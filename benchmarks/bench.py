"""The speed benchmark behind `make bench`: one run, one table of figures and ratios.

It writes a synthetic corpus (benchmarks/corpus.py) into a temporary folder and
measures, on the same text: a plain `jieba.cut` pass (the baseline every Chinese
text pipeline pays at least once), our reading and extraction in one process,
`briefing ingest` with a worker pool, the same ingest again on unchanged files,
and `briefing build` of one week of 1,000 articles from the store. Ingest and
build run as the command line runs them (a child process each), so start-up and
imports count, CPU time against wall time shows whether the pool uses every core,
and peak memory is that of the whole process tree. It reports; it never fails:
the targets are printed beside the figures.

    python benchmarks/bench.py                    # 1,000 articles
    python benchmarks/bench.py --articles 3000 --jobs 2
    python benchmarks/bench.py --large            # + 100,000-article memory check
    python benchmarks/bench.py --articles 0 --large   # the memory check alone
    python benchmarks/bench.py --profile prof/    # + pyinstrument reports
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import PROVINCE, Corpus, make_corpus  # noqa: E402
from benchmarks.measure import JIEBA_LOADED, Run, Timing, run_cli  # noqa: E402

WEEK = "2023-W09"
WEEK_START = dt.date.fromisocalendar(2023, 9, 1)
BUILD_ARTICLES = 1000       # one week's articles: the build target is for this size
LARGE_ARTICLES = 100_000
TARGETS = {"extract": 6.0, "reingest": 20.0, "build_s": 5.0, "memory_mb": 500.0}
PROFILE_ARTICLES = 200      # enough for a stable profile, short enough to wait for


def jieba_baseline(texts: list[str]) -> Timing:
    """A plain `jieba.cut` over the texts, dictionary already loaded."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    clock = Timing.start()
    for text in texts:
        for _ in jieba.cut(text):
            pass
    return clock.stop()


def extraction(paths: list[Path]) -> tuple[Timing, int]:
    """Read and extract every path in this process; also the number of facts found.

    The first article is read once before timing: loading the gazetteer and the
    converters is start-up, paid once per process, not throughput.
    """
    from briefing.extract import extract_article
    from briefing.readers import read_article

    extract_article(read_article(paths[0]))
    clock = Timing.start()
    facts = 0
    for path in paths:
        facts += len(extract_article(read_article(path)))
    return clock.stop(), facts


def profile_extraction(paths: list[Path], profile_dir: Path) -> None:
    """A separate, profiled pass: the profiler's overhead stays out of the figures."""
    from briefing.extract import extract_article
    from briefing.readers import read_article

    profiler = _profiler()
    try:
        for path in paths:
            extract_article(read_article(path))
    finally:
        _save_profile(profiler, profile_dir, "extract")


def build_in_process(db: Path, out: Path, profile_dir: Path) -> None:
    """Profile the build of the week from the store (imports already paid)."""
    from briefing.build import build_briefing
    from briefing.config import load_config
    from briefing.facts import iso_week
    from briefing.store import Store

    since, until = iso_week(WEEK)
    config = load_config(None)
    store = Store(db)
    profiler = _profiler()
    try:
        doc = store.facts_document(since, until)
        build_briefing(doc, out, config=config, issue_date=until)
    finally:
        store.close()
        _save_profile(profiler, profile_dir, "build")


def _profiler():
    from pyinstrument import Profiler

    profiler = Profiler()
    profiler.start()
    return profiler


def _save_profile(profiler, profile_dir: Path, name: str) -> None:
    profiler.stop()
    profile_dir.mkdir(parents=True, exist_ok=True)
    (profile_dir / f"{name}.txt").write_text(
        profiler.output_text(unicode=True, color=False), encoding="utf-8")
    (profile_dir / f"{name}.html").write_text(profiler.output_html(), encoding="utf-8")


# --- the table -------------------------------------------------------------------------

class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str]] = []

    def add(self, what: str, figure: str, note: str = "") -> None:
        self.rows.append((what, figure, note))

    def print(self, title: str) -> None:
        width = [max(len(r[i]) for r in self.rows) for i in range(2)]
        print(f"\n{title}")
        print("-" * (sum(width) + 40))
        for what, figure, note in self.rows:
            print(f"{what:<{width[0]}}  {figure:>{width[1]}}  {note}")


def _mb_s(megabytes: float, seconds: float) -> float:
    return megabytes / seconds if seconds else float("inf")


def _check(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _province(args: argparse.Namespace) -> str | None:
    return None if args.nationwide else PROVINCE


def _dictionary_loads(run: Run) -> int:
    """Processes that loaded jieba's dictionary (it logs each load once)."""
    return run.output.count(JIEBA_LOADED)


def _failure(run: Run) -> str:
    lines = run.output.splitlines()
    return "" if run.status == 0 else f"; FAILED: {lines[-1] if lines else run.status}"


def _outputs(out: Path) -> str:
    """Sizes of the built files, and the PDF's pages: a briefing is meant to be read."""
    from pypdf import PdfReader

    sizes = ", ".join(f"{p.suffix[1:]} {p.stat().st_size / 1e3:.0f} kB" for p in sorted(out.iterdir()))
    pages = sum(len(PdfReader(p).pages) for p in out.glob("*.pdf"))
    return f"{sizes}; {pages} PDF pages"


def _load() -> str:
    """Other programs on the machine stretch every wall time: say how busy it was."""
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def _cores(jobs: int) -> int:
    return jobs if jobs > 0 else len(os.sched_getaffinity(0))


def main_run(corpus: Corpus, work: Path, args: argparse.Namespace) -> Table:
    table = Table()
    mb = corpus.megabytes
    table.add("machine at start", "", _load())
    table.add("corpus", f"{len(corpus.paths)} art.", f"{mb:.1f} MB of UTF-8 text")

    texts = [p.read_text(encoding="utf-8") for p in corpus.paths]
    jieba_time = jieba_baseline(texts)
    del texts
    base = _mb_s(mb, jieba_time.cpu)
    table.add("jieba.cut baseline", f"{base:.2f} MB/s",
              f"{jieba_time.cpu:.1f} s CPU ({jieba_time.wall:.1f} s wall)")

    extract_time, facts = extraction(corpus.paths)
    single = _mb_s(mb, extract_time.cpu)
    table.add("read+extract, 1 process", f"{single:.2f} MB/s",
              f"{extract_time.cpu:.1f} s CPU, {facts} facts; {single / base:.2f}x jieba "
              f"(target >= {TARGETS['extract']:g}x: {_check(single / base >= TARGETS['extract'])})")

    db = work / "bench.db"
    cores = _cores(args.jobs)
    first = run_cli(["--db", str(db), "ingest", str(corpus.root), "--jobs", str(args.jobs)],
                    work / "ingest1.log")
    speed = _mb_s(mb, first.wall)
    table.add(f"ingest --jobs {args.jobs} ({cores} workers)", f"{speed:.2f} MB/s",
              f"{first.wall:.1f} s wall, {first.cpu:.1f} s CPU: {first.cores_used:.2f} cores "
              f"busy; {speed / single:.2f}x one process, {speed / cores / base:.2f}x jieba "
              "per core")
    table.add("  its output", "", first.output.splitlines()[-1] if first.output else "")
    table.add("  dictionary loads", f"{_dictionary_loads(first)}",
              "processes that loaded jieba's dictionary (1: the workers inherited it)")
    again = run_cli(["--db", str(db), "ingest", str(corpus.root), "--jobs", str(args.jobs)],
                    work / "ingest2.log")
    ratio = first.wall / again.wall
    table.add("re-ingest, unchanged", f"{again.wall:.2f} s",
              f"{ratio:.0f}x faster than first (target >= {TARGETS['reingest']:g}x: "
              f"{_check(ratio >= TARGETS['reingest'])})")
    table.add("ingest peak memory", f"{first.peak_tree_mb:.0f} MB",
              f"whole tree (PSS); largest process {first.max_rss_mb:.0f} MB RSS")

    out = work / "out"
    build = run_cli(["--db", str(db), "build", "--week", WEEK, "--out", str(out),
                     "--format", "docx,pdf,html"], work / "build.log")
    week_n = min(len(corpus.paths), BUILD_ARTICLES)
    table.add(f"build {WEEK}, {week_n} art.", f"{build.wall:.2f} s",
              f"docx+pdf+html, command line incl. start-up (target <= "
              f"{TARGETS['build_s']:g} s: {_check(build.wall <= TARGETS['build_s'])}); "
              f"peak {build.max_rss_mb:.0f} MB" + _failure(build))
    if build.status == 0:
        table.add("  its output", "", _outputs(out))
    if args.profile:
        profile_extraction(corpus.paths[:PROFILE_ARTICLES], args.profile)
        try:
            build_in_process(db, work / "out-profiled", args.profile)
        except Exception as exc:   # a broken build is reported by the row above
            print(f"bench: profiled build failed: {type(exc).__name__}: {exc}", file=sys.stderr)
    table.add("machine at end", "", _load())
    return table


def large_run(work: Path, args: argparse.Namespace) -> Table:
    """Ingest `--large-articles` articles: does memory stay flat when the store grows?"""
    table = Table()
    start = time.perf_counter()
    corpus = make_corpus(work / "large", args.large_articles, week_start=WEEK_START,
                         per_week=BUILD_ARTICLES, province=_province(args), seed=11)
    table.add("large corpus", f"{len(corpus.paths)} art.",
              f"{corpus.megabytes:.0f} MB, written in {time.perf_counter() - start:.0f} s")
    db = work / "large.db"
    first = run_cli(["--db", str(db), "ingest", str(corpus.root), "--jobs", str(args.jobs)],
                    work / "large-ingest.log")
    table.add("ingest", f"{_mb_s(corpus.megabytes, first.wall):.2f} MB/s",
              f"{first.wall:.0f} s wall, {first.cores_used:.2f} cores busy")
    table.add("ingest peak memory", f"{first.peak_tree_mb:.0f} MB",
              f"whole tree (PSS), largest process {first.max_rss_mb:.0f} MB RSS "
              f"(target <= {TARGETS['memory_mb']:g} MB: "
              f"{_check(first.peak_tree_mb <= TARGETS['memory_mb'])})")
    table.add("  its output", "", first.output.splitlines()[-1] if first.output else "")
    again = run_cli(["--db", str(db), "ingest", str(corpus.root), "--jobs", str(args.jobs)],
                    work / "large-ingest2.log")
    table.add("re-ingest, unchanged", f"{again.wall:.1f} s",
              f"{first.wall / again.wall:.0f}x faster than first"
              + (f"; peak {again.peak_tree_mb:.0f} MB" if again.peak_tree_mb else ""))
    build = run_cli(["--db", str(db), "build", "--week", WEEK, "--out", str(work / "large-out")],
                    work / "large-build.log")
    table.add(f"build {WEEK} from the large store", f"{build.wall:.2f} s",
              f"peak {build.max_rss_mb:.0f} MB" + _failure(build))
    table.add("machine", "", _load())
    return table


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=BUILD_ARTICLES,
                   help=f"size of the main corpus (default {BUILD_ARTICLES}; 0: skip it)")
    p.add_argument("--jobs", type=int, default=0, help="ingest workers (default 0: all cores)")
    p.add_argument("--nationwide", action="store_true",
                   help="spread the corpus over all of China, not one province")
    p.add_argument("--large", action="store_true",
                   help="also ingest a large corpus and report its peak memory")
    p.add_argument("--large-articles", type=int, default=LARGE_ARTICLES)
    p.add_argument("--profile", type=Path, metavar="DIR",
                   help="write pyinstrument reports of extraction and build into DIR")
    p.add_argument("--keep", type=Path, metavar="DIR",
                   help="work in DIR and keep it (default: a temporary folder)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.articles > 0:
            corpus = make_corpus(work / "corpus", args.articles, week_start=WEEK_START,
                                 per_week=BUILD_ARTICLES, province=_province(args))
            main_run(corpus, work, args).print(
                f"briefing benchmark — {len(corpus.paths)} articles, "
                f"{len(os.sched_getaffinity(0))} cores, Python {sys.version.split()[0]}")
        if args.large:
            large_run(work, args).print(f"large run — {args.large_articles} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
