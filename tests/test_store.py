"""The SQLite article store: dedup, sources, unchanged files, periods, issues, kills."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing.model import Article, Fact, content_id
from briefing.store import Store


def article(text: str, date: dt.date | None = dt.date(2023, 3, 13), source: str = "江门日报 A05",
            path: str = "a.txt") -> Article:
    return Article(id=content_id(text), path=path, title=text[:6], text=text, date=date,
                   date_basis="header" if date else "unknown", source=source,
                   regions=["江海区"], captions=["图片说明 张三 摄"])


def fact(a: Article, value: float = 9.0) -> Fact:
    return Fact(kind="target", region="江海区", article=a.id, quote="地区生产总值增长9%",
                year=2023, indicator="地区生产总值", measure="growth", value=value, unit="%",
                bound="≈")


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "db" / "briefing.db")
    yield s
    s.close()


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_article_and_facts_round_trip(store, tmp_path):
    a = article("江海区今年地区生产总值增长9%左右。")
    assert store.put(a, [fact(a)], write(tmp_path / "a.txt", "x")) is True
    [back] = store.articles()
    assert (back.id, back.title, back.text, back.plain, back.date, back.date_basis, back.source,
            back.regions, back.captions) == (a.id, a.title, a.text, a.plain, a.date, a.date_basis,
                                             a.source, a.regions, a.captions)
    assert back.path == str((tmp_path / "a.txt").resolve())
    assert store.facts_for([a.id]) == [fact(a)]


def test_same_article_from_two_papers_is_one_article_with_two_sources(store, tmp_path):
    a = article("同一篇文章的正文。")
    b = article("同一篇文章的正文。", source="广州日报 JMA13")
    assert store.put(a, [fact(a)], write(tmp_path / "a.txt", "1"))
    assert store.put(b, [fact(b, 1.0)], write(tmp_path / "b.txt", "2")) is False
    [back] = store.articles()
    assert back.source == "江门日报 A05; 广州日报 JMA13"
    assert [s for _, s in store.sources(a.id)] == ["江门日报 A05", "广州日报 JMA13"]
    assert store.facts_for([a.id]) == [fact(a)]           # the first extraction is kept
    assert store.counts()["articles"] == 1


def test_unchanged_file_is_recognised_without_reading(store, tmp_path):
    path = write(tmp_path / "a.txt", "原文")
    assert not store.file_unchanged(path)
    a = article("正文一。")
    store.put(a, [], path)
    assert store.file_unchanged(path)
    os.utime(path, ns=(1, 1))                             # touched, same bytes
    assert store.file_unchanged(path)
    write(path, "改过的原文")
    assert not store.file_unchanged(path)
    assert not store.file_unchanged(tmp_path / "missing.txt")


def test_changed_file_replaces_its_old_article(store, tmp_path):
    path = write(tmp_path / "a.txt", "v1")
    old = article("旧的正文。")
    store.put(old, [fact(old)], path)
    write(path, "v2")
    new = article("新的正文。")
    assert store.put(new, [fact(new)], path)
    assert [a.id for a in store.articles()] == [new.id]
    assert store.counts()["facts"] == 1


def test_articles_by_period(store, tmp_path):
    dated = {d: article(f"{d}的文章。", date=dt.date(2023, 2, d)) for d in (1, 10, 20)}
    for d, a in dated.items():
        store.put(a, [], write(tmp_path / f"{d}.txt", str(d)))
    undated = article("没有日期的文章。", date=None)
    store.put(undated, [], write(tmp_path / "u.txt", "u"))
    assert [a.date.day for a in store.articles(dt.date(2023, 2, 5), dt.date(2023, 2, 20))] == [10, 20]
    assert [a.date.day for a in store.articles(until=dt.date(2023, 2, 9))] == [1]
    assert len(store.articles()) == 4
    doc = store.facts_document(dt.date(2023, 2, 5), None)
    assert [a.id for a in doc.articles] == [dated[10].id, dated[20].id]


def test_issue_numbers_and_previous_keys(store, tmp_path):
    a = article("正文。")
    store.put(a, [fact(a), fact(a, 8.0)], write(tmp_path / "a.txt", "x"))
    assert store.issue_number("2023-02-27..2023-03-05") == 1
    assert store.previous_issue_keys(before=1) is None  # a first issue marks nothing new
    keys = [f.key() for f in store.facts_for([a.id])]
    store.record_issue(1, keys[:1], "2023-02-27..2023-03-05")
    store.record_issue(2, keys, "2023-03-06..2023-03-12")
    assert store.issue_number("2023-03-13..2023-03-19") == 3
    assert store.issue_number("2023-02-27..2023-03-05") == 1  # rebuilt, not renumbered
    assert store.previous_issue_keys() == set(keys)
    assert store.previous_issue_keys(before=2) == {keys[0]}
    assert store.previous_issue_keys(before=1) is None


def test_a_store_of_the_first_version_is_brought_up_to_date(tmp_path):
    import sqlite3

    db = tmp_path / "old.db"
    old = sqlite3.connect(db)
    old.execute("CREATE TABLE issues (number INTEGER PRIMARY KEY, built_at TEXT NOT NULL, "
                "fact_keys TEXT NOT NULL)")
    old.execute("INSERT INTO issues VALUES (4, '2023-03-01', '[]')")
    old.execute("PRAGMA user_version=1")
    old.commit()
    old.close()
    store = Store(db)
    try:
        assert store.issue_number("2023-03-06..2023-03-12") == 5
        assert store.previous_issue_keys() == set()
    finally:
        store.close()


def test_process_killed_inside_a_transaction_leaves_nothing(tmp_path):
    db, src = tmp_path / "briefing.db", write(tmp_path / "a.txt", "x")
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from briefing.model import Article, Fact
        from briefing.store import Store

        class Bomb(Fact):
            def to_json(self):
                os.kill(os.getpid(), signal.SIGKILL)

        store = Store(Path({str(db)!r}))
        a = Article(id="a1", path="a.txt", title="t", text="正文。")
        good = Fact(kind="policy", region=None, article="a1", quote="q", name="n")
        store.put(a, [good, Bomb(kind="policy", region=None, article="a1", quote="q")],
                  Path({str(src)!r}))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -9, proc.stderr.decode()
    store = Store(db)
    try:
        assert store.counts() == {"articles": 0, "sources": 0, "files": 0, "facts": 0,
                                  "issues": 0}
        assert not store.file_unchanged(src)
    finally:
        store.close()
