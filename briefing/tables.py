"""The briefing's tables, computed with pandas from the facts.

One frame holds every fact with its source number and 新 flag; each table is a
view of it. Cells come out as finished strings (`9%以上(力争11%)`), so the
writers only lay them out.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from functools import lru_cache
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
EMPTY = "—"
NEW_MARK = "新"

_GAZETTEER = Path(__file__).resolve().parent / "regions" / "data" / "regions.csv"
_NAME_NOISE = re.compile(r"[\s《》〈〉“”\"'「」]")

FACT_COLUMNS = ("kind", "region", "year", "indicator", "measure", "value", "unit", "bound",
                "stretch", "name", "investment", "stage", "category", "status", "article",
                "quote")


def number(value: float) -> str:
    """9.0 → 9, 10.50 → 10.5, 458.51 → 458.51: as a printed report writes them."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def format_target(value: float, unit: str | None, bound: str | None = "=",
                  stretch: float | None = None) -> str:
    """`9%左右`, `超过5%`, `8%(力争8.5%)`: a target with its bound and stretch."""
    unit = unit or ""
    before, after = BOUND_WORDS.get(bound or "=", ("", ""))
    text = f"{before}{number(value)}{unit}{after}"
    if stretch is not None and not pd.isna(stretch):
        text += f"(力争{number(stretch)}{unit})"
    return text


@lru_cache(maxsize=1)
def _region_codes() -> dict[str, str]:
    """Division codes by name, for the official order (city first, then its districts)."""
    codes: dict[str, str] = {}
    if _GAZETTEER.is_file():
        with _GAZETTEER.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                codes.setdefault(row["name"], row["code"])
    return codes


def region_order(regions) -> list[str]:
    """Regions in gazetteer code order; unknown names after, by name."""
    codes = _region_codes()
    unique = {r for r in regions if isinstance(r, str) and r}
    return sorted(unique, key=lambda r: (codes.get(r, "999999"), r))


def norm_name(name: str) -> str:
    """A project or policy name without quotes, 《》 and spaces, for merging mentions."""
    return _NAME_NOISE.sub("", name or "")


def source_numbers(articles: list[Article]) -> dict[str, int]:
    """Article id → its number in 资料来源, by date then title."""
    ordered = sorted(articles, key=lambda a: (a.date or dt.date.min, a.title, a.id))
    return {a.id: i for i, a in enumerate(ordered, 1)}


def fact_frame(doc: FactsDocument, previous_keys: set | None = None) -> pd.DataFrame:
    """Every fact as a row, with `src` (source number), `date` and `new` (not in the last issue)."""
    numbers = source_numbers(doc.articles)
    dates = {a.id: a.date for a in doc.articles}
    previous = {tuple(k) for k in previous_keys} if previous_keys is not None else None
    rows = []
    for fact in doc.facts:
        row = {c: getattr(fact, c) for c in FACT_COLUMNS}
        row["src"] = numbers.get(fact.article, 0)
        row["date"] = dates.get(fact.article)
        row["new"] = previous is not None and tuple(fact.key()) not in previous
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[*FACT_COLUMNS, "src", "date", "new"])
    frame["name_key"] = frame["name"].map(lambda n: norm_name(n) if isinstance(n, str) else "")
    frame["date_key"] = frame["date"].map(lambda d: d or dt.date.min)
    return frame


def source_refs(srcs) -> str:
    return "".join(f"[{n}]" for n in sorted({int(s) for s in srcs if s}))


def _latest(frame: pd.DataFrame) -> pd.DataFrame:
    """When two articles give a number for the same thing, the latest article wins."""
    return frame.sort_values(["date_key", "src"]).groupby(
        ["region", "year", "indicator", "measure"], as_index=False).last()


def _cell(row) -> str:
    return format_target(row["value"], row["unit"], row["bound"], row["stretch"])


def target_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (region, year, indicator): the growth target, else the level target."""
    t = frame[(frame["kind"] == "target") & frame["year"].notna() & frame["region"].notna()
              & frame["indicator"].isin(MAIN_INDICATORS)]
    if t.empty:
        return pd.DataFrame(columns=["region", "year", "indicator", "cell", "value", "measure"])
    t = _latest(t)
    t["rank"] = (t["measure"] != "growth").astype(int)
    t = t.sort_values("rank").groupby(["region", "year", "indicator"], as_index=False).first()
    t["cell"] = t.apply(_cell, axis=1)
    t["year"] = t["year"].astype(int)
    return t


def comparison_tables(frame: pd.DataFrame) -> list[tuple[int, pd.DataFrame]]:
    """Per year, newest first: regions × the main indicators, each cell a target."""
    cells = target_cells(frame)
    out = []
    for year in sorted(cells["year"].unique(), reverse=True):
        part = cells[cells["year"] == year]
        table = part.pivot(index="region", columns="indicator", values="cell")
        table = table.reindex(index=region_order(part["region"]), columns=list(MAIN_INDICATORS))
        out.append((int(year), table.astype(object).fillna(EMPTY)))
    return out


def targets_and_results(frame: pd.DataFrame) -> pd.DataFrame:
    """Growth results against the year's target: 地区, 年度, 指标, 目标, 完成, 差距."""
    growth = frame[frame["measure"].eq("growth") & frame["year"].notna()
                   & frame["region"].notna() & frame["indicator"].notna()]
    actual = _latest(growth[growth["kind"] == "actual"])
    target = _latest(growth[growth["kind"] == "target"])
    columns = ["地区", "年度", "指标", "目标", "完成", "差距(百分点)"]
    if actual.empty:
        return pd.DataFrame(columns=columns)
    keys = ["region", "year", "indicator"]
    both = actual.merge(target, on=keys, how="left", suffixes=("_a", "_t"))
    rows = []
    for _, r in both.iterrows():
        has_target = not pd.isna(r["value_t"])
        rows.append({
            "地区": r["region"], "年度": f"{int(r['year'])}年", "指标": r["indicator"],
            "目标": format_target(r["value_t"], r["unit_t"], r["bound_t"], r["stretch_t"])
            if has_target else EMPTY,
            "完成": format_target(r["value_a"], r["unit_a"], r["bound_a"]),
            "差距(百分点)": f"{r['value_a'] - r['value_t']:+.1f}" if has_target else EMPTY,
            "_order": (region_order(both["region"]).index(r["region"]), -int(r["year"]),
                       indicator_rank(r["indicator"])),
        })
    out = pd.DataFrame(rows).sort_values("_order")
    return out[columns].reset_index(drop=True)


def indicator_rank(indicator: str) -> int:
    return MAIN_INDICATORS.index(indicator) if indicator in MAIN_INDICATORS else len(MAIN_INDICATORS)


def merged_mentions(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Mentions of one project/policy in one region merged: latest fields, all sources."""
    part = frame[(frame["kind"] == kind) & frame["name_key"].ne("")]
    if part.empty:
        return part.assign(refs=[], any_old=[])
    part = part.sort_values(["date_key", "src"])
    grouped = part.groupby(["region", "name_key"], dropna=False, sort=False)
    merged = grouped.last()
    merged["investment"] = grouped["investment"].max()
    merged["refs"] = grouped["src"].agg(source_refs)
    merged["new"] = grouped["new"].all()
    return merged.reset_index()


def projects(frame: pd.DataFrame, *, mark_new: bool = False) -> pd.DataFrame:
    """重点项目: largest investment first; unknown investment last."""
    m = merged_mentions(frame, "project")
    columns = ["地区", "项目", "投资(亿元)", "阶段", "来源"]
    if m.empty:
        return pd.DataFrame(columns=([NEW_MARK] if mark_new else []) + columns)
    order = region_order(m["region"])
    m["_r"] = m["region"].map(lambda r: order.index(r) if r in order else len(order))
    m = m.sort_values(["investment", "_r", "name"], ascending=[False, True, True],
                      na_position="last")
    out = pd.DataFrame({
        "地区": m["region"].fillna(EMPTY), "项目": m["name"],
        "投资(亿元)": m["investment"].map(lambda v: EMPTY if pd.isna(v) else number(v)),
        "阶段": m["stage"].fillna(EMPTY), "来源": m["refs"],
    })
    if mark_new:
        out.insert(0, NEW_MARK, m["new"].map(lambda n: NEW_MARK if n else ""))
    return out.reset_index(drop=True)


def policies(frame: pd.DataFrame, *, mark_new: bool = False) -> pd.DataFrame:
    """政策举措 by region (official order), documents before programmes and mechanisms."""
    m = merged_mentions(frame, "policy")
    columns = ["地区", "名称", "类别", "状态", "来源"]
    if m.empty:
        return pd.DataFrame(columns=([NEW_MARK] if mark_new else []) + columns)
    order = region_order(m["region"])
    m["_r"] = m["region"].map(lambda r: order.index(r) if r in order else len(order))
    m["_c"] = m["category"].map(lambda c: list(CATEGORY_NAMES).index(c)
                                if c in CATEGORY_NAMES else len(CATEGORY_NAMES))
    m = m.sort_values(["_r", "_c", "name"])
    out = pd.DataFrame({
        "地区": m["region"].fillna(EMPTY), "名称": m["name"],
        "类别": m["category"].map(lambda c: CATEGORY_NAMES.get(c, EMPTY)),
        "状态": m["status"].map(lambda s: STATUS_NAMES.get(s, EMPTY)), "来源": m["refs"],
    })
    if mark_new:
        out.insert(0, NEW_MARK, m["new"].map(lambda n: NEW_MARK if n else ""))
    return out.reset_index(drop=True)


def sources(articles: list[Article]) -> pd.DataFrame:
    """资料来源: number, title, paper and page, date."""
    numbers = source_numbers(articles)
    rows = sorted(articles, key=lambda a: numbers[a.id])
    return pd.DataFrame({
        "序号": [str(numbers[a.id]) for a in rows],
        "标题": [a.title or a.stem for a in rows],
        "报纸及版面": [a.source or EMPTY for a in rows],
        "日期": [a.date.isoformat() if a.date else EMPTY for a in rows],
    }, columns=["序号", "标题", "报纸及版面", "日期"])
