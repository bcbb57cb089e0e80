"""Targets and results read from report sentences the way an analyst would read them."""
import datetime as dt

import opencc
import pytest

from briefing.extract.indicators import canonical
from briefing.extract.quantities import extract_quantities
from briefing.extract.sentences import split_sentences
from briefing.extract.years import assign_years
from briefing.model import Article


def facts(text: str, date: str | None = "2024-01-22", plain: str | None = None):
    art = Article(id="t", path="t.txt", title="t", text=text, plain=plain or text,
                  date=dt.date.fromisoformat(date) if date else None)
    sentences = split_sentences(art)
    assign_years(art, sentences)
    return [f for s in sentences if not s.is_heading for f in extract_quantities(s, art)]


def rows(text: str, **kw) -> list[tuple]:
    return [(f.kind, f.year, f.indicator, f.measure, round(f.value, 8), f.unit, f.bound, f.stretch)
            for f in facts(text, **kw)]


def test_level_and_growth_of_last_year():
    got = rows("2023年，全市实现地区生产总值2856.7亿元，同比增长5.9%；规上工业增加值增长7.2%。")
    assert got == [
        ("actual", 2023, "地区生产总值", "level", 2856.7, "亿元", "=", None),
        ("actual", 2023, "地区生产总值", "growth", 5.9, "%", "=", None),
        ("actual", 2023, "规模以上工业增加值", "growth", 7.2, "%", "=", None),
    ]


def test_list_lines_without_a_full_stop():
    got = rows("2024年主要预期目标\n固定资产投资增长8%\n●外贸进出口总额320亿元\n")
    assert [(g[0], g[1], g[2], g[4]) for g in got] == [
        ("target", 2024, "固定资产投资", 8.0), ("target", 2024, "外贸进出口总额", 320.0)]


def test_targets_with_a_stretch_figure():
    got = rows("2024年主要预期目标\n地区生产总值增长6%左右，力争达到6.5%；社零总额增长7%。\n")
    assert got == [
        ("target", 2024, "地区生产总值", "growth", 6.0, "%", "≈", 6.5),
        ("target", 2024, "社会消费品零售总额", "growth", 7.0, "%", "=", None),
    ]


def test_stretch_in_a_later_clause_without_its_indicator():
    got = rows("今年，全县经济增长7%以上，在实际工作中争取实现8%的增长。")
    assert got == [("target", 2024, "地区生产总值", "growth", 7.0, "%", "≥", 8.0)]


def test_a_lone_push_figure_is_the_target_itself():
    got = rows("今年力争规上工业增加值增长9%。")
    assert got == [("target", 2024, "规模以上工业增加值", "growth", 9.0, "%", "=", None)]


def test_counts_placed_before_their_noun():
    got = rows("今年将推动35个工业项目竣工投产，筹建1200套保障性租赁住房，新建5G基站800个。")
    assert [(g[2], g[4], g[5]) for g in got] == [
        ("工业项目", 35.0, "个"), ("保障性租赁住房", 1200.0, "套"), ("5G基站", 800.0, "个")]


def test_a_count_that_only_develops_is_not_a_target():
    assert rows("今年将推动12条产业链加快发展，对接省15个重点产业集群。") == []


def test_what_the_counted_things_become_is_the_indicator():
    got = rows("今年力争培育20家以上企业成长为专精特新企业。")
    assert [(g[2], g[4], g[6]) for g in got] == [("专精特新企业", 20.0, "≥")]


def test_canonical_names_and_narrower_indicators():
    got = rows("2023年，全区高企达到820家；农村居民人均可支配收入24680元，增长6.8%；人均GDP达到1.3万美元。")
    assert [(g[2], g[4], g[5]) for g in got] == [
        ("高新技术企业", 820.0, "家"),
        ("农村居民人均可支配收入", 0.0002468, "亿元"),
        ("农村居民人均可支配收入", 6.8, "%"),
        ("人均GDP", 1.3, "万美元"),
    ]


@pytest.mark.parametrize("written, name", [
    ("规上工业增加值", "规模以上工业增加值"), ("社零", "社会消费品零售总额"),
    ("国家级高新技术企业", "高新技术企业"), ("全市GDP", "地区生产总值"),
    ("超亿元项目", "亿元以上项目"), ("重点建设项目", "重点项目"), ("“小巨人”企业", "小巨人企业"),
])
def test_canonical_indicator_names(written, name):
    assert canonical(written) == name


def test_a_place_and_its_scope_before_an_indicator_do_not_rename_it():
    got = rows("2023年，潮州全市地区生产总值增长3.9%，规上工业增加值增 5.2%。2022年丽水GDP增长4%。")
    assert [(g[2], g[3], g[4]) for g in got] == [
        ("地区生产总值", "growth", 3.9), ("规模以上工业增加值", "growth", 5.2),
        ("地区生产总值", "growth", 4.0)]
    assert [g[2] for g in rows("2023年，我县固定资产投资增长9%，本县规上工业增加值增长5%。")] == [
        "固定资产投资", "规模以上工业增加值"]


def test_older_and_county_names_of_budget_revenue_and_investment():
    got = rows("2023年，全县公共财政预算收入完成9.6亿元，可比增长3%；社会固定资产投资增长4%。")
    assert [(g[2], g[3], g[4]) for g in got] == [
        ("地方一般公共预算收入", "level", 9.6), ("地方一般公共预算收入", "growth", 3.0),
        ("固定资产投资", "growth", 4.0)]


@pytest.mark.parametrize("written", [
    "全区R&D经费占GDP的比重达到3.8%", "研发投入占地区生产总值比重达到3.8%",
    "全社会研发经费支出相当于全市生产总值的比例达到3.8%",
])
def test_research_intensity_written_as_a_ratio(written):
    got = rows(f"2023年，{written}。")
    assert [(g[2], g[3], g[4]) for g in got] == [("研发经费投入强度", "share", 3.8)]


def test_a_clause_about_the_indicator_just_named():
    got = rows("2023年，数字经济核心产业增加值增长12%，占GDP比重达到11.5%；新开工亿元以上项目368个，"
               "竣工投产186个；新增高企120家，总数达到1150家。")
    assert [(g[2], g[3], g[4]) for g in got] == [
        ("数字经济核心产业增加值", "growth", 12.0),
        ("数字经济核心产业增加值占GDP比重", "share", 11.5),
        ("亿元以上项目", "level", 368.0), ("亿元以上项目竣工投产", "level", 186.0),
        ("高新技术企业", "level", 120.0), ("高新技术企业总数", "level", 1150.0)]


def test_shares_and_declines():
    got = rows("2023年，研发经费投入强度达到3.1%，城镇调查失业率控制在5.2%以内，单位地区生产总值能耗下降3.2%。")
    assert [(g[2], g[3], g[4], g[6]) for g in got] == [
        ("研发经费投入强度", "share", 3.1, "="),
        ("城镇调查失业率", "share", 5.2, "≤"),
        ("单位地区生产总值能耗", "growth", -3.2, "="),
    ]


def test_an_amount_qualifying_a_counted_set():
    got = rows("今年将实施好年度投资86.5亿元的42项省重点建设项目。")
    assert [(g[2], g[4], g[5]) for g in got] == [("年度投资", 86.5, "亿元"), ("省重点项目", 42.0, "项")]


@pytest.mark.parametrize("verb", ["实施好", "落实好", "用好", "建设好", "推进好", "抓实", "做实"])
def test_a_resultative_complement_finishes_the_verb_not_the_indicator(verb):
    got = rows(f"今年将{verb}年度投资86.5亿元的42项省重点建设项目。")
    assert (got[0][2], got[0][4]) == ("年度投资", 86.5)


def test_a_class_of_projects_is_part_of_the_name():
    got = rows("今年力争引进10亿元以上项目不少于6个、超亿元项目25个。")
    assert [(g[2], g[4], g[6]) for g in got] == [("10亿元以上项目", 6.0, "≥"), ("亿元以上项目", 25.0, "=")]


@pytest.mark.parametrize("text", [
    "3月15日，市政府召开第12次常务会议。",
    "全市综合实力位居全省第3位。",
    "为全市80周岁以上老人发放高龄补贴。",
    "项目建设周期为36个月，规划面积52.6平方公里。",
    "总投资60亿元的智能制造产业园开工建设。",
    "项目建成后年产值可达50亿元，可提供就业岗位1200个。",
    "该公司去年实现营业收入12.5亿元，同比增长15%。",
    "城乡居民人均可支配收入分别增长5.1%和6.9%。",
    "咨询电话：0571-87654321，邮编310000。",
    "活动现场，共有86家企业进场招聘，发放宣传资料3000余份。",
    "今年62岁的李师傅告诉记者，厂里有工人300多名。",
    "该企业负责人介绍，今年1-4月企业产值同比增长25%。",
    "全县辖12个乡镇，县域面积1860平方公里。",
    "新建商品住宅成交均价12600元/平方米。",
    "今年全市地区生产总值力争增长6%-7%。",
    "发布时间：2023-05-06 浏览次数：1256 评论12条",
    "3.加快推进数字化改造。",
    "比全省平均水平高1.2个百分点，是2019年的2.3倍。",
])
def test_numbers_that_are_not_figures_of_the_region(text):
    assert rows(text) == []


def test_estimates_in_a_january_review_are_last_years_results():
    text = ("过去一年，全市圆满完成了主要目标任务。\n"
            "预计地区生产总值突破3200亿元，增长6%左右；全年完成工业投资512亿元，实现翻番目标。\n")
    got = rows(text, date="2024-01-15")
    assert [(g[0], g[1], g[2], g[4]) for g in got] == [
        ("actual", 2023, "地区生产总值", 3200.0), ("actual", 2023, "地区生产总值", 6.0),
        ("actual", 2023, "工业投资", 512.0)]


def test_price_rises_multi_year_averages_and_district_scope():
    got = rows("今年主要预期目标是：区属地区生产总值增长7%，一般公共预算收入同口径增长6%，"
               "居民消费价格涨幅3%左右，粮食产量保持在12亿斤以上。")
    assert [(g[2], g[3], g[4], g[5]) for g in got] == [
        ("地区生产总值", "growth", 7.0, "%"), ("地方一般公共预算收入", "growth", 6.0, "%"),
        ("居民消费价格", "growth", 3.0, "%"), ("粮食产量", "level", 12.0, "亿斤")]
    assert rows("“十四五”以来，全区地区生产总值年均增长7.8%。") == []


def test_period_to_date_is_this_year_and_a_comparison_base_is_not():
    got = rows("1-5月，全县规模以上工业总产值完成86.3亿元，较去年同期增长11.2%。", date="2023-06-30")
    assert [(g[0], g[1], g[3], g[4]) for g in got] == [
        ("actual", 2023, "level", 86.3), ("actual", 2023, "growth", 11.2)]


def test_holiday_figures_belong_to_this_year():
    got = rows("春节假期，全县接待游客45.6万人次，实现旅游收入3.2亿元。", date="2024-02-18")
    assert [(g[0], g[1], g[2], g[4]) for g in got] == [
        ("actual", 2024, "游客", 45.6), ("actual", 2024, "旅游收入", 3.2)]


def test_headline_figures_quoted_at_an_event_still_count():
    got = rows("会上通报，今年一季度全市城镇新增就业1.3万人，活动现场还发放资料2000份。",
               date="2023-04-12")
    assert [(g[0], g[1], g[2], g[4]) for g in got] == [("actual", 2023, "城镇新增就业", 1.3)]


def test_results_so_far_this_year():
    got = rows("今年以来，全市已新签约项目45个，总投资达到380亿元。", date="2024-04-08")
    assert [(g[0], g[1], g[2], g[4]) for g in got] == [
        ("actual", 2024, "项目", 45.0), ("actual", 2024, "项目总投资", 380.0)]


def test_traditional_pdf_text_is_quoted_verbatim():
    trad = "過去一年，全縣地區生產總值完成 512.6 億元，增長 5.3%。"
    plain = opencc.OpenCC("t2s").convert(trad)
    got = facts(trad, date="2023-02-10", plain=plain)
    assert [(f.kind, f.year, f.indicator, f.value) for f in got] == [
        ("actual", 2022, "地区生产总值", 512.6), ("actual", 2022, "地区生产总值", 5.3)]
    assert got[0].quote == "全縣地區生產總值完成 512.6 億元"
    assert got[1].quote == "全縣地區生產總值完成 512.6 億元，增長 5.3%"


def test_region_comes_from_the_sentence():
    art = Article(id="t", path="t.txt", title="t", text="今年全市固定资产投资增长8%。",
                  date=dt.date(2024, 1, 22))
    sentence = split_sentences(art)[0]
    sentence.region = "桐乡市"
    assign_years(art, [sentence])
    assert [f.region for f in extract_quantities(sentence, art)] == ["桐乡市"]


def test_two_coordinated_indicators_share_one_rate():
    got = rows("今年，全县地区生产总值和一般公共预算收入均增长7%以上；农业和服务业增加值增长4%。")
    assert [(g[2], g[3], g[4], g[6]) for g in got] == [
        ("地区生产总值", "growth", 7.0, "≥"), ("地方一般公共预算收入", "growth", 7.0, "≥"),
        ("服务业增加值", "growth", 4.0, "=")]


def test_an_investment_after_counted_projects_is_theirs():
    got = rows("今年，全区推动建设市重点项目86个，完成投资150亿元以上。")
    assert [(g[2], g[4], g[5]) for g in got] == [
        ("市重点项目", 86.0, "个"), ("市重点项目完成投资", 150.0, "亿元")]
    got = rows("2023年，交通建设类项目9个，总投资61.5亿元，年度投资12.4亿元。")
    assert [(g[2], g[4]) for g in got] == [
        ("交通建设类项目", 9.0), ("交通建设类项目总投资", 61.5), ("交通建设类项目年度投资", 12.4)]


def test_a_class_of_projects_and_a_plan_word_before_the_indicator():
    got = rows("今年预期地区生产总值增长5.5%。2023年，民生保障类项目16个，总投资31.2亿元；新增各类市场主体4200户。")
    assert [(g[2], g[4]) for g in got] == [
        ("地区生产总值", 5.5), ("民生保障类项目", 16.0), ("民生保障类项目总投资", 31.2), ("市场主体", 4200.0)]


def test_building_verbs_a_mark_reached_and_alphanumeric_names():
    got = rows("今年，新建改扩建幼儿园4所，建成5G基站900个，改造老旧小区28个，"
               "新培育国家高新技术企业30家，地区生产总值迈上800亿元台阶。")
    assert [(g[2], g[4], g[6]) for g in got] == [
        ("幼儿园", 4.0, "="), ("5G基站", 900.0, "="), ("老旧小区", 28.0, "="),
        ("高新技术企业", 30.0, "="), ("地区生产总值", 800.0, "≥")]


def test_the_site_of_one_project_and_a_rate_of_the_counted_set():
    got = rows("2023年，总投资30亿元的某新材料项目占地600亩。全县已有52个重点项目开工，开工率61%，完成投资74亿元。")
    assert [(g[2], g[4]) for g in got] == [("重点项目", 52.0), ("开工率", 61.0), ("重点项目完成投资", 74.0)]


def test_targets_printed_one_a_line_without_punctuation():
    got = rows("今年的具体目标:\n全年完成固定资产投资超900亿元\n新增国高企业150家以上\n"
               "规上工业企业增加值增长6%\n筹集建设公共住房1.5万套以上\n")
    assert [(g[0], g[2], g[4], g[6]) for g in got] == [
        ("target", "固定资产投资", 900.0, ">"), ("target", "高新技术企业", 150.0, "≥"),
        ("target", "规模以上工业增加值", 6.0, "="), ("target", "公共住房", 1.5, "≥")]


def test_milestones_of_the_counted_projects():
    got = rows("2023年，全县实施重点项目210个，总投资860亿元，开工152个，竣工投产64个。")
    assert [(g[2], g[4]) for g in got] == [
        ("重点项目", 210.0), ("重点项目总投资", 860.0), ("重点项目开工", 152.0), ("重点项目竣工投产", 64.0)]


def test_a_margin_over_the_plan_and_packages_of_measures_are_not_figures():
    got = rows("2023年，固定资产投资完成26亿元，超额完成年度任务3亿元，增长12%；"
               "配套制定稳增长30条、推进民营经济高质量发展25条，新建农村公路12条。")
    assert [(g[2], g[3], g[4]) for g in got] == [
        ("固定资产投资", "level", 26.0), ("固定资产投资", "growth", 12.0), ("农村公路", "level", 12.0)]


def test_a_bare_head_with_its_own_modifiers_and_a_top_n_list_name():
    got = rows("2023年，全县引进了3家中国500强企业，外贸企业出口退税总额增长21%；新增高企12家，总数达到98家。")
    assert [(g[2], g[3], g[4]) for g in got] == [
        ("中国500强企业", "level", 3.0), ("外贸企业出口退税总额", "growth", 21.0),
        ("高新技术企业", "level", 12.0), ("高新技术企业总数", "level", 98.0)]


def test_an_undated_article_naming_no_year_files_no_figure():
    assert rows("全县固定资产投资增长9%，新增规上工业企业12家。", date=None) == []
    assert [g[1] for g in rows("2022年，全县固定资产投资同比增长9%。", date=None)] == [2022]


def test_news_reported_at_an_event_and_a_level_kept():
    got = rows("昨日，全县召开项目观摩会，记者从会上获悉，今年全县实施县列重点项目120个；"
               "粮食产量继续保持40万吨以上。")
    assert [(g[2], g[4], g[6]) for g in got] == [("县列重点项目", 120.0, "="), ("粮食产量", 40.0, "≥")]
    assert rows("活动现场，86家企业参加了招聘会。") == []


def test_a_bracketed_aside_between_an_indicator_and_its_figure():
    got = rows("2023年，全区实现地区生产总值(GDP)860.2亿元，同比增长6.1%；固定资产投资（不含农户）增长4%。")
    assert [(g[2], g[3], g[4]) for g in got] == [
        ("地区生产总值", "level", 860.2), ("地区生产总值", "growth", 6.1), ("固定资产投资", "growth", 4.0)]


def _run_on_sentence(clauses: int) -> str:
    """One sentence of `clauses` comma-joined figures, as a flattened table reads."""
    heads = ("地区生产总值增长", "规模以上工业增加值增长", "固定资产投资增长")
    parts = [f"{heads[i % 3]}{i % 9 + 1}.{i % 7}%" for i in range(clauses)]
    return "2023年，全市" + "，".join(parts) + "。"


def test_a_run_on_sentence_is_read_in_linear_time():
    import time

    import briefing.extract.sentences as sentences

    text = _run_on_sentence(4000)   # 60,000 characters: 13 s when each clause rescanned the sentence
    art = Article(id="t", path="t.txt", title="t", text=text, date=dt.date(2024, 1, 22))
    original = sentences.MAX_SENTENCE
    sentences.MAX_SENTENCE = len(text)   # the quantities grammar alone, with no cut to help it
    try:
        (sentence,) = split_sentences(art)
        began = time.perf_counter()
        got = extract_quantities(sentence, art)
        took = time.perf_counter() - began
    finally:
        sentences.MAX_SENTENCE = original
    assert took < 4.0
    # every clause's figure is read, the 4000th as well as the first
    names = ("地区生产总值", "规模以上工业增加值", "固定资产投资")
    assert [(f.indicator, f.value) for f in got] == [
        (names[i % 3], round(i % 9 + 1 + i % 7 / 10, 10)) for i in range(4000)]


def test_clause_starts_are_those_of_the_marks_before_each_figure():
    from briefing.extract.quantities import _CLAUSE, _PIECE
    from briefing.extract.sentences import start_of_clause

    text = "全市，地区生产总值增长6%、工业投资增长5%；其中：技改投资增长9%"
    for boundary in (_CLAUSE, _PIECE):
        for pos in range(len(text) + 1):
            naive = max((m.end() for m in boundary.finditer(text, 0, pos)), default=0)
            assert start_of_clause(boundary, text, pos) == naive


def test_a_region_name_inside_the_phrase_starts_it():
    # Reposted pages scramble words in front of a place; the place and its indicator remain.
    got = rows("2023年，个新渠新会区GDP增长6.1%；江门全市城镇居民人均可支配收入增长5%。")
    assert [(g[2], g[4]) for g in got] == [("地区生产总值", 6.1), ("城镇居民人均可支配收入", 5.0)]


def test_project_investment_after_a_count_of_projects_is_named_once():
    got = rows("2023年，全县集中开工重点项目15个，项目总投资62亿元。")
    assert [(g[2], g[4]) for g in got] == [("重点项目", 15.0), ("重点项目总投资", 62.0)]


def test_planned_total_investment_of_started_projects_is_a_result():
    # 计划总投资 is the size of projects that were signed or started, not a plan.
    got = rows("2023年，全区集中开工项目20个。其中产业项目6个，计划总投资31.5亿元。")
    assert [(g[0], g[2], g[4]) for g in got] == [
        ("actual", "项目", 20.0), ("actual", "产业项目", 6.0), ("actual", "产业项目计划总投资", 31.5)]


def test_signed_projects_are_counted_not_estimated():
    # 签约 ends in 约, which elsewhere marks an estimate (约14万人).
    got = rows("2023年，共签约14个项目，总投资50亿元；全县人口约14万人。")
    assert [(g[2], g[4], g[6]) for g in got] == [
        ("项目", 14.0, "="), ("项目总投资", 50.0, "="), ("人口", 14.0, "≈")]


def test_projects_counted_at_a_ceremony_are_its_news_but_its_guests_are_not():
    got = rows("2023年12月，某某县举行招商项目集中签约仪式，现场签约8个项目，总投资26亿元。"
               "2023年12月，招聘会现场有120家企业参加。", date="2024-01-22")
    assert [(g[2], g[4]) for g in got] == [("项目", 8.0), ("项目总投资", 26.0)]


def test_projects_signed_at_an_event_are_counted_whatever_the_word_order():
    # V的N个项目 and N个项目总投资X亿元: the count and the investment of the set.
    got = rows("2023年11月，某某区举行重点项目集中签约活动，此次签约的12个项目总投资达45亿元。"
               "同日开工7个项目总投资18亿元。", date="2023-11-20")
    assert [(g[2], g[4]) for g in got] == [
        ("项目", 12.0), ("项目总投资", 45.0), ("项目", 7.0), ("项目总投资", 18.0)]
    got = rows("2023年，集中开工的30个重大项目总投资96亿元。")
    assert [(g[2], g[4]) for g in got] == [("重大项目", 30.0), ("重大项目总投资", 96.0)]
    assert rows("2023年，所有的15家企业均已复工。") == []


def test_the_verb_that_sets_a_goal_is_no_part_of_its_indicator():
    for text in ("2024年，确定经济增长6%的预期目标，主要是兼顾发展需要。",
                 "2024年，设定经济增长6%左右的目标。"):
        assert [(g[0], g[2], g[4]) for g in rows(text)] == [("target", "地区生产总值", 6.0)]


def test_a_size_class_of_projects_keeps_its_size():
    got = rows("2023年，全区5000万以上项目18个，计划总投资137.5亿元；亿以上项目6个。")
    assert [(g[2], g[4]) for g in got] == [
        ("5000万元以上项目", 18.0), ("5000万元以上项目计划总投资", 137.5), ("亿元以上项目", 6.0)]


def test_a_count_closing_a_list_of_names_that_then_reach_a_milestone():
    got = rows("2023年，甲乙新材料项目、丙丁智造基地等24个重大项目集中签约，总投资超300亿元。"
               "会上签订了茶油深加工项目、竹木家居项目等9个招商引资项目。")
    assert [(g[2], g[4], g[6]) for g in got] == [
        ("重大项目", 24.0, "="), ("重大项目总投资", 300.0, ">"), ("招商引资项目", 9.0, "=")]
    assert rows("2023年，张三、李四等20名代表发言。") == []


def test_an_estimate_of_last_year_is_a_result_though_it_says_will():
    got = rows("2023年，全区完成一般公共预算收入60.5亿元；预计地区生产总值将达到900亿元。")
    assert [(g[0], g[2], g[4]) for g in got] == [
        ("actual", "地方一般公共预算收入", 60.5), ("actual", "地区生产总值", 900.0)]
    assert rows("预计明年地区生产总值将达到900亿元。")[0][:3] == ("target", 2025, "地区生产总值")


def test_an_average_over_years_is_not_the_growth_of_the_year():
    got = rows("上半年，全县粮油加工业产值42.6亿元，比上年同期增长8.3%，两年平均增长5.2%；"
               "实现利润3.4亿元，增长1.5倍，三年平均增长21.7%。", date="2023-07-20")
    assert [(g[2], g[3], g[4]) for g in got if g[3] == "growth"] == [("粮油加工业产值", "growth", 8.3)]
    assert not any(g[4] in (5.2, 21.7) for g in got)


def test_a_period_before_the_indicator_is_its_time_and_a_plan_noun_no_plan():
    got = rows("今年，全县统筹推进重点项目120个。上半年，重点项目完成投资12.4亿元，开工31项"
               "（其中，省级重点项目完成年度投资计划21.3%），第一季度固定资产投资增长9.6%。",
               date="2023-07-18")
    assert ("actual", 2023, "固定资产投资", "growth", 9.6) in [g[:5] for g in got]
    assert all(g[0] == "actual" for g in got)


def test_the_caliber_of_a_headline_indicator_is_not_a_narrower_indicator():
    got = rows("2023年，全县5000万元以上固定资产投资完成18.6亿元，同比增长7.4%。", date="2024-01-10")
    assert [(g[2], g[3], g[4]) for g in got] == [
        ("固定资产投资", "level", 18.6), ("固定资产投资", "growth", 7.4)]


def test_adjustment_of_the_basis_does_not_name_the_indicator():
    # 剔除…因素影响 qualifies how the rate was computed; the indicator is the one before it.
    got = rows("2023年，全县一般公共预算收入剔除留抵退税因素影响同比增长4.1%，"
               "固定资产投资扣除房地产开发投资因素后增长9.5%。")
    assert [(g[0], g[2], g[3], g[4]) for g in got] == [
        ("actual", "地方一般公共预算收入", "growth", 4.1),
        ("actual", "固定资产投资", "growth", 9.5)]


def test_trade_volume_written_as_jinchukou_maoyi_zonge():
    got = rows("2023年，全市完成进出口贸易总额18.6亿元，同比增长12%。")
    assert [(g[2], g[3], g[4]) for g in got] == [
        ("外贸进出口总额", "level", 18.6), ("外贸进出口总额", "growth", 12.0)]
