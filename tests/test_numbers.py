"""Numbers as reports write them: numerals, magnitudes, money, bounds, PDF spacing."""
import pytest

from briefing.extract.numbers import find_amounts, parse_number, squeeze


def amounts(text: str) -> list[tuple[float, str, str]]:
    sq = squeeze(text)
    return [(round(a.value, 8), a.unit, a.bound) for a in find_amounts(sq.text)]


@pytest.mark.parametrize("text, value, unit", [
    ("全年完成投资1,236.5亿元", 1236.5, "亿元"),
    ("总投资约8.4万亿元", 84000.0, "亿元"),
    ("安排专项资金5000万元", 0.5, "亿元"),
    ("每村补助12万元", 0.0012, "亿元"),
    ("发放奖励资金三千万元", 0.3, "亿元"),
    ("预算安排五十亿元", 50.0, "亿元"),
    ("合同金额860元", 0.0000086, "亿元"),
])
def test_money_in_yuan_becomes_yi_yuan(text, value, unit):
    assert [(v, u) for v, u, _ in amounts(text)] == [(value, unit)]


@pytest.mark.parametrize("text, expected", [
    ("实际利用外资3.5亿美元", (3.5, "亿美元")),
    ("引进外资800万欧元", (800.0, "万欧元")),
    ("编列预算新台币50亿元", (50.0, "亿新台币")),
    ("本地生产总值1,773亿澳门元", (1773.0, "亿澳门元")),
])
def test_other_currencies_are_kept_as_given(text, expected):
    value, unit, _ = amounts(text)[0]
    assert (value, unit) == expected


@pytest.mark.parametrize("text, bound", [
    ("高企超600家", ">"), ("突破300家", ">"), ("逾2万人", ">"), ("超过90%", ">"),
    ("近40亿元", "≈"), ("约130亿元", "≈"), ("增长6%左右", "≈"),
    ("不少于50个", "≥"), ("不低于95%", "≥"), ("8%以上", "≥"),
    ("控制在5.5%以内", "≤"), ("不超过3%", "≤"),
    ("企业380多家", ">"), ("签约项目60余个", ">"), ("增长7%", "="),
])
def test_bound_words(text, bound):
    assert amounts(text)[-1][2] == bound


def test_tenths_are_percentages():
    assert amounts("九成以上的行政村通公交") == [(90.0, "%", "≥")]
    assert amounts("覆盖率超八成") == [(80.0, "%", ">")]


def test_written_out_percentages():
    assert amounts("本地生产总值实质增长百分之三点二") == [(3.2, "%", "=")]
    assert amounts("失业率维持在百分之四以下") == [(4.0, "%", "≤")]


def test_counts_keep_their_magnitude_in_the_unit():
    assert amounts("接待游客1,530.6万人次") == [(1530.6, "万人次", "=")]
    assert amounts("建设高标准农田3.2万亩") == [(3.2, "万亩", "=")]


@pytest.mark.parametrize("text", [
    "三大产业集群", "坚决做到两个维护", "实施十大行动", "建设周期3个月",
    "2023年3月15日", "为60周岁以上老人体检", "车程1.5小时", "打造千亩茶园",
    "增长2.3倍", "出台“人才十条”",
])
def test_rhetoric_dates_ages_and_durations_are_not_amounts(text):
    assert amounts(text) == []


def test_percentage_points_are_their_own_unit():
    assert amounts("比重提高1.2个百分点") == [(1.2, "个百分点", "=")]


def test_pdf_spacing_and_full_width_digits():
    sq = squeeze("地区生产总值增 长 6 . 5 % 左右")
    a = find_amounts(sq.text)[0]
    assert (a.value, a.unit, a.bound) == (6.5, "%", "≈")
    i, j = sq.span(a.start, a.end)
    assert "地区生产总值增 长 6 . 5 % 左右"[i:j] == "6 . 5 % 左右"
    assert amounts("增长６．５％") == [(6.5, "%", "=")]


@pytest.mark.parametrize("token, value", [
    ("1,234.5", 1234.5), ("一百二十", 120.0), ("两千", 2000.0), ("三点五", 3.5), ("十五", 15.0),
    ("千", 1000.0), ("abc", None),
])
def test_parse_number(token, value):
    assert parse_number(token) == value
