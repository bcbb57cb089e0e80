"""The benchmark's synthetic corpus: distinct, dated, moved away from the samples' city.

The benchmark's figures mean something only if the corpus reads like real input:
every file a different article, dated where the weekly build will look for it,
about the regions of a province (or of the country) rather than 江门 a thousand times.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

from briefing.readers import read_article

ROOT = Path(__file__).resolve().parents[1]
WEEK_START = dt.date(2023, 2, 27)   # Monday of 2023-W09


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


corpus = _corpus_module()


def test_articles_are_distinct_and_dated_week_by_week(tmp_path):
    made = corpus.make_corpus(tmp_path, 12, week_start=WEEK_START, per_week=7)
    assert len(made.paths) == 12
    assert made.bytes == sum(p.stat().st_size for p in made.paths)
    articles = [read_article(p) for p in made.paths]
    assert len({a.id for a in articles}) == 12
    dates = [a.date for a in articles]
    assert dates[:7] == [WEEK_START + dt.timedelta(days=i) for i in range(7)]
    assert dates[7:] == [WEEK_START + dt.timedelta(days=i - 7) for i in range(5)]
    assert all(p.parent.name == a.date.isoformat() for p, a in zip(made.paths, articles))


def _prefectures_named(paths: list[Path], province: str | None) -> set[str]:
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert not any("江门" in t for t in texts)
    return {pref.code for pref, counties in corpus.target_prefectures(province)
            for t in texts if sum(c.name in t for c in counties) >= 2}


def test_regions_move_to_other_prefectures_of_the_province(tmp_path):
    made = corpus.make_corpus(tmp_path, 20, week_start=WEEK_START)
    assert len(_prefectures_named(made.paths, "44")) > 3
    assert not _prefectures_named(made.paths, None) - _prefectures_named(made.paths, "44")


def test_regions_move_all_over_china_when_asked(tmp_path):
    made = corpus.make_corpus(tmp_path, 20, week_start=WEEK_START, province=None)
    assert len({code[:2] for code in _prefectures_named(made.paths, None)}) > 3


def test_same_seed_same_corpus(tmp_path):
    a = corpus.make_corpus(tmp_path / "a", 3, week_start=WEEK_START, seed=3)
    b = corpus.make_corpus(tmp_path / "b", 3, week_start=WEEK_START, seed=3)
    assert [p.read_bytes() for p in a.paths] == [p.read_bytes() for p in b.paths]
