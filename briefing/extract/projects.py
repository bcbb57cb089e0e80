"""Named projects: parks, lines, works and facilities, with investment and stage.

A project phrase is framed by names.py (governing verb, enumeration, head
noun).  Whether the framed phrase is a project is a matter of evidence: the
head noun (产业园 says more than 中心), the verbs around it (开工 says more than
推动) and a proper name in it (a place, a road number).  Precision comes
first: a phrase without enough evidence stays out.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from briefing.extract.mentions import ArticleMemory, name_region
from briefing.extract.names import (INVESTMENT, MASK, Cut, alternation, chain_after,
                                    chain_before, frame, is_evaluative, is_generic, is_works,
                                    list_marker_end, names_structure, opening_end, place_prefix,
                                    strip_quotes)
from briefing.extract.project_lists import (head_weight, in_yi, join_parts, list_category,
                                            listed_amount, resuming_cuts, without_etc_de,
                                            without_listed_amounts)
from briefing.extract.project_phrases import (HEAD_RE, PROCESS, Group, Item, has_head,
                                              head_ends_at, head_positions, parse_group)
from briefing.extract.sentences import Sentence
from briefing.extract.vocab import (BEFORE_ONLY_STAGE_WORDS, BUILD_VERBS, CATEGORY_ENDINGS,
                                    COPULAS, COUNT_CLASSIFIERS, DEICTIC_WORDS, DESIGNATION_HEADS,
                                    FACILITY_VERBS, HEAD_SUFFIXES, INTRODUCERS,
                                    LOCATIVE_PREPOSITIONS, LOCATIVES, MEASURE_PREDICATES,
                                    PARTNER_PREPOSITIONS, PROCESS_NOUNS, PROJECT_HEADS,
                                    PUSH_VERBS, PUSHED_ON_VERBS, ROLE_VERBS, SETTLING_VERBS,
                                    SITE_NOUNS, SLOGAN_MAX, SLOGAN_NUMERALS, STAGE_WORDS,
                                    STATIVE_VERBS, WORKS_SUBJECTS, WORKS_SUFFIXES)
from briefing.model import Article, Fact

_INVESTMENT_RE = re.compile(INVESTMENT)
_RANK_RE = re.compile(r"^\D{0,6}?\d+\s*强(?:企业)?\s*")
_CHAINED_INVESTMENT_RE = re.compile(rf"(?<=[，,；;])\s*{INVESTMENT}")
_BYLINE_RE = re.compile(r"^[(（][^()（）]{0,12}[)）]")
_YEAR_OPENING_RE = re.compile(r"^(?:19|20)\d{2}年度?")
# 等八大工程, 十大: a count of a set of campaigns right before their shared head.
_COUNTED_SET_RE = re.compile(r"[两二三四五六七八九十]大$")
# A building verb right before a head is part of the name: 南京厂扩建项目, 改造工程;
# so is a verb that names what a facility does (社区卫生服务中心).
_NAME_VERBS = ("扩建", "新建", "改建", "续建", "迁建", "建设", "改造") + FACILITY_VERBS
_SUFFIX_END_RE = re.compile(f"(?<=.)(?:{alternation(HEAD_SUFFIXES)})$")
_PROPER_MARK_RE = re.compile(r"[A-Za-z]|\d(?![.．]\d)")
_CATEGORY_END_RE = re.compile(f"(?:{alternation(CATEGORY_ENDINGS)})$")
_CATEGORY_RE = re.compile("(?:重大|重点)"
                          f"(?:{alternation(['能源', '产业', '交通', '水利', '民生', '基础设施'])})")
# The work on a site named after it (X建设进度, X土建和设备安装): a construction project.
_WORKS_PROCESS_RE = re.compile(alternation([p for p in PROCESS_NOUNS if p not in ("工作", "情况")]))
_PHASE_RE = re.compile("[一二三四五六七八九首]期")
# A count inside a name leaves a category (科技园6条PPP道路项目).
_INNER_COUNT_RE = re.compile(rf"(?<=.)\d+[{COUNT_CLASSIFIERS}]")
_QUOTED_LABEL_RE = re.compile(r"[“「『\"]([^“”「」『』\"]{1,%d})[”」』\"]" % SLOGAN_MAX)
# 建成后的X: a time, not a governing verb.
_TEMPORAL = ("后", "前", "时", "中", "以来")
_PROCESS_AFTER_DE_RE = re.compile(rf"(?:{PROCESS}|开工|动工|通车|投产|建成|竣工)")

def extract_projects(sentence: Sentence, article: Article,
                     memory: ArticleMemory) -> list[Fact]:
    """Projects named in one sentence, each with the verbs that give its stage;
    `memory` holds the article's earlier names, so a repeat enriches the first."""
    if not has_head(sentence.text):
        return []
    prepared = frame(sentence)
    heads = head_positions(prepared.masked)
    facts: list[Fact] = []
    for n, (cs, ce) in enumerate(prepared.clauses):
        if _any_between(heads, cs, ce):
            start, found = prepared.clause_cuts(cs, ce)
            resumed = resuming_cuts(prepared, n + 1, cs)
            facts.extend(_clause_projects(sentence, article, prepared.masked[cs:ce], cs, ce,
                                          start, found, [h - cs for h in heads], resumed))
    return [fact for fact in facts if memory.admit(fact)]


def _any_between(positions: list[int], start: int, end: int) -> bool:
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def _clause_projects(sentence: Sentence, article: Article, clause: str, cs: int, ce: int,
                     start: int, found: list[Cut], heads: list[int],
                     resumed: list[Cut]) -> list[Fact]:
    found = [c for c in found
             if not (c.word in _NAME_VERBS and HEAD_RE.match(clause, c.end) and c.start > start)
             and not (c.word in WORKS_SUFFIXES and head_ends_at(clause, c.start))]
    found = without_listed_amounts(clause, found)
    found = without_etc_de(clause, found, start)
    bounds = [start] + [c.end for c in found]
    ends = [c.start for c in found] + [len(clause)]
    original = sentence.text[cs:ce]
    facts: list[Fact] = []
    for seg_start, seg_end in zip(bounds, ends):
        if seg_end <= seg_start or not _any_between(heads, seg_start, seg_end):
            continue
        group = parse_group(clause, original, seg_start, seg_end)
        if group is None:
            continue
        before = _governing_chain(clause, found, seg_start)
        if before is None:
            continue
        after = chain_after(found, seg_end)
        if after and after[0].word in LOCATIVE_PREPOSITIONS \
                and not any(c.word != "的" for c in before):
            # X项目在阳西县举行动工仪式: the verb after the place is the subject's
            after = after + [c for c in found if c.start >= after[-1].end and c.word != "的"]
        if not after and resumed and len(group.items) > 1 and group.end == len(clause):
            after = resumed
        facts.extend(_facts_for_group(sentence, article, clause, cs, ce, group, seg_start,
                                      before, after,
                                      subject=not any(c.word != "的" for c in before)))
    return facts


def _governing_chain(clause: str, found: list[Cut], pos: int) -> list[Cut] | None:
    """The verbs governing a phrase at `pos`, looking past a 的-modifier with no name in it.

    None when the modifier judges the phrase (国内一流的装备制造基地): a goal, not a site.
    """
    chain = chain_before(found, pos)
    if chain and chain[-1].word == "的":
        earlier = [c for c in found if c.end <= chain[-1].start]
        between = clause[earlier[-1].end if earlier else 0:chain[-1].start]
        if is_evaluative(between):
            return None
        if earlier and not has_head(between) and not between.endswith(_TEMPORAL):
            past = chain_before(found, earlier[-1].end) or chain
            if past[-1].word in LOCATIVES:
                return [c for c in chain if c.word == "的"]  # 位于盘陀镇的X项目: X is the subject
            return past
    return chain


def _facts_for_group(sentence: Sentence, article: Article, clause: str, cs: int, ce: int,
                     group: Group, seg_start: int, before: list[Cut], after: list[Cut],
                     subject: bool) -> list[Fact]:
    before_words = [c.word for c in before if c.word != "的"]
    if before_words and before_words[-1] in LOCATIVES + PARTNER_PREPOSITIONS \
            and not group.tail.startswith(SITE_NOUNS):
        return []  # 到X园区 is where a visit goes; 在X项目现场 still names the project
    if before_words and before_words[-1] in ROLE_VERBS:
        return []  # 成为首批…示范园区: a title the subject earns
    if after and after[0].word == "的" and not group.tail \
            and not _PROCESS_AFTER_DE_RE.match(clause, after[0].end):
        return []  # 产业园的人才公寓: the park only says whose flats
    after_words = [group.adverb] if group.adverb else [c.word for c in after if c.word != "的"]
    process = "" if group.tail.startswith(MEASURE_PREDICATES) else group.tail  # 规划面积…
    category = list_category(clause, group)
    by_copula = _named_by_copula(clause, before)
    listed_words = [category] if category else []
    verb_weight = 2 if by_copula else _verb_weight(before_words, after_words + listed_words,
                                                    process, subject)
    timely = [c.word for c in after if c.word != "的" and clause[c.end:c.end + 1] not in _TEMPORAL]
    introduced = _introduced_stage(sentence.text[:cs], sentence.text[:cs + seg_start],
                                   clause[:seg_start])
    if introduced and not verb_weight:
        verb_weight = 2  # 签约的6个项目…分别是A、B: the introduction says what was done
    stage = (_stage(before_words, (after_words if group.adverb else timely) + [process]
                    + listed_words)
             or _pushed_on(clause, after, subject) or introduced)
    single = len(group.items) == 1
    investment, amount_end = (_investment(sentence, cs, group, before, after) if single
                              else (None, -1))
    listed = [listed_amount(clause, item) for item in group.items]
    if any(amount is not None for _, amount in listed[1:]):
        # each name has its amount: the one before the list belongs to the first name
        first = next((_INVESTMENT_RE.fullmatch(c.word) for c in before[-2:]
                      if _INVESTMENT_RE.fullmatch(c.word)), None)
        listed[0] = (listed[0][0], in_yi(first) if first else None)
        listed = join_parts(clause, listed)
    if verb_weight == 0 and investment is None and all(a is None for _, a in listed):
        return []
    verbs = [c for c in before if c.word != "的"]
    q_start = verbs[0].start if verbs else group.items[0].start
    if by_copula:
        q_start = opening_end(clause)  # the subject the copula names
    q_end = max([group.end + len(group.tail)] + [c.end for c in after if c.word != "的"])
    if subject and after_words:  # 中德智能制造产业园加快征地…: the predicate is the evidence
        q_end = max(q_end, len(clause))
    q_end = max(q_end, amount_end)  # X项目,投资额2.5亿元: the amount is evidence too
    facts: list[Fact] = []
    for item, amount in listed:
        amount = investment if single else amount
        name = _name(sentence.text, cs, item, group)
        if not name or not _acceptable(name, item) or _counted_programme(sentence.text, cs, item):
            continue
        weight = head_weight(item, category) + verb_weight + _proper(name)
        if PROJECT_HEADS.get(item.head, 1) == 0 and any(w in SETTLING_VERBS for w in after_words):
            weight -= 1
        if weight < 3 and amount is None:
            continue
        fact = Fact(kind="project", region=name_region(name, sentence), article=article.id,
                    quote=sentence.quote(cs + q_start, cs + q_end), name=name,
                    investment=amount, stage=stage)
        facts.append(fact)
    return facts


def _name(text: str, cs: int, item: Item, group: Group) -> str:
    name = text[cs + item.start:cs + item.end].strip()
    name = name[list_marker_end(name):]
    rank = _RANK_RE.match(name)
    if rank:
        name = name[rank.end():]  # 民营企业500强杭萧钢构项目: the rank qualifies the firm
    if name.startswith("项目") and len(name) > 4:
        name = name[2:]  # 已投产项目海尚水产食品项目: the apposition names it
    if item.shared >= 0:
        name += text[cs + item.shared:cs + group.end]
    return name


def _acceptable(name: str, item: Item) -> bool:
    """Reject categories (重点项目), roles (重要基地) and programmes (工业振兴工程)."""
    head = item.head
    modifier = name[:len(name) - len(head)] if name.endswith(head) else name
    plain = strip_quotes(_QUOTED_LABEL_RE.sub(_unless_slogan, modifier))
    if head == "工程" and not is_works(name):
        return False
    sector = _CATEGORY_END_RE.search(name)
    if sector and is_generic(strip_quotes(name[:sector.start()])):
        return False  # 清洁能源产业项目 is a sector; 天福养老产业项目 a firm's project
    if _CATEGORY_RE.search(name) or _INNER_COUNT_RE.search(name):
        return False
    plain = _SUFFIX_END_RE.sub("", plain)
    if len(plain.replace(MASK, "")) < 2 or is_generic(plain) or is_evaluative(name):
        return False
    if _owned_category(plain):
        return False
    if head in DESIGNATION_HEADS and not place_prefix(name):
        return False
    return True


def _owned_category(modifier: str) -> bool:
    """(记者某某)2023年南京市重大招商(项目): a year's class of a government's projects, not
    one project; a place alone before the head (鹤山工业城, 桐城市双创产业园) still names one."""
    core = _BYLINE_RE.sub("", modifier)
    year = _YEAR_OPENING_RE.match(core)
    if year is None:
        return False
    core = core[year.end():]
    owner = place_prefix(core)
    return is_generic(core[len(owner):])


def _counted_programme(text: str, cs: int, item: Item) -> bool:
    """A、B、C等八大工程: names sharing a counted 工程 are a government's campaigns (policies
    read them), not construction works."""
    if item.shared < 0 or item.head != "工程" or names_structure(text[cs + item.start:cs + item.end]):
        return False
    return bool(_COUNTED_SET_RE.search(text, 0, cs + item.shared))


def _unless_slogan(label: re.Match) -> str:
    """A numbered slogan (“两重一实”) drops out of a name; any other label stays."""
    numerals = sum(ch in SLOGAN_NUMERALS for ch in label.group(1))
    return "" if numerals >= 2 else label.group()


def _proper(name: str) -> int:
    """A place, a road or plant number, or a phase (二期: only works have phases)
    in the name marks it as one site."""
    return 1 if (place_prefix(name) or _PROPER_MARK_RE.search(name)
                 or _PHASE_RE.search(name)) else 0


def _named_by_copula(clause: str, before: list[Cut]) -> bool:
    """本工程为天场S328连接线, 该项目是…: the copula names the works its subject points at."""
    if len(before) != 1 or before[0].word not in COPULAS:
        return False
    subject = clause[opening_end(clause):before[0].start]
    return any(subject == d + w for d in DEICTIC_WORDS for w in WORKS_SUBJECTS)


def _verb_weight(before: list[str], after: list[str], process: str, subject: bool) -> int:
    words = "|".join(before + after)
    if any(v in words for v in BUILD_VERBS) or _WORKS_PROCESS_RE.search(process):
        return 2
    if any(v in words for v in PUSH_VERBS):
        return 1
    return 1 if subject and after and after[0] not in STATIVE_VERBS else 0


def _pushed_on(clause: str, after: list[Cut], subject: bool) -> str | None:
    """X等一批重点项目加快推进: a project pushed on, with nothing more said, is under way
    (but in X加快推进控规编制 the push is for its planning)."""
    if subject and after and after[-1].end == len(clause) and after[-1].word in PUSHED_ON_VERBS:
        return "在建"
    return None


def _introduced_stage(before_clause: str, prefix: str, clause_before: str) -> str | None:
    """此次集中开工的项目包括：A、B / 签约的6个项目中…分别是A、B: a list introduced by
    包括, 分别是 or 其中 takes the stage of the words that introduce it."""
    introduced = before_clause.rstrip(" ：:").endswith(INTRODUCERS) or any(
        w in clause_before for w in INTRODUCERS) or clause_before.startswith("其中")
    return _stage([prefix], []) if introduced else None


def _stage(before: list[str], after: list[str]) -> str | None:
    """The stage word after the name wins (X动工), then the one before (谋划建设X);
    a bare 建设 around it (推进X建设) means the work is under way."""
    after_text, before_text = "".join(after), "".join(before)
    for text, words in ((after_text, STAGE_WORDS),
                        (before_text, STAGE_WORDS + BEFORE_ONLY_STAGE_WORDS)):
        for word, stage in words:
            if word in text:
                return stage
    return "在建" if "建设" in after_text else None


def _investment(sentence: Sentence, cs: int, group: Group, before: list[Cut],
                after: list[Cut]) -> tuple[float | None, int]:
    """`投资200亿元的X`, `X总投资50亿元`, `X（总投资35亿元）`, normalised to 亿元, and
    where the amount ends (from `cs`) when it stands after the name."""
    m = None
    for c in before[-2:] + after[:1]:
        m = m or _INVESTMENT_RE.fullmatch(c.word)
    if m is not None:
        return in_yi(m), -1
    rest = sentence.text[cs + group.end:]
    after_text = rest.lstrip("（(，, ")
    m = _INVESTMENT_RE.match(after_text)
    if m is not None:
        return in_yi(m), group.end + len(rest) - len(after_text) + m.end()
    if not group.tail.startswith(MEASURE_PREDICATES):
        return None, -1
    # X项目总用地面积约83万平方米,总投资1.8亿元: the clauses go on about X
    chained = _CHAINED_INVESTMENT_RE.search(sentence.text, cs + group.end)
    if chained is None or has_head(sentence.text, cs + group.end, chained.start()):
        return None, -1
    return in_yi(chained), chained.end() - cs

