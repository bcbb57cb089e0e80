"""分别: a list of indicators and as many figures, paired in order."""
import datetime as dt

from briefing.extract.quantities import extract_quantities
from briefing.extract.sentences import split_sentences
from briefing.extract.years import assign_years
from briefing.model import Article


def rows(text: str) -> list[tuple]:
    art = Article(id="t", path="t.txt", title="t", text=text, plain=text, date=dt.date(2024, 1, 22))
    sentences = split_sentences(art)
    assign_years(art, sentences)
    return [(f.kind, f.indicator, f.measure, round(f.value, 8), f.bound)
            for s in sentences if not s.is_heading for f in extract_quantities(s, art)]


def test_urban_and_rural_income_levels_then_their_growth():
    assert rows("2023年，城乡居民人均可支配收入分别达41200元、19800元，增长5.1%、7.3%。") == [
        ("actual", "城镇居民人均可支配收入", "level", 0.000412, "="),
        ("actual", "农村居民人均可支配收入", "level", 0.000198, "="),
        ("actual", "城镇居民人均可支配收入", "growth", 5.1, "="),
        ("actual", "农村居民人均可支配收入", "growth", 7.3, "="),
    ]


def test_a_shared_modifier_and_a_shared_head():
    assert rows("2023年，一般公共预算收入和支出分别达12.4亿元、38.1亿元；存、贷款余额分别增长6.2%、9.5%。") == [
        ("actual", "地方一般公共预算收入", "level", 12.4, "="),
        ("actual", "一般公共预算支出", "level", 38.1, "="),
        ("actual", "存款余额", "growth", 6.2, "="),
        ("actual", "贷款余额", "growth", 9.5, "="),
    ]


def test_targets_and_a_list_of_named_things():
    assert rows("今年，城镇和农村居民人均可支配收入分别增长6%、7.5%以上；规上工业企业、高企分别达到320家、150家。") == [
        ("target", "城镇居民人均可支配收入", "growth", 6.0, "="),
        ("target", "农村居民人均可支配收入", "growth", 7.5, "≥"),
        ("target", "规上工业企业", "level", 320.0, "="),
        ("target", "高新技术企业", "level", 150.0, "="),
    ]


def test_names_and_figures_that_do_not_pair_are_left_out():
    assert rows("2023年，工业用电量、开票销售额保持较快增长，增速分别达16%和18%；三个园区分别增加企业3家、5家、7家。") == []


def test_a_head_shared_by_a_list_of_trades():
    assert [r[1:4] for r in rows("2023年，批发业、零售业、住宿业增加值分别增长6.5%、5.8%、9.1%。")] == [
        ("批发业增加值", "growth", 6.5), ("零售业增加值", "growth", 5.8), ("住宿业增加值", "growth", 9.1)]


def test_a_nameless_list_of_growths_is_of_the_levels_just_given():
    assert rows("2023年，全县接待游客860万人次，旅游综合收入突破95亿元，分别增长12.5%、18.2%。") == [
        ("actual", "游客", "level", 860.0, "="),
        ("actual", "旅游综合收入", "level", 95.0, ">"),
        ("actual", "游客", "growth", 12.5, "="),
        ("actual", "旅游综合收入", "growth", 18.2, "="),
    ]
    # three levels and two growths: which two is not said, so neither is read
    got = rows("2023年，粮食产量12万吨，蔬菜产量30万吨，水果产量8万吨，分别增长3.1%、4.2%。")
    assert [g[2] for g in got] == ["level", "level", "level"]
