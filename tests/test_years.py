"""The year a figure belongs to and whether it is a plan or a result."""
import datetime as dt

import opencc

from briefing.extract.sentences import split_sentences
from briefing.extract.years import assign_years, default_year, reference_year
from briefing.model import Article


def sentences(text: str, date: str | None = "2024-01-22", plain: str | None = None):
    art = Article(id="t", path="t.txt", title="t", text=text, plain=plain or text,
                  date=dt.date.fromisoformat(date) if date else None)
    out = split_sentences(art)
    assign_years(art, out)
    return {s.text: (s.year, s.tense) for s in out if not s.is_heading}


def test_headings_open_a_review_and_a_plan_section():
    got = sentences(
        "某县政府工作报告\n"
        "一、2023年工作回顾\n"
        "全县实现生产总值512.6亿元，增长5.3%。\n"
        "二、2024年主要预期目标\n"
        "生产总值增长6%左右。\n"
    )
    assert got["全县实现生产总值512.6亿元，增长5.3%。"] == (2023, "actual")
    assert got["生产总值增长6%左右。"] == (2024, "target")


def test_title_block_years_set_nothing():
    got = sentences("2024年政府工作报告\n全年新增城镇就业1.3万人，已超额完成目标。\n")
    assert got["全年新增城镇就业1.3万人，已超额完成目标。"] == (None, "actual")


def test_relative_years_against_the_article_date():
    got = sentences("去年，全区固定资产投资增长7.2%。今年以来，已签约项目36个。明年力争高企超过500家。\n")
    assert got["去年，全区固定资产投资增长7.2%。"] == (2023, "actual")
    assert got["今年以来，已签约项目36个。"] == (2024, "actual")
    assert got["明年力争高企超过500家。"] == (2025, "target")


def test_a_sentence_without_time_words_inherits_from_its_paragraph():
    got = sentences("2023年，全市安排省重点项目86个，年度计划投资420亿元。其中新开工项目31个。\n")
    assert got["其中新开工项目31个。"] == (2023, "target")


def test_a_comparison_base_is_not_the_year_of_the_sentence():
    got = sentences("全市地区生产总值比2019年增长21%，已提前完成目标。\n")
    assert got["全市地区生产总值比2019年增长21%，已提前完成目标。"] == (None, "actual")


def test_a_date_line_is_not_a_section_year():
    got = sentences("标题\n2023年3月13日 星期一\n拥有国家级孵化器5家。\n", date="2023-03-13")
    assert got["拥有国家级孵化器5家。"] == (None, "actual")


def test_traditional_text_is_read_through_its_simplified_form():
    trad = "過去一年，全縣規上工業增加值增長 6.1%。\n"
    plain = opencc.OpenCC("t2s").convert(trad)
    got = sentences(trad, date="2023-02-10", plain=plain)
    assert list(got.values()) == [(2022, "actual")]


def test_an_undated_article_takes_the_year_of_its_lead_event():
    text = ("瑞安新闻\n"
            "昨日，瑞安市召开2023年一季度重点项目集中签约活动，现场签约项目18个。\n"
            "今年，全市力争地区生产总值增长7%。\n")
    art = Article(id="t", path="t.txt", title="t", text=text)
    assert reference_year(art) == 2023
    summary = Article(id="t", path="t.txt", title="t",
                      text="瑞安新闻\n近日，瑞安市召开2022年度工作总结会，总结过去一年的工作成绩。\n")
    assert reference_year(summary) is None


def test_default_year_of_a_figure_with_no_time_word():
    early = Article(id="t", path="t.txt", title="t", text="x", date=dt.date(2023, 2, 20))
    late = Article(id="t", path="t.txt", title="t", text="x", date=dt.date(2023, 10, 9))
    assert default_year(early, "actual") == 2022  # last year's statistics are still the news
    assert default_year(early, "target") == 2023
    assert default_year(late, "actual") == 2023


def test_a_bulletin_of_the_year_so_far_files_its_bare_figures_under_this_year():
    # Only the lead names the quarter; the sections below it report the same period.
    def bulletin(title: str, text: str) -> Article:
        return Article(id="t", path="t.txt", title=title, text=text, plain=text,
                       date=dt.date(2024, 4, 25))
    quarter = bulletin("全县经济运行情况", "一季度，全县生产总值增长5.1%。\n二、工业\n工业增加值增长6%。")
    assert default_year(quarter, "actual") == 2024
    titled = bulletin("2024年1-3月全区经济运行简况", "二、工业\n工业增加值增长6%。")
    assert default_year(titled, "actual") == 2024
    last_year = bulletin("去年一季度回顾", "去年一季度，全县生产总值增长4%。")
    assert default_year(last_year, "actual") == 2023
    annual = bulletin("全县经济运行情况", "全县生产总值增长5.1%。\n二、工业\n工业增加值增长6%。")
    assert default_year(annual, "actual") == 2023


def test_a_plan_report_reviews_the_year_under_its_outcome_heading():
    got = sentences(
        "某市2024年国民经济和社会发展计划\n"
        "一、2023年计划执行情况\n"
        "全市完成地区生产总值1820亿元，增长4.2%。\n"
        "二、2024年计划安排\n"
        "全市地区生产总值增长5.5%。\n"
    )
    assert got["全市完成地区生产总值1820亿元，增长4.2%。"] == (2023, "actual")
    assert got["全市地区生产总值增长5.5%。"] == (2024, "target")


def test_a_stated_goal_opens_targets_though_the_meeting_is_reported():
    got = sentences(
        "昨日，全县经济工作会议召开，部署了今年的工作。\n"
        "会议明确，今年的发展目标是：地区生产总值增长7%，工业投资增长12%。\n"
    )
    assert got["会议明确，今年的发展目标是：地区生产总值增长7%，工业投资增长12%。"] == (2024, "target")


def test_the_lead_paragraph_dates_an_undated_event():
    text = ("某市新闻网讯 2019年的城市建设将有哪些新变化?市长昨日在全市经济工作会议上对这个问题作了全面的回答。"
            "会议提出了今年的主要目标。\n今年全市力争地区生产总值增长7%。\n")
    assert reference_year(Article(id="t", path="t.txt", title="t", text=text)) == 2019


def test_funds_obtained_in_a_review_are_results():
    got = sentences(
        "一、2023年工作回顾\n"
        "2023年，全县经济稳中有进。\n"
        "我们积极对上争跑，争取上级转移支付12.5亿元、专项债券3亿元。\n"
        "全力扩大投资，争取长期建设国债等各类补助资金超过20亿元，实施亿元以上项目56个。\n"
        "二、2024年工作安排\n"
        "力争争取上级资金15亿元以上。\n"
    )
    assert got["我们积极对上争跑，争取上级转移支付12.5亿元、专项债券3亿元。"] == (2023, "actual")
    assert got["全力扩大投资，争取长期建设国债等各类补助资金超过20亿元，实施亿元以上项目56个。"] == (
        2023, "actual")
    assert got["力争争取上级资金15亿元以上。"] == (2024, "target")


def test_now_in_a_january_report_is_the_close_of_the_year_just_named():
    text = "2023年，全县共实施重点项目80个。目前已竣工项目41个，完成投资36亿元。\n"
    assert sentences(text, date="2024-01-10")["目前已竣工项目41个，完成投资36亿元。"] == (2023, "actual")
    assert sentences(text, date="2024-09-10")["目前已竣工项目41个，完成投资36亿元。"] == (2024, "actual")


def test_slogans_in_quotes_are_no_tense_words():
    got = sentences(
        "一、2023年工作回顾\n"
        "2023年，全市锚定“两个确保”，实施“十大计划”，经济稳中向好。全市实现地区生产总值980亿元。\n"
    )
    assert got["全市实现地区生产总值980亿元。"] == (2023, "actual")


def test_the_end_of_a_month_is_this_years_progress():
    got = sentences("截至4月底，全县已开工重点项目28个。3月末，存款余额增长9%。\n", date="2024-05-06")
    assert got["截至4月底，全县已开工重点项目28个。"] == (2024, "actual")
    assert got["3月末，存款余额增长9%。"] == (2024, "actual")


def test_a_heading_outweighs_a_plan_word_left_by_an_earlier_sentence():
    got = sentences(
        "一、2023年工作回顾\n"
        "围绕“三个年”工作安排，全县经济稳中向好。粮食储备库即将建成投产。实施光伏项目6个，完成并网8万千瓦。"
        "争取到位专项债券资金5亿元。\n"
    )
    assert got["围绕“三个年”工作安排，全县经济稳中向好。"] == (2023, "actual")
    assert got["实施光伏项目6个，完成并网8万千瓦。"] == (2023, "actual")
    assert got["争取到位专项债券资金5亿元。"] == (2023, "actual")


def test_the_event_being_reported_is_of_this_year_and_a_result():
    from test_quantities import rows
    for date in ("2023-01-09", "2023-04-20", "2023-10-12"):
        got = rows("某县举行重大项目集中签约仪式。此次集中签约项目32个，总投资58亿元。", date=date)
        assert [(g[0], g[1], g[4]) for g in got] == [("actual", 2023, 32.0), ("actual", 2023, 58.0)]


def test_projects_signed_or_started_as_a_batch_are_results_even_early_in_the_year():
    got = sentences("2024年，甲乙科技总部、丙丁新材料项目等40个重大项目集中签约。\n", date="2024-02-20")
    assert got["2024年，甲乙科技总部、丙丁新材料项目等40个重大项目集中签约。"] == (2024, "actual")
    got = sentences("2024年，全区实施重点项目120个。\n", date="2024-02-20")
    assert got["2024年，全区实施重点项目120个。"] == (2024, "target")
