"""`ingest`: files into the store once, bad files reported, parallel and killed runs."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import variants
from briefing.errors import InputError
from briefing.ingest import ingest
from briefing.model import Article, Fact
from briefing.store import Store

CALLS_DIR = "BRIEFING_TEST_CALLS"


def counting_extract(article: Article) -> list[Fact]:
    """A stand-in for the extraction: one fact per article, each call logged to a file
    (a file, so calls made in worker processes are counted too)."""
    with open(Path(os.environ[CALLS_DIR]) / "calls", "a", encoding="utf-8") as fh:
        fh.write(article.id + "\n")
    article.regions = ["江门市"]          # the real extraction attributes regions as it goes
    return [Fact(kind="policy", region=None, article=article.id, quote=article.title,
                 name=article.title, category="document")]


def calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "calls"
    return log.read_text(encoding="utf-8").split() if log.exists() else []


@pytest.fixture()
def env(tmp_path, monkeypatch):
    monkeypatch.setenv(CALLS_DIR, str(tmp_path))
    inputs = tmp_path / "in"
    inputs.mkdir()
    for src in variants.sample_paths():
        shutil.copy(src, inputs / src.name)
    store = Store(tmp_path / "briefing.db")
    yield tmp_path, inputs, store
    store.close()


def test_ingesting_twice_reads_and_extracts_once(env):
    tmp_path, inputs, store = env
    first = ingest([inputs], store, extract=counting_extract)
    assert (first.read, first.new, first.duplicate, first.unchanged, first.failed) == (5, 5, 0, 0, 0)
    second = ingest([inputs], store, extract=counting_extract)
    assert (second.read, second.new, second.unchanged) == (0, 0, 5)
    assert len(calls(tmp_path)) == 5
    assert store.counts()["articles"] == 5 and store.counts()["facts"] == 5
    assert second.summary() == "0 read: 0 new, 0 duplicate; 5 unchanged; 0 failed"


def test_copies_in_other_encodings_are_duplicates_not_extracted_again(env):
    tmp_path, inputs, store = env
    ingest([inputs], store, extract=counting_extract)
    other = tmp_path / "other"
    other.mkdir()
    for src in variants.sample_paths():
        variants.write_gb18030(src, other)
        variants.write_big5(src, other)
    report = ingest([other], store, extract=counting_extract)
    assert (report.read, report.new, report.duplicate) == (10, 0, 10)
    assert len(calls(tmp_path)) == 5
    assert all(len(store.sources(a.id)) == 3 for a in store.articles())


def test_bad_inputs_are_reported_and_the_rest_ingested(env):
    tmp_path, inputs, store = env
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inputs / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.4 nothing here")
    variants.write_scanned_pdf(inputs / "scan.pdf")
    errors: list[InputError] = []
    report = ingest([inputs, tmp_path / "missing"], store, extract=counting_extract,
                    on_error=errors.append)
    assert (report.new, report.failed) == (5, 6)
    named = {Path(e.path).name: e.reason for e in errors}
    assert set(named) == {"empty.txt", "binary.txt", "broken.docx", "broken.pdf", "scan.pdf",
                          "missing"}
    assert named["scan.pdf"] == "PDF has no text layer (scanned?)"
    assert all(str(e).startswith(e.path + ": ") for e in errors)


def test_extractor_crash_on_one_article_is_reported(env):
    tmp_path, inputs, store = env

    def fragile(article: Article) -> list[Fact]:
        if "鹤山" in article.title or "贯彻" in article.title:
            raise ValueError("boom")
        return []

    errors: list[InputError] = []
    report = ingest([inputs], store, extract=fragile, on_error=errors.append)
    assert (report.new, report.failed) == (4, 1)
    assert errors[0].reason == "extraction failed: ValueError: boom"


def test_parallel_ingest_stores_the_same_and_extracts_each_article_once(env, tmp_path_factory):
    tmp_path, inputs, store = env
    for src in variants.sample_paths():
        variants.write_gb18030(src, inputs)
    report = ingest([inputs], store, extract=counting_extract, jobs=2)
    assert (report.read, report.new, report.duplicate) == (10, 5, 5)
    assert len(calls(tmp_path)) == 5
    assert all(a.regions == ["江门市"] for a in store.articles())   # set by the worker's extract
    serial = Store(tmp_path_factory.mktemp("serial") / "b.db")
    try:
        ingest([inputs], serial, extract=counting_extract)
        assert [(a.id, a.date, a.source) for a in store.articles()] == \
               [(a.id, a.date, a.source) for a in serial.articles()]
    finally:
        serial.close()


def test_killed_ingest_leaves_whole_articles_and_resumes(env):
    tmp_path, inputs, store = env
    store.close()
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from briefing.ingest import ingest
        from briefing.model import Fact
        from briefing.store import Store

        seen = []
        def extract(article):
            seen.append(article.id)
            if len(seen) == 3:
                os.kill(os.getpid(), signal.SIGKILL)
            return [Fact(kind="policy", region=None, article=article.id, quote="q", name=n)
                    for n in ("a", "b", "c")]

        ingest([Path({str(inputs)!r})], Store(Path({str(tmp_path / "briefing.db")!r})),
               extract=extract)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -9, proc.stderr.decode()
    reopened = Store(tmp_path / "briefing.db")
    try:
        assert reopened.counts()["articles"] == 2 and reopened.counts()["facts"] == 6
        report = ingest([inputs], reopened, extract=counting_extract)
        assert (report.unchanged, report.new) == (2, 3)
        assert len(calls(tmp_path)) == 3
    finally:
        reopened.close()
