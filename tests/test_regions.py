"""The gazetteer: every division, its names, and finding them in text."""
from __future__ import annotations


import pytest

from briefing.regions import load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def names(gaz, text, context=()):
    """Resolved (surface, full name, parent name) triples for `text`."""
    ctx = [r for n in context for r in gaz.lookup(n) if r.name == n][: len(context)]
    out = []
    for mention, region in gaz.resolve(gaz.find_mentions(text), ctx):
        out.append((mention.surface, region.name, region.parent.name if region.parent else None))
    return out


def test_covers_the_whole_country(gaz):
    levels = [r.level for r in gaz.regions.values()]
    assert levels.count("province") == 34  # 31 mainland + 香港 澳门 台湾
    assert levels.count("prefecture") > 330
    assert levels.count("county") > 2800
    for region in gaz.regions.values():
        assert len(region.code) == 6 and region.code.isdigit()
        if region.level == "province":
            assert region.parent is None
        else:
            assert region.parent is not None and region.province.level == "province"


def test_region_walks_up_to_its_province(gaz):
    jianghai = gaz.get("440704")
    assert (jianghai.name, jianghai.short, jianghai.level) == ("江海区", "江海", "county")
    assert jianghai.parent.name == "江门市"
    assert jianghai.province.name == "广东省"
    assert jianghai.within(gaz.get("440000"))
    # Municipalities: districts hang from the municipality itself.
    assert gaz.get("110105").parent.name == "北京市"
    # County-level cities directly under a province.
    assert gaz.get("429004").parent.name == "湖北省"


def test_load_is_cached():
    load_gazetteer.cache_clear()
    first = load_gazetteer()
    assert load_gazetteer() is first


def test_short_forms_follow_the_rules(gaz):
    shorts = {r.name: r.short for r in gaz.regions.values()}
    assert shorts["新会区"] == "新会" and shorts["鹤山市"] == "鹤山"
    assert shorts["广西壮族自治区"] == "广西" and shorts["内蒙古自治区"] == "内蒙古"
    assert shorts["延边朝鲜族自治州"] == "延边" and shorts["乳源瑶族自治县"] == "乳源"
    assert all(len(s) != 1 for s in shorts.values())
    # Ordinary words are never short forms.
    for word in ("振兴", "新兴", "合作", "青山", "光明", "城区"):
        assert all(r.short != word for r in gaz.regions.values())


def test_lookup_knows_full_short_and_alias_names(gaz):
    assert [r.name for r in gaz.lookup("江海")] == ["江海区"]
    assert [r.name for r in gaz.lookup("江门高新区")] == ["江海区"]
    assert sorted(r.parent.name for r in gaz.lookup("龙华区")) == ["海口市", "深圳市"]
    assert len(gaz.lookup("鼓楼区")) >= 4


@pytest.mark.parametrize("zone, host, city", [
    ("苏州高新区", "虎丘区", "苏州市"), ("无锡国家高新区", "新吴区", "无锡市"),
    ("宁波开发区", "北仑区", "宁波市"), ("重庆经济技术开发区", "南岸区", "重庆市"),
    ("莫干山高新区", "德清县", "湖州市"), ("乌鲁木齐经开区", "头屯河区", "乌鲁木齐市"),
])
def test_a_national_zone_names_the_division_that_governs_it(gaz, zone, host, city):
    assert names(gaz, f"2023年,{zone}新签约项目26个。") == [(zone, host, city)]


def test_mentions_are_leftmost_longest(gaz):
    assert names(gaz, "江门市江海区") == [("江门市", "江门市", "广东省"), ("江海区", "江海区", "江门市")]
    assert names(gaz, "高新区(江海区)深入推进") == [("江海区", "江海区", "江门市")]
    assert names(gaz, "大力实施株洲高新区争创全国高新区30强") == [("株洲高新区", "天元区", "株洲市")]
    assert names(gaz, "投资120亿元的锂电材料项目签约落地新会", context=["江门市"]) == [
        ("新会", "新会区", "江门市")]


def test_county_short_form_needs_its_prefecture_or_a_sibling_nearby(gaz):
    assert names(gaz, "落地新会") == []
    assert names(gaz, "江门新会") == [("江门", "江门市", "广东省"), ("新会", "新会区", "江门市")]
    assert names(gaz, "高于增城、海门", context=["广州市", "南通市"]) == [
        ("增城", "增城区", "广州市"), ("海门", "海门区", "南通市")]
    assert names(gaz, "江海、新会两区", context=["江海区"])[-1] == ("新会", "新会区", "江门市")


def test_township_of_the_same_name_is_not_the_county(gaz):
    assert names(gaz, "打造龙口镇“牛街”", context=["烟台市"]) == []


def test_streets_named_after_cities_are_not_the_cities(gaz):
    assert names(gaz, "广州北京路步行街") == [("广州", "广州市", "广东省")]
    assert names(gaz, "南京市上海路") == [("南京市", "南京市", "江苏省")]


@pytest.mark.parametrize("text", [
    "全面推进乡村振兴", "培育战略性新兴产业", "扩大合作市场", "守护绿水青山",
    "提档升级老城区传统商圈", "中山大学附属医院", "建设现代化沿海城市",
    "创建国家义务教育优质均衡发展示范县", "提高县域经济", "建设宜居宜业新县城",
])
def test_ordinary_words_are_not_places(gaz, text):
    assert gaz.find_mentions(text) == []


def test_longest_leftmost_keeps_the_province_over_a_county_inside(gaz):
    assert names(gaz, "湖南县域经济") == [("湖南", "湖南省", None)]


def test_ordinary_full_name_counts_after_its_parent(gaz):
    assert names(gaz, "阳泉市城区") == [("阳泉市城区", "城区", "阳泉市")]


def test_parent_before_a_name_decides(gaz):
    assert names(gaz, "深圳市龙华区")[-1] == ("龙华区", "龙华区", "深圳市")
    assert names(gaz, "海口市龙华区")[-1] == ("龙华区", "龙华区", "海口市")
    assert names(gaz, "选定长沙市望城区为对象")[-1] == ("望城区", "望城区", "长沙市")


def test_context_decides_and_ambiguity_without_it_is_dropped(gaz):
    assert names(gaz, "鼓楼区") == []
    assert names(gaz, "鼓楼区", context=["福州市"]) == [("鼓楼区", "鼓楼区", "福州市")]
    assert names(gaz, "与开平共建", context=["鹤山市"]) == [("开平", "开平市", "江门市")]
    assert names(gaz, "与开平共建", context=["唐山市"]) == [("开平", "开平区", "唐山市")]
    # A sibling in the text decides too.
    assert names(gaz, "福田区、龙华区")[-1] == ("龙华区", "龙华区", "深圳市")


def test_province_short_form_is_the_usual_reading(gaz):
    assert names(gaz, "吉林") == [("吉林", "吉林省", None)]
    assert names(gaz, "海南") == [("海南", "海南省", None)]


def test_finding_mentions_in_a_long_text(gaz):
    text = ("2023年，江门市新会区地区生产总值增长9%，鹤山市、台山市和开平市协同推进。"
            "乡村振兴和新兴产业持续发展，深圳市龙华区与海口市龙华区交流合作。") * 1500
    assert len(gaz.find_mentions(text)) == 10 * 1500


def test_one_scan_of_an_article_finds_what_each_sentence_finds_alone(gaz):
    text = ("江门市新会区召开会议。鹤山\n开平市龙口镇推进；台山路口改造。\n"
            "广州市增城区与海口市龙华区合作𠀀江门")
    cut = [0, 4, 11, 14, 25, 33, len(text)]           # some cuts fall inside names
    spans = list(zip(cut, cut[1:]))
    assert gaz.find_mentions_in(text, spans) == [gaz.find_mentions(text[a:b]) for a, b in spans]


def test_every_name_is_found_among_characters_that_occur_in_no_name(gaz):
    regions = [r for r in list(gaz.regions.values())[::7] if r.code not in gaz.qualified_only]
    text = "".join(f"(😀{r.name}) ok;" for r in regions)
    found = {(m.surface, c.code) for m in gaz.find_mentions(text) for c in m.candidates}
    assert all((r.name, r.code) in found for r in regions)


def test_a_full_city_name_at_the_very_end_of_a_text_is_found(gaz):
    assert names(gaz, "泰安市") == [("泰安市", "泰安市", "山东省")]
    assert names(gaz, "鹤山市")[0][:2] == ("鹤山市", "鹤山市")


def test_ethnic_divisions_go_by_their_usual_names(gaz):
    # News drops the peoples from an autonomous division's name: 长阳县, 恩施州, 瀍河区.
    assert names(gaz, "瀍河区召开项目推进会") == [("瀍河区", "瀍河回族区", "洛阳市")]
    assert names(gaz, "恩施州和长阳县的代表参加了会议") == [
        ("恩施州", "恩施土家族苗族自治州", "湖北省"), ("长阳县", "长阳土家族自治县", "宜昌市")]
    assert gaz.get("410304").short == "瀍河"
    # A stem that names a province makes no form: 河南县域 speaks of 河南's counties.
    assert names(gaz, "河南县域经济持续壮大") == [("河南", "河南省", None)]
