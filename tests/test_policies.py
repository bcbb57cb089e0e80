"""Named policies: documents, programmes and mechanisms, with their status.

The sentences are written in the style of work reports and e-paper news from
several provinces; none comes from the sample articles.
"""
from opencc import OpenCC

from briefing.extract.mentions import ArticleMemory
from briefing.extract.policies import extract_policies
from briefing.extract.sentences import split_sentences
from briefing.model import Article, Fact

_T2S = OpenCC("t2s")


def policies(text: str, region: str = "长沙市", tense: str | None = None) -> list[Fact]:
    """All policy facts of `text`, read as one article whose sentences are about `region`."""
    plain = _T2S.convert(text)
    assert len(plain) == len(text)
    article = Article(id="a1", path="a.txt", title="", text=text, plain=plain)
    facts: list[Fact] = []
    memory = ArticleMemory()
    for sentence in split_sentences(article):
        sentence.region, sentence.tense = region, tense
        facts += extract_policies(sentence, article, memory)
    return facts


def names(text: str) -> list[str]:
    return [f.name for f in policies(text)]


def one(text: str, **kwargs) -> Fact:
    found = policies(text, **kwargs)
    assert len(found) == 1, [f.name for f in found]
    return found[0]


def test_titles_are_documents_and_share_the_verb_before_them():
    facts = policies("省政府印发《湖南省促进民营经济发展壮大若干措施》《湖南省制造业数字化转型行动方案》。")
    assert [f.name for f in facts] == ["湖南省促进民营经济发展壮大若干措施",
                                       "湖南省制造业数字化转型行动方案"]
    assert {(f.category, f.status) for f in facts} == {("document", "issued")}


def test_status_of_a_title_from_its_verbs():
    assert one("正在研究制定《长沙市数字经济促进条例》。").status == "drafting"
    assert one("会议审议通过了《株洲市城市更新条例(草案)》。").status == "issued"
    assert one("去年出台了《贵州省大数据发展应用促进条例》。").status == "issued"
    assert one("认真贯彻《中华人民共和国乡村振兴促进法》。").category == "document"


def test_titles_that_are_not_policies_are_left_out():
    assert names("认真学习《习近平谈治国理政》第四卷，落实《政府工作报告》部署。") == []


def test_a_quoted_label_with_its_head_is_a_programme():
    fact = one("深入实施“强省会”战略。")
    assert (fact.name, fact.category, fact.status) == ("“强省会”战略", "programme", "implementing")
    assert one("推进“千万工程”。").name == "“千万工程”"


def test_quoted_labels_share_the_head_after_them():
    assert names("实施“千企升级”“万企上云”等行动。") == ["“千企升级”行动", "“万企上云”行动"]
    assert names("深化“放管服”“最多跑一次”改革。") == []  # 改革 names no programme


def test_a_count_of_strategies_names_each_listed_item():
    assert names("实施科教兴省、人才强省和创新驱动“三大战略”。") == [
        "科教兴省战略", "人才强省战略", "创新驱动战略"]


def test_listed_programmes_share_the_verb_of_the_first():
    assert names("大力实施创新驱动发展战略、乡村振兴战略和区域协调发展战略。") == [
        "创新驱动发展战略", "乡村振兴战略", "区域协调发展战略"]


def test_mechanisms_end_in_zhi_and_ordinary_words_do_not_count():
    facts = policies("全面推行林长制、田长制，完善体制机制，加强编制管理。")
    assert [(f.name, f.category) for f in facts] == [("林长制", "mechanism"), ("田长制", "mechanism")]
    assert names("严格落实首问负责制限时办结制。") == ["首问负责制", "限时办结制"]


def test_generic_policy_words_are_not_names():
    assert names("落实各项惠企政策，出台一系列支持措施，实施发展战略，启动十大行动。") == []


def test_a_label_given_to_something_is_not_a_programme():
    assert names("把乡村振兴作为“一号工程”。") == []


def test_the_owner_before_a_label_is_not_part_of_the_name():
    assert names("认真落实省委“强省会”战略。") == ["“强省会”战略"]


def test_a_plain_document_needs_a_verb_that_makes_it():
    fact = one("制定数字经济高质量发展实施方案，落实稳岗帮扶政策措施。")
    assert (fact.name, fact.category, fact.status) == ("数字经济高质量发展实施方案", "document",
                                                       "drafting")
    assert one("出台促进消费若干措施。", tense="actual").status == "issued"


def test_construction_works_are_left_to_projects():
    assert names("实施城区供水管网改造工程。") == []


def test_traditional_text_gives_simplified_names_and_original_quotes():
    fact = one("深入實施「科技強省」戰略。")
    assert fact.name == "「科技强省」战略"
    assert fact.quote == "深入實施「科技強省」戰略"


def test_one_policy_named_twice_is_one_fact():
    assert names("深入推进“数字政府”工程。全面落实数字政府工程。") == ["“数字政府”工程"]


def test_agreements_and_generic_plans_in_news_are_not_policies():
    text = ("双方签署战略合作协议，会议广泛征求意见，出台一揽子政策措施，制定详细方案，"
            "开展专项整治行动。")
    assert names(text) == []


def test_a_label_with_its_own_head_words_before_the_head():
    assert names("深入实施“三个五”发展战略。") == ["“三个五”发展战略"]
    fact = one("二是实施“十百千”工程。")
    assert fact.quote == "实施“十百千”工程"


def test_work_points_are_documents():
    fact = one("县工信局制定出台了《某县2024年度数字经济工作要点》。")
    assert (fact.name, fact.category, fact.status) == ("某县2024年度数字经济工作要点", "document",
                                                       "issued")


def test_a_revised_rule_named_in_a_locative_phrase():
    fact = one("在新修订的园区亩均效益评价办法中,增加了研发投入指标。")
    assert (fact.name, fact.category, fact.status) == ("园区亩均效益评价办法", "document", "issued")


def test_the_work_of_a_mechanism_names_it():
    fact = one("全县以四项举措助推重点产业链链长制工作落地见效。")
    assert (fact.name, fact.category, fact.status) == ("重点产业链链长制", "mechanism",
                                                       "implementing")


def test_a_determiner_before_a_quoted_label_is_no_part_of_its_name():
    assert names("据了解,该“林长制”已覆盖全部乡镇。") == ["“林长制”"]


def test_a_verb_right_before_the_head_compounds_with_it():
    assert names("印发《数字乡村建设三年行动计划》和2024年“千企技改”工作推进方案。") == [
        "数字乡村建设三年行动计划", "2024年“千企技改”工作推进方案"]


def test_a_determiner_makes_a_document_generic():
    assert names("结合本地实际,制定如下实施细则。") == []


def test_packages_of_numbered_rules_are_documents():
    facts = policies("出台实施稳投资30条、惠企纾困十五条、外资企业参与城市更新12条等政策。",
                     tense="actual")
    assert [f.name for f in facts] == ["稳投资30条", "惠企纾困十五条", "外资企业参与城市更新12条"]
    assert {(f.category, f.status) for f in facts} == {("document", "issued")}
    assert names("新建道路12条,出台政策措施10条。") == []


def test_a_title_issued_by_the_provincial_government_is_the_provinces():
    facts = policies("淮安市认真贯彻省政府《关于促进消费扩容提质的若干措施》。", region="淮安市")
    assert [(f.name, f.region, f.status) for f in facts] == [
        ("关于促进消费扩容提质的若干措施", "江苏省", "implementing")]


def test_a_programme_carried_to_completion():
    fact = one("高质量完成第三轮农村污水治理三年行动。")
    assert (fact.name, fact.category) == ("第三轮农村污水治理三年行动", "programme")


def test_a_label_summing_up_a_list_adds_no_policy():
    assert names("会议审议《关于加快老旧小区改造的实施方案》等“1+3”方案。") == [
        "关于加快老旧小区改造的实施方案"]


def test_a_meeting_approves_or_deliberates_a_draft():
    assert one("会议审议并原则通过《某市养老服务体系建设实施方案(送审稿)》。").status == "issued"
    assert one("会议讨论了《某市安全生产工作职责规定》(送审稿)。").status == "drafting"
    assert one("会议审议《关于做好村级建制调整改革的实施方案》。").status == "drafting"


def test_an_owner_in_a_title_is_no_owner_of_the_title():
    facts = policies("新会区制定了《聚焦园区建设 全面落实市委“1+3”工作部署行动方案》。",
                     region="新会区")
    assert [f.region for f in facts] == ["新会区"]


def test_items_of_a_counted_set_after_etc_are_each_a_programme():
    # The verb (实施) governs the whole list; 建设 inside the first item is part of its name.
    assert names("今年将扎实实施产业建设提质、城乡融合提速、文旅品牌提亮等三大工程。") == [
        "产业建设提质工程", "城乡融合提速工程", "文旅品牌提亮工程"]


def test_counted_works_are_left_to_the_projects():
    assert names("加快推进城区道路提升、老旧管网改造等两大工程。") == []


def test_a_title_ending_in_jucuo_is_a_document():
    got = policies("区政府印发《关于促进制造业提质增效若干政策举措(2024年版)》。")
    assert [(f.name, f.category) for f in got] == [("关于促进制造业提质增效若干政策举措(2024年版)", "document")]


def test_the_parts_of_a_building_work_are_no_programme():
    assert names("新建的游客服务中心已完成主体工程，年底前完成附属工程和土建工程验收。") == []


def test_a_label_ending_a_description_of_a_document_is_no_title():
    assert names("省里出台了支持该县建设西部陆海新通道“枢纽港”的意见。") == []
    assert names("全面实施“强基固本”工程。") == ["“强基固本”工程"]
