"""Numbers, units and bound words as Chinese reports write them.

Money is compared across regions and years, so every amount in 元 becomes 亿元;
other currencies keep the unit they were given in, because converting them needs
a rate and a date that the article does not give. Counts and measures keep their
magnitude in the unit (153.4万剂次, 3万亩) the way the text states them.

Matching runs on a squeezed copy of the text (no spaces, half-width digits), so
PDF spacing like "增长 8 %" reads like "增长8%"; `Squeezed.span` maps a match back
to offsets in the sentence for quoting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import cn2an

AmountKind = Literal["money", "percent", "points", "count", "measure"]

# Words before a number that bound it, longest first when compiled.
PREFIX_BOUNDS: dict[str, str] = {
    "超过": ">", "超出": ">", "超": ">", "突破": ">", "逾": ">", "高于": ">", "大于": ">",
    "多于": ">", "近": "≈", "约": "≈", "大约": "≈", "将近": "≈", "接近": "≈",
    "迈上": "≥", "跨上": "≥", "站上": "≥", "跃上": "≥", "迈入": "≥",   # 迈上800亿元台阶
    "不少于": "≥", "不低于": "≥", "至少": "≥", "不小于": "≥",
    "不超过": "≤", "不高于": "≤", "不多于": "≤", "最多": "≤",
    "不到": "<", "不足": "<", "低于": "<", "少于": "<",
}
# Words after the unit (or between number and unit: 240多家, 50余家).
SUFFIX_BOUNDS: dict[str, str] = {
    "左右": "≈", "上下": "≈", "以上": "≥", "以内": "≤", "以下": "≤",
}
APPROX_MARKS: dict[str, str] = {"多": ">", "余": ">"}

MAGNITUDES: dict[str, float] = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6,
    "十万": 1e5, "万": 1e4, "千": 1e3, "百": 1e2,
}
# Currency word → the unit written after 亿/万 when kept as given; 元 is normalised.
CURRENCIES: dict[str, str] = {
    "元": "元", "人民币": "元", "美元": "美元", "欧元": "欧元", "港元": "港元", "港币": "港元",
    "澳门元": "澳门元", "日元": "日元", "英镑": "英镑", "澳元": "澳元", "韩元": "韩元",
    "新台币": "新台币", "卢布": "卢布",
}
COUNT_UNITS: tuple[str, ...] = (
    "个", "家", "项", "人次", "人", "名", "件", "条", "套", "所", "座", "台", "辆", "艘",
    "架", "户", "宗", "间", "张", "床", "栋", "幢", "处", "场次", "场", "只", "头", "株",
    "棵", "本", "册", "篇", "部", "款", "例", "起", "剂次", "剂", "份", "支", "对", "块",
    "根", "盏", "批次", "种", "所学校",
)
MEASURE_UNITS: tuple[str, ...] = (
    "平方公里", "平方千米", "平方米", "立方米", "公顷", "亩", "公里", "千米", "延米", "米",
    "吨", "千瓦时", "千瓦", "兆瓦", "吉瓦", "标准箱", "标箱", "TEU", "千克", "公斤", "斤",
)
PERCENT_UNITS: dict[str, AmountKind] = {"%": "percent", "个百分点": "points", "百分点": "points"}

# A count unit followed by these is a duration or something else: 5个月, 3个工作日.
_NOT_AFTER_COUNT = "(?!月|多月|半月|小时|工作日|季度|百分点|年)"
_CN_DIGITS = "零〇一二两三四五六七八九"


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# 约 ends verbs as well as opening an estimate: 签约14个项目 is no 约14个.
_VERB_YUE = "签节合预履制集简公条违续邀契特"


def _prefix_bounds() -> str:
    words = sorted(PREFIX_BOUNDS, key=len, reverse=True)
    return "|".join(f"(?<![{_VERB_YUE}])约" if w == "约" else re.escape(w) for w in words)


_UNITS = list(CURRENCIES) + list(COUNT_UNITS) + list(MEASURE_UNITS) + list(PERCENT_UNITS)
_AMOUNT = re.compile(
    rf"(?P<pre>{_prefix_bounds()})?"
    rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN_DIGITS}十百千万亿]+(?:点[{_CN_DIGITS}]+)?)"
    rf"(?P<approx>[多余])?(?P<mag>{_alternation(MAGNITUDES)})?(?P<approx2>[多余])?"
    rf"(?P<unit>{_alternation(_UNITS)}){_NOT_AFTER_COUNT}"
    rf"(?P<post>{_alternation(SUFFIX_BOUNDS)})?"
)
# 九成, 八成五, 超九成: tenths of a whole, read as a percentage.
_TENTHS = re.compile(
    rf"(?P<pre>{_prefix_bounds()})?(?P<num>[一二三四五六七八九])成(?P<half>五)?(?!不)"
    rf"(?P<post>{_alternation(SUFFIX_BOUNDS)})?"
)
# 百分之三点二: the written-out percentage of formal and Hong Kong or Taiwan text.
_PER_CENT = re.compile(
    rf"(?P<pre>{_prefix_bounds()})?百分之(?P<num>\d+(?:\.\d+)?|[{_CN_DIGITS}十百]+(?:点[{_CN_DIGITS}]+)?)"
    rf"(?P<post>{_alternation(SUFFIX_BOUNDS)})?"
)
_CURRENCY_BEFORE = re.compile(rf"(?:{_alternation(CURRENCIES)})$")
# Full-width digits, % and decimal points, mapped one character to one so offsets
# survive; full-width punctuation is matched as it stands.
_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_WIDE = re.compile("[０-９％．]")


@dataclass
class Squeezed:
    """A sentence without spaces and with half-width digits; `index[k]` is where
    character k of `text` sits in the sentence (None when nothing was removed)."""

    text: str
    index: list[int] | None = None

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Offsets in the sentence of the squeezed span `i:j`."""
        if self.index is None:
            return i, j
        if i >= j:
            return (self.index[i], self.index[i]) if i < len(self.index) else (0, 0)
        return self.index[i], self.index[j - 1] + 1


_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> Squeezed:
    """Drop whitespace and unify character widths (PDF text puts spaces anywhere)."""
    if _WIDE.search(text):
        text = text.translate(_WIDTH)
    if not _SPACE.search(text):
        return Squeezed(text)
    index: list[int] = []
    last = 0
    for m in _SPACE.finditer(text):
        index.extend(range(last, m.start()))
        last = m.end()
    index.extend(range(last, len(text)))
    return Squeezed(_SPACE.sub("", text), index)


@dataclass
class Amount:
    """One number with its unit and bound, at `start:end` of the squeezed text.

    `value` is in 亿元 for money in 元; counts and measures keep the number as
    written, their magnitude going into `unit` (153.4, 万剂次).
    """

    start: int
    end: int
    value: float
    unit: str
    kind: AmountKind
    bound: str = "="
    chinese: bool = False

    @property
    def is_count(self) -> bool:
        return self.kind == "count"


def parse_number(token: str) -> float | None:
    """Arabic (1,234.5) or Chinese (一百二十, 三点五, 两千) numerals; None if neither."""
    token = token.replace(",", "")
    try:
        return float(token)
    except ValueError:
        pass
    if token[:1] in "十百千":
        token = "一" + token
    try:
        return float(cn2an.cn2an(token, "normal"))
    except (ValueError, KeyError, IndexError):
        return None


def _split_chinese(num: str) -> tuple[str, str]:
    """一百二十万 → (一百二十, 万): the magnitude goes to the unit as with Arabic."""
    k = len(num)
    while k > 0 and num[k - 1] in "万亿":
        k -= 1
    return num[:k], num[k:]


def _bound(pre: str | None, approx: str | None, post: str | None) -> str:
    if pre:
        return PREFIX_BOUNDS[pre]
    if post:
        return SUFFIX_BOUNDS[post]
    if approx:
        return APPROX_MARKS[approx]
    return "="


def _parts(m: re.Match) -> tuple[str, str, bool]:
    """The numeral, its magnitude (万, 亿, 万亿 …) and whether it is written in Chinese."""
    num, mag = m["num"], m["mag"] or ""
    if num[0].isdigit():
        return num, mag, False
    num, cn_mag = _split_chinese(num)
    return num, cn_mag + mag, True


def _amount(m: re.Match) -> Amount | None:
    num, mag, chinese = _parts(m)
    unit = m["unit"]
    if chinese:
        if not num:
            return None
        # Lone or digit-less Chinese numerals are rhetoric (三大产业, 两个维护, 千亩茶园),
        # except in money, where 百亿元/千亿元 are ordinary amounts.
        if unit not in CURRENCIES and (len(num) < 2 or not any(c in _CN_DIGITS for c in num)):
            return None
    value = parse_number(num)
    if value is None or (mag and mag not in MAGNITUDES):
        return None
    bound = _bound(m["pre"], m["approx"] or m["approx2"], m["post"])
    if unit in PERCENT_UNITS:
        if mag:
            return None
        return Amount(m.start(), m.end(), value, "%" if unit == "%" else "个百分点",
                      PERCENT_UNITS[unit], bound, chinese)
    if unit in CURRENCIES:
        currency = CURRENCIES[unit]
        if currency == "元":
            return Amount(m.start(), m.end(), value * MAGNITUDES.get(mag, 1.0) / 1e8, "亿元",
                          "money", bound, chinese)
        return Amount(m.start(), m.end(), value, mag + currency, "money", bound, chinese)
    kind: AmountKind = "count" if unit in COUNT_UNITS else "measure"
    return Amount(m.start(), m.end(), value, mag + unit, kind, bound, chinese)


def find_amounts(text: str) -> list[Amount]:
    """Every number-with-unit in squeezed `text`, left to right, without overlaps."""
    found: list[Amount] = []
    for m in _AMOUNT.finditer(text):
        a = _amount(m)
        if a is not None:
            _currency_before(text, m, a)
            found.append(a)
    for m in _TENTHS.finditer(text) if "成" in text else ():
        if any(a.start <= m.start() < a.end for a in found):
            continue
        value = float(cn2an.cn2an(m["num"], "normal")) * 10 + (5 if m["half"] else 0)
        found.append(Amount(m.start(), m.end(), value, "%", "percent",
                            _bound(m["pre"], None, m["post"]), True))
    for m in _PER_CENT.finditer(text) if "百分之" in text else ():
        value = parse_number(m["num"])
        if value is not None and not any(a.start <= m.start() < a.end for a in found):
            found.append(Amount(m.start(), m.end(), value, "%", "percent",
                                _bound(m["pre"], None, m["post"]), not m["num"][0].isdigit()))
    return sorted(found, key=lambda a: a.start)


def _currency_before(text: str, m: re.Match, a: Amount) -> None:
    """新台币50亿元, 美元3000万元: a currency named before the number is its unit."""
    if a.kind != "money" or a.unit != "亿元":
        return
    before = _CURRENCY_BEFORE.search(text, max(0, m.start() - 5), m.start())
    if before and CURRENCIES[before.group()] != "元":
        num, mag, _ = _parts(m)
        a.value = parse_number(num) or a.value
        a.unit = mag + CURRENCIES[before.group()]


def has_number(text: str) -> bool:
    """Cheap test before any real work: most sentences carry no number at all."""
    return _ANY_NUMBER.search(text) is not None


# Arabic digits, multi-character Chinese numerals, 百亿/千亿, 九成 and 百分之.
_ANY_NUMBER = re.compile(rf"[\d０-９]|[{_CN_DIGITS}十百千]{{2,}}|[百千]亿|[一二三四五六七八九]成|百分之")
