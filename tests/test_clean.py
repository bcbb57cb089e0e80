"""Cleaning rules, each on a small page of the kind real e-papers and PDFs produce."""
from __future__ import annotations

from briefing.clean import clean_text, is_furniture
from briefing.plain import simplify

NAV_PAGE = """第B03版:要闻
上一版3  4下一版
某市召开经济工作会议
另一篇标题
版面导航 | 
3上一篇  下一篇4
2023 年 5 月 6 日 星期六 放大 缩小 默认
某市召开经济工作会议
会场一角。 张三 摄
□本报记者/李四
　　5月5日,某市召开经济工作会议,部署全年经济工作,提出全年地区生产总值增长6%左右的目标。
3上一篇  下一篇4
Copyright©2003-2023 example.com.cn, All Rights Reserved.
某报业集团版权所有 本站内容未经授权不得转载
技术支持:某某科技 联系电话:0000-0000000
粤ICP备00000000号
"""


def test_e_paper_furniture_is_removed_and_headline_kept():
    cleaned = clean_text(NAV_PAGE)
    assert cleaned.text.split("\n") == [
        "某市召开经济工作会议",
        "5月5日,某市召开经济工作会议,部署全年经济工作,提出全年地区生产总值增长6%左右的目标。",
    ]
    assert any("2023 年 5 月 6 日" in line for line in cleaned.header)
    assert any("ICP" in line for line in cleaned.footer)


def test_captions_are_kept_apart():
    text = ("标题一行\n图为新建成的产业园区。\n"
            "园区今年计划引进项目30个,总投资超100亿元,带动就业五千人以上。\n"
            "施工现场一派繁忙。 王五 摄")
    cleaned = clean_text(text)
    assert cleaned.captions == ["图为新建成的产业园区。", "施工现场一派繁忙。 王五 摄"]
    assert "摄" not in cleaned.text and "图为" not in cleaned.text


def test_title_navigation_and_page_lists_at_the_end_go():
    body = "今年全区计划完成固定资产投资300亿元,增长10%,其中工业投资增长15%以上,力争再创新高。"
    text = "\n".join(["头条标题", body, "标题导航", "~~~其他文章标题", "~~~",
                     "第A1版:头版", "第A2版:要闻", "另一篇的标题", "广告"])
    assert clean_text(text).text == f"头条标题\n{body}"


def test_repeated_paragraph_counts_once_with_its_heading():
    para = "全市新增市场主体5万户,同比增长12%,其中新登记企业1.2万户,占比超过两成。"
    text = "\n".join(["文章标题", "一、市场主体", para, "二、项目建设", "全年新开工项目120个。",
                      "一、市场主体", para])
    assert clean_text(text).text.split("\n") == [
        "文章标题", "一、市场主体", para, "二、项目建设", "全年新开工项目120个。"]


def test_short_headings_may_repeat():
    text = "标题\n1\n园区承载力明显增强\n2\n消费市场回暖向好\n重点工作\n1\n加快平台建设"
    assert clean_text(text).text.split("\n") == text.split("\n")


def test_line_broken_inside_a_sentence_is_rejoined():
    text = ("文章标题\n\n会议要求加快智能化改造,推动中小\n\n"
            "企业用好工业软件,建设一批智能工厂。\n\n下一个小标题\n\n新的一段内容从这里开始。")
    assert clean_text(text).text.split("\n") == [
        "文章标题", "会议要求加快智能化改造,推动中小企业用好工业软件,建设一批智能工厂。",
        "下一个小标题", "新的一段内容从这里开始。"]


def test_complete_paragraph_and_heading_are_not_glued():
    text = ("文章标题\n本段话说完了,内容完整,句号结尾。\n宁乡市委副书记、市长某某:\n"
            "奋力建设中部县域经济标杆\n2023年,全市力争地区生产总值增长7%左右。")
    assert clean_text(text).text.split("\n") == text.split("\n")


def test_list_items_are_not_glued():
    text = "标题\n●全年地区生产总值612.37亿元,增长4.6%\n●外贸进出口总额185.2亿元"
    assert clean_text(text).text.split("\n") == text.split("\n")


def test_number_split_from_its_unit_is_rejoined():
    text = "标题\n全年完成投资316 亿\n元,同比增长 8 %,新增企业 120 家。"
    assert clean_text(text).text.split("\n")[1] == "全年完成投资316亿元,同比增长8%,新增企业120家。"


def test_glued_pinyin_is_removed():
    text = "標題\n江門市新會區(qū)召開會議(yì),部署全年工作。"
    assert clean_text(text).text.split("\n")[1] == "江門市新會區召開會議,部署全年工作。"


def test_latin_in_parentheses_is_not_pinyin():
    text = "标题\n实现地区生产总值(GDP)增长5%,区块链(blockchain)产业加快发展。"
    assert clean_text(text).text.split("\n")[1] == text.split("\n")[1]


def test_indentation_and_spaces_are_normalised():
    cleaned = clean_text("标题\n\u3000\u3000今年\u00a0计划投资10亿元。\n    第二段。")
    assert cleaned.text.split("\n") == ["标题", "今年 计划投资10亿元。", "第二段。"]


def test_traditional_text_stays_verbatim_and_plain_is_simplified():
    cleaned = clean_text("第A05版:要聞\n放大 縮小 默認\n標題\n全區地區生產總值增長9%,沉著應對各種挑戰。")
    assert cleaned.text == "標題\n全區地區生產總值增長9%,沉著應對各種挑戰。"
    assert cleaned.plain == "标题\n全区地区生产总值增长9%,沉着应对各种挑战。"


def test_simplify_keeps_length_and_maps_offsets():
    text = "鄉村振興戰略,衞生健康,著名企業著力發展"
    plain = simplify(text)
    assert len(plain) == len(text)
    assert plain == "乡村振兴战略,卫生健康,著名企业着力发展"


def test_government_web_page_copy():
    raw = ("某市人民政府门户网站\n首页 > 政务公开 > 要闻动态\n某区召开2023年经济工作会议\n"
           "发布时间:2023-02-20 09:15  来源:某某日报\n【字体:大 中 小】 打印本页 关闭窗口\n"
           "　　2月19日,某区召开2023年经济工作会议,提出全年地区生产总值增长6%以上。\n"
           "分享到:\n扫一扫在手机打开当前页\n")
    cleaned = clean_text(raw)
    assert cleaned.text.split("\n") == [
        "某区召开2023年经济工作会议", "2月19日,某区召开2023年经济工作会议,提出全年地区生产总值增长6%以上。"]
    assert any("发布时间" in line for line in cleaned.header)


def test_simplify_converts_a_text_as_it_converts_its_lines():
    text = "鄉村振興戰略\n著名企業著力發展\n\n简体一行\n衞生健康"
    assert simplify(text) == "\n".join(simplify(line) for line in text.split("\n"))
    simplified = "简体文字不必转换\n第二行"
    assert simplify(simplified) is simplified


def test_page_tools_are_furniture_anywhere_and_page_labels_only_at_the_start():
    assert is_furniture("3上一篇  下一篇4")
    assert is_furniture("当前版:A05")
    assert not is_furniture("会上提到当前版:A05的安排")


def test_a_pdf_page_number_does_not_cut_a_sentence():
    text = "\n".join(["政府工作报告", "全年新建改建农村公路120公里,实施城西片区、",
                      "— 3 —", "滨江片区等棚户区改造,完成投资18亿元。", "第4页 共12页"])
    assert clean_text(text).text.split("\n") == [
        "政府工作报告", "全年新建改建农村公路120公里,实施城西片区、滨江片区等棚户区改造,完成投资18亿元。"]


def test_full_width_punctuation_ends_and_continues_sentences():
    text = ("区政府召开全体会议\n"
            "一是抓好重点项目建设，全年新开工亿元以上项目八十个，完成固定资产投资二百亿元以上；\n"
            "二是改善营商环境，全年新增市场主体一万五千户。\n"
            "三是扩大有效投资，全年新开工项目一百个，完成投资\n"
            "三百亿元。")
    assert clean_text(text).text.split("\n") == [
        "区政府召开全体会议",
        "一是抓好重点项目建设，全年新开工亿元以上项目八十个，完成固定资产投资二百亿元以上；",
        "二是改善营商环境，全年新增市场主体一万五千户。",
        "三是扩大有效投资，全年新开工项目一百个，完成投资三百亿元。"]


def test_full_width_labels_and_captions_are_furniture():
    raw = ("某县召开乡村振兴推进会\n来源：某某日报\n会场一角。（记者 王五 摄）\n"
           "3月2日，某县召开乡村振兴推进会，部署今年重点工作，提出新建高标准农田五万亩。")
    cleaned = clean_text(raw)
    assert cleaned.text.split("\n") == [
        "某县召开乡村振兴推进会", "3月2日，某县召开乡村振兴推进会，部署今年重点工作，提出新建高标准农田五万亩。"]
    assert cleaned.captions == ["会场一角。（记者 王五 摄）"]


NEWS_SITE_PAGE = """某某新闻 首页 > 本地 > 县区
某县新建标准厂房20万平方米 3个园区同步扩容
某某晚报 2024-05-08 09:30 大字 中字 小字
新建的标准厂房外景。（记者 周一 摄）
本报讯 今年以来，某县加快园区建设，新建标准厂房20万平方米，东区、西区和南区3个园区同步扩容。
据介绍，全县计划全年完成园区基础设施投资12亿元，引进工业项目30个以上。
（钱二 孙三）
统筹：吴四
浏览量：2046
收藏 点赞 分享
稿件仅代表作者观点，不代表本网立场
相关新闻
某市召开园区工作推进会，要求加快标准厂房建设，全年新增入园企业一百家以上。
另一县出台支持园区发展的十条措施，对新入园企业给予租金补贴。
"""


def test_news_site_debris_is_removed_and_the_related_list_ends_the_article():
    cleaned = clean_text(NEWS_SITE_PAGE)
    assert cleaned.text.split("\n") == [
        "某县新建标准厂房20万平方米 3个园区同步扩容",
        "本报讯 今年以来，某县加快园区建设，新建标准厂房20万平方米，东区、西区和南区3个园区同步扩容。",
        "据介绍，全县计划全年完成园区基础设施投资12亿元，引进工业项目30个以上。"]
    assert cleaned.captions == ["新建的标准厂房外景。（记者 周一 摄）"]
    assert cleaned.bylines == ["（钱二 孙三）"]


def test_a_wire_photo_credit_is_a_caption():
    cleaned = clean_text("某县春耕忙\n新华社发\n4月2日，某县农民在田间播种，全县春播面积已完成六成。")
    assert cleaned.captions == ["新华社发"]


def test_a_space_in_a_headline_before_a_number_parts_its_phrases():
    cleaned = clean_text("某区投资逾30亿元 8个项目集中开工\n"
                         "5月6日，某区8个项目集中开工，总投资 30亿元，涵盖产业、交通和民生领域。")
    assert cleaned.text.split("\n") == [
        "某区投资逾30亿元 8个项目集中开工",
        "5月6日，某区8个项目集中开工，总投资30亿元，涵盖产业、交通和民生领域。"]


def test_a_date_in_a_heading_loses_the_spaces_a_pdf_put_in_it():
    cleaned = clean_text("政府工作报告\n2024 年 1 月 10 日在某县人民代表大会上\n"
                         "各位代表：现在，我代表县人民政府向大会报告工作，请予审议。")
    assert cleaned.text.split("\n")[1] == "2024年1月10日在某县人民代表大会上"


def test_a_line_that_mentions_related_news_inside_the_body_ends_nothing():
    text = ("某县召开新闻发布会\n5月6日，某县召开新闻发布会，通报一季度经济运行情况。\n"
            "相关新闻发布材料已在县政府网站公开，全县一季度地区生产总值增长5.2%。")
    assert len(clean_text(text).text.split("\n")) == 3


def test_a_subtitle_with_a_comma_is_not_glued_to_the_dateline_below():
    text = ("某区招商大会开幕\n现场签约项目30个，总金额超200亿元\n"
            "本报讯（记者 孙五）6月3日，某区招商大会开幕，现场签约项目30个，总金额超200亿元。")
    assert clean_text(text).text.split("\n") == text.split("\n")


def test_government_disclosure_fields_and_page_teasers_are_furniture():
    raw = ("索引号：000000000/2024-00001\n发布机构：某县人民政府办公室\n生成日期：2024-03-08\n"
           "文号：某政办发〔2024〕5号\n某县2024年重点项目实施方案\n"
           "为加快推进重点项目建设，结合我县实际，制定本方案。全年安排重点项目50个。\n"
           "视频：某县重点项目建设巡礼\n县区精选：\n某某县公网安备 00000000000000号")
    cleaned = clean_text(raw)
    assert cleaned.text.split("\n") == [
        "某县2024年重点项目实施方案",
        "为加快推进重点项目建设，结合我县实际，制定本方案。全年安排重点项目50个。"]


def test_a_jump_marker_is_cut_out_and_the_sentence_it_cut_rejoined():
    text = ("某县召开人代会\n3月2日，某县召开人代会，全县地区生产总值完成46亿元，"
            "同比增长5%；社会（下转第四版）\n（上接第一版）消费品零售总额增长6%。\n上接A01版")
    assert clean_text(text).text.split("\n")[1:] == [
        "3月2日，某县召开人代会，全县地区生产总值完成46亿元，同比增长5%；社会消费品零售总额增长6%。"]


def test_credits_standing_alone_with_the_name_below_are_furniture():
    raw = ("某镇新建美丽乡村示范路\n近日，某镇建成三条美丽乡村示范路，总里程二十公里，串联起八个行政村。\n"
           "某县融媒体中心出品\n编辑\n周 一\n审核\n吴二、郑三\n转载请注明出处")
    cleaned = clean_text(raw)
    assert cleaned.text.split("\n") == [
        "某镇新建美丽乡村示范路", "近日，某镇建成三条美丽乡村示范路，总里程二十公里，串联起八个行政村。"]


def test_a_closing_credit_leaves_its_paragraph_and_a_joint_label_is_furniture():
    raw = ("某县项目集中开工\n10月8日，某县7个项目集中开工，总投资7.5亿元。（编辑：王六）\n"
           "作者/来源：某某青年网")
    cleaned = clean_text(raw)
    assert cleaned.text.split("\n")[1] == "10月8日，某县7个项目集中开工，总投资7.5亿元。"
    assert cleaned.footer == ["作者/来源：某某青年网"]


def test_a_byline_of_roles_and_names_and_an_original_title_are_not_text():
    raw = ("某县推进园区建设\n原标题：园区建设按下快进键\n记者 张三 李四 通讯员 王五\n"
           "今年以来，某县加快推进园区建设，新建标准厂房十万平方米。")
    cleaned = clean_text(raw)
    assert cleaned.text.split("\n") == ["某县推进园区建设", "今年以来，某县加快推进园区建设，新建标准厂房十万平方米。"]
    assert cleaned.bylines == ["记者 张三 李四 通讯员 王五"]


def test_a_summary_of_list_items_below_a_dated_paper_line_is_kept():
    raw = ("政府工作报告摘要\n某某日报 2025年01月17日\n■ 2024年成绩单\n●地区生产总值增长6%左右\n"
           "●粮食总产达到五百亿斤\n■ 2025年主要预期目标\n●经济增长6%左右")
    cleaned = clean_text(raw)
    assert cleaned.text.split("\n") == ["政府工作报告摘要", "■ 2024年成绩单", "●地区生产总值增长6%左右",
                                         "●粮食总产达到五百亿斤", "■ 2025年主要预期目标", "●经济增长6%左右"]
    assert cleaned.header == ["某某日报 2025年01月17日"]


def test_a_breadcrumb_wrapped_onto_its_own_line_and_calendar_widgets_are_furniture():
    raw = ("您现在的位置：首页\n > 政务动态 > 政务信息\n|\n日 | 一 | 二 | 三 | 四 | 五 | 六 |\n---|\n"
           "某县召开新春团拜会\n1月21日，某县召开新春团拜会，县四套班子领导与各界人士欢聚一堂。")
    assert clean_text(raw).text.split("\n") == [
        "某县召开新春团拜会", "1月21日，某县召开新春团拜会，县四套班子领导与各界人士欢聚一堂。"]


def test_a_traditional_caption_glued_to_its_credit_is_kept_apart_verbatim():
    raw = ("某區舉辦項目集中開工活動\n活動現場。何小明攝\n"
           "本報訊 5月29日上午，某區舉辦重大項目集中開工活動，12個項目總投資36億元。")
    cleaned = clean_text(raw)
    assert cleaned.captions == ["活動現場。何小明攝"]
    assert cleaned.text.split("\n")[1].startswith("本報訊")


def test_a_caption_for_the_top_picture_is_kept_apart():
    raw = "某市招商成果发布\n4月15日上午，某市召开新闻发布会，通报去年新落地招商项目242个。\n頂圖：新聞發布會現場"
    cleaned = clean_text(raw)
    assert cleaned.captions == ["頂圖：新聞發布會現場"]
    assert "頂圖" not in cleaned.text
