"""Targets and reported results: indicator + verb + number + unit + bound.

Two word orders carry nearly every figure of a work report:

* the indicator first — 地区生产总值增长8%, 国家高企超420家, 新增义务教育学位3200个 —
  where the noun phrase right before the verb and number names the indicator;
* the count first — 推动35个工业项目动工, 筹建480套保障性租赁住房 — where a verb
  of doing governs a number that counts the noun after it.

A clause with no indicator of its own leans on the one before it: `,增长2.8%` is
the growth of the level just given, and `,力争实现8.5%` is the stretch figure of
the target just given. Everything else — dates, rankings, list numbers, ages,
sizes, amounts that only describe a project — is left out on purpose: a wrong
number in a leaders' briefing is worse than a missing one.
"""
from __future__ import annotations

import re
from functools import lru_cache

from briefing.extract.figure_words import (ADJUSTMENT, ADVERBS, AGGREGATE, BARE_HEADS, BECOME, CAUSATIVE,
                                           COMPARISON, COORDINATORS, DECLINE, EPISODE, FIRM,
                                           GOVERNING, GROWTH, INDICATOR_HEADS, INVESTMENT, LINKS,
                                           MARKS, MILESTONES, OF_FIGURE, PACKAGE_UNITS,
                                           POLICY_VERBS, PROJECTION, REACH, REPORTED,
                                           SETTING, SINGLE_SUBJECT, STRETCH, UNREADABLE)
from briefing.extract.distributed import distributed_readings, shared_growths, spread_growths
from briefing.extract.indicators import (Phrase, has_verbal_head, is_descriptive, is_share,
                                        phrase_after, phrase_before, tidy)
from briefing.extract.numbers import (COUNT_UNITS, MEASURE_UNITS, Amount, Squeezed, find_amounts,
                                      has_number, squeeze)
from briefing.extract.placing import region_of, tense_of, year_of
from briefing.extract.reading import Reading
from briefing.extract.sentences import Sentence, start_of_clause
from briefing.extract.years import default_year, reference_year, tense_cues, year_cues, yields_to
from briefing.model import Article, Fact

_CLAUSE = re.compile(r"[,，;；:：。!！?？]")
_PIECE = re.compile(r"[,，;；:：。!！?？、]")
# Names and asides: short quotes (“凤城人才十条”, “1+3+5”), titles, brackets. A long
# quote is reported speech and is read like any other text.
_ENCLOSED = re.compile(r"“[^”]{1,12}”|《[^》]*》|\([^)]*\)|（[^）]*）|「[^」]{1,12}」|‘[^’]{1,12}’")
# A conversion in brackets after a figure, with a unit that slipped outside: (5000)亩.
_PAREN_AFTER = re.compile(
    rf"[(（][^)）]{{0,16}}[)）](?:(?:{'|'.join(MEASURE_UNITS + COUNT_UNITS)})(?=[,，、;；。]|$))?")
_CJK = re.compile(r"[\u4e00-\u9fff“「‘]")
_ASIDE_BEFORE = re.compile(r"(?:\([^()]{1,12}\)|（[^（）]{1,12}）)$")
# Words that open a clause without naming anything: 其中, 同时, adverbs.
_OPENING_WORD = re.compile("(?:" + "|".join(sorted(ADVERBS + ("其中", "同时", "此外"), key=len,
                                                    reverse=True)) + ")")
_RANGE_AFTER = re.compile(r"[-—~～－至到]\d")
_MILESTONE_RUN = re.compile("(?:" + "|".join(sorted(MILESTONES + ("竣工",), key=len, reverse=True)) + ")+")
_MILESTONE_TAIL = re.compile(_MILESTONE_RUN.pattern + "$")
# A list mark opening an item: 7. / (三) / 二、 / ●
_LIST_LEAD = re.compile(r"(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[●•·▪■◆★])*")


def _alternation(words) -> re.Pattern:
    return re.compile("(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")$")


# Peeled off right to left between an indicator and its number.
_STRIPPABLE = re.compile(
    "(?:" + "|".join(re.escape(w) for w in sorted(set(GROWTH + DECLINE + REACH + ADVERBS),
                                                   key=len, reverse=True))
    + "|" + COMPARISON + "|" + ADJUSTMENT + ")$")
# Words that end an indicator phrase on its left: the verbs of this grammar.
_BOUNDARY = frozenset(GROWTH + DECLINE + REACH + ADVERBS + GOVERNING + CAUSATIVE + STRETCH
                      + SETTING)
_GOVERNING = _alternation(GOVERNING + CAUSATIVE)
# A verb of doing right before 的 makes the count its object: 此次签约的10个项目 counts
# the projects signed, like 签约10个项目. One-character verbs (有的, 所有的) do not.
_GOVERNING_OF = re.compile("(?:" + "|".join(re.escape(v) for v in sorted(
    (v for v in GOVERNING if len(v) > 1), key=len, reverse=True)) + ")$")
_LINK = _alternation(LINKS)
_INVESTMENT_IN = re.compile("(?:" + "|".join(sorted(INVESTMENT, key=len, reverse=True)) + ")")


@lru_cache(maxsize=8)
def _first_single_subject_end(text: str) -> int:
    """Where the earliest word naming a single subject ends (len+1 when none does)."""
    return min((text.find(w) + len(w) for w in SINGLE_SUBJECT if w in text),
               default=len(text) + 1)


def _enclosed(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _ENCLOSED.finditer(text)]


def _is_candidate(text: str, a: Amount, enclosed: list[tuple[int, int]]) -> bool:
    """Drop numbers that are not figures: in quotes or brackets, ordinals, codes."""
    if any(s < a.start < e for s, e in enclosed) or a.kind == "points":
        return False
    before = text[a.start - 1] if a.start else ""
    after = text[a.end] if a.end < len(text) else ""
    if before in "第前后每+-—~/" or before.isascii() and before.isalnum():
        return False
    if after.isascii() and after.isalnum() or after in ("/", "／"):  # 12000元/平方米 is a rate
        return False
    if _RANGE_AFTER.match(text, a.end):
        return False  # 增长6%-7%: a range, read neither end as the figure
    return not (a.is_count and a.value <= 1) and a.value != 0


def _strip_predicates(text: str, start: int, end: int) -> tuple[int, list[str]]:
    """Peel verbs and adverbs off the right of `text[start:end]`; return the new end."""
    words: list[str] = []
    while end > start:
        m = _STRIPPABLE.search(text, start, end)
        if not m:
            break
        words.append(m.group())
        end = m.start()
    return end, words


def _measure(a: Amount, phrase: Phrase, verbs: list[str], text: str) -> tuple[str, float] | None:
    """growth / level / share and the signed value, or None when the text does not say."""
    grows = any(v in GROWTH for v in verbs) or text.startswith(("的增长", "的增速"), a.end)
    falls = any(v in DECLINE for v in verbs)
    if a.kind == "percent":
        if falls:
            return "growth", -a.value
        if grows:
            return "growth", a.value
        if is_share(phrase):
            return "share", a.value
        return None
    if (grows or falls) and not any(v in REACH for v in verbs):
        return None  # 增加100家 is a change, not a level
    return "level", a.value


def _unlink(text: str, start: int, end: int) -> int:
    """Step back over 了/共/好 between a verb and what it governs."""
    while m := _LINK.search(text, start, end):
        end = m.start()
    return end


def _governed(text: str, a: Amount, clause_start: int, readings: list[Reading]) -> tuple[str, int] | None:
    """The verb that governs a count placed before its noun, and where it starts."""
    end = _unlink(text, clause_start, a.start)
    if end > clause_start and text[end - 1] == "的":
        attributive = [r for r in readings if r.amount.end == end - 1]
        if not attributive:
            doing = _GOVERNING_OF.search(text, clause_start, end - 1)
            return (doing.group(), doing.start()) if doing else None
        end = _unlink(text, clause_start, attributive[-1].phrase.start)
    if end > clause_start and text[end - 1] == "等":
        head = text[clause_start:end - 1]  # 推动正泰、中车等50家企业: the verb heads the list
        found = [(head.rfind(v), v) for v in GOVERNING + CAUSATIVE if v in head]
        if not found:
            return None
        pos, verb = max(found)
        return verb, clause_start + pos
    if end > clause_start and text[end - 1] in "、和及" or text.endswith("以及", 0, end):
        previous = [r for r in readings if r.mode == "b" and r.end <= end and r.start >= clause_start]
        return ("", previous[-1].start) if previous else None
    m = _GOVERNING.search(text, clause_start, end)
    if m:
        return m.group(), m.start()
    if not text[clause_start:end].strip("0123456789.、"):
        return "", end  # a count opening its clause: 60家以上工业企业实现“小升规”
    return None


# 集中签约, 集中开工: the milestone reached by a batch at once.
CONCERTED = "集中"


def _read_after(text: str, a: Amount, nxt: int, clause: tuple[int, int],
                readings: list[Reading]) -> Reading | None:
    """A count before its noun: 推动35个工业项目动工."""
    names_a_class = a.kind == "measure" and text.endswith(("以上", "以下"), 0, a.end)
    if a.kind in ("money", "percent") or names_a_class:
        return None  # 10亿元以上项目, 超百亿元项目, 1公顷以下撂荒耕地 name a class
    stop = _PIECE.search(text, nxt)
    phrase, following = phrase_after(text, nxt, stop.start() if stop else len(text),
                                     MILESTONES + BECOME)
    if phrase is None or is_descriptive(phrase.name):
        return None
    phrase = _before_their_investment(text, phrase)
    verb = _governed(text, a, clause[0], readings)
    concerted = following.startswith(CONCERTED) and following[2:].startswith(MILESTONES)
    milestone = following.startswith(MILESTONES) or concerted
    if verb is None and milestone and text.endswith("等", 0, _unlink(text, clause[0], a.start)):
        verb = ("", clause[0])  # A、B等61个重大项目集中签约: the listed names are the subject
    if verb is None:
        return None
    if (verb[0] in CAUSATIVE or verb[0] == "") and not milestone:
        return None
    become = next((w for w in BECOME if following.startswith(w)), None)
    if become:  # 培育12家以上高企成长为瞪羚企业: what they become is what is counted
        begin = phrase.end + len(become)
        stop = _PIECE.search(text, begin)
        end = stop.start() if stop else len(text)
        if not 2 <= end - begin <= 12:
            return None
        phrase = Phrase(text[begin:end], begin, end)
    lead = CONCERTED if concerted else ""
    milestone_word = next((w for w in MILESTONES if following.startswith(lead + w)), "")
    end = phrase.end + len(lead + milestone_word) if milestone_word else phrase.end
    return Reading(a, phrase, "level", a.value, verb[1], end, "b")


def _before_their_investment(text: str, phrase: Phrase) -> Phrase:
    """签约10个项目总投资62亿元: the counted noun ends where the investment of the set
    begins; that investment is a figure of its own."""
    found = _INVESTMENT_IN.search(text, phrase.start + 1, phrase.end)
    if found is None or not _CJK.match(text, found.start() - 1):
        return phrase
    return Phrase(tidy(text[phrase.start:found.start()]), phrase.start, found.start())


def _read_before(text: str, a: Amount, piece_start: int, readings: list[Reading]) -> Reading | None:
    """An indicator before its figure: 地区生产总值增长8%, or the clause leans on the last one."""
    np_end, verbs = _strip_predicates(text, piece_start, a.start)
    aside = _ASIDE_BEFORE.search(text, piece_start, np_end)
    if aside:  # 地区生产总值(GDP)1029.5亿元: the bracket only renames the indicator
        np_end, more = _strip_predicates(text, piece_start, aside.start())
        verbs += more
    clause_start = start_of_clause(_CLAUSE, text, a.start)
    if any(v in UNREADABLE for v in verbs) or PROJECTION.search(text, clause_start, a.start):
        return None
    phrase = phrase_before(text, np_end, piece_start, alias_end=a.start, verbs=_BOUNDARY)
    if phrase is None and a.is_count and _MILESTONE_RUN.fullmatch(text, piece_start, a.start):
        phrase = Phrase(text[piece_start:a.start], piece_start, a.start)  # ,开工248个,
    if phrase is None:
        return _lean_on(text, a, piece_start, verbs, readings)
    if (is_descriptive(phrase.name) or _single_subject(text, a, phrase, readings)
            or _package_of_measures(text, a, phrase, clause_start)):
        return None
    if phrase.name in BARE_HEADS:
        phrase = _modified_bare_head(text, phrase, piece_start)
    if phrase.name in BARE_HEADS or _MILESTONE_RUN.fullmatch(phrase.name) or (
            text.endswith("占", 0, phrase.start)):
        # 总数达到186家, 竣工投产186个, 占GDP比重11.5%: of the indicator just named
        if not readings:
            return None
        anchor = readings[-1]
        own = text[phrase.start - 1:phrase.end] if text.endswith("占", 0, phrase.start) else phrase.name
        if _MILESTONE_RUN.fullmatch(phrase.name):
            own = text[start_of_clause(_PIECE, text, phrase.start):phrase.end]
            if a.is_count:  # 项目382个,总投资1048亿元,竣工投产141个: of the projects counted
                anchor = next((r for r in reversed(readings) if r.amount.is_count
                               and not _MILESTONE_TAIL.search(r.phrase.name)), anchor)
        phrase = Phrase(anchor.phrase.name + own, phrase.start, phrase.end)
        piece_start = min(piece_start, anchor.start)  # quote from the indicator named
    elif phrase.name in INVESTMENT and text.endswith(("完成", "实现"), 0, phrase.start):
        phrase = Phrase(text[phrase.start - 2:phrase.end], phrase.start - 2, phrase.end)
    phrase = _of_counted_projects(phrase, readings)
    measured = _measure(a, phrase, verbs, text)
    if measured is None:
        return None
    # The quote is the whole list item up to the figure: 力争 or 2021年 before the
    # indicator is part of the evidence for its kind and year.
    lead = _LIST_LEAD.match(text, piece_start)
    start = min(lead.end() if lead else piece_start, phrase.start)
    return Reading(a, phrase, measured[0], measured[1], start, a.end)


def _modified_bare_head(text: str, phrase: Phrase, piece_start: int) -> Phrase:
    """总部经济企业纳税入库总额增长374%: a bare head with words of its own before it is
    named by the whole piece; only a head opening its piece (总数达到186家) leans back."""
    begin = _LIST_LEAD.match(text, piece_start).end()
    while (m := _OPENING_WORD.match(text, begin, phrase.start)) and m.end() > begin:
        begin = m.end()
    modifier = tidy(text[begin:phrase.start])
    if len(_CJK.findall(modifier)) < 2:
        return phrase
    return Phrase(tidy(text[begin:phrase.end]), begin, phrase.end)


def _counts_projects(r: Reading) -> bool:
    """集中签约仪式上签约11个项目: projects signed or started at an event are its news,
    unlike the firms or visitors an event counts."""
    return r.phrase.name.endswith("项目")


def _in_episode(text: str, r: Reading) -> bool:
    """An event word in the figure's clause, or before it with no reporting word between."""
    clause = (start_of_clause(_CLAUSE, text, r.start), _CLAUSE.search(text, r.amount.end))
    clause_end = clause[1].start() if clause[1] else len(text)
    if any(w in text[clause[0]:clause_end] for w in EPISODE):
        return True
    before = text[:r.start]
    last_event = max((before.rfind(w) for w in EPISODE), default=-1)
    return last_event >= 0 and not any(w in before[last_event:] for w in REPORTED)


def _package_of_measures(text: str, a: Amount, phrase: Phrase, clause_start: int) -> bool:
    """配套制定稳经济40条、推进高质量发展36条: numbered rules, not things counted."""
    if a.unit not in PACKAGE_UNITS:
        return False
    return (any(v in text[clause_start:phrase.end] for v in POLICY_VERBS)
            or has_verbal_head(phrase.name))


def _of_counted_projects(phrase: Phrase, readings: list[Reading]) -> Phrase:
    """建设重点项目200个,完成投资200亿元: a bare investment is that of the projects just counted."""
    if phrase.canonical or not phrase.name.endswith(INVESTMENT) or phrase.name.endswith("项目投资"):
        return phrase
    for last in reversed(readings):  # past the investments already read for the same set
        if last.amount.is_count:
            if not last.phrase.name.endswith("项目") or phrase.name.startswith(last.phrase.name):
                return phrase  # 25个重大项目总投资80亿元 already names its projects
            own = phrase.name.removeprefix("项目")  # 项目12个,项目总投资58亿元: named once
            return Phrase(last.phrase.name + own, phrase.start, phrase.end)
        if last.amount.kind == "percent":
            continue  # 开工率8.3%: a rate of the same set
        if last.amount.kind != "money" or not last.phrase.name.endswith(INVESTMENT):
            return phrase
    return phrase


def _coordinated(text: str, r: Reading) -> Reading | None:
    """The first of two indicators sharing one rate: 城镇居民人均可支配收入和农民人均纯收入增长8%."""
    if r.mode != "a" or r.measure == "level":
        return None
    conj = next((c for c in COORDINATORS if text.endswith(c, 0, r.phrase.start)), None)
    if conj is None:
        return None
    conj_start = r.phrase.start - len(conj)
    piece_start = start_of_clause(_PIECE, text, conj_start)
    first = phrase_before(text, conj_start, piece_start, verbs=_BOUNDARY)
    if first is None or not (first.canonical or first.name.endswith(INDICATOR_HEADS)):
        return None
    if r.measure == "share" and not is_share(first) or find_amounts(text[first.start:conj_start]):
        return None
    return Reading(r.amount, first, r.measure, r.value, min(r.start, first.start), r.end)


def _single_subject(text: str, a: Amount, phrase: Phrase, readings: list[Reading]) -> bool:
    """A firm's turnover or one project's investment is not a figure of the region."""
    clause_start = start_of_clause(_CLAUSE, text, phrase.start)
    if _first_single_subject_end(text) <= phrase.start:
        return True
    if any(w in text[clause_start:phrase.start] for w in FIRM):
        return True
    if a.kind == "money" and phrase.name.endswith(INVESTMENT) and not phrase.canonical:
        counted = any(r.amount.is_count for r in readings)
        context = text[clause_start:phrase.end]
        return not counted and not any(w in context for w in AGGREGATE)
    return False


def _lean_on(text: str, a: Amount, piece_start: int, verbs: list[str],
             readings: list[Reading]) -> Reading | None:
    """`,力争实现8.5%` stretches the last target; `,增长2.8%` is the growth of the last level."""
    if not readings:
        return None
    last = readings[-1]
    clause = text[piece_start:a.start]
    if any(w in clause for w in STRETCH) and last.amount.unit == a.unit and a.value > last.value:
        if last.stretch is None:
            last.stretch = a.value
            last.end = a.end
        return None
    if a.kind == "percent" and last.measure == "level" and last.amount.kind != "percent":
        measured = _measure(a, last.phrase, verbs, text)
        if measured and measured[0] == "growth":
            return Reading(a, last.phrase, "growth", measured[1], last.start, a.end)
    return None


def _read(text: str, a: Amount, readings: list[Reading]) -> Reading | None:
    clause_end = _CLAUSE.search(text, a.end)
    clause = (start_of_clause(_CLAUSE, text, a.start), clause_end.start() if clause_end else len(text))
    piece_start = start_of_clause(_PIECE, text, a.start)
    nxt = a.end
    paren = _PAREN_AFTER.match(text, nxt)
    if paren:
        nxt = paren.end()  # 240公顷(3600亩)高标准农田: the conversion is an aside
    if nxt < len(text) and text[nxt] == "的":
        after = text[nxt + 1:]
        if not after.startswith(OF_FIGURE) and not _starts_with_count(text, nxt + 1):
            return None  # 投资150亿元的锂电材料基地: the amount describes a project
    elif nxt < len(text) and _CJK.match(text, nxt) and not text.startswith(MARKS, nxt):
        return _read_after(text, a, nxt, clause, readings)
    reading = _read_before(text, a, piece_start, readings)
    if reading is not None and paren and reading.end == a.end:
        reading.end = paren.end()  # 266.67公顷(4000亩): the conversion belongs to the quote
    return reading


def _starts_with_count(text: str, pos: int) -> bool:
    """年度投资86.5亿元的42项重点项目: the amount qualifies a counted set, so it stays."""
    found = find_amounts(text[pos:pos + 16])
    return bool(found) and found[0].start == 0 and found[0].is_count


def extract_quantities(sentence: Sentence, article: Article) -> list[Fact]:
    """Target and actual facts of one sentence, each with its verbatim quote."""
    if not has_number(sentence.text):
        return []
    sq: Squeezed = squeeze(sentence.text)
    text = sq.text
    enclosed = _enclosed(text)
    readings: list[Reading] = []
    amounts = find_amounts(text)
    paired = distributed_readings(text, amounts)
    shared = shared_growths(text, amounts)
    for a in amounts:
        if a.start in paired and paired[a.start] is None and a.start in shared:
            readings.extend(spread_growths(*shared[a.start], readings))
        elif a.start in paired:
            readings.extend(filter(None, (paired[a.start],)))
        elif _is_candidate(text, a, enclosed):
            r = _read(text, a, readings)
            if r is not None:
                readings.extend(filter(None, (_coordinated(text, r), r)))
    if readings and any(w in text for w in EPISODE):
        readings = [r for r in readings
                    if r.phrase.canonical or not r.amount.is_count or _counts_projects(r)
                    or not _in_episode(text, r)]
    if not readings:
        return []
    ref = reference_year(article)
    years = year_cues(text, ref)
    tenses = sorted(tense_cues(text) + [c for c in years if c.tense], key=lambda c: c.start)
    years = [c for c in years if c.year and not yields_to(c, sentence.year, article)]
    facts: list[Fact] = []
    for r in readings:
        clause_start = start_of_clause(_CLAUSE, text, r.amount.start)
        year = year_of(r, years)
        tense = tense_of(r, tenses, clause_start, year, sentence, ref)
        if tense is None:
            continue
        year = year or sentence.year or default_year(article, tense)
        if year is None:
            continue  # an undated article that names no year: the figure cannot be filed
        quote = sentence.quote(*sq.span(r.start, r.end))
        facts.append(Fact(
            kind=tense, region=region_of(quote, sentence), article=article.id, quote=quote,
            year=year, indicator=r.phrase.name, measure=r.measure, value=round(r.value, 10),
            unit=r.amount.unit, bound=r.amount.bound, stretch=r.stretch,
        ))
    return facts
