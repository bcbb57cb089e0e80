"""Named projects as an analyst would list them: the name, its investment, its stage.

The sentences are written in the style of work reports and e-paper news from
several provinces; none comes from the sample articles.
"""
from opencc import OpenCC

from briefing.extract.mentions import ArticleMemory
from briefing.extract.projects import extract_projects
from briefing.extract.sentences import split_sentences
from briefing.model import Article, Fact

_T2S = OpenCC("t2s")


def projects(text: str, region: str = "合肥市") -> list[Fact]:
    """All project facts of `text`, read as one article whose sentences are about `region`."""
    plain = _T2S.convert(text)
    assert len(plain) == len(text)
    article = Article(id="a1", path="a.txt", title="", text=text, plain=plain)
    facts: list[Fact] = []
    memory = ArticleMemory()
    for sentence in split_sentences(article):
        sentence.region = region
        facts += extract_projects(sentence, article, memory)
    return facts


def names(text: str) -> list[str]:
    return [f.name for f in projects(text)]


def one(text: str) -> Fact:
    found = projects(text)
    assert len(found) == 1, [f.name for f in found]
    return found[0]


def test_an_enumeration_with_deng_shares_its_head_noun():
    facts = projects("推动远景动力、中伟新材料等超十亿元项目签约落地。")
    assert [f.name for f in facts] == ["远景动力项目", "中伟新材料项目"]
    assert {f.stage for f in facts} == {"签约"}
    assert all(f.investment is None for f in facts)  # 超十亿元 describes the group


def test_short_bare_names_before_a_named_project_share_its_head():
    assert names("嘉興港二期、萬緯、普洛斯項目投入運營。") == ["嘉兴港二期", "万纬项目", "普洛斯项目"]


def test_investment_goes_to_the_project_it_qualifies():
    fact = one("总投资120亿元的宁德时代洛阳基地一期项目开工建设。")
    assert (fact.name, fact.investment, fact.stage) == ("宁德时代洛阳基地一期项目", 120.0, "动工")
    assert fact.quote == "总投资120亿元的宁德时代洛阳基地一期项目开工建设"


def test_investment_after_the_name_and_in_brackets():
    assert one("奇瑞汽车超级工厂项目总投资150亿元。").investment == 150.0
    fact = one("赣州国际陆港二期项目（总投资35亿元）顺利封顶。")
    assert (fact.name, fact.investment, fact.stage) == ("赣州国际陆港二期项目", 35.0, "在建")
    assert one("投资5000万元建设桐城市双创产业园。").investment == 0.5


def test_counts_and_totals_name_no_project():
    assert names("全年实施省重点项目386个，完成投资1250亿元。") == []
    assert names("151个总投资超900亿元的重点项目有序推进，推动一批重大项目开工。") == []


def test_generic_phrases_and_roles_are_not_projects():
    text = ("优化营商环境，打造国内一流的产业集群，努力建设全省绿色低碳发展示范区，"
            "打造区域性金融中心，新建5G基站1.2万个，建成投用一批充电站。")
    assert names(text) == []


def test_where_the_capital_comes_from_is_a_kind_not_a_name():
    assert names("加快推进侨资项目建设。") == []
    assert names("推进民资项目和国资项目建设。") == []
    assert names("推动一批美资、日资项目开工建设。") == []
    assert names("推动华峰新材料、恒瑞光电等超亿元台资项目落地。") == ["华峰新材料项目", "恒瑞光电项目"]


def test_coordinated_names_split_only_after_a_complete_name():
    assert names("谋划建设株洲陶瓷交易中心和醴陵电瓷集散中心。") == ["株洲陶瓷交易中心", "醴陵电瓷集散中心"]
    assert names("建成安庆港长风作业区及配套道路项目。") == ["安庆港长风作业区及配套道路项目"]


def test_leading_verbs_and_trailing_process_nouns_are_not_part_of_the_name():
    assert names("全力推进西安咸阳国际机场三期扩建工程。") == ["西安咸阳国际机场三期扩建工程"]
    facts = projects("加快渝昆高铁、成达万高铁建设进度。")
    assert [f.name for f in facts] == ["渝昆高铁", "成达万高铁"]
    assert {f.stage for f in facts} == {"在建"}


def test_stage_follows_the_verbs_around_the_name():
    assert one("兰州新区化工园区二期项目顺利投产。").stage == "投产"
    assert one("力促银西高铁全线通车。").stage == "建成"
    assert one("谋划建设芜湖航空产业园。").stage == "规划"
    assert one("启动南昌昌北机场至九江高速公路前期工作。").stage == "规划"
    assert one("开工建设合肥新桥国际机场S1线。").stage == "动工"
    assert one("建设兰州新区东部综合物流中心。").stage is None  # a plan, not a stage


def test_a_park_as_subject_of_its_own_development():
    assert names("临港新材料产业园加快向东扩容。") == ["临港新材料产业园"]
    assert names("合作区已有17家企业落户。") == []  # described, not developed


def test_a_place_something_settles_in_is_not_the_project():
    assert names("引导企业落户长沙经开区汽车产业园。") == []


def test_construction_works_are_projects_and_programmes_are_not():
    assert names("启动城区供水管网改造工程，深入实施强基工程。") == ["城区供水管网改造工程"]


def test_a_building_verb_before_the_head_belongs_to_the_name():
    assert names("推动台积电南京厂扩建项目竣工投产。") == ["台积电南京厂扩建项目"]


def test_traditional_text_gives_simplified_names_and_original_quotes():
    fact = one("加快推進粵港澳大灣區國際商務合作區建設。")
    assert fact.name == "粤港澳大湾区国际商务合作区"
    assert fact.quote == "加快推進粵港澳大灣區國際商務合作區建設"


def test_one_project_named_twice_is_one_fact_with_the_richer_mention():
    facts = projects("加快建设芜湖航空产业园。年内航空产业园总投资80亿元。")
    assert [(f.name, f.investment) for f in facts] == [("芜湖航空产业园", 80.0)]


def test_region_is_the_sentences():
    assert {f.region for f in projects("加快推进渝昆高铁建设。", region="昆明市")} == {"昆明市"}


def test_a_list_closed_by_a_word_that_is_no_head_keeps_its_named_items():
    assert names("厦门新机场、福厦高铁、福州滨海快线等重大设施提速建设。") == [
        "厦门新机场", "福厦高铁", "福州滨海快线"]


def test_a_works_word_after_a_line_names_the_works():
    assert names("提速实施广巴铁路扩能改造、成雅高速公路扩容、乐山机场等重大交通项目。") == [
        "广巴铁路扩能改造", "成雅高速公路扩容", "乐山机场"]


def test_works_named_by_their_structure_are_projects():
    assert names("记者获悉，小清河复航工程已进入收尾阶段。") == ["小清河复航工程"]


def test_project_categories_and_goals_are_not_names():
    text = ("加快推进清洁能源产业项目布局，大力推进水风光重大能源项目建设，"
            "谋划建设高端医疗器械生产基地，推进科研项目和公益项目。")
    assert names(text) == []


def test_plans_listed_before_projects_are_not_projects():
    assert names("加快纳入“十四五”规划等重大项目开工建设。") == []


def test_news_sentences_without_projects():
    text = ("市人民医院心血管中心成功开展首例手术。活动在市会展中心举行。"
            "该项目总投资10亿元，项目建成后可实现年产值50亿元。"
            "我市举行重大项目集中开工活动，共有56个项目集中开工。")
    assert names(text) == []


def test_a_bare_category_shares_no_head_with_the_words_before_it():
    assert names("全市投资增速较快、大项目推进顺利。") == []


def test_hubs_reservoirs_and_phases_are_works():
    assert names("开工建设马岭水利枢纽和夹岩水库。") == ["马岭水利枢纽", "夹岩水库"]
    assert names("推进鸭溪电厂二期。") == ["鸭溪电厂二期"]
    assert one("南宁至玉林铁路全线贯通。").stage == "建成"
    assert one("全面完成解放大道快速化改造。").name == "解放大道快速化改造"


def test_a_later_mention_gives_the_stage_and_its_quote():
    facts = projects("打造芜湖航空产业园。芜湖航空产业园年内开工建设。")
    assert [(f.name, f.stage) for f in facts] == [("芜湖航空产业园", "动工")]
    assert "开工" in facts[0].quote


def test_progress_and_completion_predicates_give_the_stage():
    fact = one("城南再生水厂二期项目进展顺利。")
    assert (fact.name, fact.stage) == ("城南再生水厂二期项目", "在建")
    facts = projects("鑫源果业冷库、丰禾蔬菜加工厂等农业产业项目建设完工。")
    assert [(f.name, f.stage) for f in facts] == [("鑫源果业冷库项目", "建成"),
                                                   ("丰禾蔬菜加工厂", "建成")]


def test_a_visit_to_the_works_site_names_the_projects():
    facts = projects("调研组在恒通新材料产业园、 和泰精密铸造、 远航冷链物流中心等项目现场察看进度。")
    assert [f.name for f in facts] == ["恒通新材料产业园", "和泰精密铸造项目", "远航冷链物流中心"]
    assert {f.stage for f in facts} == {"在建"}
    assert names("代表团来到滨河新区规划馆参观。") == []  # a place visited stays out


def test_a_single_character_after_a_list_comma_is_no_verb():
    assert names("永诚精工、并联智能等一批技改项目建成投产。") == ["永诚精工项目", "并联智能项目"]


def test_a_numbered_slogan_counts_kinds_of_projects():
    assert names("全县“三个一批”项目加快推进,“双千”工程项目全部开工。") == []
    assert names("建设“云谷”数据产业园。") == ["“云谷”数据产业园"]


def test_each_listed_name_keeps_its_own_amount():
    facts = projects("年内引进投资12亿元的蓝海储能电站、投资3.5亿元的丰谷食品加工、"
                     "投资8000万元的绿源包装等项目。")
    assert [(f.name, f.investment, f.stage) for f in facts] == [
        ("蓝海储能电站", 12.0, "签约"), ("丰谷食品加工项目", 3.5, "签约"), ("绿源包装项目", 0.8, "签约")]
    facts = projects("推动宏图光电、卓越新材等投资超5亿元的重点项目开工。")
    assert [(f.name, f.investment) for f in facts] == [("宏图光电项目", None), ("卓越新材项目", None)]


def test_a_count_takes_a_list_up_again():
    facts = projects("东湖康养小镇项目、智能装备产业园项目、城北物流园项目3项计划参加集中签约。")
    assert [f.name for f in facts] == ["东湖康养小镇项目", "智能装备产业园项目", "城北物流园项目"]
    facts = projects("临港冷链物流园项目、海川数据中心项目,两项均于本月签约。")
    assert [(f.name, f.stage) for f in facts] == [("临港冷链物流园项目", "签约"),
                                                   ("海川数据中心项目", "签约")]
    assert names("今年开工重点项目12个。") == []  # a count after one name counts a category


def test_a_list_shares_its_head_across_a_de_phrase():
    facts = projects("目前已有金石文旅创业园、云栖温泉酒店等一批超5亿元的大项目相继落地。")
    assert [(f.name, f.stage) for f in facts] == [("金石文旅创业园", "签约"),
                                                   ("云栖温泉酒店项目", "签约")]


def test_a_deictic_subject_and_a_copula_name_the_works():
    fact = one("本工程为北岸X205连接线,全长6公里。")
    assert (fact.name, fact.quote) == ("北岸X205连接线", "本工程为北岸X205连接线")
    assert names("该项目为省重点项目。") == []


def test_verbs_of_a_visit_end_a_name():
    assert names("书记现场协调解决项目推进中的困难,详细了解项目规划。") == []


def test_parts_of_a_street_are_no_projects():
    assert names("目前人行道铺设、非机动车道建设、绿化工程等正在推进中。") == []


def test_a_school_before_deng_ends_in_its_head():
    facts = projects("城东实验学校、育才高中等6所学校投入使用。")
    assert [(f.name, f.stage) for f in facts] == [("城东实验学校", "投产"), ("育才高中", "投产")]


def test_a_verb_naming_what_a_facility_does_stays_in_the_name():
    assert names("推进城西社区卫生服务中心迁建项目。") == ["城西社区卫生服务中心迁建项目"]


def test_anything_may_happen_on_the_works_site():
    fact = one("全区在临江第二中学新建项目施工现场设立分会场。")
    assert (fact.name, fact.stage) == ("临江第二中学新建项目", "在建")


def test_resumed_works_are_under_way():
    facts = projects("截至目前,已开复工恒润商业广场、金沙湾公园等重大项目18个。")
    assert [(f.name, f.stage) for f in facts] == [("恒润商业广场项目", "在建"),
                                                   ("金沙湾公园项目", "在建")]


def test_expanding_a_park_is_work_on_it():
    assert names("加快北湖化工产业园扩区步伐。") == ["北湖化工产业园扩区"]


def test_who_invests_is_no_name():
    assert names("全区计划实施政府投资、亿元以上企业投资项目30个。") == []


def test_a_single_character_in_a_list_stands_for_a_level():
    assert names("记者在国、省干道连接线施工现场看到。") == []


def test_an_ordinal_school_name_is_no_list_marker():
    assert names("加快推进第三十五中学改扩建工程。") == ["第三十五中学改扩建工程"]


def test_the_category_closing_a_list_speaks_for_its_names():
    facts = projects("其中体育馆改造、文昌书院等续建项目4项。")
    assert [(f.name, f.stage) for f in facts] == [("体育馆改造项目", "在建"), ("文昌书院项目", "在建")]
    fact = one("谋划建设滨湖会议中心等项目2项。")
    assert (fact.name, fact.stage) == ("滨湖会议中心", "规划")
    assert names("发展优质果蔬供应基地。") == []  # no verb, no list: no evidence


def test_a_verb_after_the_place_belongs_to_the_subject():
    fact = one("白石岭生态旅游带建设项目在城关镇举行开工仪式。")
    assert (fact.name, fact.stage) == ("白石岭生态旅游带建设项目", "动工")


def test_a_title_earned_is_no_site():
    assert names("临港经开区成为全省首批外贸转型升级示范基地。") == []
    assert names("城北产业新城获评全省首批数字化转型示范基地。") == []


def test_a_place_in_a_de_modifier_governs_nothing():
    fact = one("位于城南镇的华康医疗器械产业园开工建设。")
    assert (fact.name, fact.stage) == ("华康医疗器械产业园", "动工")


def test_industrialisation_projects_list_names_not_sectors():
    assert names("新签约金穗生猪养殖场、丰源米业基地等农业产业化项目8个。") == [
        "金穗生猪养殖场项目", "丰源米业基地"]


def test_ceremony_verbs_end_a_name():
    assert names("副县长出席仪式并见证项目签约,开发区举行重点项目签约仪式。") == []


def test_a_space_after_a_number_is_no_clause_break():
    assert names("民营企业 500 强宏远钢构项目正式签约。") == ["宏远钢构项目"]


def test_a_firms_project_in_a_sector_is_named_and_a_sector_is_not():
    fact = one("位于河口镇的瑞丰康养产业项目,投资额3.2亿元。")
    assert (fact.name, fact.investment, fact.quote) == (
        "瑞丰康养产业项目", 3.2, "瑞丰康养产业项目,投资额3.2亿元")
    assert names("加快推进清洁能源产业项目布局,推动基础设施类项目开工。") == []


def test_a_list_introduced_by_baokuo_takes_the_stage_of_its_introduction():
    facts = projects("此次集中开工的项目包括:总投资8亿元的宏达物流园项目、总投资12亿元的"
                     "城北交通枢纽及维保基地项目等。")
    assert [(f.name, f.investment, f.stage) for f in facts] == [
        ("宏达物流园项目", 8.0, "动工"), ("城北交通枢纽及维保基地项目", 12.0, "动工")]
    facts = projects("参加签约的5个项目中,分别是城西开发区的智能单车基地项目、荣达技改项目。")
    assert [(f.name, f.stage) for f in facts] == [("智能单车基地项目", "签约"),
                                                   ("荣达技改项目", "签约")]


def test_a_project_pushed_on_is_under_way_but_not_one_built_later():
    facts = projects("恒瑞机械、华光电子等一批重点项目加快推进。")
    assert {f.stage for f in facts} == {"在建"}
    fact = one("投资6000万元的锦程工贸项目建成后将从事日用品加工。")
    assert (fact.name, fact.stage) == ("锦程工贸项目", None)


def test_an_amount_further_on_in_a_chain_of_clauses_about_a_project():
    fact = one("据悉,青龙湾康养小镇项目总用地面积约60万平方米,总投资3.8亿元,首期投资5000万元。")
    assert (fact.name, fact.investment) == ("青龙湾康养小镇项目", 3.8)
    assert fact.quote == "青龙湾康养小镇项目总用地面积约60万平方米,总投资3.8亿元"
    assert names("城东污水处理厂占地80亩,新建泵站2座,计划投资3亿元。") == []  # 泵站 between
    assert names("滨江科技产业园规划面积5平方公里。") == []  # a measure is no evidence


def test_a_counted_set_of_campaigns_is_no_project_but_counted_works_are():
    assert names("今年将扎实实施产业建设提质、城乡融合提速、文旅品牌提亮等三大工程。") == []
    assert names("加快推进城区道路提升、老旧管网改造等两大工程。") == ["城区道路提升工程", "老旧管网改造工程"]


def test_projects_signed_with_qianding_are_signed():
    got = projects("会上签订了年产3万吨竹木加工项目、滨江民宿园项目等12个招商引资项目。")
    assert [(f.name, f.stage) for f in got] == [
        ("年产3万吨竹木加工项目", "签约"), ("滨江民宿园项目", "签约")]


def test_a_batch_of_projects_is_no_name():
    assert names("这批项目建成后，将带动就业两千人。") == []


def test_a_governments_class_of_projects_is_no_project():
    # A size class, or a year and a place before category words, names a set of projects.
    assert names("（记者王五）2023年苏州市重大招商项目签约活动昨日举行。") == []
    assert names("全省集中签约超1500亿元重大产业项目。") == []
    # A place alone before the head still names one site.
    assert names("加快吴江工业城建设。") == ["吴江工业城"]


def test_a_research_institute_being_built_is_a_project():
    # 研究 is a verb elsewhere (研究部署); before 院 it is the institute's name.
    assert names("加快建设芜湖新材料研究院。") == ["芜湖新材料研究院"]
    assert names("研究部署下一步重点工作。") == []


def test_a_bracketed_name_and_its_plain_repeat_are_one_project():
    got = projects("阳光酒业二期(扩能)项目开工。\n4个分现场分别是新城污水处理厂、阳光酒业二期扩能项目。")
    assert [f.name for f in got].count("阳光酒业二期(扩能)项目") == 1
    assert "阳光酒业二期扩能项目" not in [f.name for f in got]


def test_the_tier_of_a_project_list_and_the_parts_of_a_work_name_no_project():
    assert names("一季度，省级层面重点项目完成投资12亿元，自治区、市两级重大项目开工38个。") == []
    assert names("新建的游客服务中心已完成主体工程，附属工程年底完工。") == []
    assert names("平果铝材精深加工产业园项目开工建设。") == ["平果铝材精深加工产业园项目"]


def test_a_short_form_in_a_sentence_of_the_province_stays_with_its_full_name():
    from briefing.extract import extract_article
    text = ("湖南举行重大项目集中开工活动\n"
            "3月2日，湖南举行全省重大项目集中开工活动，主会场设在株洲市中车智能装备产业园项目建设现场。\n"
            "在主会场开工的中车智能装备产业园项目，总投资86亿元。")
    article = Article(id="t", path="t.txt", title="", text=text)
    found = [(f.region, f.investment) for f in extract_article(article) if f.kind == "project"]
    assert found == [("株洲市", 86.0)]


def test_a_place_before_a_list_says_where_its_projects_are():
    assert names("全市有智能终端产业园项目、城北污水处理厂扩建工程等36个项目开工。") == [
        "智能终端产业园项目", "城北污水处理厂扩建工程"]
    assert [n[-11:] for n in names("全县有色金属精深加工产业园开工建设。")] == ["有色金属精深加工产业园"]


def test_an_airport_airside_upgrade_is_a_works_of_its_own():
    # 飞行区 and 航站楼 are airport works; with a works suffix they name a project.
    fact = one("今年以来，云岭机场飞行区改造加快推进。")
    assert (fact.name, fact.stage) == ("云岭机场飞行区改造", "在建")
    assert names("城南机场航站楼改扩建项目顺利开工。") == ["城南机场航站楼改扩建项目"]
