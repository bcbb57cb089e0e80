"""Facts → the briefing `Document`: tables from pandas, wording from jinja2 templates.

The composer computes what the briefing says (tables, key points, the chart,
per-region lists); the templates in `templates/` (or a user's `--templates`
folder, file by file) decide the order and the words. Writers never see facts.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Mapping

import jinja2
import pandas as pd

from briefing import tables
from briefing.chart import MAX_REGIONS as MAX_CHART_REGIONS
from briefing.chart import growth_chart
from briefing.config import Config
from briefing.document import (Block, Closing, Document, Figure, Masthead, Paragraph, Section,
                               Span, Table, escape_markup, from_markup)
from briefing.errors import BriefingError
from briefing.fonts import FontFile
from briefing.limits import Limits
from briefing.model import Article, FactsDocument
from briefing.numbering import number_items, number_sections
from briefing.regional import most_reported, region_items

DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
MAIN_TEMPLATE = "briefing.md.j2"
MEASURE_WORDS = {"growth": "增长", "share": "占比", "level": ""}
MAX_KEY_POINTS = 8
MAX_KEY_GAPS = 2
MAX_RANGE_YEARS = 2
MAX_TOP_PROJECTS = 3
MAX_ISSUED = 3
# Column widths follow the content: a column gets the room of its longest cell
# (in character widths, capped so one long title cannot starve the others) and
# at least enough for its header to wrap on two or three lines. When the table
# is wider than the type area (about 40 characters of 10.5 pt), only the wide
# columns give way, so short ones such as 地区 never break a name.
MAX_COLUMN_CHARS = 14
COLUMN_CAPS = {"来源": 5.0}
MIN_HEADER_CHARS = 3
CELL_PADDING_CHARS = 0.8
TABLE_CHARS = 40
NARROW_CHARS = 5
NUMERIC = {"投资(亿元)", "差距(百分点)"}


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def display_width(text: str) -> float:
    """Width in Chinese characters: ASCII letters and digits are about half as wide."""
    return sum(0.55 if ord(ch) < 0x2000 else 1.0 for ch in text)


def column_widths(header: list[str], rows: list[list[str]]) -> list[float]:
    widths = []
    for i, head in enumerate(header):
        longest = max((display_width(r[i]) for r in rows), default=0.0)
        longest = min(longest, COLUMN_CAPS.get(head, MAX_COLUMN_CHARS))
        widths.append(max(longest, min(display_width(head), MIN_HEADER_CHARS), 1.5)
                      + CELL_PADDING_CHARS)
    narrow = sum(w for w in widths if w <= NARROW_CHARS)
    wide = sum(w for w in widths if w > NARROW_CHARS)
    if wide and narrow + wide > TABLE_CHARS:
        scale = max(TABLE_CHARS - narrow, wide * 0.3) / wide
        widths = [w if w <= NARROW_CHARS else max(w * scale, NARROW_CHARS) for w in widths]
    return widths


def _table(caption: str, frame: pd.DataFrame, note: str = "") -> Table:
    header = [str(c) for c in frame.columns]
    rows = [[str(v) for v in row] for row in frame.itertuples(index=False)]
    return Table(caption=caption, header=header, rows=rows, widths=column_widths(header, rows),
                 numeric=[h in NUMERIC for h in header], note=note)


def _comparison(cells: pd.DataFrame, limits: Limits) -> list[Table]:
    """One table per year: every region's targets, and the articles they came from."""
    out = []
    for year, table in tables.comparison_tables(cells):
        t = table.reset_index().rename(columns={"region": "地区"})
        year_refs = cells[cells["year"] == year].groupby("region")["src"].agg(
            lambda s: tables.source_refs(s, limits.cell_sources))
        t["来源"] = t["地区"].map(year_refs).astype(object).fillna("")
        out.append(_table(f"{year}年主要指标增长目标", t))
    return out


def _named_regions(part: pd.DataFrame, limit: int) -> dict[str, Any]:
    """The regions of one end of a range, at most `limit` named (then 等N地)."""
    return {"entries": [{"region": r, "text": c} for r, c in
                        zip(part["region"].head(limit), part["cell"].head(limit))],
            "total": len(part)}


def key_points(frame: pd.DataFrame, articles: int, *, cells: pd.DataFrame,
               results: pd.DataFrame, projects: pd.DataFrame, policies: pd.DataFrame,
               limits: Limits, mark_new: bool) -> dict[str, Any]:
    """The numbers behind 本期要点: ranges, shortfalls, largest projects, new policies.

    At most MAX_KEY_POINTS points: the shortfalls give way when the others fill it.
    """
    facts = frame[frame["region"].notna()]
    counts = {"articles": articles, "regions": facts["region"].nunique(),
              **{plural: int((frame["kind"] == kind).sum()) for kind, plural in
                 (("target", "targets"), ("actual", "actuals"))},
              "projects": len(projects), "policies": len(policies),
              "new": int(frame["new"].sum())}
    gdp = cells[(cells["indicator"] == "地区生产总值") & (cells["measure"] == "growth")]
    gdp = gdp.sort_values(["region_rank"])
    out: dict[str, Any] = {"counts": counts, "gdp_ranges": [], "gdp_singles": []}
    for year in sorted(gdp["year"].unique(), reverse=True)[:MAX_RANGE_YEARS]:
        part = gdp[gdp["year"] == year]
        high = _named_regions(part[part["value"] == part["value"].max()], limits.key_regions)
        if part["value"].nunique() >= 2:
            low = _named_regions(part[part["value"] == part["value"].min()], limits.key_regions)
            out["gdp_ranges"].append({"year": int(year), "high": high, "low": low})
        else:
            texts = list(dict.fromkeys(e["text"] for e in high["entries"]))
            out["gdp_singles"].append({"year": int(year), **high, "texts": texts})

    top = projects[projects["investment"].notna()] if not projects.empty else projects
    top = top.sort_values(["investment", "mentions", "region_rank"],
                          ascending=[False, False, True]).head(MAX_TOP_PROJECTS)
    out["top_projects"] = [{"name": r.name, "region": r.region, "new": bool(r.new),
                            "stage": None if pd.isna(r.stage) else r.stage,
                            "investment": tables.number(r.investment)}
                           for r in top.itertuples(index=False)]
    stages = projects["stage"].value_counts() if not projects.empty else pd.Series(dtype=int)
    out["stage_counts"] = [{"stage": s, "count": int(stages[s])}
                           for s in tables.STAGE_ORDER if s in stages.index]
    issued = policies[policies["status"] == "issued"] if not policies.empty else policies
    issued = issued.sort_values(["mentions", "region_rank"], ascending=[False, True]) \
        if not issued.empty else issued
    out["issued_count"] = len(issued)
    out["issued_policies"] = [{"name": r.name, "region": r.region, "new": bool(r.new)}
                              for r in issued.head(MAX_ISSUED).itertuples(index=False)]

    others = (1 + len(out["gdp_ranges"]) + len(out["gdp_singles"]) + bool(out["top_projects"])
              + bool(out["stage_counts"]) + bool(out["issued_policies"]) + mark_new)
    shortfalls = results[results["差距(百分点)"] != tables.EMPTY]
    gaps = pd.to_numeric(shortfalls["差距(百分点)"])
    shortfalls = shortfalls.loc[gaps.abs().sort_values(ascending=False, kind="stable").index]
    room = max(0, min(MAX_KEY_GAPS, MAX_KEY_POINTS - others))
    out["gaps"] = [{"region": r["地区"], "year": r["年度"].rstrip("年"), "indicator": r["指标"],
                    "target": r["目标"], "result": r["完成"], "below": float(r["差距(百分点)"]) < 0}
                   for _, r in shortfalls.head(room).iterrows()]
    return out


def source_paragraphs(articles: list[Article]) -> list[Paragraph]:
    """资料来源, complete but compact: one short paragraph per paper and day, so that
    a thousand articles take a few pages of small type."""
    out = []
    for day, papers in tables.source_groups(articles):
        when = chinese_date(day) if day else "日期不详"
        for paper, entries in papers:
            listed = "；".join(f"[{n}]{title}" for n, title in entries)
            out.append(Paragraph([Span(f"{when} {paper or '出处不详'}：", "strong"),
                                  Span(listed + "。")], "reference"))
    return out


def template_env(templates_dir: Path | None) -> jinja2.Environment:
    """Templates from the user's folder first, then ours; values escaped as literal text.

    No trim_blocks: a line holding only a tag leaves a blank line, which the markup
    ignores, and a tag at the end of a text line keeps that line's newline.
    """
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(DEFAULT_TEMPLATES))]
    if templates_dir is not None:
        if not Path(templates_dir).is_dir():
            raise BriefingError(f"{templates_dir}: templates folder not found")
        loaders.insert(0, jinja2.FileSystemLoader(str(templates_dir)))
    return jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), finalize=escape_markup,
                              undefined=jinja2.StrictUndefined, lstrip_blocks=True)


def template_failure(exc: Exception) -> BriefingError:
    """One line for a template that does not load or render: file and line when known.

    A user's template is code we do not control, so any exception it raises while
    rendering (a TypeError in an expression, say) is reported this way too.
    """
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = f"{exc.name}:{exc.lineno}: "
    elif isinstance(exc, jinja2.TemplateNotFound):
        where = "not found: "
    else:
        where = "" if isinstance(exc, (jinja2.TemplateError, ValueError)) \
            else f"{type(exc).__name__}: "
    message = " ".join(str(exc).split()) or type(exc).__name__
    return BriefingError(f"template error: {where}{message}")


def _render(env: jinja2.Environment, context: dict[str, Any],
            blocks: dict[str, Block | list[Block]]) -> list[Section]:
    try:
        text = env.get_template(MAIN_TEMPLATE).render(**context)
        return from_markup(text, blocks)
    except Exception as exc:  # noqa: BLE001 - see template_failure
        raise template_failure(exc) from exc


def masthead(config: Config, issue_number: int, issue_date: dt.date) -> Masthead:
    return Masthead(title=config.title, issue=f"第{issue_number}期", unit=config.unit,
                    date=chinese_date(issue_date),
                    marks=str(config.briefing.get("marks", "内部资料 注意保存")))


def closing(config: Config) -> Closing | None:
    """The 版记 from `[briefing]` reported_to / sent_to / issued_to / copies; None if unset."""
    b = config.briefing
    lines = [(label, b[key] if isinstance(b[key], str) else "，".join(map(str, b[key])))
             for label, key in (("报：", "reported_to"), ("送：", "sent_to"), ("发：", "issued_to"))
             if b.get(key)]
    copies = f"（共印{b['copies']}份）" if b.get("copies") else ""
    return Closing(lines=lines, copies=copies) if lines or copies else None


def default_issue_date(facts: FactsDocument) -> dt.date:
    """The newest article's date: a briefing is dated by what it reports."""
    dates = [a.date for a in facts.articles if a.date]
    return max(dates) if dates else dt.date.today()


def _chart(frame: pd.DataFrame, fonts: Mapping[str, FontFile], limits: Limits,
           region_count: int) -> list[Figure]:
    """The growth chart; with too many regions for one chart, the most reported ones
    (those of 分区动态), and the caption says so."""
    regions = most_reported(frame, min(limits.region_sections, MAX_CHART_REGIONS)) \
        if region_count > MAX_CHART_REGIONS else None
    png = growth_chart(frame, fonts, regions=regions)
    caption = "各地地区生产总值增长目标与完成情况" + (
        "" if regions is None else f"（报道最多的{len(regions)}个地区）")
    return [Figure(caption, png)] if png else []


def compose(facts: FactsDocument, *, config: Config, fonts: Mapping[str, FontFile],
            issue_number: int = 1, issue_date: dt.date | None = None,
            previous_keys: set | None = None, templates_dir: Path | None = None) -> Document:
    """The briefing for `facts`; `previous_keys` (Fact.key of the last issue) turns on 新."""
    limits = Limits.from_config(config.briefing)
    issue_date = issue_date or default_issue_date(facts)
    # No previous issue (the store gives an empty set): nothing is 新, rather than all.
    frame = tables.fact_frame(facts, previous_keys)
    mark_new = previous_keys is not None
    cells = tables.target_cells(frame)
    comparison = _comparison(cells, limits)
    results = tables.targets_and_results(frame)
    merged_projects = tables.merged_mentions(frame, "project", limits.cell_sources)
    merged_policies = tables.merged_mentions(frame, "policy", limits.cell_sources)
    projects = tables.projects(merged_projects, limit=limits.top_projects, mark_new=mark_new)
    policies = tables.policies(merged_policies, limit=limits.top_policies, mark_new=mark_new)
    invest = merged_projects["investment"].sum() if not merged_projects.empty else 0
    regions = region_items(frame, merged_projects, merged_policies, limits)
    region_count = int(frame["region"].nunique())
    chart = _chart(frame, fonts, limits, region_count)
    blocks: dict[str, Block | list[Block]] = {
        "comparison": comparison,
        "chart": chart,
        "results": _table("主要指标目标与完成情况", results),
        "projects": _table("重点项目", projects),
        "policies": _table("政策举措", policies),
        "sources": source_paragraphs(facts.articles),
    }
    context = {
        "title": config.title, "issue_number": issue_number, "issue_date": issue_date,
        "mark_new": mark_new, "comparison_years": [t.caption[:4] for t in comparison],
        "has_chart": bool(chart), "has_results": not results.empty,
        "project_count": len(merged_projects), "projects_listed": len(projects),
        "invested_count": int(merged_projects["investment"].notna().sum())
        if not merged_projects.empty else 0,
        "project_investment": tables.number(invest) if invest else "",
        "policy_count": len(merged_policies), "policies_listed": len(policies),
        "regions": regions, "region_count": region_count,
        "measure_words": MEASURE_WORDS, "limits": limits,
        **key_points(frame, len(facts.articles), cells=cells, results=results,
                     projects=merged_projects, policies=merged_policies, limits=limits,
                     mark_new=mark_new),
    }
    sections = _render(template_env(templates_dir), context, blocks)
    number_sections(sections)
    number_items(sections)
    return Document(masthead=masthead(config, issue_number, issue_date), sections=sections,
                    closing=closing(config))
