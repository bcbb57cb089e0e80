"""Cues to an article's home region beyond the names it counts.

Counting names finds the subject of most articles, but local reports name
other places all the time: the firms they sign (香港宏达集团, 吕梁杭氧), the
places they learn from or link up with (接轨大上海, 赴深圳考察), while their own
county may be named once, or only inside a paper's or zone's name (长泰经济开发区).
What such a report always does is speak of itself: 我县, 全县, 县委书记. The
level of those words says which of the named regions is home.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Mapping, Sequence

from briefing.regions.gazetteer import Gazetteer, Mention, Region, word_start

# 我县/本县 always mean the home region; 全县 does unless it ranks the home
# within a wider one (全省第一, 在全市排名前列), which county reports do of their
# province and city all the time.
_SELF = re.compile(r"(?:我|本)([省市区县州旗])")
_WHOLE = re.compile(r"(?<![在居列位于])全([省市区县州旗])(?![第首前唯最率领排])")
# A bare level word heading an office (区委书记, 县政府, 区领导, 区四套班子): the
# home government, when nothing else says so; after a place name it is that
# place's office, and after 在 a superior's (在市委、市政府和县委的领导下).
_OFFICE = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff]|[、和与及由]))([省市区县州旗])"
                     r"(?:委(?!员)|政府|人大|政协|领导|四套班子|长(?=[\u4e00-\u9fff]{2,3}[,，、]|\s))")

# Verbs whose object is another place: 接轨(大)上海, 融入深圳, 赴杭州, 来自香港
# (到 and 前往 lead as often to the home county's own towns and parks).
_TOWARDS = re.compile(r"(?:接轨|对接|融入|服务|学习|借鉴|对标|赴|来自)大?$")
_TOWARDS_SPAN = 3
# Words that end a firm's or body's name: a place before one within the same run
# of characters is part of the name (香港宏达集团, 中化(青岛)实业有限公司).
# (企业 alone is not one: 新会区规上工业企业 are the district's firms.)
_FIRM_WORDS = ("集团", "公司", "商会", "银行", "协会", "商行", "实业", "控股", "股份",
               "酒店", "学会", "基金会", "事务所")
# Words that end a project's name: a place inside one (江苏基地) locates the
# project, which is a weaker cue to the article's own region than a subject.
_PROJECT_WORDS = ("项目", "基地", "产业园", "工业园", "科技园", "工程", "生产线")
# A headline's label: a place's bare name and a colon.
_LABEL = re.compile(r"^\s*([\u4e00-\u9fff]{2,4})\s*[:：]")
_LABEL_LEVELS = ("县", "区", "市", "旗")
_NAME_RUN = re.compile(r"[)）]?[^\W\d_等的与及在是为将已]{0,16}")
# The rest of a clause listing names that ends in what they are (…、…等项目; 等地
# lists places).
_LIST_OF_NAMES = re.compile(r"[^，,。；;：:]*?等(?![地处])[^，,。；;：:]{0,10}?(?:项目|工程|企业)")
_PROJECT_VOTE = 0.5
# 我县/全县 weigh as a name in the lead does: an article naming itself is sure of it.
_SELF_WEIGHT = 2.0
# How often an article must speak as a level before no region of another level
# can be its subject.
_SURE_COUNT = 3


@dataclass(frozen=True)
class HomeLevel:
    """The level an article speaks of itself at (县 for 我县/全县) and how often;
    0 when only its offices tell (区委书记), which name the level but, as the
    city's leaders attend a district's event, not which region is home."""

    level: str
    count: int


def home_level(text: str) -> HomeLevel | None:
    """The level that leads among the article's words for itself, if one does."""
    counts = Counter(m.group(1) for m in _SELF.finditer(text))
    counts.update(m.group(1) for m in _WHOLE.finditer(text))
    spoken = bool(counts)
    if not spoken:
        counts.update(m.group(1) for m in _OFFICE.finditer(text))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    level, count = ranked[0]
    return HomeLevel(level, count if spoken else 0)


def title_label(gaz: Gazetteer, title: str) -> Region | None:
    """The county a headline opens with as its label (平和：科技园区签约16个项目),
    even when its bare name is too ordinary a word to count elsewhere."""
    m = _LABEL.match(title)
    if m is None:
        return None
    found = [r for suffix in _LABEL_LEVELS for r in gaz.lookup(m.group(1) + suffix)
             if r.name == m.group(1) + suffix]
    return found[0] if len(found) == 1 else None


def at_level(region: Region, level: str) -> bool:
    """Whether 我X/全X of this level can mean the region (全区 of 广西壮族自治区 too)."""
    return region.suffix == level or (level == "省" and region.level == "province")


def vote(text: str, mention: Mention) -> float:
    """How much a mention counts towards the article's subject: nothing when it is
    another place's role (an object of 接轨/赴, a firm's name), half inside a
    project's name, else a full vote."""
    if _TOWARDS.search(text, max(0, mention.start - _TOWARDS_SPAN), mention.start):
        return 0.0
    run = _NAME_RUN.match(text, mention.end).group()
    if any(word in run for word in _FIRM_WORDS):
        return 0.0
    if any(word in run for word in _PROJECT_WORDS) or (run and _listed_name(text, mention, run)):
        return _PROJECT_VOTE
    return 1.0


def _listed_name(text: str, mention: Mention, run: str) -> bool:
    """Whether the place opens a name in a list of projects or firms
    (吕梁杭氧、并盛熔盐技改等项目), not a bare place in a list of places."""
    end = mention.end + len(run)
    listed = text[mention.start - 1:mention.start] == "、" or text[end:end + 1] == "、"
    return listed and _LIST_OF_NAMES.match(text, end) is not None


def home_shorts(text: str, mentions: Sequence[Mention],
                resolved: Sequence[tuple[Mention, Region]],
                home: HomeLevel | None) -> list[tuple[Mention, Region]]:
    """County short forms left unresolved for want of support that the article's
    level supports: 泽州 in a report that says 全县 is 泽州县, 长泰 in one that
    says 区委书记 is 长泰区. Only a short form standing as a word of its own
    and in no firm's or project's name counts (百亿元大关 is no 大关县)."""
    if home is None:
        return []
    done = {id(m) for m, _ in resolved}
    out = []
    for mention in mentions:
        fits = [c for c in mention.candidates if at_level(c, home.level)]
        if (id(mention) not in done and mention.kind == "short" and len(fits) == 1
                and word_start(text, mention.start) and vote(text, mention) == 1.0):
            out.append((mention, fits[0]))
    return out


def with_home_votes(scores: Mapping[Region, float], home: HomeLevel | None,
                    paper: Region | None) -> Counter[Region]:
    """The scores with each 我县/全县 counted as a mention of the home region: a
    county paper's or body's own county (滨海日报 printing 我县…, 区委书记 on a
    district's site), else the best-scored
    region of that level, else the paper's region; nothing when none of them is
    of a level the article keeps speaking as. A city's paper speaks of its
    county-level cities as 全市 too, so only a county's paper is home by itself."""
    out = Counter(scores)
    if home is None:
        return out
    fitting = [r for r in out if at_level(r, home.level) and out[r] > 0]
    if paper is not None and paper.level == "county":
        target: Region | None = paper
    elif home.count == 0:
        return out  # offices alone do not say which region of their level is home
    elif fitting:
        # 全市 of a city that names one of its county-level cities as often: the city's.
        best = max(fitting, key=out.__getitem__)
        wider = [r for r in fitting if best.within(r) and out[r] >= out[best] / 2]
        target = min(wider, key=lambda r: len(r.lineage))
    else:
        target = paper
    if target is None or not at_level(target, home.level):
        # 我县 again and again of a county it never names: none of the others is home.
        return Counter() if home.count >= _SURE_COUNT else out
    out[target] += _SELF_WEIGHT * max(home.count, 1)
    return out
