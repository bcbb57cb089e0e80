"""The scorer follows DESIGN.md: name matching, optional gold, one match per gold fact."""
from briefing.evaluate import evaluate, format_report, names_match
from briefing.model import Fact


def _target(value: float, *, region: str = "鹤山市", indicator: str = "地区生产总值",
            article: str = "a", optional: bool = False) -> Fact:
    return Fact(kind="target", region=region, article=article, quote="", year=2023,
                indicator=indicator, measure="growth", value=value, unit="%",
                optional=optional)


def _project(name: str, investment: float | None = None, article: str = "a") -> Fact:
    return Fact(kind="project", region="新会区", article=article, quote="", name=name,
                investment=investment)


def test_names_match_ignores_quotes_and_brackets_and_accepts_containment():
    assert names_match("“工业振兴”工程", "工业振兴工程")
    assert names_match("《醴陵市招商引资奖励办法》", "醴陵市招商引资奖励办法")
    assert names_match("瑞达电子", "瑞达电子项目")
    assert not names_match("渝昆高铁", "成达万高铁")


def test_each_gold_fact_matches_at_most_one_extracted_fact():
    ev = evaluate([_target(8.0)], [_target(8.0), _target(8.0)])
    assert (ev.scores["target"].tp, ev.scores["target"].fp) == (1, 1)


def test_value_must_agree_within_a_hundredth():
    ev = evaluate([_target(8.0)], [_target(8.02)])
    assert ev.scores["target"].tp == 0 and ev.scores["target"].fn == 1


def test_optional_gold_is_neither_required_nor_an_error():
    gold = [_target(8.0), _target(6.0, indicator="外贸进出口总额", optional=True)]
    found = evaluate(gold, [_target(8.0), _target(6.0, indicator="外贸进出口总额")])
    assert found.overall.fp == 0 and found.overall.fn == 0 and found.overall.tp == 1
    missed = evaluate(gold, [_target(8.0)])
    assert missed.overall.fn == 0


def test_facts_only_match_within_their_own_article():
    ev = evaluate([_target(8.0, article="x")], [_target(8.0, article="y")])
    assert ev.overall.tp == 0 and ev.overall.fp == 1 and ev.overall.fn == 1


def test_investment_must_agree_when_both_sides_give_one():
    assert evaluate([_project("华锂新能源电池材料基地", 200.0)],
                    [_project("华锂新能源电池材料基地", 20.0)]).overall.tp == 0
    assert evaluate([_project("华锂新能源电池材料基地", 200.0)],
                    [_project("华锂新能源电池材料基地")]).overall.tp == 1


def test_matching_finds_the_assignment_that_matches_most():
    # Greedy would give the first extracted fact to the first gold fact and lose one.
    gold = [_project("株洲服饰产业集聚区"), _project("株洲服饰产业集聚区芦淞片区")]
    got = [_project("株洲服饰产业集聚区芦淞片区"), _project("服饰产业集聚区")]
    assert evaluate(gold, got).overall.tp == 2


def test_report_lists_scores_misses_and_false_positives():
    text = format_report(evaluate([_target(8.0)], [_target(9.0)]))
    assert "target" in text and "misses (1)" in text and "false positives (1)" in text
