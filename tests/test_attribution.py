"""Attribution: which region each sentence speaks about."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.extract.mentions import name_region
from briefing.extract.sentences import Sentence, split_sentences
from briefing.model import Article
from briefing.readers import read_article
from briefing.regions import attribute, load_gazetteer, place_of
from briefing.regions.home import HomeLevel, home_level, vote

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold" / "seeds.json"
SEEDS = ROOT / "data" / "articles"


def attributed(text: str, title: str = "", source: str = "") -> tuple[Article, list[Sentence]]:
    article = Article(id="t", path="t.txt", title=title, text=text, source=source)
    sentences = split_sentences(article)
    attribute(article, sentences)
    return article, sentences


def region_of(sentences: list[Sentence], fragment: str) -> str | None:
    return next(s.region for s in sentences if fragment in s.text)


SPEAKERS = """\
株洲各区县市奋力冲刺一季度
  昨日,株洲市举行专题新闻发布会,各区县市负责人分别作了介绍。
  天元区委副书记、区长王建明:
  努力建设全省绿色低碳发展先行区
  2023年,天元区力争地区生产总值增长8%左右。
  大力实施株洲高新区争创全国高新区30强行动,力争国家高企超420家。
  芦淞区委副书记、区长李晓梅:
  选定长沙市望城区为学习赶超对象。
  举全区之力推进株洲服饰产业集聚区芦淞片区建设。
  醴陵市委副书记、市长陈志刚:
  加快与茶陵共建新型陶瓷产业合作园区。
  攸县县委副书记、县长周立新：
  实施好年度投资86.5亿元的42项株洲市重点建设项目。
"""


def test_speaker_lines_open_sections():
    article, sentences = attributed(SPEAKERS, title="开局就冲刺 起步即加速", source="株洲日报")
    assert article.regions == ["天元区", "芦淞区", "醴陵市", "攸县"]
    assert region_of(sentences, "举行专题新闻发布会") == "株洲市"
    assert region_of(sentences, "力争地区生产总值增长8%") == "天元区"
    # Mentions that are not the topic keep the section's region.
    assert region_of(sentences, "株洲高新区争创") == "天元区"
    assert region_of(sentences, "长沙市望城区") == "芦淞区"
    assert region_of(sentences, "服饰产业集聚区芦淞片区") == "芦淞区"
    assert region_of(sentences, "与茶陵共建") == "醴陵市"
    assert region_of(sentences, "株洲市重点建设项目") == "攸县"


def test_sentence_mentions_are_resolved_pairs():
    _, sentences = attributed(SPEAKERS, source="株洲日报")
    s = next(s for s in sentences if "长沙市望城区" in s.text)
    assert [(m.surface, r.name) for m, r in s.mentions] == [("长沙市", "长沙市"), ("望城区", "望城区")]


def test_home_region_from_the_paper_and_deictic_words():
    text = ("我市召开项目建设推进大会\n"
            "2月3日,我市召开全市项目建设推进大会。\n"
            "2023年,全市安排市重点项目312个,年度计划投资826.4亿元。\n"
            "其中省重点项目46个。\n"
            "2023年,湖南将安排省重点项目320个。\n"
            "湖南股权交易中心株洲服务中心落户高新区金融大厦。\n"
            "市领导带队到醴陵陶瓷产业园,调研项目建设情况。\n")
    article, sentences = attributed(text, title="我市召开项目建设推进大会", source="株洲日报")
    assert article.regions == ["株洲市"]
    assert region_of(sentences, "全市安排市重点") == "株洲市"
    assert region_of(sentences, "其中省重点") == "株洲市"
    # A region that is the clause's subject moves the sentence, even upwards…
    assert region_of(sentences, "湖南将安排") == "湖南省"
    # …but a region inside an organisation's name does not.
    assert region_of(sentences, "湖南股权交易中心") == "株洲市"
    # A place inside the article's region names where the sentence happens.
    assert region_of(sentences, "醴陵陶瓷产业园") == "醴陵市"


def test_county_article_from_elsewhere_in_china():
    text = ("临朐县政府工作报告摘要\n"
            "过去一年,全县地区生产总值增长5.5%。\n"
            "今年,临朐将坚持工业强县,力争规模以上工业增加值增长8%。\n"
            "潍坊市将在我县布局新材料产业园。\n"
            "学习借鉴浙江省安吉县的经验做法。\n")
    article, sentences = attributed(text, title="临朐县政府工作报告摘要", source="潍坊日报")
    assert article.regions == ["临朐县"]
    assert region_of(sentences, "全县地区生产总值") == "临朐县"
    assert region_of(sentences, "临朐将坚持") == "临朐县"
    assert region_of(sentences, "潍坊市将在我县") == "潍坊市"
    assert region_of(sentences, "安吉县的经验") == "临朐县"


def test_ambiguous_district_resolved_by_the_article():
    text = ("深圳市龙华区:打造数字经济高地\n"
            "2023年,龙华区地区生产总值增长6%。\n"
            "全区新增国家高新技术企业300家。\n")
    article, sentences = attributed(text, title="深圳市龙华区:打造数字经济高地", source="深圳特区报")
    assert article.regions == ["龙华区"]
    s = next(s for s in sentences if "增长6%" in s.text)
    assert s.mentions[0][1].parent.name == "深圳市"
    assert region_of(sentences, "全区新增") == "龙华区"


def test_region_headings_open_sections():
    text = ("各区县一季度经济运行情况\n"
            "【蓬江区】\n"
            "一季度地区生产总值增长5%。\n"
            "【恩平市】\n"
            "一季度地区生产总值增长7%。\n")
    article, sentences = attributed(text, source="江门日报")
    assert article.regions == ["蓬江区", "恩平市"]
    assert [s.region for s in sentences if "增长" in s.text] == ["蓬江区", "恩平市"]


def test_every_sentence_gets_a_region_when_the_article_has_one():
    _, sentences = attributed(SPEAKERS, source="江门日报")
    assert all(s.region for s in sentences)


def test_place_of_overrides_only_on_strong_signals():
    liling = Sentence(text="", original="", start=0, paragraph=0, region="醴陵市")
    zhuzhou = Sentence(text="", original="", start=0, paragraph=0, region="株洲市")
    assert place_of("紧抓省“强省会”战略", liling) == "湖南省"
    assert place_of("省先进陶瓷产业基地", liling) is None
    assert place_of("株洲市重点建设项目", liling) is None
    assert place_of("广州软件学院", liling) is None
    assert place_of("攸县智造产业园", zhuzhou) == "攸县"
    assert place_of("攸县智造产业园", liling) is None


def _gold_articles() -> list[tuple[Article, dict]]:
    gold = json.loads(GOLD.read_text("utf-8"))
    out = []
    for meta in gold["articles"]:
        article = read_article(SEEDS / f"{meta['id']}.txt")
        facts = [f for f in gold["facts"] if f["article"] == meta["id"]]
        out.append((article, {"meta": meta, "facts": facts}))
    return out


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold file not present")
def test_agreement_with_the_gold_regions():
    agree = total = 0
    misses = []
    for article, gold in _gold_articles():
        sentences = split_sentences(article)
        attribute(article, sentences)
        assert article.regions == gold["meta"]["regions"]
        for fact in gold["facts"]:
            if fact.get("optional"):
                continue
            quote = fact["quote"]
            sentence = next((s for s in sentences if quote in s.original or quote in s.text), None)
            total += 1
            if sentence is not None and sentence.region == fact["region"]:
                agree += 1
            else:
                misses.append((fact["region"], sentence.region if sentence else None, quote))
    assert total > 200
    assert agree / total >= 0.95, misses


def test_national_round_up_has_no_subject():
    text = ("一季度各地经济稳中有进\n"
            "一季度,江苏地区生产总值增长4.7%。\n"
            "浙江地区生产总值增长6%。\n"
            "山东增长4.7%,河南增长5%,四川增长3.8%。\n"
            "全国规模以上工业增加值增长3%。\n")
    article, sentences = attributed(text, title="一季度各地经济稳中有进", source="新华社")
    assert article.regions == []
    assert region_of(sentences, "江苏地区") == "江苏省"
    assert region_of(sentences, "浙江地区") == "浙江省"
    assert region_of(sentences, "全国规模以上") is None


def test_numbered_region_headings_and_chained_names():
    text = ("一、蓬江区：打造现代服务业高地\n"
            "今年一季度,地区生产总值增长5%。\n"
            "二、江海区：建设千亿园区\n"
            "工业投资增长20%。\n"
            "深圳市龙华区将与江海区共建产业园。\n")
    article, sentences = attributed(text, title="各区动态", source="江门日报")
    assert article.regions == ["蓬江区", "江海区"]
    assert region_of(sentences, "增长5%") == "蓬江区"
    assert region_of(sentences, "增长20%") == "江海区"
    assert region_of(sentences, "深圳市龙华区将") == "龙华区"


def test_speaker_line_without_colon():
    text = "聚力建设陶瓷名城\n醴陵市委副书记、市长 陈志刚\n今年全市地区生产总值增长6%。\n"
    article, sentences = attributed(text, source="株洲日报")
    assert article.regions == ["醴陵市"]
    assert region_of(sentences, "增长6%") == "醴陵市"


def test_speaker_with_several_offices_and_a_quoted_official_is_no_section():
    text = ("江门召开高质量发展大会\n"
            "会议部署了全年工作。\n"
            "据江海区经促局负责人介绍：今年以来引进项目14个。\n"
            "全市新增高新技术企业300家。\n"
            "江门市委常委、江海区委书记李某某：\n"
            "江海将建设千亿园区。\n")
    article, sentences = attributed(text, title="江门召开高质量发展大会", source="江门日报")
    assert article.regions == ["江海区"]
    assert region_of(sentences, "全市新增") == "江门市"
    assert region_of(sentences, "建设千亿园区") == "江海区"


def test_round_up_in_a_local_paper_is_not_filed_under_the_paper():
    text = ("各地一季度经济数据出炉\n"
            "江苏地区生产总值增长4.7%。\n浙江地区生产总值增长6%。\n山东地区生产总值增长4.7%。\n"
            "全国规模以上工业增加值增长3%。\n")
    article, sentences = attributed(text, title="各地一季度经济数据出炉", source="江门日报")
    assert article.regions == []
    assert region_of(sentences, "全国规模以上") is None


def test_article_naming_no_region_belongs_to_its_paper():
    text = "我市召开全市经济工作会议\n会议指出,今年全市地区生产总值增长6%。\n"
    article, sentences = attributed(text, title="我市召开全市经济工作会议", source="江门日报")
    assert article.regions == ["江门市"]
    assert region_of(sentences, "增长6%") == "江门市"


def test_region_labels_inside_a_round_up_paragraph():
    text = ("各区一季度经济运行\n"
            "蓬江区：一季度地区生产总值增长5%。【恩平市】一季度地区生产总值增长7%。\n")
    _, sentences = attributed(text, title="各区一季度经济运行", source="江门日报")
    assert region_of(sentences, "增长5%") == "蓬江区"
    assert region_of(sentences, "增长7%") == "恩平市"


def test_a_round_up_of_several_counties_belongs_to_their_city():
    text = ("各区县晒出今年目标\n"
            "昨日，六盘水市召开新闻发布会，各区县负责人介绍了今年的目标。\n"
            "钟山区：力争地区生产总值增长7%。\n"
            "盘州市：地区生产总值增长6.5%左右。\n"
            "全市社会消费品零售总额增长6%。\n")
    article, sentences = attributed(text, title="各区县晒出今年目标")
    assert article.regions == ["六盘水市"]
    assert region_of(sentences, "增长7%") == "钟山区"
    assert region_of(sentences, "增长6.5%") == "盘州市"
    assert region_of(sentences, "增长6%") == "六盘水市"


def test_a_region_named_in_the_title_keeps_the_article_and_an_indicator_follows_its_region():
    text = ("宁夏回族自治区政府工作报告\n"
            "2023年，全区地区生产总值增长6.6%。银川市地区生产总值增长6%，银川市规上工业增加值增长9%。\n")
    article, sentences = attributed(text, title="宁夏回族自治区政府工作报告")
    assert article.regions == ["宁夏回族自治区"]
    assert region_of(sentences, "增长6.6%") == "宁夏回族自治区"
    text = "西吉县经济运行\n今年以来，西吉县固定资产投资增长15%。固原市固定资产投资增长9%。\n"
    _, sentences = attributed(text, title="西吉县经济运行")
    assert region_of(sentences, "增长9%") == "固原市"


def test_a_county_followed_by_an_adverb_of_effort_is_the_subject():
    _, sentences = attributed("深圳欣荣时代、湖南丰米米业基地等项目签约。\n"
                              "今年,平江县强力推进农机产业链建设。")
    assert region_of(sentences, "强力推进") == "平江县"


def test_firms_named_after_other_places_do_not_make_the_subject():
    # A county report lists the firms it signed; their home towns are not its home.
    text = ("今年以来,全县新签约项目12个。香港永泰集团、深圳华顺实业有限公司等企业落户园区。"
            "香港永泰集团董事长出席签约仪式。武义县加快推进园区标准化建设。"
            "新签约项目总投资35亿元。")
    article, sentences = attributed(text, title="招商引资成效明显")
    assert article.regions == ["武义县"]
    assert region_of(sentences, "新签约项目总投资35亿元") == "武义县"


def test_a_place_the_county_links_up_with_is_not_its_subject():
    # 滨海 names a county in Jiangsu and a district of Tianjin: 我县 says which paper this is.
    text = "我县主动接轨大上海,融入长三角一体化发展。全县新开工亿元以上项目15个。"
    article, sentences = attributed(text, title="我县重抓项目攻坚", source="滨海日报")
    assert article.regions == ["滨海县"]
    assert region_of(sentences, "新开工亿元以上项目15个") == "滨海县"


def test_a_county_short_form_counts_when_the_article_speaks_as_a_county():
    # 武义 alone could be a word; an article saying 全县 makes it the county it speaks of.
    text = ("2023年,是武义发展历程中极不平凡的一年。全县地区生产总值增长7%,"
            "总量在全省排名第一。全县新建高标准农田2万亩。")
    article, sentences = attributed(text, title="政府工作报告要点解读")
    assert article.regions == ["武义县"]
    assert region_of(sentences, "新建高标准农田2万亩") == "武义县"


def test_an_office_of_the_district_names_the_home_of_its_parks():
    text = "3月2日,区委书记王强带队前往东孚街道、海沧经济开发区等地调研重点项目建设。"
    article, _ = attributed(text, title="王强带队调研重点项目")
    assert article.regions == ["海沧区"]


def test_a_traditional_title_names_its_county():
    article, _ = attributed("今年以来,全县新开工项目20个,总投资46亿元。", title="泰寧縣重點項目集中開工")
    assert article.regions == ["泰宁县"]


def test_an_ethnic_district_publishing_as_we_district():
    text = "近日,我区举行重大项目集中开工仪式,共有5个项目集中开工,总投资26亿元。"
    article, _ = attributed(text, title="我区5个重大项目集中开工", source="管城区融媒体中心")
    assert article.regions == ["管城回族区"]


def test_a_project_in_a_later_clause_belongs_to_that_clause_subject():
    # The city holds the ceremony; the district hosts a venue at its own project.
    text = "6月3日上午,宜昌市举行重大项目集中开工仪式,西陵区在第八中学新建项目施工现场设立分会场。"
    _, sentences = attributed(text, title="宜昌市重大项目集中开工")
    sentence = next(s for s in sentences if "第八中学" in s.text)
    assert sentence.region == "宜昌市"
    assert name_region("第八中学新建项目", sentence) == "西陵区"
    assert name_region("重大项目集中开工仪式", sentence) == "宜昌市"


def test_a_county_paper_speaking_as_we_county_means_its_own_county():
    text = "我县与射阳县签订合作协议。全县新开工亿元以上项目15个,完成投资20亿元。"
    article, sentences = attributed(text, title="项目建设提质增效", source="响水日报")
    assert article.regions == ["响水县"]
    assert region_of(sentences, "新开工亿元以上项目15个") == "响水县"


@pytest.mark.parametrize("text, name, weight", [
    ("新会区规上工业企业增加值增长6%", "新会区", 1.0),     # the district as subject
    ("香港永泰集团投资的项目落户园区", "香港", 0.0),        # a firm's name
    ("中化(青岛)实业有限公司与我县合作", "青岛", 0.0),    # a firm's name, in brackets
    ("我县主动接轨大上海", "上海", 0.0),                   # a place the county links up with
    ("华信食品安徽基地建成投产", "安徽", 0.5),             # a project's location
    ("新签约江门华美、恒达新材料等项目", "江门", 0.5),     # a name in a list of projects
    ("江门、佛山等地重点项目加快推进", "江门", 1.0),       # a place in a list of places
])
def test_how_much_a_mention_votes_for_the_article_subject(text, name, weight):
    mention = next(m for m in load_gazetteer().find_mentions(text) if m.surface == name)
    assert vote(text, mention) == weight


def test_ranking_within_a_wider_region_is_not_speaking_as_it():
    text = "全县地区生产总值增长7%,总量在全省排名第一,全省首批试点落户我县。"
    assert home_level(text) == HomeLevel("县", 2)   # 全县 and 我县; neither 全省


def test_a_region_speaking_as_itself_is_not_about_the_cities_it_lists():
    text = "全区地区生产总值增长6%。南宁市、柳州市、桂林市分别增长7%、6%、5%。"
    article, sentences = attributed(text, title="广西经济稳中向好")
    assert article.regions == ["广西壮族自治区"]
    assert region_of(sentences, "全区地区生产总值增长6%") == "广西壮族自治区"


def test_a_county_that_never_names_itself_is_not_the_city_it_visits():
    text = ("今年以来,全县新开工项目20个。县委书记赴深圳、东莞开展招商活动,签约项目5个。"
            "我县将继续扩大招商成果。")
    article, sentences = attributed(text, title="全县项目建设提速")
    assert article.regions == []
    assert region_of(sentences, "新开工项目20个") is None


def test_a_headline_label_names_a_county_whose_bare_name_is_a_word():
    # 平和 alone is "calm"; as a headline's label it is 平和县.
    text = "近日,平和科技产业园已签约项目16个,总投资125亿元。"
    article, sentences = attributed(text, title="平和:科技产业园区签约16个项目")
    assert article.regions == ["平和县"]
    assert region_of(sentences, "已签约项目16个") == "平和县"


def test_a_paper_without_its_city_in_its_name_and_a_passing_district():
    text = ("政府工作报告摘要\n长江日报 2025年01月17日\n●预计全省地区生产总值增长6%左右\n"
            "●经济增长6%左右\n")
    article, sentences = attributed(text, title="政府工作报告摘要")
    assert article.regions == ["湖北省"]
    assert region_of(sentences, "经济增长6%") == "湖北省"
    text = ("各位代表:\n一、2024年工作回顾\n预计全市地区生产总值增长5%。赤峰国际陆港班列成功开行。"
            "红山产业园获评国家级绿色工业园区。\n")
    article, _ = attributed(text, title="各位代表:")
    assert article.regions == ["赤峰市"]


def test_a_body_naming_no_region_takes_its_photo_caption():
    article = Article(id="t", path="t.txt", title="t",
                      text="本报讯 前三季度，全区地区生产总值增长6%。\n",
                      captions=["发展中的綦江 记者 张三 摄"])
    sentences = split_sentences(article)
    attribute(article, sentences)
    assert article.regions == ["綦江区"]
    assert region_of(sentences, "增长6%") == "綦江区"


def test_a_government_body_publishing_the_page_names_its_district():
    text = "3月30日,区四套班子观摩亿元以上新开工项目。1-3月份,新开工项目49个,总投资92亿元。"
    article, sentences = attributed(text, title="区领导观摩新开工项目", source="海沧区发展和改革局")
    assert article.regions == ["海沧区"]
    assert region_of(sentences, "新开工项目49个") == "海沧区"


def test_a_sign_off_line_ending_in_a_date_does_not_hang_the_reading(tmp_path):
    """Government notices end with the issuing office and a date: a clause opener at the
    very end of the text once sent the clause scanner round forever."""
    from briefing.extract import extract_article
    from briefing.readers import read_article

    path = tmp_path / "notice.txt"
    path.write_text("关于做好某项工作的通知\n\n各县（区）人民政府：现将有关事项通知如下。\n\n"
                    "杭州市人民政府办公厅,2023年3月1日\n", encoding="utf-8")
    article = read_article(path)
    assert extract_article(article) == []


def test_the_venue_of_an_event_does_not_take_its_figures():
    # The city's signing ceremony is held in one of its districts; the figures are the city's.
    text = ("成都市举行二季度重大项目集中签约活动。\n"
            "成都市2023年二季度集中签约活动在成都青白江区举行，本次签约项目45个。\n")
    _, sentences = attributed(text)
    assert region_of(sentences, "本次签约项目45个") == "成都市"
    # A district that does something itself is still its subject.
    _, sentences = attributed("成都市举行活动。\n成都市2023年，青白江区签约项目12个。\n")
    assert region_of(sentences, "青白江区签约项目12个") == "青白江区"
