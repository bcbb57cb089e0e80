"""Which region each sentence of an article speaks about.

A briefing files every number under a region, and local news rarely repeats
the region in the sentence that carries the number: a mayor's section, a
district's report or "我市" stand for it. The rules, in order of strength:

1. the sentence's own topic: a region (or 我市/全区…) opening a clause as its
   subject — `醴陵市预计地区生产总值增长7%`, `2023年,湖南将安排…`;
2. a place inside the current region named in the sentence — a city article
   saying `到天元智造产业园…调研` speaks of 天元区;
3. the section (sections.py): a speaker line (`醴陵市委副书记、市长王建明:`) or a
   heading naming a region holds until the next one;
4. the article's subject: title, lead and mention counts, weighed by the role
   each name plays and by the words the article uses for itself (home.py:
   我县, 全区 — not 香港宏达集团 or 接轨大上海), else the paper's city (papers.py).

A fact's own span may still name a narrower place, or sit in a later clause
with a subject of its own (`place_of`, `clause_place`).

Other regions merely mentioned (`与攸县共建…`, `选定长沙市望城区为…对象`,
`株洲市重点建设项目` in a 醴陵 section) never move a sentence.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Iterable, Sequence

from briefing.clean import simplify
from briefing.model import Article
from briefing.regions.gazetteer import Gazetteer, Mention, Region, load_gazetteer
from briefing.regions.home import (HomeLevel, at_level, home_level, home_shorts, title_label,
                                   vote, with_home_votes)
from briefing.regions.papers import MEDIA, captioned, paper_city
from briefing.regions.sections import section_at, sections_of

if TYPE_CHECKING:  # the extract package imports this module; avoid the cycle
    from briefing.extract.sentences import Sentence

# 我市/全区/本县 name the region of the article or section at that level;
# 该市 points back to the last region of that level named before.
DEICTIC_LEVEL = {
    "我省": "省", "全省": "省", "本省": "省",
    "我市": "市", "全市": "市", "本市": "市",
    "我区": "区", "全区": "区", "本区": "区",
    "我县": "县", "全县": "县", "本县": "县",
    "我州": "州", "全州": "州", "本州": "州",
    "我旗": "旗", "全旗": "旗", "本旗": "旗",
}
ANAPHORA_LEVEL = {"该省": "省", "该市": "市", "该区": "区", "该县": "县", "该州": "州"}
_REFERRING = re.compile("|".join([*DEICTIC_LEVEL, *ANAPHORA_LEVEL]))

# Words that begin a predicate right after its subject: adverbs, auxiliaries,
# prepositions and the verbs of work reports. A region followed by one of these
# is the clause's subject (湖南将安排…, 芦淞区主动规划…); a region followed by a
# noun is a modifier inside a name (湖南股权交易中心, 株洲西站) and is not.
PREDICATE_STARTS = tuple(sorted((
    "将", "要", "已", "正", "在", "也", "还", "便", "就", "则", "又", "都", "均", "共",
    "再", "更", "仍", "是", "把", "以", "用", "对", "从", "向", "被", "由", "为", "应",
    "需", "须", "会", "能", "可", "的", "有", "拥有", "共有", "今年", "去年", "明年",
    "全年", "上半年", "前三季度", "一季度", "目前", "近年", "近期", "首次", "率先",
    "坚持", "持续", "积极", "主动", "大力", "全力", "全面", "深入", "加快", "着力",
    "努力", "不断", "始终", "继续", "进一步", "预计", "力争", "争取", "计划", "出台",
    "制定", "印发", "推进", "推动", "实施", "落实", "打造", "建设", "建立", "实现",
    "完成", "新增", "引进", "成功", "累计", "提出", "召开", "举行", "发布", "聚焦",
    "围绕", "通过", "按照", "抢抓", "紧抓", "立足", "经济", "地区生产总值", "GDP",
    # the headline indicators: 锡林郭勒盟固定资产投资增长9% is about 锡林郭勒盟
    "生产总值", "固定资产投资", "规模以上工业", "规上工业", "社会消费品零售总额", "社零",
    "一般公共预算收入", "地方一般公共预算收入", "外贸进出口", "进出口总额", "居民人均可支配收入",
    "城镇新增就业",
    "增长", "增速", "下降", "达到", "突破", "同比", "比上年", "不仅", "不断",
    ":", "：", "】", "]",  # a label: 蓬江区：…, 【蓬江区】…
    "委", "政府", "人民政府", "人大", "政协", "各级", "各地", "上下",
    "强力", "扎实", "奋力", "狠抓", "精心", "统筹", "深化", "强化", "开展", "启动", "谋划",
    "举办", "审议", "部署", "实行", "推行", "探索", "加大", "做好",
), key=len, reverse=True))

# Nouns that begin with one of those characters: 江门能源集团, 广东应急管理厅
# and 江门就业服务中心 name organisations, they do not make 江门 a subject.
NOUNS_NOT_PREDICATES = (
    "能源", "会展", "会议", "会馆", "应急", "就业", "便民", "共青", "在线", "有限",
    "再生", "需求", "要素", "都市", "以东", "以西", "以南", "以北", "对外贸易", "为民",
    "有色", "可再生",
)

# A bare level word right before a quoted or titled name, or the body that
# issued a title: the programme or document of that government (省“双十”战略,
# 省政府《…》). 全省/该市 are not owners.
_LEVEL_OWNER = re.compile(r"(?<![全该])([省市区县州])(?:(?=[“\"《「])|(?:委|政府|人民政府"
                          r"|委办公厅|政府办公厅|委办|政府办)(?=《))")

# Openers that may stand before a clause's subject: list numbers, time words
# and connectives (今年,天元区… / 同时,芦淞区… / 7.力争…).
_OPENER = re.compile(
    r"(?:\s+|[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[●•·▪■◆▲★【\[]"
    r"|(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?<=[年月日])"
    r"|今年以来|去年以来|今年|去年|明年|目前|当前|近年来|近期|同时|此外|另外|其中"
    r"|与此同时|接下来|下一步|据悉|据介绍|据了解|而且|并且|但是|而|并)")
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")

_TITLE_WEIGHT, _LEAD_WEIGHT, _TOPIC_BONUS = 3.0, 2.0, 1.0
_INNER_MENTIONS = 2
_LEAD_PARAGRAPHS = 3
_SUBJECT_SHARE = 0.5


def attribute(article: Article, sentences: list[Sentence]) -> None:
    """Set `region` and `mentions` on every sentence, and `article.regions`."""
    gaz = load_gazetteer()
    found = _mentions(gaz, article, sentences)
    title = simplify(article.title)
    speaks_as = home_level(title + "\n" + article.plain)
    paper = paper_city(gaz, article, sentences, found, speaks_as)
    # Regions named without ambiguity anywhere in the article settle the
    # ambiguous ones (龙华区 in an article that also says 深圳).
    named = [r for mentions in found for r in gaz.anchors(mentions)]
    article_context = [r for r, _ in Counter(named).most_common()]
    sections = sections_of(gaz, sentences, found, ([paper] if paper else []) + article_context)
    in_section = {id(s) for s in sentences if section_at(sections, s) is not None}
    starts = _ClauseStarts()
    subject = _subject(gaz, article, sentences, found, paper, in_section, article_context, starts,
                       speaks_as)
    recent: list[Region] = []
    for sentence, mentions in zip(sentences, found):
        section = section_at(sections, sentence)
        context = section.region if section else subject
        context_chain = [r for r in (context, subject, paper) if r is not None]
        resolved = gaz.resolve(mentions, context_chain + article_context) if mentions else []
        sentence.mentions = resolved
        region = _topic(sentence.text, resolved, context_chain, recent, starts)
        if region is None and context is not None:
            region = _inner_place(_not_venues(sentence.text, resolved), context)
        region = region or context
        sentence.region = region.name if region else None
        recent.extend(r for _, r in resolved)
    if sections:
        article.regions = list(dict.fromkeys(s.region.name for s in sections))
    elif subject is not None:
        article.regions = [subject.name]


def _mentions(gaz: Gazetteer, article: Article, sentences: Sequence[Sentence]) -> list[list[Mention]]:
    """The region mentions of each sentence, found in one scan of the article
    when the sentences are its spans in order (as split_sentences makes them)."""
    ends = [0] + [s.start + len(s.text) for s in sentences]
    if all(ends[i] <= s.start and article.plain.startswith(s.text, s.start)
           for i, s in enumerate(sentences)):
        return gaz.find_mentions_in(article.plain, [(s.start, ends[i + 1])
                                                    for i, s in enumerate(sentences)])
    return [gaz.find_mentions(s.text) for s in sentences]


def place_of(text: str, sentence: Sentence) -> str | None:
    """The region a short span names when it differs from its sentence's.

    Only strong signals count: a level word owning a quoted programme
    (省“双十”战略 → the province), a place inside the sentence's region
    (天元智造产业园 in a 株洲 sentence) and the subject of the span's own clause
    when it lies inside the sentence's region (see `clause_place`). Names of
    other regions inside project and school names (广州软件学院, 株洲市重点建设项目)
    do not move a fact.
    """
    gaz = load_gazetteer()
    own = _region_named(gaz, sentence.region, sentence.mentions)
    if own is None:
        return None
    mentions = gaz.find_mentions(text)
    name_ends = {m.end for m in mentions}
    for m in _LEVEL_OWNER.finditer(text):
        if m.end() in name_ends:
            continue  # the 市 of 江门市“…”: part of a name, not a level word
        target = _level_up(own, m.group(1))
        if target is not None and target != own:
            return target.name
    inner = _inner_place(gaz.resolve(mentions, [own]), own) or _clause_subject(sentence, text, own)
    return inner.name if inner is not None else None


def _region_named(gaz: Gazetteer, name: str | None,
                  mentions: Sequence[tuple[Mention, Region]]) -> Region | None:
    """The region a sentence's region name stands for, settled by its mentions."""
    found = [r for r in gaz.lookup(name or "") if r.name == name]
    if len(found) > 1:
        named = {x for _, r in mentions for x in (r, *r.ancestors())}
        found = [r for r in found if r in named or any(m_r.within(r) for _, m_r in mentions)]
    return found[0] if len(found) == 1 else None


def _level_up(region: Region, suffix: str) -> Region | None:
    """The nearest region at or above `region` whose name ends in `suffix`."""
    for r in [region, *region.ancestors()]:
        if r.suffix == suffix or (suffix == "省" and r.level == "province"):
            return r
    return None


def _clause_starts(text: str) -> Iterable[int]:
    """Offsets where a clause's subject may start, after openers."""
    starts = [0] + [m.end() for m in _CLAUSE_END.finditer(text)]
    for start in starts:
        pos = start
        while True:
            m = _OPENER.match(text, pos)
            if not m or m.end() == pos:
                break
            pos = m.end()
            if pos < len(text) and text[pos] in ",，":
                pos += 1
        if pos < len(text):
            yield pos


class _ClauseStarts(dict):
    """`_clause_starts` of each sentence text, worked out once per article:
    the subject count and the topic search both ask."""

    def __missing__(self, text: str) -> tuple[int, ...]:
        self[text] = found = tuple(_clause_starts(text))
        return found


def _topic(text: str, resolved: Sequence[tuple[Mention, Region]],
           chain: Sequence[Region], recent: Sequence[Region],
           starts: _ClauseStarts) -> Region | None:
    """The region a clause of the sentence is about, if one is its subject."""
    if not resolved and not _REFERRING.search(text):
        return None  # no region and no 我市/该市 to be the subject
    by_start = {m.start: r for m, r in resolved}
    for pos in starts[text]:
        word = text[pos:pos + 2]
        if word in DEICTIC_LEVEL:
            for region in chain:
                target = _level_up(region, DEICTIC_LEVEL[word])
                if target is not None:
                    return target
            continue
        if word in ANAPHORA_LEVEL:
            for region in reversed(recent):
                if region.suffix == ANAPHORA_LEVEL[word]:
                    return region
            continue
        region = _named_subject(text, resolved, by_start, pos)
        if region is not None:
            return region
    return None


def _named_subject(text: str, resolved: Sequence[tuple[Mention, Region]],
                   by_start: dict[int, Region], pos: int) -> Region | None:
    """The region named at `pos` when it is its clause's subject (新会区将…)."""
    region = by_start.get(pos)
    if region is None:
        return None
    end = next(m.end for m, _ in resolved if m.start == pos)
    # 深圳市龙华区将… : the subject is the innermost of a chain of names.
    while end in by_start and by_start[end].within(region):
        region = by_start[end]
        end = next(m.end for m, _ in resolved if m.start == end)
    if text.startswith(PREDICATE_STARTS, end) and not text.startswith(NOUNS_NOT_PREDICATES, end):
        return region
    return None


def clause_place(span: str, sentence: Sentence) -> str | None:
    """The region of the clause holding `span` when a later clause of the sentence
    has a subject of its own inside the sentence's region (see `_clause_subject`)."""
    if not sentence.mentions:
        return None
    own = _region_named(load_gazetteer(), sentence.region, sentence.mentions)
    found = _clause_subject(sentence, span, own) if own is not None else None
    return found.name if found is not None else None


def _clause_subject(sentence: Sentence, span: str, own: Region) -> Region | None:
    """A region inside `own` that is the subject of a later clause holding `span`:
    呼和浩特市举行…,回民区在…中学新建项目现场设立分会场 files the school under 回民区."""
    pos = sentence.text.find(span)
    if pos <= 0 or not sentence.mentions:
        return None
    by_start = {m.start: r for m, r in sentence.mentions}
    starts = [p for p in _clause_starts(sentence.text) if 0 < p <= pos]
    for start in reversed(starts):
        region = _named_subject(sentence.text, sentence.mentions, by_start, start)
        if region is not None:
            return region if region != own and region.within(own) else None
    return None


# 活动在重庆九龙坡区举行: the place an event is held in hosts it; the event is the
# organiser's, so the venue does not move the sentence.
_VENUE_BEFORE = "在"
_VENUE_AFTER = ("举行", "举办", "召开", "开幕", "隆重举行", "隆重召开", "成功举办", "成功举行")


def _not_venues(text: str, resolved: Sequence[tuple[Mention, Region]]
                ) -> list[tuple[Mention, Region]]:
    """The mentions that are not the venue of an event (在X举行)."""
    ends = {m.end: m for m, _ in resolved}
    out = []
    for m, r in resolved:
        start = m.start
        while start in ends:  # 在重庆|九龙坡区: a chain of names opens at its outermost
            start = ends[start].start
        venue = text.endswith(_VENUE_BEFORE, 0, start) and text.startswith(_VENUE_AFTER, m.end)
        if not venue:
            out.append((m, r))
    return out


def _inner_place(resolved: Sequence[tuple[Mention, Region]], context: Region) -> Region | None:
    """The one region strictly inside `context` that the sentence names, if any."""
    inner = {r for _, r in resolved if r != context and r.within(context)}
    return inner.pop() if len(inner) == 1 else None


def _deictic_words(text: str) -> list[str]:
    return [w for w in DEICTIC_LEVEL if w in text]


def _subject(gaz: Gazetteer, article: Article, sentences: Sequence[Sentence],
             found: Sequence[list[Mention]], paper: Region | None,
             skip: set[int], around: list[Region], starts: _ClauseStarts,
             speaks_as: HomeLevel | None) -> Region | None:
    """The region the article is about: title, lead and mention counts.

    Sentences inside speaker sections are left out, so an article of four
    speakers is about what its lead says (江门), not its longest speech. The
    first paragraphs that name a region weigh more. An article that names no
    region is taken to be about its paper's city. Names in another place's
    role (see `home.vote`) count less or not at all, and each time the
    article speaks of itself (我县, 全区) counts for its best region of that level.
    """
    scores: Counter[Region] = Counter()
    named: Counter[Region] = Counter()
    context = ([paper] if paper else []) + around
    title = simplify(article.title)
    title_found = gaz.find_mentions(title)
    title_mentions = gaz.resolve(title_found, context)
    for mention, region in title_mentions + home_shorts(title, title_found, title_mentions, speaks_as):
        if not MEDIA.match(title, mention.end):
            scores[region] += _TITLE_WEIGHT * vote(title, mention)
    labelled = title_label(gaz, title)
    if labelled is not None and labelled not in {r for _, r in title_mentions}:
        scores[labelled] += _TITLE_WEIGHT
    for word, suffix in DEICTIC_LEVEL.items():
        home = _level_up(paper, suffix) if paper is not None and word in title else None
        if home is not None:
            scores[home] += _TITLE_WEIGHT
            named[home] += _INNER_MENTIONS
    paragraphs_seen: list[int] = []
    for sentence, mentions in zip(sentences, found):
        deictic = _deictic_words(sentence.text) if paper is not None else []
        if id(sentence) in skip or not (mentions or deictic):
            continue
        if sentence.paragraph not in paragraphs_seen:
            paragraphs_seen.append(sentence.paragraph)
        weight = _LEAD_WEIGHT if len(paragraphs_seen) <= _LEAD_PARAGRAPHS else 1.0
        for word in deictic:
            home = _level_up(paper, DEICTIC_LEVEL[word])  # 全省 in a 长江日报 article: 湖北省
            if home is not None:
                scores[home] += weight
        if not mentions:
            continue
        resolved = gaz.resolve(mentions, context)
        subjects = set(starts[sentence.text])
        for mention, region in resolved + home_shorts(sentence.text, mentions, resolved, speaks_as):
            if MEDIA.match(sentence.text, mention.end):
                continue
            bonus = _TOPIC_BONUS if mention.start in subjects else 0.0
            share = vote(sentence.text, mention)
            scores[region] += (weight + bonus) * share
            named[region] += share > 0
    scores = +with_home_votes(scores, speaks_as, paper)
    if not scores:
        return captioned(gaz, article) or paper
    best, top = scores.most_common(1)[0]
    # An article about many places at once (a national round-up) has no
    # subject: its sentences keep only the regions they name themselves.
    family = sum(s for r, s in scores.items() if r.within(best) or best.within(r))
    if family < _SUBJECT_SHARE * sum(scores.values()):
        return None
    # Prefer the narrower region when it is nearly as present as its parent:
    # a 新会区 report keeps naming 江门 too.
    # Two inner regions of separate standing (汇川区 and 桐梓县 in a 遵义 round-up) leave
    # the article with its parent.
    inner = [(s, r) for r, s in scores.items() if r != best and r.within(best) and s >= top / 2]
    # An article speaking of itself at the level of the best region (全区 of 广西)
    # is not about a city it names, however often.
    if speaks_as is not None and speaks_as.count and at_level(best, speaks_as.level) \
            and not any(at_level(r, speaks_as.level) for _, r in inner):
        return best
    if not inner:
        return best
    narrower = max(inner, key=lambda x: x[0])[1]
    rivals = [r for _, r in inner if not (r.within(narrower) or narrower.within(r))]
    titled = {r for _, r in title_mentions}
    if rivals or best in titled and narrower not in titled:
        return best  # 内蒙古自治区政府工作报告 naming 呼和浩特市 is still the region's
    if narrower not in titled and narrower != paper and named[narrower] < _INNER_MENTIONS:
        return best  # one passing 红山产业园 does not make a 赤峰 report about 红山区
    return narrower
