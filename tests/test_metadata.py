"""Title, date (and its basis) and source, as an analyst would decide them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.clean import clean_text
from briefing.metadata import date_from_filename, date_from_text, read_metadata

BODY = "会议强调,要坚定不移推动高质量发展,全年地区生产总值增长6%左右,固定资产投资增长10%。"


def meta(text: str, name: str = "article.txt", default: dt.date | None = None):
    return read_metadata(clean_text(text), Path(name), default_date=default)


def test_header_date_page_and_paper():
    m = meta("第B03版:要闻\n上一版 下一版\n2023 年 5 月 6 日 星期六 放大 缩小 默认\n"
             f"标题在此\n{BODY}\nCopyright 2023\n某某日报社主办 版权所有")
    assert (m.title, m.date, m.date_basis, m.source) == (
        "标题在此", dt.date(2023, 5, 6), "header", "某某日报 B03")


def test_header_wins_over_text_and_file_name():
    m = meta(f"上一篇 下一篇\n2023年5月6日\n标题\n4月1日,某会议召开。{BODY}", name="20220101.txt")
    assert (m.date, m.date_basis) == (dt.date(2023, 5, 6), "header")


def test_dateline_of_the_paper_names_the_source():
    m = meta(f"当前版: JMA13版 上一版 下一版\n标题\n羊城晚报讯 (记者张三){BODY}")
    assert m.source == "羊城晚报 JMA13"


def test_byline_names_the_paper_without_page():
    m = meta(f"标题\n□文/图 南方日报记者 王五\n{BODY}")
    assert m.source == "南方日报"


def test_no_paper_no_source():
    assert meta(f"标题\n{BODY}").source == ""


def test_title_is_the_headline_the_page_lists_not_the_kicker():
    text = ("第A05版:新闻\n上一版 下一版\n真正的标题\n同版另一篇\n版面导航\n"
            f"2023 年 3 月 13 日 星期一 放大 缩小 默认\n一行引题在标题之前\n真正的标题\n{BODY}")
    assert meta(text).title == "真正的标题"


def test_lead_date_is_reported_the_next_day_in_the_year_of_the_text():
    text = f"标题\n2月8日,某区委全体会议顺利召开。\n会议总结2022年工作,部署2023年任务。{BODY}"
    m = meta(text)
    assert (m.date, m.date_basis) == (dt.date(2023, 2, 9), "text")


def test_target_years_do_not_set_the_year():
    text = f"标题\n3月2日,某市召开大会。\n2022年全市经济稳中向好,到2035年基本实现现代化。{BODY}"
    assert date_from_text(clean_text(text).plain) == dt.date(2022, 3, 3)


@pytest.mark.parametrize("lead, expected", [
    ("1月27日正月初六,癸卯兔年,全市召开推进会。", dt.date(2023, 1, 28)),
    ("2月19日正月初十,甲辰龙年,全市召开推进会。", dt.date(2024, 2, 20)),
    ("1月20日,壬寅年腊月廿九,全市召开推进会。", dt.date(2023, 1, 21)),   # before Spring Festival
])
def test_ganzhi_year_places_the_lead_date(lead, expected):
    assert date_from_text(clean_text(f"标题\n{lead}\n{BODY}").plain) == expected


def test_a_date_inside_the_body_is_not_the_publication_date():
    text = f"标题\n{BODY}\n今年1月12日与某集团签订战略合作协议。"
    m = meta(text, default=dt.date(2022, 2, 24))
    assert (m.date, m.date_basis) == (dt.date(2022, 2, 24), "user")


@pytest.mark.parametrize("name, expected", [
    ("jmrb_20230313_A05.txt", dt.date(2023, 3, 13)),
    ("2023-03-13 江海新闻.html", dt.date(2023, 3, 13)),
    ("000_338399206360c754.txt", None),
    ("report_20231399.txt", None),
])
def test_file_name_dates(name, expected):
    assert date_from_filename(name) == expected


def test_file_name_then_user_then_unknown():
    assert meta(f"标题\n{BODY}", name="x_20230313.txt").date_basis == "filename"
    assert meta(f"标题\n{BODY}", default=dt.date(2023, 1, 1)).date_basis == "user"
    m = meta(f"标题\n{BODY}")
    assert (m.date, m.date_basis) == (None, "unknown")


def test_web_page_labels_give_date_and_source_and_leave_the_text():
    cleaned = clean_text("园区建设全面提速\n来源:江门日报  作者:张三\n发布时间:2023-04-02 10:24:33\n"
                         f"{BODY}\n责任编辑:李四")
    assert cleaned.text == f"园区建设全面提速\n{BODY}"
    m = read_metadata(cleaned, Path("a.html"))
    assert (m.title, m.date, m.date_basis, m.source) == (
        "园区建设全面提速", dt.date(2023, 4, 2), "header", "江门日报")


def test_date_line_under_the_title_is_a_header_date():
    m = meta(f"标题在此\n2023年3月13日 星期一\n{BODY}")
    assert (m.title, m.date, m.date_basis) == ("标题在此", dt.date(2023, 3, 13), "header")


def test_site_name_is_cut_from_a_page_title():
    cleaned = clean_text(BODY)
    m = read_metadata(cleaned, Path("a.html"), title_hint="园区建设全面提速 - 某某新闻网")
    assert m.title == "园区建设全面提速"


@pytest.mark.parametrize("lead, expected", [
    ("本报讯(记者 张三)2月8日,某区召开全体会议。", dt.date(2023, 2, 9)),
    ("新华社广州2月8日电(记者 李四)某省召开大会。", dt.date(2023, 2, 9)),
    ("2023年2月8日,某区召开全体会议。", dt.date(2023, 2, 9)),
])
def test_datelines_before_the_lead_date(lead, expected):
    text = f"标题\n{lead}\n会议总结2022年工作,部署2023年任务。"
    assert date_from_text(clean_text(text).plain) == expected


def test_a_paper_mentioned_in_the_body_is_not_the_source():
    assert meta(f"标题\n{BODY}市长在接受某某日报记者采访时表示,将加快建设。").source == ""


@pytest.mark.parametrize("top, expected", [
    ("某某新闻客户端 记者甲 记者乙 2024-01-09 10:02:11原创", dt.date(2024, 1, 9)),
    ("(2024年1月25日在某县第十八届人民代表大会第三次会议上)", dt.date(2024, 1, 25)),
    ("文号 | 成文日期: | 2024年03月08日 | |", dt.date(2024, 3, 8)),
])
def test_a_dated_line_above_the_body(top, expected):
    m = meta(f"标题在此\n{top}\n{BODY}")
    assert m.date == expected


def test_a_dated_file_name_beats_the_guessed_year_of_a_lead():
    text = f"标题\n12月20日,某县召开人代会。\n会议明确2025年目标。{BODY}"
    m = meta(text, name="2024-12-21_某县.txt")
    assert (m.date, m.date_basis) == (dt.date(2024, 12, 21), "filename")


def test_a_january_meeting_reviewing_the_year_it_names_is_held_the_year_after():
    text = (f"标题\n1 月 18 日上午,某市第十届人民代表大会第三次会议开幕。\n"
            f"报告指出,2023年全市经济回升向好。过去一年,全市新签约项目320个。{BODY}")
    assert date_from_text(clean_text(text).plain) == dt.date(2024, 1, 19)


def test_a_february_meeting_planning_the_year_it_names_is_held_that_year():
    text = (f"标题\n2月8日,某区委全会召开。\n会议回顾了过去一年的工作,部署2023年任务。"
            f"2022年全区经济稳中向好。{BODY}")
    assert date_from_text(clean_text(text).plain) == dt.date(2023, 2, 9)


FULL_WIDTH_BODY = "会议强调，要坚定不移推动高质量发展，全年地区生产总值增长6%左右，固定资产投资增长10%。"


@pytest.mark.parametrize("lead, expected", [
    ("本报讯（记者 张三）2月8日，某区召开全体会议。", dt.date(2023, 2, 9)),
    ("新华社广州2月8日电（记者 李四）某省召开大会。", dt.date(2023, 2, 9)),
    ("2月8日，某区召开全体会议。", dt.date(2023, 2, 9)),
])
def test_full_width_datelines_before_the_lead_date(lead, expected):
    text = f"标题\n{lead}\n会议总结2022年工作，部署2023年任务。"
    assert date_from_text(clean_text(text).plain) == expected


def test_full_width_source_label_and_page():
    m = meta(f"当前版：B02版 上一版 下一版\n标题在此\n来源：某某日报\n{FULL_WIDTH_BODY}")
    assert (m.title, m.source) == ("标题在此", "某某日报 B02")


@pytest.mark.parametrize("first", ["全年新开工项目一百个，完成投资三百亿元；",
                                   "今年要做好五件事！"])
def test_a_first_line_ending_a_full_width_sentence_is_no_headline(first):
    cleaned = clean_text(f"{first}\n{FULL_WIDTH_BODY}")
    assert read_metadata(cleaned, Path("a.txt"), title_hint="某县新闻").title == "某县新闻"


def test_a_dated_clause_ending_in_a_full_width_semicolon_is_no_dateline():
    m = meta(f"标题在此\n某县于2024年1月5日召开全体会议；\n{FULL_WIDTH_BODY}")
    assert (m.date, m.date_basis) == (None, "unknown")


def test_a_paper_named_before_the_day_in_the_header_is_the_source():
    m = meta(f"某县园区扩容\n某某晚报 2024-05-08 09:30 大字\n{FULL_WIDTH_BODY}")
    assert (m.date, m.date_basis, m.source) == (dt.date(2024, 5, 8), "header", "某某晚报")


@pytest.mark.parametrize("label, source", [
    ("来源：某某网 | 作者：张三", "某某网"),
    ("發佈時間：2024-05-08 | 來源：某縣融媒體中心", "某县融媒体中心"),
    ("来源：本站原创", ""),
])
def test_a_source_label_naming_no_paper(label, source):
    assert meta(f"某县园区扩容\n{label}\n{FULL_WIDTH_BODY}").source == source


def test_an_edition_label_gives_the_page_and_the_date():
    m = meta(f"某区招商大会开幕\n版次：B01来源：某某侨报 2024年06月04日\n{FULL_WIDTH_BODY}")
    assert (m.date, m.date_basis, m.source) == (dt.date(2024, 6, 4), "header", "某某侨报 B01")


def test_a_web_report_dateline_dates_the_lead():
    text = f"标题\n某某网3月5日报道 某市召开大会。\n会议总结2023年工作。{FULL_WIDTH_BODY}"
    assert date_from_text(clean_text(text).plain) == dt.date(2023, 3, 6)


def test_a_radio_dateline_with_its_year_in_the_body_dates_the_lead():
    text = (f"标题\n某某广播网某市2月9日消息(记者 王五)2月9日,某区2025年第一批招商项目"
            f"签约仪式举行,签约项目8个。\n{FULL_WIDTH_BODY}")
    assert date_from_text(clean_text(text).plain) == dt.date(2025, 2, 10)


PRESS_RELEASE = """跳至主要內容
繁體 | 简体 | English
某區新發展區第二期工程獲批
*****************
  政府今日宣布，某區新發展區第二期工程已獲批准，預計明年動工，總投資約一百二十億元。

  工程細節載於附件。

2024年3月8日（星期五）
香港時間15時20分
"""


def test_a_press_release_dated_below_its_text():
    cleaned = clean_text(PRESS_RELEASE)
    assert cleaned.text.split("\n") == [
        "某區新發展區第二期工程獲批",
        "政府今日宣布，某區新發展區第二期工程已獲批准，預計明年動工，總投資約一百二十億元。",
        "工程細節載於附件。"]
    m = read_metadata(cleaned, Path("a.txt"))
    assert (m.title, m.date, m.date_basis) == ("某區新發展區第二期工程獲批", dt.date(2024, 3, 8), "header")


def test_dates_in_a_list_of_other_articles_do_not_date_this_one():
    text = f"某县园区扩容\n{FULL_WIDTH_BODY}\n相关新闻\n2024年5月1日\n另一篇报道的标题"
    assert meta(text).date_basis == "unknown"


def test_a_notice_is_dated_by_the_date_under_its_signature():
    text = ("某县人民政府办公室关于印发某县重点项目推进方案的通知\n各乡镇人民政府，县政府各部门：\n"
            "《某县重点项目推进方案》已经县政府同意，现印发给你们，请认真组织实施。\n"
            "某县人民政府办公室\n2024年2月19日\n（此件公开发布）\n某县重点项目推进方案\n"
            "为加快推进重点项目建设，制定本方案。全年实施重点项目80个，完成投资150亿元。")
    cleaned = clean_text(text)
    assert "（此件公开发布）" not in cleaned.text and "2024年2月19日" not in cleaned.text
    m = read_metadata(cleaned, Path("a.txt"))
    assert (m.date, m.date_basis) == (dt.date(2024, 2, 19), "text")


def test_a_december_meeting_planning_next_year_is_held_the_year_before():
    text = ("标题\n12月20日，某县召开经济工作会议，总结今年工作，部署明年任务。\n"
            "会议提出，2025年全县地区生产总值增长6%左右，力争固定资产投资增长10%。")
    assert date_from_text(clean_text(text).plain) == dt.date(2024, 12, 21)


def test_full_width_digits_date_a_lead():
    text = "标题\n１２月２０日，某县召开经济工作会议，部署明年任务。\n会议提出，２０２５年全县地区生产总值预期增长６．５％左右。"
    cleaned = clean_text(text)
    assert "２０２５年" in cleaned.text and "2025年" in cleaned.plain
    assert date_from_text(cleaned.plain) == dt.date(2024, 12, 21)


def test_a_source_label_below_the_article_names_the_source():
    m = meta(f"某县项目集中开工\n{FULL_WIDTH_BODY}\n来源：某县融媒体中心\n相关新闻\n来源：某某日报")
    assert m.source == "某县融媒体中心"


def test_a_county_site_or_media_centre_labelled_as_source_is_the_source():
    # County news sites and 融媒体中心 publish most local government news.
    m = meta(f"园区建设全面提速\n发布时间:2024-03-12 来源:青田县融媒体中心\n{BODY}")
    assert m.source == "青田县融媒体中心"
    m = meta(f"园区建设全面提速\n2024-03-12 来源:永泰新闻网\n{BODY}")
    assert m.source == "永泰新闻网"


def test_a_government_body_labelled_as_publisher_is_the_source():
    # Statistics bureaus and county governments post their own bulletins.
    m = meta(f"园区建设全面提速\n发布时间:2024-04-20 来源:秀山自治县统计局\n{BODY}")
    assert m.source == "秀山自治县统计局"
    m = meta(f"园区建设全面提速\n信息来源: 平遥县人民政府 浏览次数:12\n{BODY}")
    assert m.source == "平遥县人民政府"
    assert meta(f"园区建设全面提速\n来源:本站原创\n{BODY}").source == ""


def test_a_paper_named_in_the_dateline_beats_the_site_that_reposts_it():
    m = meta(f"园区建设全面提速\n2024-03-12 来源:永泰新闻网\n福州日报讯(记者 张三){BODY}")
    assert m.source == "福州日报"


def test_a_government_site_names_itself_in_its_breadcrumb():
    m = meta(f"您所在的位置: 武义县发展和改革局工作动态\n园区建设全面提速\n{BODY}")
    assert m.source == "武义县发展和改革局"
    assert meta(f"当前位置:首页 > 县政府会议 > 常务会议\n园区建设全面提速\n{BODY}").source == ""


def test_the_publishing_body_of_a_government_page_is_its_source():
    m = meta(f"某区召开例会\n发布机构:某某区商务局关 键 词:工作信息\n{FULL_WIDTH_BODY}")
    assert m.source == "某某区商务局"


def test_an_e_paper_header_with_a_lost_year_mark_and_reader_tools():
    text = ("您好！今天是\n設為主頁收藏本頁\n當前報紙日期：\n2024 11月14日 星期\n字體：放大 還原 縮小\n"
            "某區推進重大項目建設\n【本報訊】某區今日公布，全年推進重大項目四十個，總投資約三百億元。")
    cleaned = clean_text(text)
    assert cleaned.text.split("\n")[0] == "某區推進重大項目建設"
    m = read_metadata(cleaned, Path("a.txt"))
    assert (m.title, m.date, m.date_basis) == ("某區推進重大項目建設", dt.date(2024, 11, 14), "header")


@pytest.mark.parametrize("report, expected", [
    ("2024年全市地区生产总值增长5.8%，新增市场主体5900家。", dt.date(2025, 4, 24)),
    ("2024年一季度全市地区生产总值增长5.8%。", dt.date(2024, 4, 24)),       # part of the year
    ("2024年全市地区生产总值预计增长5.8%。", dt.date(2024, 4, 24)),         # a plan
])
def test_a_spring_lead_citing_a_whole_years_results_is_of_the_next_year(report, expected):
    text = f"标题\n某某网某市4月23日电 某市召开新闻发布会。\n{report}"
    assert date_from_text(clean_text(text).plain) == expected


def test_a_letter_spaced_headline_reads_as_its_words():
    assert meta(f"政 府 工 作 报 告\n{BODY}").title == "政府工作报告"
    assert meta(f"十 堰 市　经 济 工 作 会 议 召 开\n{BODY}").title == "十堰市经济工作会议召开"
    # Words separated by spaces in a headline are the editor's, and stay.
    assert meta(f"稳增长 促发展 惠民生\n{BODY}").title == "稳增长 促发展 惠民生"


def test_a_lead_event_named_with_its_year_dates_the_article_that_year():
    # The figures after it would otherwise read as last year's whole-year results.
    text = ("据新华社杭州3月6日电 2023年杭州市重大项目签约活动6日举行,"
            "52个重大项目集中签约,总投资超600亿元。")
    assert date_from_text(clean_text(text).plain) == dt.date(2023, 3, 7)
