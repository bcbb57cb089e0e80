"""分区动态 of a busy week: the most reported regions, each list cut with its total."""
from __future__ import annotations

import pytest
from briefing_samples import synthetic_facts

from briefing import tables
from briefing.errors import ConfigError
from briefing.limits import Limits
from briefing.regional import most_reported, region_items


@pytest.fixture(scope="module")
def frame():
    return tables.fact_frame(synthetic_facts(120))


def _items(frame, limits: Limits):
    return region_items(frame, tables.merged_mentions(frame, "project"),
                        tables.merged_mentions(frame, "policy"), limits)


def test_most_reported_regions_in_official_order(frame):
    articles = frame.groupby("region")["src"].nunique()
    chosen = most_reported(frame, 5)
    assert len(chosen) == 5 and chosen == tables.region_order(chosen)
    assert min(articles[chosen]) >= max(articles.drop(chosen))


def test_lists_are_cut_and_keep_their_totals(frame):
    limits = Limits(region_sections=3, region_items=2, region_figures=2)
    items = _items(frame, limits)
    assert [r["name"] for r in items] == most_reported(frame, 3)
    for region in items:
        mine = frame[(frame["region"] == region["name"]) & (frame["kind"] == "project")]
        assert region["project_total"] == mine["name_key"].nunique()
        assert len(region["projects"]) == 2
        amounts = [float(p["investment"]) for p in region["projects"] if p["investment"]]
        assert amounts == sorted(amounts, reverse=True)
        for group in region["targets"]:
            assert len(group["entries"]) <= 2 <= group["total"]
        assert [g["year"] for g in region["targets"]] == \
            sorted((g["year"] for g in region["targets"]), reverse=True)


def test_main_indicators_come_first(frame):
    items = _items(frame, Limits(region_figures=1))
    firsts = [g["entries"][0]["indicator"] for r in items for g in r["targets"]]
    assert firsts and all(i in tables.MAIN_INDICATORS for i in firsts)


def test_limits_from_config():
    assert Limits.from_config({"top_projects": 10}).top_projects == 10
    assert Limits.from_config({}) == Limits()
    for bad in (0, -3, "20", 2.5, True):
        with pytest.raises(ConfigError, match="top_projects"):
            Limits.from_config({"top_projects": bad})


def test_a_name_in_two_provinces_sorts_with_the_briefings_province():
    # 南山区 is a district of 深圳 (440305) and of 鹤岗 (230404)
    assert tables.region_order(["南山区", "广东省", "深圳市", "福田区", "广州市"]) == \
        ["广东省", "广州市", "深圳市", "福田区", "南山区"]
    assert tables.region_order(["南山区", "鹤岗市"]) == ["鹤岗市", "南山区"]
