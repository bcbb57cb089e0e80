"""The briefing's tables, computed with pandas from the facts.

One frame holds every fact with its source number and 新 flag; each table is a
view of it. Cells come out as finished strings (`9%以上(力争11%)`), so the
writers only lay them out.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

import pandas as pd

from briefing.model import Article, FactsDocument

MAIN_INDICATORS = ("地区生产总值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额",
                   "外贸进出口总额", "地方一般公共预算收入")
# How a bound reads in Chinese: (before the number, after it).
BOUND_WORDS: dict[str, tuple[str, str]] = {
    "=": ("", ""), "≈": ("", "左右"), "≥": ("", "以上"), ">": ("超过", ""),
    "≤": ("", "以内"), "<": ("", "以下"),
}
STAGE_ORDER = ("规划", "签约", "动工", "在建", "投产", "建成")
CATEGORY_NAMES = {"document": "文件", "programme": "工程/行动", "mechanism": "机制"}
STATUS_NAMES = {"issued": "已出台", "drafting": "制定中", "implementing": "实施中"}
STATUS_RANK = {"issued": 0, "implementing": 1, "drafting": 2}   # which policies come first
EMPTY = "—"
NEW_MARK = "新"

_GAZETTEER = Path(__file__).resolve().parent / "regions" / "data" / "regions.csv"
_NAME_NOISE = re.compile(r"[\s《》〈〉“”\"'「」]")

FACT_COLUMNS = ("kind", "region", "year", "indicator", "measure", "value", "unit", "bound",
                "stretch", "name", "investment", "stage", "category", "status", "article")


def number(value: float) -> str:
    """9.0 → 9, 10.50 → 10.5, 458.51 → 458.51: as a printed report writes them."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def quantity(value: float, unit: str) -> str:
    """A value in its unit as a report prints it. Money is kept in 亿元, but a sum under
    one 亿 reads in 万元 (3500万元) and one under a million in 元 (人均15292元)."""
    if unit == "亿元" and 0 < abs(value) < 1:
        if abs(value) < 0.01:
            return f"{number(value * 1e8)}元"
        return f"{number(value * 1e4)}万元"
    return f"{number(value)}{unit}"


def format_target(value: float, unit: str | None, bound: str | None = "=",
                  stretch: float | None = None) -> str:
    """`9%左右`, `超过5%`, `8%(力争8.5%)`: a target with its bound and stretch."""
    unit = unit or ""
    before, after = BOUND_WORDS.get(bound or "=", ("", ""))
    text = f"{before}{quantity(value, unit)}{after}"
    if stretch is not None and not pd.isna(stretch):
        text += f"(力争{quantity(stretch, unit)})"
    return text


@lru_cache(maxsize=1)
def _region_codes() -> dict[str, list[str]]:
    """Division codes by name (南山区 is in 深圳 and in 鹤岗), for the official order."""
    codes: dict[str, list[str]] = {}
    if _GAZETTEER.is_file():
        with _GAZETTEER.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                codes.setdefault(row["name"], []).append(row["code"])
    return codes


def region_order(regions) -> list[str]:
    """Regions in gazetteer code order (city first, then its districts); unknown names
    after, by name. A name found in several provinces sorts with the province most of
    the other regions are in: a briefing is about one place."""
    codes = _region_codes()
    unique = {r for r in regions if isinstance(r, str) and r}
    provinces = Counter(codes[r][0][:2] for r in unique if len(codes.get(r, ())) == 1)

    def code(region: str) -> str:
        found = codes.get(region)
        if not found:
            return "999999"
        return max(found, key=lambda c: (provinces[c[:2]], -int(c)))

    return sorted(unique, key=lambda r: (code(r), r))


def norm_name(name: str) -> str:
    """A project or policy name without quotes, 《》 and spaces, for merging mentions."""
    return _NAME_NOISE.sub("", name or "")


def source_numbers(articles: list[Article]) -> dict[str, int]:
    """Article id → its number in 资料来源: by date, then paper and page, then title,
    so the articles of one paper on one day carry consecutive numbers."""
    ordered = sorted(articles, key=lambda a: (a.date or dt.date.min, a.source, a.title, a.id))
    return {a.id: i for i, a in enumerate(ordered, 1)}


def fact_frame(doc: FactsDocument, previous_keys: set | None = None) -> pd.DataFrame:
    """Every fact as a row, with `src` (source number), `date`, `new` (not in the last
    issue) and `region_rank` (the region's place in the official order)."""
    numbers = source_numbers(doc.articles)
    dates = {a.id: a.date for a in doc.articles}
    facts = doc.facts
    records = list(map(attrgetter(*FACT_COLUMNS), facts))
    columns = dict(zip(FACT_COLUMNS, map(list, zip(*records)))) if records else \
        {c: [] for c in FACT_COLUMNS}
    articles, regions = columns["article"], columns["region"]
    ranks = {r: i for i, r in enumerate(region_order(regions))}
    previous = {tuple(k) for k in previous_keys} if previous_keys is not None else None
    columns.update(
        src=[numbers.get(a, 0) for a in articles],
        date=[dates.get(a) for a in articles],
        new=[False] * len(facts) if previous is None
        else [tuple(f.key()) not in previous for f in facts],
        name_key=[norm_name(n) if isinstance(n, str) else "" for n in columns["name"]],
        region_rank=[ranks.get(r, len(ranks)) for r in regions])
    columns["date_key"] = [d or dt.date.min for d in columns["date"]]
    return pd.DataFrame(columns)


def source_refs(srcs, limit: int | None = None) -> str:
    """`[3][17][41]`; past `limit` sources, the first ones and how many in all (`等12篇`)."""
    numbers = sorted({int(s) for s in srcs if s})
    shown = "".join(f"[{n}]" for n in numbers[:limit])
    return shown + (f"等{len(numbers)}篇" if limit is not None and len(numbers) > limit else "")


def latest(frame: pd.DataFrame, keys: tuple[str, ...] = ("region", "year", "indicator",
                                                           "measure")) -> pd.DataFrame:
    """When two articles give a number for the same thing, the latest article wins."""
    return frame.sort_values(["date_key", "src"]).groupby(list(keys), as_index=False).last()


def target_texts(part: pd.DataFrame, suffix: str = "", stretch: bool = True) -> list[str]:
    """`format_target` over the rows of a frame (columns value, unit, bound, stretch)."""
    stretches = part[f"stretch{suffix}"] if stretch else [None] * len(part)
    return [format_target(v, u, b, s) for v, u, b, s in
            zip(part[f"value{suffix}"], part[f"unit{suffix}"], part[f"bound{suffix}"], stretches)]


def target_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (region, year, indicator): the growth target, else the level target."""
    t = frame[(frame["kind"] == "target") & frame["year"].notna() & frame["region"].notna()
              & frame["indicator"].isin(MAIN_INDICATORS)]
    if t.empty:
        return pd.DataFrame(columns=["region", "year", "indicator", "cell", "value", "measure",
                                     "src", "region_rank"])
    t = latest(t)
    t["rank"] = (t["measure"] != "growth").astype(int)
    t = t.sort_values("rank").groupby(["region", "year", "indicator"], as_index=False).first()
    t["cell"] = target_texts(t)
    t["year"] = t["year"].astype(int)
    return t


def comparison_tables(cells: pd.DataFrame) -> list[tuple[int, pd.DataFrame]]:
    """Per year, newest first: regions × the main indicators, each cell a target."""
    out = []
    for year in sorted(cells["year"].unique(), reverse=True):
        part = cells[cells["year"] == year]
        table = part.pivot(index="region", columns="indicator", values="cell")
        table = table.reindex(index=region_order(part["region"]), columns=list(MAIN_INDICATORS))
        out.append((int(year), table.astype(object).fillna(EMPTY)))
    return out


def targets_and_results(frame: pd.DataFrame) -> pd.DataFrame:
    """Growth results of the main indicators against the year's target: 地区, 年度, 指标,
    目标, 完成, 差距. A result without a target is no comparison: it is left to the
    region's section in 分区动态."""
    growth = frame[frame["measure"].eq("growth") & frame["year"].notna()
                   & frame["region"].notna() & frame["indicator"].isin(MAIN_INDICATORS)]
    actual = latest(growth[growth["kind"] == "actual"])
    target = latest(growth[growth["kind"] == "target"])
    columns = ["地区", "年度", "指标", "目标", "完成", "差距(百分点)"]
    keys = ["region", "year", "indicator"]
    if actual.empty or target.empty:
        return pd.DataFrame(columns=columns)
    both = actual.merge(target[[*keys, "value", "unit", "bound", "stretch"]], on=keys,
                        suffixes=("_a", "_t"))
    out = pd.DataFrame({
        "地区": both["region"], "年度": [f"{int(y)}年" for y in both["year"]],
        "指标": both["indicator"], "目标": target_texts(both, "_t"),
        "完成": target_texts(both, "_a", stretch=False),
        "差距(百分点)": [gap_text(g) for g in both["value_a"] - both["value_t"]],
    }, columns=columns)
    order = both.assign(_year=-both["year"], _ind=both["indicator"].map(indicator_rank))
    order = order.sort_values(["region_rank", "_year", "_ind"], kind="stable").index
    return out.loc[order, columns].reset_index(drop=True)


def gap_text(gap: float) -> str:
    """-7.7, +1.2, and 0.0 for a target met exactly (never +0.0 or -0.0)."""
    rounded = round(gap, 1)
    return "0.0" if rounded == 0 else f"{rounded:+.1f}"


def indicator_rank(indicator: str) -> int:
    return MAIN_INDICATORS.index(indicator) if indicator in MAIN_INDICATORS else len(MAIN_INDICATORS)


def merged_mentions(frame: pd.DataFrame, kind: str, ref_limit: int | None = None) -> pd.DataFrame:
    """Mentions of one project/policy in one region merged: latest fields, all sources
    (`mentions` counts them; `refs` names at most `ref_limit`)."""
    part = frame[(frame["kind"] == kind) & frame["name_key"].ne("")]
    if part.empty:
        return part.assign(refs=[], mentions=[])
    part = part.sort_values(["date_key", "src"])
    grouped = part.groupby(["region", "name_key"], dropna=False, sort=False)
    merged = grouped.last()
    merged["investment"] = grouped["investment"].max()
    merged["new"] = grouped["new"].all()
    sources: list[set[int]] = [set() for _ in range(len(merged))]
    for group, src in zip(grouped.ngroup(), part["src"]):  # groups in the order of `merged`
        sources[group].add(src)
    merged["refs"] = [source_refs(srcs, ref_limit) for srcs in sources]
    merged["mentions"] = [len(srcs) for srcs in sources]
    return merged.reset_index()


def _with_new_mark(out: pd.DataFrame, rows: pd.DataFrame, mark_new: bool) -> pd.DataFrame:
    if mark_new:
        out.insert(0, NEW_MARK, [NEW_MARK if n else "" for n in rows["new"]])
    return out.reset_index(drop=True)


def projects(merged: pd.DataFrame, *, limit: int | None = None,
             mark_new: bool = False) -> pd.DataFrame:
    """重点项目: the `limit` largest by investment; unknown investment last, the most
    reported first."""
    columns = ["地区", "项目", "投资(亿元)", "阶段", "来源"]
    if merged.empty:
        return pd.DataFrame(columns=([NEW_MARK] if mark_new else []) + columns)
    m = merged.sort_values(["investment", "mentions", "region_rank", "name"],
                           ascending=[False, False, True, True], na_position="last").head(limit)
    out = pd.DataFrame({
        "地区": m["region"].astype(object).fillna(EMPTY), "项目": m["name"],
        "投资(亿元)": [EMPTY if pd.isna(v) else number(v) for v in m["investment"]],
        "阶段": m["stage"].astype(object).fillna(EMPTY), "来源": m["refs"],
    })
    return _with_new_mark(out, m, mark_new)


def policies(merged: pd.DataFrame, *, limit: int | None = None,
             mark_new: bool = False) -> pd.DataFrame:
    """政策举措 by region (official order), documents before programmes and mechanisms.

    Past `limit`, the issued ones first, then documents, then the most reported.
    """
    columns = ["地区", "名称", "类别", "状态", "来源"]
    if merged.empty:
        return pd.DataFrame(columns=([NEW_MARK] if mark_new else []) + columns)
    categories = list(CATEGORY_NAMES)
    m = merged.assign(
        _c=[categories.index(c) if c in CATEGORY_NAMES else len(categories)
            for c in merged["category"]],
        _s=[STATUS_RANK.get(s, len(STATUS_RANK)) for s in merged["status"]])
    if limit is not None and len(m) > limit:
        m = m.sort_values(["_s", "_c", "mentions", "region_rank", "name"],
                          ascending=[True, True, False, True, True]).head(limit)
    m = m.sort_values(["region_rank", "_c", "name"])
    out = pd.DataFrame({
        "地区": m["region"].astype(object).fillna(EMPTY), "名称": m["name"],
        "类别": [CATEGORY_NAMES.get(c, EMPTY) for c in m["category"]],
        "状态": [STATUS_NAMES.get(s, EMPTY) for s in m["status"]], "来源": m["refs"],
    })
    return _with_new_mark(out, m, mark_new)


SourceEntry = tuple[int, str]                      # (number in 资料来源, title)
PaperSources = tuple[str, list[SourceEntry]]        # (paper and page, its articles)
DaySources = tuple[dt.date | None, list[PaperSources]]


def source_groups(articles: list[Article]) -> list[DaySources]:
    """资料来源 by day, then by paper and page, in the order of their numbers."""
    numbers = source_numbers(articles)
    days: list[DaySources] = []
    for a in sorted(articles, key=lambda a: numbers[a.id]):
        if not days or days[-1][0] != a.date:
            days.append((a.date, []))
        papers = days[-1][1]
        if not papers or papers[-1][0] != a.source:
            papers.append((a.source, []))
        papers[-1][1].append((numbers[a.id], a.title or a.stem))
    return days
