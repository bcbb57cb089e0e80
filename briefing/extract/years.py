"""The year a number belongs to, and whether it is a plan or a result.

A report published in February 2023 speaks of 2022 results and 2023 targets in
the same breath, so the year of a fact is never simply the article's year. Time
words (2022年, 今年, 去年, 今年以来, 1-9月, 目前) and plan/result words (力争, 确保,
预期 / 已, 累计, 同比, 了) are read per sentence; a sentence without any inherits
from the one before it in its paragraph, then from the headings above it
(`2022亮点回顾` → results of 2022, `2023年工作安排` → targets for 2023), then from
the last tense read in its section.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from briefing.extract.numbers import squeeze
from briefing.extract.sentences import Sentence, Tense, looks_like_heading
from briefing.model import Article

# Relative time words: offset from the article's year and the tense they imply.
RELATIVE_YEARS: dict[str, tuple[int, Tense | None]] = {
    "今年": (0, None), "本年度": (0, None), "今年度": (0, None), "本年": (0, None),
    "年内": (0, "target"),
    "去年": (-1, "actual"), "上年": (-1, "actual"), "上一年": (-1, "actual"),
    "过去一年": (-1, "actual"), "过去的一年": (-1, "actual"), "前年": (-2, "actual"),
    "明年": (1, "target"), "来年": (1, "target"),
    "目前": (0, "actual"), "当前": (0, None), "如今": (0, "actual"), "现在": (0, "actual"),
    "截至目前": (0, "actual"), "迄今": (0, "actual"),
    # the event being reported happens now: 此次集中开工项目25个 counts this year's
    "此次": (0, "actual"), "本次": (0, "actual"),
}
# "Now": early in the year, now is the close of the year a paragraph has just named.
PRESENT_WORDS = ("目前", "当前", "如今", "现在", "截至目前", "迄今")
# Statistics of part of the year so far are reported, never planned: 1-9月, 上半年.
PERIOD_TO_DATE = (r"\d{1,2}(?:-|—|至)\d{1,2}月|前[一二三四五六七八九十\d]{1,2}个?月|上半年|前三季度"
                  r"|(?:截至)?\d{1,2}月(?:底|末)"
                  r"|[一二三四]季度|(?:春节|国庆|五一|端午|中秋)(?:假期|期间|黄金周)")
# A year after these is the base of a comparison (比2021年增长5%, 较去年同期), not the fact's.
COMPARED = ("比", "较", "同", "与")
# "since …" sets the period to now, whatever year it starts from: 去年以来 is current.
SINCE = ("以来", "至今")
# Plan words and result words inside a sentence.
# 目标 and 预计 are no cues: 实现倍增目标 reports a target met, and 预计全年… in a
# January report is last year's estimated result.
TARGET_WORDS: tuple[str, ...] = (
    "力争", "争取", "确保", "预期", "计划", "将", "拟", "安排", "力促", "力求", "奋斗",
    "冲刺", "努力",
)
ACTUAL_WORDS: tuple[str, ...] = (
    "已经", "已", "累计", "同比", "比上年", "较上年", "比去年", "较去年", "以来", "拥有",
    "截至", "成功", "共有", "荣获", "获评", "回顾", "成绩", "成效", "过去",
    # what a batch of projects did at an event (61个重大项目集中签约, 集中开工)
    "集中签约", "集中开工",
)
# 预计地区生产总值将达到1400亿元: the 将 of an estimate says nothing of a plan.
ESTIMATE = r"预计[^，,；;。将]{0,16}将"
# How a plan went: 2023年计划执行情况 reports results, though it names the plan.
PLAN_OUTCOME = ("执行情况", "完成情况", "落实情况", "实施情况", "执行结果")
# A goal being stated, not a goal met: 主要目标是…, 预期目标为…, 发展目标：…
STATED_GOAL = r"目标(?:是|为|[:：])"
# 争取 before a source of money is "obtain", not "strive": 争取上级转移支付31.8亿元 says
# nothing of tense, and the sentence keeps the one of its paragraph or section.
OBTAINED_FROM = ("上级", "中央", "国家", "省级", "省", "资金", "专项", "债券", "转移支付", "到位", "到")
# …or with the money named a few words on: 争取超长期特别国债等各类政策资金超过300亿元.
OBTAINED_MONEY = ("资金", "国债", "债券", "转移支付", "补助")
OBTAINED_REACH = 12
# Plan words used as nouns: 围绕“1142”工作安排 names the arrangement, it plans nothing;
# a project's 计划总投资 is its size, said of projects signed or started as of planned ones;
# 完成年度投资计划的80% measures a result against the plan.
PLAN_NOUNS = ("工作安排", "统筹安排", "总体安排", "决策安排", "部署安排", "计划总投资", "投资计划")
# Heading words: a section of results, or of plans.
HEADING_ACTUAL = ("回顾", "成绩", "成就", "成效", "亮点", "总结", "过去") + PLAN_OUTCOME
HEADING_TARGET = ("安排", "目标", "预期", "计划", "任务", "展望", "部署", "思路", "重点工作")

# An actual with no time word is the last full year while its statistics are
# still the news (the first half of the year), else the current one.
REPORTING_MONTHS = 6
# How far into the body a bulletin states the period it reports (一季度,全县实现…).
LEAD_SPAN = 60
_YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})\s*年\s*$")
_PAST_YEAR_WORDS = ("去年", "上年", "前年", "去年同期", "上年同期")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# A year after 比/较 is the base of a comparison (比2021年增长5%), not the fact's year.
_YEAR = re.compile(r"(?<![\d.\-—~比较与同])((?:19|20)\d{2})年(?!代)")
# Headings also write bare years: 2022亮点回顾, 为沅陵2023发展建言献策.
_BARE_YEAR = re.compile(r"(?<![\d.\-—~])((?:19|20)\d{2})(?![\d.%\-—~至到])")
_RANGE = re.compile(r"(?:19|20)\d{2}年?[\-—~至到](?:19|20)\d{2}年?")
_RELATIVE = re.compile(rf"(?:{_alternation(RELATIVE_YEARS)})(?:{_alternation(SINCE)})?")
_SINCE = re.compile(rf"(?:{_alternation(SINCE)})")
_PERIOD = re.compile(PERIOD_TO_DATE)
# 了 after a verb marks a completed action; 为了/除了/了解 do not.
_TENSE = re.compile(
    "(?=[" + "".join(sorted({w[0] for w in TARGET_WORDS + ACTUAL_WORDS + PLAN_OUTCOME
                             + PLAN_NOUNS}))
    + r"了上前一二三四目\d])"
    rf"(?:(?P<n>争取(?={_alternation(OBTAINED_FROM)}|[^，,；;。]{{0,{OBTAINED_REACH}}}?(?:{_alternation(OBTAINED_MONEY)}))|{_alternation(PLAN_NOUNS)}|{ESTIMATE})"
    rf"|(?P<o>(?:{_alternation(TARGET_WORDS)})?(?:{_alternation(PLAN_OUTCOME)}))"
    rf"|(?P<t>{_alternation(TARGET_WORDS)}|{STATED_GOAL})"
    rf"|(?P<a>{_alternation(ACTUAL_WORDS)}|(?<![为除])了(?!解)|{PERIOD_TO_DATE}))"
)
_TITLES = re.compile(r"《[^》]*》")
# A short quoted name is a slogan or a programme (“两个确保”, “十大战略”): its words
# say nothing of the tense of the sentence.
_SLOGAN = re.compile(r"“[^”]{1,10}”|「[^」]{1,10}」")
_DIGIT = re.compile(r"\d")
_YEAR_HINT = re.compile(rf"[\d年]|{_alternation(k for k in RELATIVE_YEARS if '年' not in k)}|{_alternation(SINCE)}")
_DATE_LINE = re.compile(r"^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# 一、 or (二) opens a section of a report; a bullet (●•) or 1. does not.
_SECTION_MARK = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])")
_HEADING_TENSE = re.compile(
    rf"(?P<a>(?:{_alternation(HEADING_TARGET)})?(?:{_alternation(PLAN_OUTCOME)})"
    rf"|{_alternation(HEADING_ACTUAL)})|(?P<t>{_alternation(HEADING_TARGET)})")


# An undated article still dates its lead event: 昨日,绵阳市举行2022年…发布会.
EVENT_WORDS = ("昨日", "昨天", "今日", "今天", "日前", "近日", "当天", "本周", "近期")
LEAD_SENTENCES = 6
_LEAD_SENTENCE = re.compile(r"[^。！？!?\n]+")
_EVENT = re.compile(_alternation(EVENT_WORDS))
# …but not a year it sums up: 近日召开2022年度工作总结会 is held the year after.
_HORIZON_YEAR = re.compile(r"(?<![\d.\-—~比较与同到至为])((?:19|20)\d{2})年(?!代|度|工作总结|总结|回顾)")


@dataclass
class Cue:
    """A time or tense word at `start:end`: the year it points at and/or the tense."""

    start: int
    end: int
    year: int | None = None
    tense: Tense | None = None
    present: bool = False


def _blank_titles(text: str) -> str:
    """Years inside 《…(2022-2024)》 name a document, not the time of a number."""
    if "《" in text:
        text = _TITLES.sub(lambda m: " " * len(m.group()), text)
    if _DIGIT.search(text):
        text = _RANGE.sub(lambda m: " " * len(m.group()), text)
    return text


def year_cues(text: str, ref: int | None, *, heading: bool = False) -> list[Cue]:
    """Explicit and relative years in `text`, left to right."""
    if not _YEAR_HINT.search(text):
        return []
    text = _blank_titles(text)
    pattern = _BARE_YEAR if heading else _YEAR
    out = [Cue(m.start(), m.end(), int(m.group(1))) for m in pattern.finditer(text)]
    for m in _PERIOD.finditer(text):
        if not text.endswith("年", 0, m.start()):  # 1-5月 is this year's; 去年1-5月 is not
            out.append(Cue(m.start(), m.end(), ref, "actual"))
    for m in _RELATIVE.finditer(text):
        if text.endswith(COMPARED, 0, m.start()):
            continue  # 较去年同期增加12%: the base of a comparison
        word = m.group()
        since = _SINCE.search(word)
        base = word[:since.start()] if since else word
        offset, tense = RELATIVE_YEARS[base]
        if since:
            offset, tense = 0, "actual"
        out.append(Cue(m.start(), m.end(), ref + offset if ref else None, tense,
                       present=base in PRESENT_WORDS and not since))
    return sorted(out, key=lambda c: c.start)


def tense_cues(text: str) -> list[Cue]:
    """Plan words and result words in `text`, left to right."""
    text = _blank_titles(text)
    if "“" in text or "「" in text:
        text = _SLOGAN.sub(lambda m: " " * len(m.group()), text)
    return [Cue(m.start(), m.end(), None, "target" if m["t"] else "actual")
            for m in _TENSE.finditer(text) if not m["n"]]


def reference_year(article: Article) -> int | None:
    """The year 今年 means: the article's date, else the year of its lead event."""
    if isinstance(article.date, dt.date):
        return article.date.year
    return _lead_year(article.plain)


@lru_cache(maxsize=256)
def _lead_year(text: str) -> int | None:
    """The year of the lead event: in its sentence, else in the lead paragraph around it
    (…讯 2007年宁波…将发生怎样的变化?…昨日召开…)."""
    leads = [m for m in _LEAD_SENTENCE.finditer(text) if len(m.group().strip()) > 20]
    for lead in leads[:LEAD_SENTENCES]:
        if _EVENT.search(lead.group()):
            line_start = text.rfind("\n", 0, lead.start()) + 1
            line_end = text.find("\n", lead.end())
            paragraph = text[line_start:line_end if line_end >= 0 else len(text)]
            for scope in (lead.group(), paragraph):
                m = _HORIZON_YEAR.search(_blank_titles(scope))
                if m:
                    return int(m.group(1))
    return None


def yields_to(cue: Cue, established: int | None, article: Article) -> bool:
    """目前已竣工55个项目 after 2022年全年共实施… in a January report: last year's close."""
    return (cue.present and established is not None and cue.year == established + 1
            and isinstance(article.date, dt.date) and article.date.month <= REPORTING_MONTHS)


def tense_of_year(year: int | None, ref: int | None) -> Tense | None:
    """A past year is reported, a future one planned; the current one says nothing."""
    if year is None or ref is None or year == ref:
        return None
    return "actual" if year < ref else "target"


def default_year(article: Article, tense: Tense) -> int | None:
    """The year of a fact that names none: this year's plan, or the latest results
    (this year's, in a bulletin of the year so far)."""
    if article.date is None:
        return reference_year(article) if tense == "target" else None
    if (tense == "actual" and article.date.month <= REPORTING_MONTHS
            and not _year_to_date_bulletin(article)):
        return article.date.year - 1
    return article.date.year


def _year_to_date_bulletin(article: Article) -> bool:
    """Whether the title or lead reports part of the current year (一季度全县经济运行情况,
    2024年1-3月…): every bare figure under it is of that period, not of last year."""
    this_year = article.date.year if isinstance(article.date, dt.date) else None
    lead = article.plain.lstrip()[:LEAD_SPAN]
    for text in (article.title or "", lead):
        for m in _PERIOD.finditer(text):
            named = _YEAR_BEFORE.search(text, 0, m.start())
            year = int(named.group(1)) if named else this_year
            if year == this_year and not text.endswith(_PAST_YEAR_WORDS, 0, m.start()):
                return True
    return False


def _majority(cues: list[Cue]) -> Tense | None:
    """The tense most cues of a sentence point to; on a tie, the first one's."""
    if not cues:
        return None
    target = sum(c.tense == "target" for c in cues)
    actual = sum(c.tense == "actual" for c in cues)
    if target != actual:
        return "target" if target > actual else "actual"
    return min(cues, key=lambda c: c.start).tense


def _heading_context(text: str, ref: int | None) -> tuple[int | None, Tense | None]:
    if _DATE_LINE.match(text):
        return None, None
    years = [c.year for c in year_cues(text, ref, heading=True) if c.year]
    m = _HEADING_TENSE.search(text)
    tense: Tense | None = None
    if m:
        tense = "actual" if m["a"] else "target"
    return (years[0] if years else None), tense


def article_tense(cues: list[list[Cue]]) -> Tense | None:
    """Whether the article as a whole reviews or plans: the prior for bare sentences."""
    counts = Counter(c.tense for sentence in cues for c in sentence)
    target, actual = counts["target"], counts["actual"]
    if target > 1.5 * actual:
        return "target"
    if actual > 1.5 * target:
        return "actual"
    return None


def assign_years(article: Article, sentences: list[Sentence]) -> None:
    """Set `sentence.year` and `sentence.tense` from the sentence, its paragraph and headings.

    Headings above the first sentence are the title block (第B02版, 2024年政府工作报告)
    and set nothing unless they say plan or result (2024年主要预期目标). Below it, a
    heading with a year or a plan/result word opens a section;
    one without keeps the section it is in. Within a section the last tense read
    carries to sentences that have none.
    """
    ref = reference_year(article)
    texts = [squeeze(s.text).text for s in sentences]
    tenses = [[] if s.is_heading else tense_cues(t) for s, t in zip(sentences, texts)]
    prior = article_tense(tenses)
    section_year: int | None = None
    section_tense: Tense | None = None
    carried: Tense | None = None
    body_started = False
    last_par, par_year, par_tense = -1, None, None
    for s, text, own_cues in zip(sentences, texts, tenses):
        section = _SECTION_MARK.match(s.text) and looks_like_heading(s.text)
        if s.is_heading or section:
            # 一、2023年工作回顾 is a heading even though its list mark makes it a sentence
            year, tense = _heading_context(text, ref)
            if body_started or section or tense:
                section_year = year or section_year
                section_tense = tense or section_tense
                carried = None if year or tense else carried
            s.year, s.tense = section_year, section_tense
            continue
        body_started = True
        if s.paragraph != last_par:
            last_par, par_year, par_tense = s.paragraph, None, None
        years = [c for c in year_cues(text, ref)
                 if c.year and not yields_to(c, par_year or section_year, article)]
        own_year = years[0].year if years else None
        own_tense = _majority(own_cues + [c for c in years if c.tense])
        own_tense = own_tense or tense_of_year(own_year, ref)
        par_year = own_year or par_year
        par_tense = own_tense or par_tense
        carried = par_tense or carried
        s.year = par_year or section_year
        # A section heading (2023年工作回顾) outweighs a cue left by an earlier sentence
        # of the paragraph (…即将建成投产); a sentence's own cues outweigh both.
        s.tense = (own_tense or section_tense or par_tense or carried or tense_of_year(s.year, ref)
                   or _plan_of_this_year(s.year, article) or prior)


def _plan_of_this_year(year: int | None, article: Article) -> Tense | None:
    """今年全市投资增长8% with nothing else to go on: a plan while the year is young."""
    if year is None or not isinstance(article.date, dt.date):
        return None
    if year == article.date.year and article.date.month <= REPORTING_MONTHS:
        return "target"
    return None
