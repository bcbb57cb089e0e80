"""What a number measures: canonical indicator names and the noun phrase around a number.

A briefing compares regions, so the dozen headline indicators of every work
report get one name each whatever the text calls them (规上工业增加值, 社零, 高企).
Anything else is named by the shortest noun phrase the text gives it (义务教育学位,
亿元以上项目), cut with jieba's dictionary parts of speech — no HMM, and only on
the few characters next to a number, so it stays cheap.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import jieba
import jieba.posseg

# jieba logs its dictionary loading on every run; stderr is for our one-line messages.
jieba.setLogLevel(logging.WARNING)

# Canonical name → the ways reports write it (the name itself included).
INDICATORS: dict[str, tuple[str, ...]] = {
    "地区生产总值": ("地区生产总值", "生产总值", "GDP", "GDP总量", "经济总量", "经济增长",
                 "经济增速", "地区生产总值总量"),
    "规模以上工业增加值": ("规模以上工业增加值", "规上工业增加值", "规模工业增加值",
                  "规模以上工业企业增加值", "规上工业企业增加值"),
    "固定资产投资": ("固定资产投资", "全社会固定资产投资", "社会固定资产投资", "固投"),
    "工业投资": ("工业投资", "工业固定资产投资"),
    "社会消费品零售总额": ("社会消费品零售总额", "社零", "社零总额", "社消零"),
    "外贸进出口总额": ("外贸进出口总额", "进出口总额", "外贸进出口", "外贸进出口总值",
                  "进出口总值", "货物进出口总额", "外贸进出口额", "进出口贸易总额",
                  "外贸进出口贸易总额", "进出口贸易额"),
    # 公共财政预算收入 and 财政一般预算收入 are the names older and county reports use.
    "地方一般公共预算收入": ("地方一般公共预算收入", "一般公共预算收入", "一般预算收入",
                    "地方公共财政预算收入", "公共财政预算收入", "财政一般预算收入",
                    "地方财政一般预算收入"),
    "居民人均可支配收入": ("居民人均可支配收入", "人均可支配收入", "全体居民人均可支配收入"),
    "高新技术企业": ("高新技术企业", "高企", "国家高企", "国家级高新技术企业", "国家高新技术企业",
               "国高企业", "国高企"),
    "科技型中小企业": ("科技型中小企业", "入库科技型中小企业"),
    "城镇新增就业": ("城镇新增就业", "新增城镇就业", "城镇新增就业人数"),
    "实际使用外资": ("实际使用外资", "实际利用外资", "实际使用外资金额", "实际利用外资金额"),
    "研发经费投入强度": ("研发经费投入强度", "研发投入强度", "R&D经费投入强度"),
}
# R&D intensity is also written as a ratio: spending 占/相当于 output 的 比重/比例.
_RD_SPENDING = ("研发经费支出", "研发经费投入", "研发经费", "研发投入", "R&D经费支出",
                "R&D经费投入", "R&D经费", "R&D投入", "R&D")
_RD_OUTPUT = ("地区生产总值", "生产总值", "GDP", "全市生产总值", "全区生产总值", "全县生产总值",
              "全省生产总值")
INDICATORS["研发经费投入强度"] += tuple(
    f"{spending}{link}{output}{of}{head}" for spending in _RD_SPENDING for link in ("占", "相当于")
    for output in _RD_OUTPUT for of in ("", "的") for head in ("比重", "比例"))
# Indicators that are ratios: a % after them is a share, not a growth rate.
SHARE_INDICATORS = frozenset({"研发经费投入强度"})
# Heads that make a % a share: 覆盖率, 比重, 占比 …
SHARE_HEADS = ("率", "比重", "占比", "比例", "强度", "份额")
# Rewrites of the text's phrasing to the usual one: 超亿元项目 is 亿元以上项目.
PHRASE_REWRITES: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"超((?:\d+(?:\.\d+)?|[百千])?[万亿]?元)"), r"\1以上"),
    (re.compile(r"(?<=[万亿])(?=以上|以下)"), "元"),  # 亿以上项目 is 亿元以上项目
    (re.compile(r"建设项目$"), "项目"),
    (re.compile(r"(?<=.)(?:数量|总数|个数|家数)$"), ""),
    (re.compile(r"[“”\"'‘’「」『』]"), ""),
)
# Scope words that say where or when, not what: 全市地区生产总值 and 第一季度固定资产投资
# are 地区生产总值 and 固定资产投资 (the period is the fact's time, read by years.py).
SCOPE = re.compile(r"^(?:全|我|本)(?:市|区|县|省|镇|州|旗|社会)|^(?:区|市|县)属|^(?:全年|年度内|年内)"
                   r"|^(?:第?[一二三四]季度|[上下]半年|前三季度|\d{1,2}(?:-|—|至)\d{1,2}月)")
# Phrases that are never what a number measures, web-page furniture included.
NON_HEADS = ("方面", "其他", "其它", "其中", "以上", "左右", "总共", "合计", "共计", "评论", "点赞",
             "阅读", "浏览", "转发", "收藏", "分享", "访问",
             "任务", "目标")  # 超额完成年度任务2.1亿元 is a margin over the plan, not a level
# Static descriptions, not results or targets: 总面积169.1平方公里, 全长 …
# (播种面积 and 造林面积 are results; 总面积 and 占地面积 describe.)
DESCRIPTIVE = ("总面积", "占地面积", "占地", "规划面积", "建筑面积", "用地面积", "辖区面积", "土地面积",
               "域面积", "长度", "全长", "总长", "宽度", "高度", "海拔", "距离", "车程", "时速",
               "半径", "库容", "容量", "注册资本", "吞吐能力", "乡镇", "镇街", "街道", "行政村",
               "自然村")
# jieba's dictionary tags that are wrong for this register.
TAG_OVERRIDES: dict[str, str] = {
    "力争": "v", "入库": "v", "动工": "v", "有序": "d", "正式": "b", "开工": "v",
    "全社会": "n", "为": "v", "投产": "v", "预计": "v", "预期": "v", "惠及": "v",
    "新建": "v", "改扩建": "v", "新改扩建": "v",
    "城镇": "n", "城市": "n", "山区": "n",  # kinds of place, not places: 城镇居民人均可支配收入
}
# Common report words jieba's dictionary lacks; cut as one noun.
REPORT_WORDS = ("专精特新", "小巨人", "高企", "规上", "新冠", "老旧小区", "瞪羚", "独角兽", "单项冠军",
                "隐形冠军", "链主", "小升规", "工改工", "个转企", "规改股", "营商环境", "营收",
                "第一产业", "第二产业", "第三产业")
NOUNISH = frozenset({"n", "nr", "ns", "nt", "nz", "nrt", "ng", "vn", "an", "j", "l", "b", "a",
                     "zg", "eng", "chunk", "s", "i", "z"})
HEADS = NOUNISH - {"a", "b"} | {"v"}
VERBISH = frozenset({"v", "vn", "j", "l", "i"})
CONTENT = frozenset({"n", "v", "a", "vn", "ng", "zg"})
# Tags and words that end a noun phrase read forward from a count.
STOP_TAGS = frozenset({"u", "uj", "ul", "uz", "ud", "ug", "uv", "p", "c", "d", "r", "m", "x", "t", "f"})
CONJUNCTIONS = frozenset({"和", "与", "及", "以及", "等", "并", "或"})
PLACE_SUFFIXES = "省市区县旗州盟"
DEICTIC = ("我", "本", "全", "该")
# One-character adjectives that, right after a verb, are its resultative complement
# (抓好, 落实好, 做实, 用足, 压细): they finish the verb and qualify no noun after it.
RESULT_COMPLEMENTS = frozenset("好完实足细牢透准稳活")

# Cut whole: quoted names, money classes (亿元以上), report words and every alias.
_CHUNK = re.compile(
    r"“[^”]{1,16}”|‘[^’]{1,16}’|「[^」]{1,16}」"
    r"|超?(?:(?:\d+(?:\.\d+)?|[百千])?[万亿]元|\d+(?:\.\d+)?元)(?:以上|以下)?"
    r"|(?:\d+(?:\.\d+)?|[百千])?[万亿](?:以上|以下)"  # 5000万以上项目: the 元 is understood
    r"|规模以上|每(?:十万|万|千|百)?人口?|R&D|\d+强|"
    + "|".join(sorted(set(REPORT_WORDS) | {a for names in INDICATORS.values() for a in names},
                      key=len, reverse=True))
)


# Characters read on each side of a number: an indicator is rarely longer (a ratio
# such as 研发经费支出相当于全市生产总值的比例 with its scope is the longest).
WINDOW = 24


@dataclass
class Phrase:
    """An indicator name and the span `start:end` of the text it was read from."""

    name: str
    start: int
    end: int
    canonical: bool = False


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    return {alias: name for name, aliases in INDICATORS.items() for alias in aliases}


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern:
    words = sorted(_aliases(), key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + r")$")


def canonical(name: str) -> str:
    """The canonical name of an indicator phrase, or the tidied phrase itself."""
    name = tidy(name)
    return _aliases().get(name, name)


def tidy(name: str) -> str:
    for pattern, repl in PHRASE_REWRITES:
        name = pattern.sub(repl, name)
    return SCOPE.sub("", name) or name


def _tag(word: str) -> str:
    if word in TAG_OVERRIDES:
        return TAG_OVERRIDES[word]
    tag = jieba.posseg.dt.word_tag_tab.get(word)
    if tag:
        return tag
    if any("\u4e00" <= c <= "\u9fff" for c in word):
        return "n"
    # 5G, R&D, PM2.5 are names; a bare number is not.
    return "eng" if word.isascii() and word.isalnum() and not word.isdigit() else "x"


@lru_cache(maxsize=8192)
def tokens(text: str) -> list[tuple[str, str, int]]:
    """(word, tag, offset) for `text`; quoted names and 亿元以上-style modifiers stay whole.

    Cached: reports repeat their phrases (地区生产总值增长) across thousands of articles.
    Callers must not modify the list.
    """
    out: list[tuple[str, str, int]] = []
    pos = 0
    for m in list(_CHUNK.finditer(text)) + [None]:
        stop = m.start() if m else len(text)
        for word in jieba.cut(text[pos:stop], HMM=False):
            out.append((word, _tag(word), pos))
            pos += len(word)
        if m:
            out.append((m.group(), "chunk", m.start()))
            pos = m.end()
    return out


def _noun_run(toks: list[tuple[str, str, int]], verbs: frozenset[str]) -> list[tuple[str, str, int]]:
    """The longest run of noun-ish tokens ending at the last token (its head).

    A verb inside the run stays when nouns stand on both sides of it and it is
    not one of `verbs` (老旧小区改造项目), so 企业实现营收 is not one noun.
    """
    if not toks or toks[-1][1] not in HEADS or toks[-1][0] in NON_HEADS:
        return []
    if toks[-1][0] in verbs and toks[-1][1] != "vn":
        return []  # 实现|地区生产总值: a verb of the grammar is no head, a verbal noun (培育) is
    k = len(toks) - 1
    if k > 0 and toks[k][1] == "v" and toks[k - 1][1] == "d" and len(toks[k - 1][0]) == 1:
        k -= 1  # 再就业: an adverb fused with a verbal head
    while k > 0:
        word, tag, _ = toks[k - 1]
        if tag in NOUNISH and word not in verbs:
            k -= 1
        elif word == "对" and toks[k][1] in ("ns", "j", "nt"):
            k -= 1  # 对东盟进出口: trade with a partner is its own indicator
        elif word == "类" and k > 1 and toks[k - 2][1] in NOUNISH | CONTENT:
            k -= 2  # 城市建设类项目: a class of the head, named by any word (各类企业 stops at 各)
        elif tag == "v" and word not in verbs and k > 1 and toks[k - 2][1] in NOUNISH:
            k -= 1
        else:
            break
    run = toks[k:]
    if k > 0 and len(run) > 1 and toks[k - 1][0] in DEICTIC and run[0][0] in PLACE_SUFFIXES:
        run = run[1:]  # 我|县|固定资产投资: the level word of a split 我县 is a scope
    done = [i for i, tok in enumerate(run[:-1]) if tok[0] in RESULT_COMPLEMENTS and k + i > 0]
    if done:
        run = run[done[-1] + 1:]  # 落实|好|年度投资, 用|好|…: the complement ends the verb phrase
    # Words before a place inside the run belong to another phrase or to page debris
    # (…个大渡|大渡口区|GDP): the phrase starts at the place, which the loop below drops.
    places = [i for i, (word, tag, _) in enumerate(run[:-1]) if i > 0 and _is_place(word, tag)]
    if places:
        run = run[places[-1]:]
    while len(run) > 1 and (run[0][1] == "v" or run[0][1] == "vn" and run[0][0] in verbs
                            or _is_place(run[0][0], run[0][1]) or not SCOPE.sub("", run[0][0])
                            or run[0][1] == "ns" and (not SCOPE.sub("", run[1][0])
                                                      or run[1][0] in _aliases())):
        run = run[1:]  # 供应工业用地, 浏阳市|韶关全市|泰安GDP: a verb, a place or a scope does not name
    return run


def _is_place(word: str, tag: str) -> bool:
    return tag == "ns" and len(word) > 2 or len(word) > 2 and word[-1] in PLACE_SUFFIXES


def phrase_before(text: str, end: int, start: int = 0, alias_end: int | None = None,
                  verbs: frozenset[str] = frozenset()) -> Phrase | None:
    """The indicator named right before `end` in `text[start:end]`.

    A canonical alias may also end at `alias_end`, past verbs the caller stripped
    (经济增长, 城镇新增就业 contain their verb). A noun before the alias narrows
    it into another indicator (农村居民人均可支配收入, 人均GDP, 对东盟进出口总值);
    a scope word or a place does not (全市地区生产总值).
    """
    window_start = max(start, end - WINDOW)
    run = _noun_run(tokens(text[window_start:end]), verbs)
    np_start = window_start + run[0][2] if run else end
    for stop in dict.fromkeys((alias_end or end, end)):
        alias = _alias_pattern().search(text, max(start, stop - WINDOW), stop)
        if alias and alias.start() <= np_start:
            lead_start = max(start, alias.start() - 12)
            lead = _narrowing(_noun_run(tokens(text[lead_start:alias.start()]), verbs), verbs)
            if lead:
                begin = lead_start + lead[0][2]
                return _phrase(text[begin:stop], begin, stop)
            return Phrase(_aliases()[alias.group()], alias.start(), stop, True)
    if not run:
        return None
    return _phrase(text[np_start:end], np_start, end)


def _narrowing(run: list[tuple[str, str, int]],
               verbs: frozenset[str]) -> list[tuple[str, str, int]]:
    """The part of a noun run before an alias that narrows it: places, scopes and a verb
    governing it do not (韶关全市地区生产总值, 新培育国家高新技术企业; 农村居民人均可支配收入 does)."""
    if run and run[-1][0] in verbs:
        return []
    # Words before a place belong to another phrase or to page debris (…个大渡|大渡口区GDP).
    places = [i for i, (word, tag, _) in enumerate(run) if i > 0 and _is_place(word, tag)]
    k = places[-1] if places else 0
    while k < len(run) and (run[k][1] == "ns" or _is_place(run[k][0], run[k][1])
                            or not SCOPE.sub("", run[k][0])):
        k += 1
    rest = run[k:]
    if len(rest) == 1 and rest[0][0] in PLACE_SUFFIXES:
        return []  # the 县 of a split 我|县
    return rest if rest and SCOPE.sub("", "".join(w for w, _, _ in rest)) else []


def phrase_after(text: str, start: int, stop: int,
                 verbs: tuple[str, ...] = ()) -> tuple[Phrase | None, str]:
    """The noun phrase starting at `start` (a count's noun), and the text after it.

    It runs to the end of the list item unless a word ends it first: one of
    `verbs` (动工, 建成投产 — what is done to the counted things), a conjunction,
    a particle, or a verb with no noun after it. A verb between nouns stays
    (乡村振兴示范带, 保障性租赁住房).
    """
    toks = tokens(text[start:min(stop, start + WINDOW)])
    k = 0
    while k < len(toks):
        word, tag, _ = toks[k]
        if (tag in STOP_TAGS or word in CONJUNCTIONS or word in verbs
                or tag in VERBISH and word.startswith(verbs or "\0")):
            break
        if tag == "v" and not (k + 1 < len(toks) and toks[k + 1][1] in NOUNISH - VERBISH):
            break
        k += 1
    run = toks[:k]
    while run and run[-1][1] in ("vn", "v") and len(run) > 1:
        run = run[:-1]  # 重点项目建设: 建设 is what is done to them
    if not run or run[-1][1] in ("v", "vn", "a", "b"):
        return None, text[start:stop]
    end = start + run[-1][2] + len(run[-1][0])
    return _phrase(text[start:end], start, end), text[end:min(stop, end + 8)]


def phrase_of(raw: str, start: int, end: int) -> Phrase | None:
    """The indicator a name written out in full makes: tidied, canonical if it is an alias."""
    return _phrase(raw, start, end)


def _phrase(raw: str, start: int, end: int) -> Phrase | None:
    name = tidy(raw)
    if len(name) < 2 or name in NON_HEADS or name.endswith(NON_HEADS):
        return None
    aliases = _aliases()
    if name in aliases:
        return Phrase(aliases[name], start, end, True)
    threshold = _THRESHOLD.match(name)
    if threshold and name[threshold.end():] in aliases:
        return Phrase(aliases[name[threshold.end():]], start, end, True)
    return Phrase(name, start, end)


# The statistical caliber of a headline indicator: 500万元以上固定资产投资 is the
# 固定资产投资 a county reports (a class like 10亿元以上项目 keeps its threshold).
_THRESHOLD = re.compile(r"^\d+(?:\.\d+)?[万亿]?元(?:及)?以上(?:的)?")


def is_descriptive(name: str) -> bool:
    """Sizes, lengths and divisions describe a place; they are not results or targets."""
    return name == "面积" or name.endswith(DESCRIPTIVE)


def has_verbal_head(name: str) -> bool:
    """稳经济, 高质量发展: the phrase ends in what is done, not in a thing one counts."""
    toks = tokens(name)
    return bool(toks) and toks[-1][1] in ("v", "vn")


def is_share(phrase: Phrase) -> bool:
    return phrase.name in SHARE_INDICATORS or phrase.name.endswith(SHARE_HEADS)
