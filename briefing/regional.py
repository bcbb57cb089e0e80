"""分区动态: per region, its figures, projects and policies — bounded.

Everything is computed with one sort and one group-by over all regions (a
province-wide week has more than a hundred); the template gets, per region
and kind, the first few entries and how many there were in all, so it can
write `……等57个`.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from briefing import tables
from briefing.limits import Limits

FIGURE_KEYS = ("region", "kind", "year", "indicator", "measure")
KINDS = {"target": "targets", "actual": "actuals"}


def _nullable(value: Any) -> Any:
    return None if isinstance(value, float) and pd.isna(value) else value


def _head_per_group(frame: pd.DataFrame, keys: list[str], limit: int) -> pd.DataFrame:
    """The first `limit` rows of each group, with `group_total` (the group's size)."""
    grouped = frame.groupby(keys, sort=False, dropna=False)
    frame = frame.assign(n_in_group=grouped.cumcount(),
                         group_total=grouped[keys[0]].transform("size"))
    return frame[frame["n_in_group"] < limit]


def _figures(frame: pd.DataFrame, limit: int) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """region → targets/actuals → [{year, entries, total}], newest year first."""
    part = frame[frame["kind"].isin(list(KINDS)) & frame["year"].notna()
                 & frame["indicator"].notna() & frame["region"].notna()]
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    if part.empty:
        return out
    latest = tables.latest(part, FIGURE_KEYS)
    latest = latest.assign(ind_rank=latest["indicator"].map(tables.indicator_rank),
                           year_desc=-latest["year"])
    latest = latest.sort_values(["region_rank", "kind", "year_desc", "ind_rank", "indicator",
                                 "measure"])
    shown = _head_per_group(latest, ["region", "kind", "year"], limit)
    is_target = shown["kind"] == "target"
    texts = [tables.format_target(v, u, b, s if t else None) for v, u, b, s, t in
             zip(shown["value"], shown["unit"], shown["bound"], shown["stretch"], is_target)]
    for row, text in zip(shown.itertuples(index=False), texts):
        groups = out.setdefault(row.region, {}).setdefault(KINDS[row.kind], [])
        if not groups or groups[-1]["year"] != int(row.year):
            groups.append({"year": int(row.year), "entries": [], "total": int(row.group_total)})
        groups[-1]["entries"].append({"indicator": row.indicator, "measure": row.measure,
                                    "text": text, "new": bool(row.new)})
    return out


def _named(merged: pd.DataFrame, order: list[str], ascending: list[bool],
           limit: int) -> dict[str, tuple[list[Any], int]]:
    """region → (its first `limit` rows in `order`, how many it has)."""
    if merged.empty:
        return {}
    shown = _head_per_group(merged.sort_values(order, ascending=ascending, na_position="last"),
                            ["region"], limit)
    out: dict[str, tuple[list[Any], int]] = {}
    for row in shown.itertuples(index=False):
        out.setdefault(row.region, ([], int(row.group_total)))[0].append(row)
    return out


def most_reported(frame: pd.DataFrame, limit: int) -> list[str]:
    """The `limit` regions the most articles report on, in official order."""
    located = frame[frame["region"].notna()]
    counts = located.groupby("region").agg(articles=("src", "nunique"),
                                           rank=("region_rank", "first"))
    chosen = counts.sort_values(["articles", "rank"], ascending=[False, True]).head(limit)
    return chosen.sort_values("rank").index.tolist()


def region_items(frame: pd.DataFrame, projects: pd.DataFrame, policies: pd.DataFrame,
                 limits: Limits) -> list[dict[str, Any]]:
    """Per region, in official order: its targets, results, projects and policies.

    Only the `limits.region_sections` most reported regions get one. `projects` and
    `policies` are `tables.merged_mentions` frames; projects come largest investment
    first, policies issued first, each list cut at `limits.region_items`.
    """
    figures = _figures(frame, limits.region_figures)
    projs = _named(projects, ["region_rank", "investment", "mentions", "name"],
                   [True, False, False, True], limits.region_items)
    if not policies.empty:
        policies = policies.assign(status_rank=[tables.STATUS_RANK.get(s, len(tables.STATUS_RANK))
                                       for s in policies["status"]])
    pols = _named(policies, ["region_rank", "status_rank", "mentions", "name"],
                  [True, True, False, True], limits.region_items)
    out = []
    for region in most_reported(frame, limits.region_sections):
        mine = figures.get(region, {})
        proj_rows, proj_total = projs.get(region, ([], 0))
        pol_rows, pol_total = pols.get(region, ([], 0))
        out.append({
            "name": region,
            "targets": mine.get("targets", []),
            "actuals": mine.get("actuals", []),
            "projects": [{"name": r.name, "stage": _nullable(r.stage), "new": bool(r.new),
                          "investment": None if _nullable(r.investment) is None
                          else tables.number(r.investment)} for r in proj_rows],
            "project_total": proj_total,
            "policies": [{"name": r.name, "new": bool(r.new),
                          "status": tables.STATUS_NAMES.get(r.status)} for r in pol_rows],
            "policy_total": pol_total,
        })
    return out
