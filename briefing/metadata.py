"""Title, publication date and source of an article, decided as an analyst would.

The date matters most: facts are filed by week. It comes from the page header when
the page has one, else from a dated news lead in the text (a daily reports on the day
after the event), else from the file name, else from the user; `date_basis` says which.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from briefing.clean import HEADLINE_MAX, Cleaned, is_heading
from briefing.page_debris import DATE_LINE, LABEL_WORD, RELATED_HEADING
from briefing.plain import plain_form

# --- vocabularies -------------------------------------------------------------------

FULL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)"
                       # an e-paper's date whose 年 a template lost: `2018 11月14日`
                       r"|(?<!\d)((?:19|20)\d{2})\s+(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A news lead opens with the day of the event: `2月8日，…`, `1月28日大年初七，…`, after a
# dateline `本报讯（记者 张三）2月8日，…` or as a wire dateline `新华社广州2月8日电`,
# `某某网3月5日报道`, `央广网北京3月5日消息`.
LEAD_DATE = re.compile(r"^(?:[^，。,]{0,20}?讯\s*(?:[(（][^)）]{0,30}[)）])?\s*"
                       r"|[\u4e00-\u9fff]{2,12}?(?=\d{1,2}月\d{1,2}日(?:电|报道|消息)))?"
                       r"(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
LEAD_PARAGRAPHS = 2                     # the lead is among the first body paragraphs
REPORT_LAG = dt.timedelta(days=1)       # a daily prints yesterday's event
EVENT_VERBS = "(?:隆重)?(?:举行|召开|开幕|举办|启动|开工)"
REVIEW_MONTHS = 3                       # annual meetings review last year until March
REVIEWED_YEAR = re.compile(r"过去(?:的)?一年|上一年度")
PLAN_AHEAD_MONTHS = 11                  # meetings late in the year plan the next one…
NEXT_YEAR = re.compile(r"明年|来年|新的一年")   # …and say so
PLAN_WORDS = re.compile(r"力争|计划|目标|预期|预计|安排|部署|将|要")
# A whole year's result is known only after the year; within the first half of the next
# year it is still cited as last year's (2024年地区生产总值3.68万亿元、增长5.8%).
RESULT_MONTHS = 6
YEAR_RESULT = re.compile(r"\d(?:\.\d+)?\s*(?:%|[万亿千百]*[元个家项人吨亩户辆座所件台套])")
PART_OF_YEAR = re.compile(r"[一二三四]季度|上半年|前三季度|\d{1,2}\s*[-—至~]\s*\d{1,2}\s*月"
                          r"|前\s*\d{1,2}\s*个?月|截至|\d{1,2}\s*月(?:份|末|底)")
DATELINE_LINES = 6                      # bylines and document fields sit above the body
DATELINE_MAX = 80
FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
# Years named in the text; a year after `到/至/-` is a target horizon, not "now".
TEXT_YEAR = re.compile(r"(?<![\d到至\-—–~～])((?:19|20)\d{2})\s*年")

STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
GANZHI_YEAR = re.compile(f"([{STEMS}][{BRANCHES}])[鼠牛虎兔龙蛇马羊猴鸡狗猪]?年")
LUNAR_NEW_YEAR_DAY = re.compile(r"(?:大年|正月)初([一二三四五六七八九十])")
LUNAR_DAYS = "一二三四五六七八九十"

PAPER_SUFFIXES = ("日报", "晚报", "晨报", "商报", "时报", "都市报", "特区报", "青年报",
                  "法治报", "经济报", "早报", "侨报", "导报", "周报", "快报", "新报", "大公报",
                  "文汇报", "信息报", "农民报", "科技报", "政协报")
# Where a paper names itself: its dateline (…讯) beats its imprint (…社主办) beats a byline.
# In the body only a dateline counts: `接受某某日报记者采访` names no source.
PAPER_ROLES = (("讯", 0), ("社", 1), ("全媒体记者", 2), ("记者", 2), ("通讯员", 3))
BODY_ROLES = ("讯",)
BODY_LINES = 6
SOURCE_LABEL = re.compile(r"(?:来源|稿源)\s*[:：]\s*([\u4e00-\u9fff]{2,10}?(?:"
                          + "|".join(PAPER_SUFFIXES) + "))")
# A label naming a source or publisher that is no paper (中国网, 某县融媒体中心) counts when
# nothing else names one; the name ends where the next label begins (`发布机构:某区某局
# 关 键 词:…`); values that name no one are left out.
NAMED_SOURCE_LABEL = re.compile(
    r"(?:来源|稿源|信息来源|文章来源|发布机构|发布单位)\s*[:：]\s*([\u4e00-\u9fffA-Za-z0-9·]{2,20}?)"
    rf"(?=[\s|｜/]|$|{LABEL_WORD}\s*[:：]|关\s*键\s*词|主\s*题\s*词)")
NOT_SOURCES = ("本站", "本网", "原创", "网络", "互联网", "未知", "综合", "转载")
# A paper's name before the day in a page header: `某某晚报 2020-03-25 00:55`.
PAPER_DATED = re.compile(r"^([\u4e00-\u9fff]{2,6}?(?:" + "|".join(PAPER_SUFFIXES)
                         + r"))\s*(?:19|20)\d{2}\s*[-/.年]")
PAPER_DATED_RANK = 1
# A site or county media centre labelled as the source (来源:长泰新闻网, 来源:瀍河区融媒体中心):
# it names the place that published the article, as a paper's name does; a paper
# named anywhere still comes first.
SITE_LABEL = re.compile(r"(?:来源|稿源)\s*[:：]\s*([\u4e00-\u9fff]{2,12}?"
                        r"(?:新闻网|融媒体中心|新闻中心|广播电视台|电视台))")
# A government site's breadcrumb naming the body that runs it (您所在的位置: 高港区发展和
# 改革委员会工作动态): the body published the page.
BREADCRUMB_BODY = re.compile(r"(?:您所在的位置|当前位置|所在位置)\s*[:：]?[^\n]*?"
                             r"([\u4e00-\u9fff]{2,8}?[省市区县州旗][\u4e00-\u9fff]{0,12}?"
                             r"(?:人民政府|委员会|政府|局))")
TITLE_SITE_SEPARATOR = re.compile(r"\s+[-|–—_]+\s+|_")   # 标题 - 某某新闻网
PAGE_PATTERNS = (
    re.compile(r"当前版\s*[:：]\s*([A-Z]{0,4}\d{1,3})\s*版"),
    re.compile(r"版次\s*[:：]\s*([A-Z]{0,4}\d{1,3})"),
    re.compile(r"第\s*([A-Z]{0,4}\d{1,3})\s*版"),
)

_DATE_LINE = re.compile(DATE_LINE)
_RELATED_HEADING = re.compile(RELATED_HEADING)
_PAPER = re.compile(
    r"(?:^|[^\u4e00-\u9fff]|据)([\u4e00-\u9fff]{2,6}?(?:"
    + "|".join(PAPER_SUFFIXES) + "))(" + "|".join(r for r, _ in PAPER_ROLES) + ")")


@dataclass
class Metadata:
    title: str
    date: dt.date | None
    date_basis: str
    source: str


def read_metadata(cleaned: Cleaned, path: Path, *, title_hint: str = "",
                  date_hint: dt.date | None = None,
                  default_date: dt.date | None = None) -> Metadata:
    """Decide title, date (with its basis) and source of one cleaned article."""
    date, basis = find_date(cleaned, path, date_hint=date_hint, default_date=default_date)
    return Metadata(title=find_title(cleaned, title_hint), date=date, date_basis=basis,
                    source=find_source(cleaned))


def find_title(cleaned: Cleaned, hint: str = "") -> str:
    """The headline: on e-paper pages the first line the page's lists name."""
    return _unspaced(_find_title(cleaned, hint))


# A headline set with a space after every character (政 府 工 作 报 告): type letter-spacing.
_SPACED_TITLE = re.compile(r"^[\u3400-\u9fff](?:[ \u3000]+[\u3400-\u9fff]){2,}$")


def _unspaced(title: str) -> str:
    """Letter-spaced headlines read as their words; any other title stays as written."""
    stripped = title.strip()
    return re.sub(r"[ \u3000]+", "", stripped) if _SPACED_TITLE.match(stripped) else title


def _find_title(cleaned: Cleaned, hint: str = "") -> str:
    lines, plain = cleaned.text.split("\n"), cleaned.plain.split("\n")
    listed = {_norm(x) for x in cleaned.header + cleaned.footer}
    for i, line in enumerate(plain[:4]):
        if is_heading(line) and _norm(line) in listed:
            return lines[i]
    hint = TITLE_SITE_SEPARATOR.split(hint.strip())[0] if hint else ""
    hint_key = _norm(plain_form(hint))
    if hint_key and any(hint_key == _norm(line) for line in plain[:4]):
        return hint.strip()
    if lines and _headline_like(lines[0]):
        return lines[0]
    return hint.strip() or (lines[0][:30] if lines else "")


def _headline_like(line: str) -> bool:
    return 0 < len(line) <= HEADLINE_MAX and line[-1] not in "。！？!?；;"


def _norm(s: str) -> str:
    return re.sub(r"[\s~]+", "", s)


def find_date(cleaned: Cleaned, path: Path, *, date_hint: dt.date | None = None,
              default_date: dt.date | None = None) -> tuple[dt.date | None, str]:
    for line in cleaned.header:
        found = _full_date(line)
        if found:
            return found, "header"
    if date_hint:
        return date_hint, "header"
    found = _footer_date(cleaned.footer)
    if found:
        return found, "header"
    # A full date stated in the text or the file name beats the year guessed for a
    # `12月26日` lead (a December report of next year's plan names next year most).
    found = (date_from_text(cleaned.plain, guess_year=False) or date_from_dateline(cleaned.plain)
             or _signature_date(cleaned.furniture))
    if found:
        return found, "text"
    found = date_from_filename(path.name)
    if found:
        return found, "filename"
    found = date_from_text(cleaned.plain)
    if found:
        return found, "text"
    if default_date:
        return default_date, "user"
    return None, "unknown"


def _footer_date(footer: list[str]) -> dt.date | None:
    """A page that dates itself below the article (a press release's `2020年1月17日（星期五）`):
    a bare date line in the footer."""
    return next((_full_date(line) for line in _own_footer(footer) if _DATE_LINE.match(line)), None)


def _own_footer(footer: list[str]) -> list[str]:
    """The footer lines about this article: those above a list of other articles."""
    end = next((i for i, line in enumerate(footer) if _RELATED_HEADING.match(line)), len(footer))
    return footer[:end]


def _signature_date(furniture: list[str]) -> dt.date | None:
    """The 成文日期 under a notice's signature: a bare date line inside the text."""
    return next((_full_date(line) for line in furniture if _DATE_LINE.match(line)), None)


def _full_date(s: str) -> dt.date | None:
    m = FULL_DATE.search(s)
    return _safe_date(*[g for g in m.groups() if g is not None]) if m else None


def _safe_date(y: str | int, m: str | int, d: str | int) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def date_from_text(text: str, *, guess_year: bool = True) -> dt.date | None:
    """Publication date from a dated news lead: the event's day plus the report lag.

    A lead without its year takes one from the text unless `guess_year` is off.
    """
    paragraphs = [line for line in text.split("\n") if not is_heading(line)]
    for para in paragraphs[:LEAD_PARAGRAPHS]:
        m = LEAD_DATE.match(para)
        if not m or not (guess_year or m.group(1)):
            continue
        year = int(m.group(1)) if m.group(1) else _lead_year(para, text, int(m.group(2)),
                                                          int(m.group(3)))
        event = _safe_date(year, m.group(2), m.group(3)) if year else None
        if event:
            return event + REPORT_LAG
    return None


def date_from_dateline(text: str) -> dt.date | None:
    """A full date on a short line above the body: a byline's timestamp, a 成文日期
    field, a report's `2023年2月2日在…会议上`."""
    for line in text.split("\n")[:DATELINE_LINES]:
        if len(line) <= DATELINE_MAX and line.rstrip()[-1:] not in "。！？!?；;":
            found = _full_date(line)
            if found:
                return found
    return None


def _lead_year(lead: str, text: str, month: int, day: int) -> int | None:
    """The year of a `M月D日` lead: from a 干支 year next to it, else the text's years."""
    g = GANZHI_YEAR.search(lead)
    if g:
        return _ganzhi_solar_year(g.group(1), month, day, lead)
    own = _event_year(lead, day)
    if own is not None:
        return own
    years = [int(y) for y in TEXT_YEAR.findall(text) if int(y) <= dt.date.today().year]
    if not years:
        return None
    # An annual meeting early in the year that looks back on the last year it names
    # (过去一年…2023年…) is held in the year after it.
    latest = max(years)
    if month <= REVIEW_MONTHS and _looks_back_on(text, latest):
        return latest + 1
    if month <= RESULT_MONTHS and _reports_whole_year(text, latest):
        return latest + 1
    # A meeting late in the year that plans the next year it names is held the year before.
    if month >= PLAN_AHEAD_MONTHS and _looks_ahead_to(text, latest):
        return latest - 1
    return latest


def _event_year(lead: str, day: int) -> int | None:
    """…2月4日电 2023年南京市重大招商项目签约活动4日举行: the lead's event named with its
    year and held on the lead's day is of that year, whatever figures follow; so is
    `2月9日,某区2025年第一批项目签约仪式在此举行`, the day first."""
    m = re.search(rf"((?:19|20)\d{{2}})\s*年[^。！？!?；;，,]{{0,30}}?(?<!\d){day}日"
                  rf"(?:上午|下午|晚)?(?:在[^。，,；;]{{0,15}})?{EVENT_VERBS}", lead)
    if m is None:
        m = re.search(rf"(?<!\d){day}日(?:上午|下午|晚)?[，,]?[^。！？!?；;]{{0,30}}?"
                      rf"((?:19|20)\d{{2}})\s*年[^。！？!?；;，,]{{0,30}}?{EVENT_VERBS}", lead)
    return int(m.group(1)) if m else None


def _looks_back_on(text: str, year: int) -> bool:
    """The text reviews `year` as past: 刚刚过去的2023年, or 过去一年 while no sentence
    naming that year plans anything."""
    if re.search(rf"(?:过去的|回顾){year}\s*年|{year}\s*年(?:度)?工作回顾", text):
        return True
    if not REVIEWED_YEAR.search(text):
        return False
    naming = [x for x in re.split(r"[。！？!?\n]", text) if re.search(rf"{year}\s*年", x)]
    return not any(PLAN_WORDS.search(x) for x in naming)


def _reports_whole_year(text: str, year: int) -> bool:
    """Every sentence naming `year` reports a figure for the whole year: no plan, no part
    of the year (一季度, 1-9月)."""
    naming = [x for x in re.split(r"[。！？!?\n]", text) if re.search(rf"{year}\s*年", x)]
    return bool(naming) and all(YEAR_RESULT.search(x) and not PLAN_WORDS.search(x)
                                and not PART_OF_YEAR.search(x) for x in naming)


def _looks_ahead_to(text: str, year: int) -> bool:
    """The text plans `year` as next: it speaks of 明年 and every sentence naming the year
    plans something."""
    if not NEXT_YEAR.search(text):
        return False
    naming = [x for x in re.split(r"[。！？!?\n]", text) if re.search(rf"{year}\s*年", x)]
    return bool(naming) and all(PLAN_WORDS.search(x) for x in naming)


def _ganzhi_solar_year(ganzhi: str, month: int, day: int, lead: str) -> int | None:
    """The solar year in which (month, day) falls inside the named lunar year."""
    from lunardate import LunarDate

    index = _cycle_index(ganzhi)
    if index is None:
        return None
    this = dt.date.today().year
    candidates = []
    lunar_day = LUNAR_NEW_YEAR_DAY.search(lead)
    for solar_year in range(this - 60, this + 2):
        date = _safe_date(solar_year, month, day)
        if date is None:
            continue
        lunar = LunarDate.from_solar_date(date.year, date.month, date.day)
        if (lunar.year - 4) % 60 != index:
            continue
        if lunar_day and (lunar.month, lunar.day) != (1, LUNAR_DAYS.index(lunar_day.group(1)) + 1):
            continue
        candidates.append(solar_year)
    return max(candidates) if candidates else None


def _cycle_index(ganzhi: str) -> int | None:
    stem, branch = STEMS.index(ganzhi[0]), BRANCHES.index(ganzhi[1])
    for i in range(60):
        if i % 10 == stem and i % 12 == branch:
            return i
    return None


def date_from_filename(name: str) -> dt.date | None:
    for m in FILENAME_DATE.finditer(name):
        date = _safe_date(*m.groups())
        if date:
            return date
    return None


def find_source(cleaned: Cleaned) -> str:
    """`江门日报 B02`: the paper that names itself, plus the page from the header."""
    paper = find_paper(cleaned)
    page = next((m.group(1) for line in cleaned.header for p in PAGE_PATTERNS
                 for m in [p.search(line)] if m), "")
    if paper and page:
        return f"{paper} {page}"
    return paper


def find_paper(cleaned: Cleaned) -> str:
    rank = dict(PAPER_ROLES)
    labelled = cleaned.header + cleaned.furniture + _own_footer(cleaned.footer)
    for line in labelled:
        m = SOURCE_LABEL.search(line)
        if m:
            return m.group(1)
    body = cleaned.plain.split("\n")[:BODY_LINES]
    furniture = (cleaned.header + cleaned.footer + cleaned.furniture + cleaned.bylines
                 + [plain_form(x) for x in cleaned.captions])
    found = [(rank[m.group(2)], m.group(1)) for line in body for m in _PAPER.finditer(line)
             if m.group(2) in BODY_ROLES]
    found += [(rank[m.group(2)], m.group(1)) for line in furniture for m in _PAPER.finditer(line)]
    found += [(PAPER_DATED_RANK, m.group(1)) for line in cleaned.header + cleaned.furniture
              for m in [PAPER_DATED.match(line)] if m]
    if found:
        return min(found, key=lambda c: c[0])[1]
    sites = chain((m.group(1) for line in labelled for m in [SITE_LABEL.search(line)] if m),
                  (m.group(1) for line in labelled for m in NAMED_SOURCE_LABEL.finditer(line)
                   if not m.group(1).startswith(NOT_SOURCES)),
                  (m.group(1) for line in labelled + body
                   for m in [BREADCRUMB_BODY.search(line)] if m))
    return next(sites, "")
