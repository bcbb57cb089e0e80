"""Facts → briefing document: sections, key points, tables, 新 marks, templates, escaping."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from briefing_samples import HOSTILE, hostile_facts, seed_facts, synthetic_facts

from briefing.compose import compose
from briefing.config import Config
from briefing.document import Figure, Paragraph, Table
from briefing.errors import BriefingError
from briefing.fonts import find_fonts
from briefing.tables import format_target

SECTIONS = ["本期要点", "主要指标对比", "目标与完成", "重点项目", "政策举措", "分区动态",
            "资料来源"]


@pytest.fixture(scope="module")
def fonts():
    return find_fonts()


@pytest.fixture(scope="module")
def doc(fonts):
    return compose(seed_facts(), config=Config(briefing={"title": "江门高质量发展简报"}),
                   fonts=fonts, issue_number=4)


def tables(document, caption_part: str) -> list[Table]:
    return [b for s in document.walk() for b in s.blocks
            if isinstance(b, Table) and caption_part in b.caption]


def test_sections_in_order_with_official_numbers(doc):
    assert [s.title for s in doc.sections] == SECTIONS
    assert [s.number for s in doc.sections][:3] == ["一、", "二、", "三、"]
    regions = next(s for s in doc.sections if s.title == "分区动态").children
    assert regions[0].number == "（一）" and regions[0].level == 2
    assert {"江海区", "新会区", "鹤山市", "台山市"} <= {r.title for r in regions}


def test_masthead_from_config_and_issue(doc):
    assert doc.masthead.title == "江门高质量发展简报"
    assert doc.masthead.issue == "第4期"
    assert doc.masthead.date == "2023年3月13日" or doc.masthead.date.endswith("日")


def test_five_to_eight_key_points(doc):
    points = [b for b in doc.sections[0].blocks if isinstance(b, Paragraph) and b.style == "item"]
    assert 5 <= len(points) <= 8
    text = "\n".join(p.text for p in points)
    assert "1．" in text and "地区生产总值增长目标" in text
    largest = max((f for f in seed_facts().facts if f.kind == "project"), key=lambda f: f.investment or 0)
    assert largest.name in text


@pytest.mark.parametrize("value, unit, bound, stretch, expected", [
    (9.0, "%", "≈", None, "9%左右"),
    (9.0, "%", "≥", 11.0, "9%以上(力争11%)"),
    (10.5, "%", "=", None, "10.5%"),
    (8.0, "%", "=", 8.5, "8%(力争8.5%)"),
    (5.0, "%", ">", None, "超过5%"),
    (3.0, "%", "≤", None, "3%以内"),
    (1000.0, "亿元", "≥", None, "1000亿元以上"),
    (0.35, "亿元", "≥", None, "3500万元以上"),        # money under one 亿 reads in 万元
    (0.00015292, "亿元", "=", None, "15292元"),     # a per-capita income in 元, not 0亿元
])
def test_target_cells_read_as_written(value, unit, bound, stretch, expected):
    assert format_target(value, unit, bound, stretch) == expected


def test_comparison_tables_per_year(doc):
    by_year = {t.caption[:4]: t for t in tables(doc, "主要指标增长目标")}
    t2022 = by_year["2022"]
    col = t2022.header.index("地区生产总值")
    cells = {row[0]: row[col] for row in t2022.rows}
    assert cells["江海区"] == "9%左右"
    assert cells["新会区"] == "9%以上(力争11%)"
    assert cells["鹤山市"] == "10.5%"
    assert cells["台山市"] == "9%(力争11%)"
    assert {row[0]: row[col] for row in by_year["2023"].rows}["鹤山市"] == "8%(力争8.5%)"
    assert t2022.header[-1] == "来源" and all(re.fullmatch(r"(\[\d+\])+", r[-1]) for r in t2022.rows)


def test_target_against_result(doc):
    [t] = tables(doc, "目标与完成")
    rows = [r for r in t.rows if r[:3] == ["鹤山市", "2022年", "地区生产总值"]]
    assert rows and rows[0][3:] == ["10.5%", "2.8%", "-7.7"]


def test_projects_largest_first_and_sources_listed(doc):
    [projects] = tables(doc, "重点项目")
    assert projects.header == ["地区", "项目", "投资(亿元)", "阶段", "来源"]
    assert projects.rows[0][2] == "200"


def test_sources_list_every_article_once_by_day_and_paper(doc):
    section = next(s for s in doc.sections if s.title == "资料来源")
    lines = [b.text for b in section.blocks if isinstance(b, Paragraph) and b.style == "reference"]
    numbers = [int(n) for line in lines for n in re.findall(r"\[(\d+)\]", line)]
    assert sorted(numbers) == list(range(1, len(seed_facts().articles) + 1))
    assert all(re.match(r"(\d{4}年\d{1,2}月\d{1,2}日|日期不详) \S.*：\[\d+\]", line)
               for line in lines)
    assert any("江门日报" in line for line in lines)


def test_chart_is_a_figure(doc):
    figures = [b for s in doc.walk() for b in s.blocks if isinstance(b, Figure)]
    assert len(figures) == 1 and figures[0].png.startswith(b"\x89PNG")


def test_new_marks_only_for_facts_not_in_previous_issue(fonts):
    facts = synthetic_facts(6)
    previous = {f.key() for f in facts.facts if f.kind != "project"}
    d = compose(facts, config=Config(), fonts=fonts, previous_keys=previous)
    [projects] = tables(d, "重点项目")
    assert projects.header[0] == "新" and all(r[0] == "新" for r in projects.rows)
    [policies] = tables(d, "政策举措")
    assert all(r[0] == "" for r in policies.rows)
    marks = [s for sec in d.walk() for b in sec.blocks if isinstance(b, Paragraph)
             for s in b.spans if s.kind == "new"]
    assert marks
    plain = compose(facts, config=Config(), fonts=fonts)
    assert tables(plain, "重点项目")[0].header[0] == "地区"


def test_closing_from_config(fonts):
    config = Config(briefing={"reported_to": ["市委领导", "市政府领导"], "sent_to": "各区",
                              "copies": 40})
    d = compose(seed_facts(), config=config, fonts=fonts)
    assert d.closing.lines == [("报：", "市委领导，市政府领导"), ("送：", "各区")]
    assert d.closing.copies == "（共印40份）"
    assert compose(seed_facts(), config=Config(), fonts=fonts).closing is None


def test_issue_date_and_explicit_date(fonts):
    d = compose(seed_facts(), config=Config(), fonts=fonts, issue_date=dt.date(2023, 3, 20))
    assert d.masthead.date == "2023年3月20日"


def test_user_template_overrides_one_file(tmp_path, fonts):
    (tmp_path / "region.md.j2").write_text("## {{ region.name }}\n本地区另有说明。\n",
                                           encoding="utf-8")
    d = compose(seed_facts(), config=Config(), fonts=fonts, templates_dir=tmp_path)
    regions = next(s for s in d.sections if s.title == "分区动态").children
    assert all(r.blocks[0].text == "本地区另有说明。" for r in regions)
    assert d.sections[0].title == "本期要点"  # the other templates are still ours


def test_template_errors_are_one_line_briefing_errors(tmp_path, fonts):
    (tmp_path / "briefing.md.j2").write_text("# 标题\n@no_such_table\n", encoding="utf-8")
    with pytest.raises(BriefingError, match="no_such_table"):
        compose(seed_facts(), config=Config(), fonts=fonts, templates_dir=tmp_path)
    (tmp_path / "briefing.md.j2").write_text("# 标题\n{{ missing_value }}\n", encoding="utf-8")
    with pytest.raises(BriefingError, match="missing_value"):
        compose(seed_facts(), config=Config(), fonts=fonts, templates_dir=tmp_path)


def test_article_text_cannot_inject_structure(fonts):
    d = compose(hostile_facts(), config=Config(), fonts=fonts)
    assert [s.title for s in d.sections] == SECTIONS
    text = d.plain_text()
    assert "<b>&" in text and "@chart" in text and "**粗**" in text
    assert not re.search("[\x00-\x08]", text)
    figures = [b for s in d.walk() for b in s.blocks if isinstance(b, Figure)]
    assert len(figures) <= 1
    assert HOSTILE.split("\n")[0].replace("\x07", "").replace("\x00", "") in text


def test_user_template_that_fails_while_rendering_is_one_line(tmp_path, fonts):
    (tmp_path / "briefing.md.j2").write_text("# 标题\n{{ 1 + title }}\n", encoding="utf-8")
    with pytest.raises(BriefingError, match="template error: TypeError") as caught:
        compose(seed_facts(), config=Config(), fonts=fonts, templates_dir=tmp_path)
    assert "\n" not in str(caught.value)


def test_a_busy_week_lists_the_largest_and_says_how_many(fonts):
    facts = synthetic_facts(60)
    d = compose(facts, config=Config(briefing={"top_projects": 5, "region_items": 2}),
                fonts=fonts)
    [projects] = tables(d, "重点项目")
    amounts = [float(r[2]) for r in projects.rows]
    assert len(amounts) == 5 and amounts == sorted(amounts, reverse=True)
    every = [f.investment for f in facts.facts if f.kind == "project" and f.investment]
    assert amounts[0] == max(every)
    section = next(s for s in d.sections if s.title == "重点项目")
    assert "本期报道提及重点项目180个" in section.blocks[0].text
    assert "下表列出投资额最大的5个，其余175个从略" in section.blocks[0].text
    regions = next(s for s in d.sections if s.title == "分区动态").children
    listed = [b.text for r in regions for b in r.blocks if b.text.startswith("重点项目：")]
    assert listed and all(re.search(r"等\d+个。$", t) and t.count("、") == 1 for t in listed)
    points = [b for b in d.sections[0].blocks if isinstance(b, Paragraph) and b.style == "item"]
    assert 5 <= len(points) <= 8


@pytest.mark.parametrize("gap, expected", [(-7.7, "-7.7"), (1.25, "+1.2"), (0.0, "0.0"),
                                           (-0.04, "0.0"), (2.8 - 2.8, "0.0")])
def test_gaps_read_as_percentage_points_and_a_met_target_has_no_sign(gap, expected):
    from briefing.tables import gap_text

    assert gap_text(gap) == expected
