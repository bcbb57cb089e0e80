"""A synthetic corpus for the benchmark, made from the sample articles.

Each article takes one sample as its frame, swaps some of its paragraphs for
paragraphs of other samples, moves its region names to another prefecture of
the province, or of all China (so attribution works on varied names), and gets a date: the first
`per_week` articles fall in the chosen week, the next ones in the week before,
and so on, so a store of 100,000 articles still has a week of realistic size to
build. Files go into one folder per day, as a desk saves them. Seeded, so two
runs measure the same text.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.regions.gazetteer import Region, load_gazetteer

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "articles"
# The prefecture the samples are about; its counties are moved elsewhere.
HOME_CODE_PREFIX = "4407"
HOME_NAME = "江门"
PROVINCE = "44"         # the samples' province (广东): one provincial desk's week
SWAP_SHARE = 0.2        # share of body paragraphs replaced by another sample's
MIN_PARAGRAPH = 30      # shorter lines are headings and furniture: kept in place
MIN_COUNTIES = 4        # target prefectures need enough counties to rename into
_HEADER_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


@dataclass(frozen=True)
class Corpus:
    """Where the corpus was written and how much text it holds."""

    root: Path
    paths: list[Path]
    bytes: int

    @property
    def megabytes(self) -> float:
        return self.bytes / 1e6


def target_prefectures(province: str | None = None) -> list[tuple[Region, list[Region]]]:
    """Prefectures (of `province`, a code prefix such as "44", or of all China) other
    than the samples' own, with enough counties to take the samples' county names."""
    gaz = load_gazetteer()
    by_parent: dict[str, list[Region]] = {}
    for region in gaz.regions.values():
        if region.level == "county" and region.parent_code \
                and region.code.startswith(province or ""):
            by_parent.setdefault(region.parent_code, []).append(region)
    return [(gaz.get(code), kids) for code, kids in sorted(by_parent.items())
            if len(kids) >= MIN_COUNTIES and not code.startswith(HOME_CODE_PREFIX)]


def article_date(i: int, week_start: dt.date, per_week: int | None) -> dt.date:
    """Article `i` is dated in the chosen week, or `i // per_week` weeks before it."""
    weeks_back = i // per_week if per_week else 0
    return week_start + dt.timedelta(days=i % 7 - 7 * weeks_back)


def iter_texts(n: int, *, week_start: dt.date, per_week: int | None = None,
               province: str | None = PROVINCE, seed: int = 7) -> Iterator[tuple[dt.date, str]]:
    """(date, text) of `n` synthetic articles, one at a time."""
    rng = random.Random(seed)
    samples = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    paragraphs = [p for text in samples for p in text.split("\n")
                  if len(p.strip()) > MIN_PARAGRAPH]
    gaz = load_gazetteer()
    home_counties = [r for r in gaz.regions.values()
                     if r.level == "county" and r.code.startswith(HOME_CODE_PREFIX)]
    targets = target_prefectures(province)
    for i in range(n):
        lines = rng.choice(samples).split("\n")
        for k, line in enumerate(lines):
            if len(line.strip()) > MIN_PARAGRAPH and rng.random() < SWAP_SHARE:
                lines[k] = rng.choice(paragraphs)
        text = "\n".join(lines)
        prefecture, counties = rng.choice(targets)
        counties = rng.sample(counties, len(counties))
        for old, new in zip(home_counties, counties):
            text = text.replace(old.name, new.name)
            if old.short and new.short:
                text = text.replace(old.short, new.short)
        text = text.replace(HOME_NAME, prefecture.short or prefecture.name)
        day = article_date(i, week_start, per_week)
        stamp = f"{day.year} 年 {day.month} 月 {day.day} 日"
        text = _HEADER_DATE.sub(stamp, text, count=1) if _HEADER_DATE.search(text) \
            else f"{stamp}\n{text}"
        yield day, text


def make_corpus(out_dir: Path, n: int, *, week_start: dt.date, per_week: int | None = None,
                province: str | None = PROVINCE, seed: int = 7) -> Corpus:
    """Write `n` articles under `out_dir/<date>/`; see `article_date` for their dates.

    `province` (a code prefix) keeps the regions inside one province, as on a
    provincial desk; None spreads them over the whole country.
    """
    out_dir = Path(out_dir)
    paths: list[Path] = []
    total = 0
    texts = iter_texts(n, week_start=week_start, per_week=per_week, province=province, seed=seed)
    for i, (day, text) in enumerate(texts):
        folder = out_dir / day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"a{i:06d}.txt"
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
        paths.append(path)
    return Corpus(out_dir, paths, total)
