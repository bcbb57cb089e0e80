"""The growth chart: each region's targets (and results where known), as PNG bytes.

Drawn with matplotlib's object API (no pyplot state) in a CJK face from
`fonts`, so the labels are Chinese in every output rather than empty boxes.
"""
from __future__ import annotations

import io
from typing import Mapping, Sequence

import pandas as pd

from briefing.fonts import FontFile
from briefing.tables import format_target, region_order

TARGET_COLOURS = ("#c00000", "#e07b39", "#8c564b")  # newest year first
RESULT_COLOUR = "#1f4e79"
MAX_YEARS = 2
MAX_REGIONS = 20
MAX_LABELLED_REGIONS = 10  # beyond this, value labels overlap; the tables hold the figures
MAX_HEIGHT_IN = 7.5   # with a 6-inch width, still fits the type area with its caption


def chart_data(frame: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Growth targets and results of one indicator: region, year, kind, value, stretch, label."""
    part = frame[frame["indicator"].eq(indicator) & frame["measure"].eq("growth")
                 & frame["kind"].isin(["target", "actual"]) & frame["year"].notna()
                 & frame["region"].notna()]
    if part.empty:
        return part.assign(label=[])
    part = part.sort_values(["date_key", "src"]).groupby(
        ["region", "year", "kind"], as_index=False).last()
    years = sorted(part.loc[part["kind"] == "target", "year"].unique(), reverse=True)[:MAX_YEARS]
    part = part[part["year"].isin(years)].copy()
    part["year"] = part["year"].astype(int)
    part["label"] = part.apply(lambda r: format_target(
        r["value"], "%", r["bound"], r["stretch"] if r["kind"] == "target" else None), axis=1)
    return part


def growth_chart(frame: pd.DataFrame, fonts: Mapping[str, FontFile],
                 indicator: str = "地区生产总值",
                 regions: Sequence[str] | None = None) -> bytes | None:
    """Horizontal grouped bars per region (only `regions` when given, at most
    MAX_REGIONS); None when those regions hold no growth target."""
    data = chart_data(frame, indicator)
    if regions is not None:
        data = data[data["region"].isin(list(regions))]
    if data.empty or not (data["kind"] == "target").any():
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    font = FontProperties(fname=str(fonts["hei"].path), size=9)
    small = FontProperties(fname=str(fonts["hei"].path), size=7.5)
    regions = region_order(data["region"])[:MAX_REGIONS]
    years = sorted(data.loc[data["kind"] == "target", "year"].unique(), reverse=True)
    series = [(y, "target") for y in years]
    series += [(y, "actual") for y in years if ((data["year"] == y) & (data["kind"] == "actual")).any()]
    height = 0.8 / len(series)

    height_in = 1.2 + 0.45 * len(regions) * max(1, len(series) / 2)
    fig = Figure(figsize=(6.0, min(height_in, MAX_HEIGHT_IN)), dpi=200)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    labelled: set[str] = set()
    for i, (year, kind) in enumerate(series):
        colour = TARGET_COLOURS[years.index(year) % len(TARGET_COLOURS)] if kind == "target" \
            else RESULT_COLOUR
        name = f"{year}年{'目标' if kind == 'target' else '完成'}"
        rows = data[(data["year"] == year) & (data["kind"] == kind)].set_index("region")
        for j, region in enumerate(regions):
            if region not in rows.index:
                continue
            row = rows.loc[region]
            y = j + (i - (len(series) - 1) / 2) * height
            ax.barh(y, row["value"], height=height * 0.9, color=colour,
                    label=None if name in labelled else name)
            labelled.add(name)
            end = row["value"]
            if kind == "target" and not pd.isna(row["stretch"]):
                ax.barh(y, row["stretch"] - row["value"], left=row["value"], height=height * 0.9,
                        color=colour, alpha=0.35)
                end = row["stretch"]
            if len(regions) <= MAX_LABELLED_REGIONS:
                ax.text(end, y, f" {row['label']}", va="center", fontproperties=small)
    ax.set_yticks(range(len(regions)), regions, fontproperties=font)
    ax.invert_yaxis()
    ax.set_xlabel(f"{indicator}增速（%）", fontproperties=font)
    values = data[["value", "stretch"]]
    ax.set_xlim(min(0.0, float(values.min().min()) * 1.35), max(1.0, float(values.max().max()) * 1.35))
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(prop=small, loc="lower right", frameon=False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
