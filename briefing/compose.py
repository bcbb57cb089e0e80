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
from briefing.chart import growth_chart
from briefing.config import Config
from briefing.document import (Block, Closing, Document, Figure, Masthead, Paragraph, Section,
                               Span, Table, escape_markup, from_markup)
from briefing.errors import BriefingError
from briefing.fonts import FontFile
from briefing.model import FactsDocument

DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
MAIN_TEMPLATE = "briefing.md.j2"
MEASURE_WORDS = {"growth": "增长", "share": "占比", "level": ""}
STATUS_WORDS = tables.STATUS_NAMES
MAX_KEY_GAPS = 2
MAX_RANGE_YEARS = 2
MAX_TOP_PROJECTS = 3
MAX_ISSUED = 3
NUMERALS = "〇一二三四五六七八九"
# (level, how its number prints): 一、 （一） 1.
NUMBERING = {1: "{}、", 2: "（{}）", 3: "{}."}
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
NUMERIC = {"投资(亿元)", "差距(百分点)", "序号"}


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 23 → 二十三: section numbers as official documents print them."""
    if n < 10:
        return NUMERALS[n]
    tens, ones = divmod(n, 10)
    return f"{NUMERALS[tens] if tens > 1 else ''}十{NUMERALS[ones] if ones else ''}"


def number_sections(sections: list[Section]) -> None:
    """一、 for level 1, （一） for level 2, 1. for level 3, counted within each parent."""
    for i, section in enumerate(sections, 1):
        label = str(i) if section.level >= 3 else chinese_numeral(i)
        section.number = NUMBERING[min(section.level, 3)].format(label)
        number_sections(section.children)


def number_items(sections: list[Section]) -> None:
    """1． 2． … before the list items of each section, the same in every output."""
    for section in sections:
        count = 0
        for block in section.blocks:
            if isinstance(block, Paragraph) and block.style == "item":
                count += 1
                block.spans.insert(0, Span(f"{count}．"))
        number_items(section.children)


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


def _comparison(frame: pd.DataFrame) -> list[Table]:
    out = []
    refs = tables.target_cells(frame)
    for year, table in tables.comparison_tables(frame):
        t = table.reset_index().rename(columns={"region": "地区"})
        year_refs = refs[refs["year"] == year].groupby("region")["src"].agg(tables.source_refs)
        t["来源"] = t["地区"].map(year_refs).fillna("")
        out.append(_table(f"{year}年主要指标增长目标", t))
    return out


def _item(row: Mapping[str, Any], **extra: Any) -> dict[str, Any]:
    return {**{k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in row.items()},
            **extra}


def key_points(frame: pd.DataFrame, articles: int) -> dict[str, Any]:
    """The numbers behind 本期要点: ranges, shortfalls, largest projects, new policies."""
    facts = frame[frame["region"].notna()]
    counts = {"articles": articles, "regions": facts["region"].nunique(),
              **{plural: int((frame["kind"] == kind).sum()) for kind, plural in
                 (("target", "targets"), ("actual", "actuals"), ("project", "projects"),
                  ("policy", "policies"))},
              "new": int(frame["new"].sum())}
    cells = tables.target_cells(frame)
    gdp = cells[(cells["indicator"] == "地区生产总值") & (cells["measure"] == "growth")]
    out: dict[str, Any] = {"counts": counts, "gdp_ranges": [], "gdp_singles": []}
    for year in sorted(gdp["year"].unique(), reverse=True)[:MAX_RANGE_YEARS]:
        part = gdp[gdp["year"] == year]
        ends = [{"region": r["region"], "text": r["cell"]}
                for _, r in part[part["value"] == part["value"].max()].iterrows()]
        if part["value"].nunique() >= 2:
            low = [{"region": r["region"], "text": r["cell"]}
                   for _, r in part[part["value"] == part["value"].min()].iterrows()]
            out["gdp_ranges"].append({"year": int(year), "high": ends, "low": low})
        else:
            out["gdp_singles"].append({"year": int(year), "entries": ends})

    results = tables.targets_and_results(frame)
    results = results[results["差距(百分点)"] != tables.EMPTY].copy()
    results["gap"] = results["差距(百分点)"].astype(float)
    results = results.reindex(results["gap"].abs().sort_values(ascending=False).index)
    out["gaps"] = [{"region": r["地区"], "year": r["年度"].rstrip("年"), "indicator": r["指标"],
                    "target": r["目标"], "result": r["完成"], "below": r["gap"] < 0}
                   for _, r in results.head(MAX_KEY_GAPS).iterrows()]

    projects = tables.merged_mentions(frame, "project")
    policies = tables.merged_mentions(frame, "policy")
    counts.update(projects=len(projects), policies=len(policies))
    top = projects[projects["investment"].notna()].sort_values("investment", ascending=False)
    out["top_projects"] = [_item({"name": r["name"], "region": r["region"], "stage": r["stage"],
                                  "investment": tables.number(r["investment"]), "new": r["new"]})
                           for _, r in top.head(MAX_TOP_PROJECTS).iterrows()]
    stages = projects["stage"].value_counts() if not projects.empty else pd.Series(dtype=int)
    out["stage_counts"] = [{"stage": s, "count": int(stages[s])}
                           for s in tables.STAGE_ORDER if s in stages.index]

    issued = policies[policies["status"] == "issued"] if not policies.empty else policies
    out["issued_count"] = len(issued)
    out["issued_policies"] = [{"name": r["name"], "region": r["region"], "new": r["new"]}
                              for _, r in issued.head(MAX_ISSUED).iterrows()]
    return out


def _fact_items(part: pd.DataFrame) -> list[dict[str, Any]]:
    part = part[part["year"].notna() & part["indicator"].notna()]
    part = part.sort_values(["date_key", "src"]).groupby(
        ["year", "indicator", "measure"], as_index=False).agg("last")
    part = part.assign(_rank=part["indicator"].map(tables.indicator_rank)).sort_values(
        ["year", "_rank", "indicator"])
    return [{"year": int(r["year"]), "indicator": r["indicator"], "measure": r["measure"],
             "text": tables.format_target(r["value"], r["unit"], r["bound"],
                                          r["stretch"] if r["kind"] == "target" else None),
             "new": bool(r["new"])} for _, r in part.iterrows()]


def region_items(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Per region, in official order: its targets, results, projects and policies."""
    projects = tables.merged_mentions(frame, "project")
    policies = tables.merged_mentions(frame, "policy")
    out = []
    for region in tables.region_order(frame["region"]):
        mine = frame[frame["region"] == region]
        projs = projects[projects["region"] == region] if not projects.empty else projects
        projs = projs.sort_values("investment", ascending=False, na_position="last")
        pols = policies[policies["region"] == region] if not policies.empty else policies
        out.append({
            "name": region,
            "targets": _fact_items(mine[mine["kind"] == "target"]),
            "actuals": _fact_items(mine[mine["kind"] == "actual"]),
            "projects": [_item({"name": r["name"], "stage": r["stage"], "new": r["new"],
                                "investment": None if pd.isna(r["investment"])
                                else tables.number(r["investment"])})
                         for _, r in projs.iterrows()],
            "policies": [{"name": r["name"], "new": r["new"],
                          "status": STATUS_WORDS.get(r["status"])} for _, r in pols.iterrows()],
        })
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


def _render(env: jinja2.Environment, context: dict[str, Any],
            blocks: dict[str, Block | list[Block]]) -> list[Section]:
    try:
        text = env.get_template(MAIN_TEMPLATE).render(**context)
        return from_markup(text, blocks)
    except jinja2.TemplateError as exc:
        where = f"{exc.name}:{exc.lineno}: " if isinstance(exc, jinja2.TemplateSyntaxError) else ""
        raise BriefingError(f"template error: {where}{exc}") from exc
    except ValueError as exc:
        raise BriefingError(f"template error: {exc}") from exc


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


def compose(facts: FactsDocument, *, config: Config, fonts: Mapping[str, FontFile],
            issue_number: int = 1, issue_date: dt.date | None = None,
            previous_keys: set | None = None, templates_dir: Path | None = None) -> Document:
    """The briefing for `facts`; `previous_keys` (Fact.key of the last issue) turns on 新."""
    issue_date = issue_date or default_issue_date(facts)
    frame = tables.fact_frame(facts, previous_keys)
    mark_new = previous_keys is not None
    comparison = _comparison(frame)
    png = growth_chart(frame, fonts)
    results = tables.targets_and_results(frame)
    projects = tables.projects(frame, mark_new=mark_new)
    policies = tables.policies(frame, mark_new=mark_new)
    invest = pd.to_numeric(projects["投资(亿元)"], errors="coerce").sum()
    blocks: dict[str, Block | list[Block]] = {
        "comparison": comparison,
        "chart": [Figure("各地地区生产总值增长目标与完成情况", png)] if png else [],
        "results": _table("主要指标目标与完成情况", results),
        "projects": _table("重点项目", projects),
        "policies": _table("政策举措", policies),
        "sources": _table("资料来源", tables.sources(facts.articles)),
    }
    context = {
        "title": config.title, "issue_number": issue_number, "issue_date": issue_date,
        "mark_new": mark_new, "comparison_years": [t.caption[:4] for t in comparison],
        "has_chart": png is not None, "has_results": not results.empty,
        "project_count": len(projects), "policy_count": len(policies),
        "project_investment": tables.number(invest) if invest else "",
        "regions": region_items(frame), "measure_words": MEASURE_WORDS,
        **key_points(frame, len(facts.articles)),
    }
    sections = _render(template_env(templates_dir), context, blocks)
    number_sections(sections)
    number_items(sections)
    return Document(masthead=masthead(config, issue_number, issue_date), sections=sections,
                    closing=closing(config))
