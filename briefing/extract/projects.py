"""Named projects: parks, lines, works and facilities, with investment and stage.

A project phrase is framed by names.py (governing verb, enumeration, head
noun).  Whether the framed phrase is a project is a matter of evidence: the
head noun (产业园 says more than 中心), the verbs around it (开工 says more than
推动) and a proper name in it (a place, a road number).  Precision comes
first: a phrase without enough evidence stays out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.names import (INVESTMENT, MASK, ArticleMemory, Cut, alternation,
                                    chain_after, chain_before, frame, is_evaluative, is_works,
                                    is_generic, list_marker_end, name_region, place_prefix,
                                    strip_quotes)
from briefing.extract.sentences import Sentence
from briefing.extract.vocab import (ADVERBS, BUILD_VERBS, DESIGNATION_HEADS, HEAD_SUFFIXES,
                                    LOCATIVES, PARTNER_PREPOSITIONS, PROCESS_NOUNS,
                                    PROJECT_HEADS, PUSH_VERBS, SETTLING_VERBS, STAGE_WORDS,
                                    BEFORE_ONLY_STAGE_WORDS,
                                    STATIVE_VERBS, WORKS_SUFFIXES, CATEGORY_ENDINGS, COUNT_CLASSIFIERS,
                                    NOT_HEADS, NUMBERED_SCHOOL, POLICY_HEADS)
from briefing.model import Article, Fact

# Head nouns are literals; numbered schools (一中, 八小) are a pattern of their own,
# searched apart because one non-literal branch makes re scan the literals slowly.
_HEAD_RE = re.compile(alternation(list(PROJECT_HEADS)))
_SCHOOL_RE = re.compile(NUMBERED_SCHOOL)
_NOT_HEAD_RE = re.compile(alternation(NOT_HEADS))
# After a head: a road number (国道G240), a direction line (南(西)线), a section
# (江门至珠三角枢纽机场段, 双水段) and a phase or branch (二期, 新院).
_EXTENSION_RE = re.compile(
    r"(?:[A-Z]?\d{1,3}号?线|[A-Z]\d{1,4})?"
    rf"(?:[东南西北](?:[(（][^)）]{{1,2}}[)）])?线)?"
    r"(?:[^、，\s]{1,12}?至[^、，\s]{1,12}?段|[\u4e00-\u9fff]{2}段(?![落])|[A-Z]\d+合同段)?"
    rf"(?:{alternation(HEAD_SUFFIXES)})?(?:{alternation(WORKS_SUFFIXES)})?")
_SUFFIX_END_RE = re.compile(f"(?<=.)(?:{alternation(HEAD_SUFFIXES)})$")
_PROCESS = alternation(PROCESS_NOUNS)
_TIME = (r"(?:今年|明年|年内|年底前?|年中|上半年|下半年|[一二三四]季+度?(?:前)?"
         r"|\d{1,2}月(?:底|份|中旬|下旬|上旬)?前?|\d{4}年(?:底|内)?前?|尽快|早日)")
_INVESTMENT_RE = re.compile(INVESTMENT)
_FOLLOW_RE = re.compile(
    rf"^(?:(?:{_PROCESS})(?:(?:及|和|与|、)[^、]{{0,10}}?(?:{_PROCESS}))?|{_TIME}+)?$")
# A bracket after a name is an aside when it holds figures (总投资35亿元, 2023—2025年);
# otherwise it is part of the name (保税物流中心(B型)).
_ASIDE_RE = re.compile(r"\d|投资|占地|面积")
# A building verb right before a head is part of the name: 南京厂扩建项目, 改造工程.
_NAME_VERBS = ("扩建", "新建", "改建", "续建", "迁建", "建设", "改造")
_SEPARATOR_RE = re.compile(r"以及|及|和|与|、")
# A predicate opening with an adverb (要延链发展, 尽快见效) closes the phrase
# before it even when its verb is not one of ours.
_ADVERB_RE = re.compile(f"^(?:{alternation(ADVERBS)})")
_STATIVE_RE = re.compile(alternation(STATIVE_VERBS))
_NOT_ETC = "高平同对均初中特优上下劣相次超头一二三"
_COUNT_TAIL_RE = re.compile(rf"(?:[\d.]+|[两二三四五六七八九十百千几多]+)[{COUNT_CLASSIFIERS}]")
_PROPER_MARK_RE = re.compile(r"[A-Za-z]|\d(?![.．]\d)")
_SECTOR_WORDS = ("行业", "领域", "企业", "集群", "一批", "一系列", "若干")
_SECTOR_RE = re.compile(f"产业(?!{alternation(list(PROJECT_HEADS))})")
# After a name, 等 and a word that is no head closes the list (厦门新机场、福厦高铁等重大设施).
_ETC_TAIL_RE = re.compile(r"^等[^、，]{0,10}$")
# A listed item ending in a policy head is a plan, not a project (纳入“十四五”规划等重大项目).
_PLAN_END_RE = re.compile(f"(?:{alternation([h for h, _ in POLICY_HEADS])})$")
_CATEGORY_RE = re.compile(f"(?:{alternation(CATEGORY_ENDINGS)})$|(?:重大|重点)"
                          f"(?:{alternation(['能源', '产业', '交通', '水利', '民生', '基础设施'])})")
# 建成后的X: a time, not a governing verb.
_TEMPORAL = ("后", "前", "时", "中", "以来")
_PROCESS_AFTER_DE_RE = re.compile(rf"(?:{_PROCESS}|开工|动工|通车|投产|建成|竣工)")
# Longest name (before its head) that shares the head of the name after it.
_SHARED_HEAD_NAME = 4

_memory = ArticleMemory()


@dataclass
class _Item:
    start: int          # clause offsets of the name as written
    end: int
    head: str           # the head noun the name ends with, or the shared one
    shared: int = -1    # clause offset of the shared head (德玛电子、夏特新材料等…项目)


@dataclass
class _Group:
    items: list[_Item]
    end: int            # end of the phrase, after a trailing 建设/进度
    tail: str           # text after the last name (建设进度, 等项目…)
    adverb: str = ""    # an adverb opening the predicate after it (要, 尽快)


def extract_projects(sentence: Sentence, article: Article) -> list[Fact]:
    """Projects named in one sentence, each with the verbs that give its stage."""
    _memory.for_sentence(article, sentence)
    if not _has_head(sentence.text):
        return []
    prepared = frame(sentence)
    facts: list[Fact] = []
    for cs, ce in prepared.clauses:
        if _has_head(prepared.masked, cs, ce):
            start, found = prepared.clause_cuts(cs, ce)
            facts.extend(_clause_projects(sentence, article, prepared.masked[cs:ce], cs, ce,
                                          start, found))
    return facts


def _clause_projects(sentence: Sentence, article: Article, clause: str, cs: int, ce: int,
                     start: int, found: list[Cut]) -> list[Fact]:
    found = [c for c in found
             if not (c.word in _NAME_VERBS and _HEAD_RE.match(clause, c.end) and c.start > start)
             and not (c.word in WORKS_SUFFIXES and _head_ends_at(clause, c.start))]
    bounds = [start] + [c.end for c in found]
    ends = [c.start for c in found] + [len(clause)]
    original = sentence.text[cs:ce]
    facts: list[Fact] = []
    for seg_start, seg_end in zip(bounds, ends):
        if seg_end <= seg_start or not _has_head(clause, seg_start, seg_end):
            continue
        group = _parse_group(clause, original, seg_start, seg_end)
        if group is None:
            continue
        before = _governing_chain(clause, found, seg_start)
        if before is None:
            continue
        after = chain_after(found, seg_end)
        facts.extend(_facts_for_group(sentence, article, clause, cs, ce, group, seg_start,
                                      before, after,
                                      subject=not any(c.word != "的" for c in before)))
    return facts


def _governing_chain(clause: str, found: list[Cut], pos: int) -> list[Cut] | None:
    """The verbs governing a phrase at `pos`, looking past a 的-modifier with no name in it.

    None when the modifier judges the phrase (国内一流的食品工业基地): a goal, not a site.
    """
    chain = chain_before(found, pos)
    if chain and chain[-1].word == "的":
        earlier = [c for c in found if c.end <= chain[-1].start]
        between = clause[earlier[-1].end if earlier else 0:chain[-1].start]
        if is_evaluative(between):
            return None
        if earlier and not _has_head(between) and not between.endswith(_TEMPORAL):
            return chain_before(found, earlier[-1].end) or chain
    return chain


def _parse_group(clause: str, original: str, start: int, end: int) -> _Group | None:
    """The enumeration of names opening `clause[start:end]`, if it ends in a head noun."""
    text = clause[start:end]
    head_ends: dict[int, str] = {}
    np_end = -1
    blocked = [(b.start(), b.end()) for b in _NOT_HEAD_RE.finditer(text)]
    covered = 0
    for m in _heads(text):
        if m.start() < covered or not _whole_head(text, m) \
                or any(a < m.end() and m.start() < b for a, b in blocked):
            continue
        ext = _EXTENSION_RE.match(text, m.end())
        he = ext.end() if ext else m.end()
        he = _bracket_end(text, original[start:end], he)
        head_ends[he] = m.group()
        covered = he
        rest = _skip_aside(text, original[start:end], he)
        adverb = _ADVERB_RE.match(rest)
        if _FOLLOW_RE.match(rest) or (adverb and not _STATIVE_RE.match(rest, adverb.end())):
            np_end = he
            break
    if np_end < 0:
        np_end = next((he for he in head_ends
                       if _ETC_TAIL_RE.match(_skip_aside(text, original[start:end], he))), -1)
    if np_end < 0:
        return None
    items = _split_items(text[:np_end], head_ends)
    if not items:
        return None
    rest = _skip_aside(text, original[start:end], np_end)
    adverb = _ADVERB_RE.match(rest)
    for item in items:
        item.start, item.end = item.start + start, item.end + start
        if item.shared >= 0:
            item.shared += start
    return _Group(items, start + np_end, "" if adverb else rest,
                  adverb.group() if adverb else "")


def _head_ends_at(text: str, pos: int) -> bool:
    """A head noun (plus its extension) ends right at `pos`: 成渝高速公路|扩容."""
    return any(_EXTENSION_RE.match(text, m.end(), pos).end() == pos
               for m in _HEAD_RE.finditer(text, max(0, pos - 16), pos))


def _strong_head_in(text: str, start: int, end: int) -> bool:
    """广巴铁路扩能改造 holds its own head: it takes no shared one."""
    return any(PROJECT_HEADS.get(m.group()) == 2 for m in _HEAD_RE.finditer(text, start, end))


def _has_head(text: str, start: int = 0, end: int | None = None) -> bool:
    end = len(text) if end is None else end
    return bool(_HEAD_RE.search(text, start, end) or _SCHOOL_RE.search(text, start, end))


def _heads(text: str) -> list[re.Match]:
    """Head nouns in `text`, left to right, numbered schools among them."""
    found = list(_HEAD_RE.finditer(text))
    schools = [m for m in _SCHOOL_RE.finditer(text)
               if not any(h.start() < m.end() and m.start() < h.end() for h in found)]
    return sorted(found + schools, key=lambda m: m.start()) if schools else found


def _bracket_end(text: str, original: str, pos: int) -> int:
    """A bracket right after a name that is not an aside belongs to the name."""
    if text[pos:pos + 1] in ("(", "（"):
        close = min((i for i in (text.find(")", pos), text.find("）", pos)) if i > 0),
                    default=-1)
        if close > 0 and not _ASIDE_RE.search(original[pos + 1:close]):
            return close + 1
    return pos


def _skip_aside(text: str, original: str, pos: int) -> str:
    """The text after a name, past an aside in brackets (（总投资35亿元）)."""
    if text[pos:pos + 1] in ("(", "（"):
        close = min((i for i in (text.find(")", pos), text.find("）", pos)) if i > 0),
                    default=-1)
        if close > 0 and _ASIDE_RE.search(original[pos + 1:close]):
            return text[close + 1:]
    return text[pos:]


def _whole_head(text: str, m: re.Match) -> bool:
    """A one-character head (港, 站, 岛) must end its word: not 港澳, 站内."""
    nxt = text[m.end():m.end() + 1]
    return not (len(m.group()) == 1 and nxt and nxt in "澳口点务位长内外股家商")


def _split_items(text: str, head_ends: dict[int, str]) -> list[_Item]:
    """Split `A、B和C等…项目` into names; bare ones share the enumeration's head noun."""
    pieces: list[tuple[int, int]] = []
    last = 0
    for m in _SEPARATOR_RE.finditer(text):
        if m.group() == "、" or m.start() in head_ends:
            pieces.append((last, m.start()))
            last = m.end()
    pieces.append((last, len(text)))
    head = head_ends[len(text)]
    tail = _tail(text, pieces[-1], head_ends)
    if tail is not None:
        pieces[-1] = (pieces[-1][0], tail)
        sharing = set() if _sector_tail(text[tail:]) else set(range(len(pieces)))
    else:
        sharing = _short_run(pieces, head_ends, len(head))
    shared = _shared_start(text, len(text) - len(head))
    items: list[_Item] = []
    for n, (a, b) in enumerate(pieces):
        if b <= a or text[a] in "等、和及与":
            continue
        if b in head_ends:
            items.append(_Item(a, b, head_ends[b]))
        elif n in sharing and not _strong_head_in(text, a, b) \
                and not _PLAN_END_RE.search(text, a, b):
            items.append(_Item(a, b, head, shared))
    return items


def _short_run(pieces: list[tuple[int, int]], head_ends: dict[int, str], head: int) -> set[int]:
    """珠西国际陆港一期、嘉民、熙麦项目: short bare names right before a short last
    name share its head; anything longer is a phrase of its own."""
    a, b = pieces[-1]
    if len(pieces) < 2 or b - a - head > _SHARED_HEAD_NAME:
        return set()
    run: set[int] = set()
    for n in range(len(pieces) - 2, -1, -1):
        a, b = pieces[n]
        if b in head_ends or b - a > 2 * _SHARED_HEAD_NAME:
            break
        run.add(n)
    return run


def _shared_start(text: str, head_start: int) -> int:
    """The shared head keeps a quoted label right before it (两个“双碳”产业园)."""
    if head_start > 0 and text[head_start - 1] in "”」』\"":
        opening = max(text.rfind(q, 0, head_start - 1) for q in "“「『\"")
        if opening >= 0:
            return opening
    return head_start


def _tail(text: str, last_piece: tuple[int, int], head_ends: dict[int, str]) -> int | None:
    """Where `等超亿元欧资项目` or `两个“双碳”产业园` closes an enumeration."""
    a, b = last_piece
    piece = text[a:b]
    for m in re.finditer("等", piece):
        if m.start() > 0 and piece[m.start() - 1] not in _NOT_ETC:
            return a + m.start()
    for m in _COUNT_TAIL_RE.finditer(piece):
        if a + m.start() in head_ends:
            return a + m.start()
    return None


def _sector_tail(tail: str) -> bool:
    """`人工智能、氢能等一批未来产业和园区`: the listed words are sectors, not projects
    (but 等重大产业项目 lists projects)."""
    m = _HEAD_RE.search(tail)
    modifiers = tail[:m.start()] if m else tail
    return any(w in modifiers for w in _SECTOR_WORDS) or bool(_SECTOR_RE.search(modifiers))


def _facts_for_group(sentence: Sentence, article: Article, clause: str, cs: int, ce: int,
                     group: _Group, seg_start: int, before: list[Cut], after: list[Cut],
                     subject: bool) -> list[Fact]:
    before_words = [c.word for c in before if c.word != "的"]
    if before_words and before_words[-1] in LOCATIVES + PARTNER_PREPOSITIONS:
        return []
    if after and after[0].word == "的" and not group.tail \
            and not _PROCESS_AFTER_DE_RE.match(clause, after[0].end):
        return []  # 产业园的人才公寓: the park only says whose flats
    after_words = [group.adverb] if group.adverb else [c.word for c in after if c.word != "的"]
    process = group.tail
    verb_weight = _verb_weight(before_words, after_words, process, subject)
    stage = _stage(before_words, after_words + [process])
    single = len(group.items) == 1
    investment = (_investment(sentence, cs, group, before, after) if single else None)
    if verb_weight == 0 and investment is None:
        return []
    verbs = [c for c in before if c.word != "的"]
    q_start = verbs[0].start if verbs else group.items[0].start
    q_end = max([group.end + len(group.tail)] + [c.end for c in after if c.word != "的"])
    if subject and after_words:
        q_end = len(clause)  # 中欧雅瑶新兴产业园加快征地…: the predicate is the evidence
    facts: list[Fact] = []
    for item in group.items:
        name = _name(sentence.text, cs, item, group)
        if not name or not _acceptable(name, item):
            continue
        weight = PROJECT_HEADS.get(item.head, 1) + verb_weight + _proper(name)
        if PROJECT_HEADS.get(item.head, 1) == 0 and any(w in SETTLING_VERBS for w in after_words):
            weight -= 1
        if weight < 3 and investment is None:
            continue
        fact = Fact(kind="project", region=name_region(name, sentence), article=article.id,
                    quote=sentence.quote(cs + q_start, cs + q_end), name=name,
                    investment=investment, stage=stage)
        if _memory.admit(fact):
            facts.append(fact)
    return facts


def _name(text: str, cs: int, item: _Item, group: _Group) -> str:
    name = text[cs + item.start:cs + item.end].strip()
    name = name[list_marker_end(name):]
    if item.shared >= 0:
        name += text[cs + item.shared:cs + group.end]
    return name


def _acceptable(name: str, item: _Item) -> bool:
    """Reject categories (重点项目), roles (重要基地) and programmes (工业振兴工程)."""
    head = item.head
    modifier = name[:len(name) - len(head)] if name.endswith(head) else name
    plain = strip_quotes(modifier)
    if head == "工程" and not is_works(name):
        return False
    if _CATEGORY_RE.search(name):
        return False
    plain = _SUFFIX_END_RE.sub("", plain)
    if len(plain.replace(MASK, "")) < 2 or is_generic(plain) or is_evaluative(name):
        return False
    if head in DESIGNATION_HEADS and not place_prefix(name):
        return False
    return True


def _proper(name: str) -> int:
    """A place or a road or plant number in the name marks it as one site."""
    return 1 if place_prefix(name) or _PROPER_MARK_RE.search(name) else 0


def _verb_weight(before: list[str], after: list[str], process: str, subject: bool) -> int:
    words = "|".join(before + after)
    if any(v in words for v in BUILD_VERBS) or (process and "建设" in process) \
            or any(p in process for p in ("前期工作", "规划编制", "征地")):
        return 2
    if any(v in words for v in PUSH_VERBS):
        return 1
    return 1 if subject and after and after[0] not in STATIVE_VERBS else 0


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


def _investment(sentence: Sentence, cs: int, group: _Group, before: list[Cut],
                after: list[Cut]) -> float | None:
    """`投资200亿元的X`, `X总投资50亿元`, `X（总投资35亿元）`, normalised to 亿元."""
    m = None
    for c in before[-2:] + after[:1]:
        m = m or _INVESTMENT_RE.fullmatch(c.word)
    if m is None:
        after_text = sentence.text[cs + group.end:].lstrip("（(，, ")
        m = _INVESTMENT_RE.match(after_text)
    if m is None:
        return None
    value = float(m.group(1))
    return round(value / 10000, 6) if m.group(2) == "万" else value
