"""Named policies: documents, programmes and mechanisms, with their status.

Three shapes carry a policy name in government prose, tried in this order:
a 《》 title (always a document), a quoted label with its head
(“工业振兴”工程, 乡村治理“积分制”“清单制”, 标准化“三大战略” spread over the
listed items), and a plain phrase governed by a verb (实施人才强县战略,
制定…实施方案, 推行预审制).  The plain shape is the weakest, so it needs the
verb that fits its category and a name that is not generic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.mentions import ArticleMemory, name_region
from briefing.extract.names import (MASK, Cut, Frame, alternation, chain_before, frame,
                                    is_works, names_structure, place_prefix, starts_with_count)
from briefing.extract.sentences import Sentence
from briefing.extract.vocab import (APPROVAL_WORDS, CREATION_WORDS, DRAFTING_WORDS, GENERIC_POLICY_OPENINGS,
                                    GENERIC_POLICY_WORDS, IMPLEMENTING_WORDS, ISSUED_WORDS,
                                    LABEL_DETERMINERS, LABEL_ONLY_HEADS, LABEL_VERBS, MECHANISM_NAME_MAX,
                                    NOT_MECHANISMS, NOUNS_AFTER_POLICY_HEAD, OWNER_PREFIXES,
                                    PLAIN_POLICY_VERBS, POLICY_HEADS, QUOTED_ONLY_HEADS,
                                    TITLE_SUFFIXES)
from briefing.model import Article, Fact

_CATEGORY = dict(POLICY_HEADS)
_HEAD = alternation([h for h, _ in POLICY_HEADS])
_HEAD_RE = re.compile(_HEAD)
# A clause can name a policy only if it holds a head or a title: the cheap test first.
_ANY_POLICY_RE = re.compile(f"{_HEAD}|《|[一二三四五六七八九十\\d]条")
# 三年行动计划, 建设行动实施方案: heads stack, and the last one names the category.
_STACKED_HEAD_RE = re.compile(f"(?:{_HEAD})+")
_LAST_HEAD_RE = re.compile(f"(?:{_HEAD})$")
_JOINED_MECHANISM_RE = re.compile("制(?![造度定品作约衡])")
_NEXT_MECHANISM_RE = re.compile("^[^制、，]{1,6}制(?![造度定品作约衡])")
_TITLE_RE = re.compile(r"《([^《》]{2,120})》")
_TITLE_END_RE = re.compile(
    rf"(?:{alternation(TITLE_SUFFIXES)})(?:[(（][^()（）]{{1,16}}[)）])*$")
_TITLE_GAP_RE = re.compile(r"^[、和及与]?$")
_QUOTE_RUN_RE = re.compile(r"(?:[“「『\"][^“”「」『』\"，。；]{1,30}[”」』\"][、和及与]?)+")
_QUOTED_RE = re.compile(r"[“「『\"]([^“”「」『』\"]+)[”」』\"]")
# What may stand between a quoted label and its head: 乡村工匠培育(计划).
_AFTER_QUOTE_RE = re.compile(rf"(等)?([^、，,。；;“”「」\s]{{0,12}}?)((?:{_HEAD})+)")
_NUMBERED_RULES_RE = re.compile(r"[一二三四五六七八九十\d]+条$")
_COUNTED_RE = re.compile(r"[“「]?([两二三四五六七八九十])大(战略|工程|行动|计划)(?![性])[”」]?")
_COUNTED_ITEM_MAX = 8
_COUNT_ONLY_RE = re.compile(f"[两二三四五六七八九十]大(?:{_HEAD})")
_ENUMERATION_RE = re.compile(r"、|以及|和|及|与")
_CONJUNCTION_RE = re.compile(r"以及|和|及|与")
# 稳经济47条, 助企纾困二十条: a count of rules (not 条例, 条件, 条款, 条线).
_RULE_COUNT_RE = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})条(?![例件款线])")
_OWNER_RE = re.compile(f"^(?:{alternation(OWNER_PREFIXES)})")
_OWNERS_LONGEST_FIRST = sorted(OWNER_PREFIXES, key=len, reverse=True)
_YEARS_RE = re.compile(r"^[一二三四五六七八九十\d]+年")
_GENERIC_OPEN_RE = re.compile(f"^(?:{alternation(GENERIC_POLICY_WORDS)})")
_GENERIC_CLOSE_RE = re.compile(f"(?:{alternation(GENERIC_POLICY_WORDS)})$")
# What may follow a plain name: a list, a copula, its implementation, its work
# (链长制工作), or 中 closing 在…中.
_PLAIN_FOLLOW_RE = re.compile(r"^(?:$|[、和及与等为]|方面|不动摇|落地|见效|的实施|工作|中$)")

# Particles end a name but are no evidence of anything (听取了《…》).
_PARTICLES = ("了", "的")

@dataclass
class _Candidate:
    start: int          # sentence offsets of the name as written
    end: int
    name: str
    category: str
    chain_start: int    # where the governing words start (the quote starts there)
    status_text: str    # the clause text that governs the name
    quote_end: int = -1  # end of the evidence when the head is shared (…等工程)


def extract_policies(sentence: Sentence, article: Article,
                     memory: ArticleMemory) -> list[Fact]:
    """Policies named in one sentence, each with the status its verbs give;
    `memory` holds the article's earlier names, so a repeat enriches the first."""
    if not _ANY_POLICY_RE.search(sentence.text):
        return []
    prepared = frame(sentence)
    facts: list[Fact] = []
    for cs, ce in prepared.clauses:
        if not _ANY_POLICY_RE.search(sentence.text, cs, ce):
            continue
        for cand in _clause_candidates(sentence.text, prepared, cs, ce):
            fact = _fact(sentence, article, cand)
            if fact is not None and memory.admit(fact):
                facts.append(fact)
    return facts


def _clause_candidates(text: str, prepared: Frame, cs: int, ce: int) -> list[_Candidate]:
    clause, clause_m = text[cs:ce], prepared.masked[cs:ce]
    start, found = prepared.clause_cuts(cs, ce)
    out: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for finder in (_titles, _quoted, _counted, _numbered, _plain):
        for cand in finder(clause, clause_m, start, found):
            if any(a < cand.end and cand.start < b for a, b in taken):
                continue
            taken.append((cand.start, cand.end))
            cand.quote_end = (cand.quote_end if cand.quote_end >= 0 else cand.end) + cs
            cand.start, cand.end, cand.chain_start = (cand.start + cs, cand.end + cs,
                                                      cand.chain_start + cs)
            out.append(cand)
    return out


def _governing(clause_m: str, found: list[Cut], pos: int, start: int) -> tuple[int, str]:
    """Start of the verbs governing a name at `pos`, and the clause text before it
    (审议通过了《…》: the status words need not touch the name).

    A 的-modifier between verb and name is looked past (正研究出台含金量更高的《…》).
    """
    chain = chain_before(found, pos)
    if chain and chain[-1].word == "的":
        earlier = [c for c in found if c.end <= chain[-1].start and c.word != "的"]
        if earlier:
            chain = chain_before(found, earlier[-1].end) or chain
    verbs = [c for c in chain if c.word not in _PARTICLES]
    return (verbs[0].start if verbs else pos), clause_m[start:pos]


def _category(heads: str) -> str:
    """The last of stacked heads decides: 行动 + 实施方案 is a document."""
    return _CATEGORY[_last_head(heads)]


def _last_head(heads: str) -> str:
    return _LAST_HEAD_RE.search(heads).group()


def _titles(clause: str, clause_m: str, start: int, found: list[Cut]) -> list[_Candidate]:
    """《…》 documents; adjacent titles share the verb before the first (出台《A》《B》)."""
    out: list[_Candidate] = []
    group_start = -1
    last_end = -1
    for m in _TITLE_RE.finditer(clause):
        if group_start < 0 or not _TITLE_GAP_RE.match(clause[last_end:m.start()]):
            group_start = m.start()
        last_end = m.end()
        if not _TITLE_END_RE.search(m.group(1)):
            continue
        owner = next((o for o in _OWNERS_LONGEST_FIRST
                      if clause.endswith(o, start, group_start)), "")
        # 落实省政府《…》: the verbs stand before the owner, and the owner says whose it is
        chain_start, status_text = _governing(clause_m, found, group_start - len(owner), start)
        after = clause[m.end():m.end() + 8]
        out.append(_Candidate(m.start(), m.end(), m.group(1).strip(), "document",
                              min(chain_start, m.start()), status_text + "|" + after))
    return out


def _quoted(clause: str, clause_m: str, start: int, found: list[Cut]) -> list[_Candidate]:
    """Quoted labels with a policy head inside (“链长制”) or after them (“工业振兴”工程)."""
    out: list[_Candidate] = []
    for run in _QUOTE_RUN_RE.finditer(clause):
        if clause[max(0, run.start() - 2):run.start()] in LABEL_VERBS:
            continue
        if clause[run.start() - 1:run.start()] == "等":
            continue  # 《A》《B》等“1+2”方案: the label sums up the list, it adds no policy
        shared, category, end = _shared_head(clause, clause_m, found, run.end())
        prefix_start = _prefix_start(clause_m, found, run.start(), start)
        prefix = _strip_owner(clause[prefix_start:run.start()])
        chain_start, status_text = _governing(clause_m, found, prefix_start, start)
        for n, q in enumerate(_QUOTED_RE.finditer(run.group())):
            q_start, q_end = run.start() + q.start(), run.start() + q.end()
            own = _own_head(q.group(1))
            if own is not None and _is_count(q.group(1)):
                continue  # “三大战略”: a count of the listed items, see _counted
            if own is None and not shared:
                continue
            name = prefix + q.group() + ("" if own else shared)
            out.append(_Candidate(q_start if n else prefix_start, q_end, name,
                                  own or category, min(chain_start, prefix_start),
                                  status_text, q_end if own else end))
    return out


def _shared_head(clause: str, clause_m: str, found: list[Cut], pos: int) -> tuple[str, str, int]:
    """The head after a quoted label (“工业振兴”工程, “春燕归巢”乡村工匠培育计划)."""
    m = _AFTER_QUOTE_RE.match(clause, pos)
    if m is None or clause.startswith(NOUNS_AFTER_POLICY_HEAD, m.end()):
        return "", "", pos
    modifier = m.group(2)
    if modifier and m.group(3) in LABEL_ONLY_HEADS:
        return "", "", pos
    if m.group(1) and modifier or modifier.startswith(GENERIC_POLICY_OPENINGS):
        return "", "", pos  # “政银保”等一系列措施: examples of something generic
    if modifier.startswith("的"):
        return "", "", pos  # 出台支持打造“桥头堡”的意见: the label ends a description, no title
    # A verb and its object between label and head (中小企业实施数字赋能工程): the label is
    # no part of the name.  A verb right before the head compounds with it (工作推进方案).
    if any(v in modifier and not modifier.endswith(v)
           for v in IMPLEMENTING_WORDS + CREATION_WORDS):
        return "", "", pos
    return clause[m.start(2):m.end()], _category(m.group(3)), m.end()


def _is_count(content: str) -> bool:
    """三大战略, 十大行动: a number and a head, nothing else."""
    return bool(_COUNT_ONLY_RE.fullmatch(content))


def _own_head(content: str) -> str | None:
    """The category a quoted label names by itself (“名师工程”, “链长制”, “凤城人才十条”)."""
    if _NUMBERED_RULES_RE.search(content) and len(content) > 3:
        return "document"
    m = _LAST_HEAD_RE.search(content)
    if not m:
        return None
    if m.group() == "制" and not _is_mechanism(content):
        return None
    return _CATEGORY[m.group()]


def _prefix_start(clause_m: str, found: list[Cut], pos: int, start: int) -> int:
    """Where the words qualifying a quoted label start: after the last governing word,
    and after an earlier name it is listed with (出台《A》和2022年“B”方案)."""
    before = [c for c in found if c.end <= pos]
    left = before[-1].end if before else start
    gap = clause_m[left:pos]
    cut = max(gap.rfind(mark) for mark in "、”」》")
    if cut < 0:
        return left
    joined = _CONJUNCTION_RE.match(gap, cut + 1)
    return left + (joined.end() if joined else cut + 1)


def _strip_owner(prefix: str) -> str:
    """省委“强县富民…工程” is the province's programme; its name starts at the quote,
    as it does after a determiner (该“链长制”)."""
    if prefix.endswith(LABEL_DETERMINERS):
        return ""
    owner = place_prefix(prefix) if prefix else ""
    rest = prefix[len(owner):]
    m = _OWNER_RE.match(rest)
    return rest[m.end():] if m else rest


def _counted(clause: str, clause_m: str, start: int, found: list[Cut]) -> list[_Candidate]:
    """生态立县、工业强县和旅游兴县“三大战略”: each listed item is one programme."""
    out: list[_Candidate] = []
    for m in _COUNTED_RE.finditer(clause):
        left = _list_start(clause, found, m.start(), start)
        items = clause[left:m.start()].removesuffix("等")  # A、B等八大工程 lists them all
        parts = [p for p in _ENUMERATION_RE.split(items) if p]
        if len(parts) < 2 or any(len(p) > _COUNTED_ITEM_MAX or _HEAD_RE.search(p)
                                 or re.search("[“”「」]", p) or names_structure(p) for p in parts):
            continue
        chain_start, status_text = _governing(clause_m, found, left, start)
        pos = left
        for part in parts:
            pos = clause.index(part, pos)
            out.append(_Candidate(pos, pos + len(part), part + m.group(2),
                                  _CATEGORY[m.group(2)], chain_start, status_text, m.end()))
            pos += len(part)
    return out


def _list_start(clause: str, found: list[Cut], pos: int, start: int) -> int:
    """Where the items counted at `pos` start: after the governing word of the list, not
    after a verb that only ends one of its items (实施项目建设提速、城乡融合提质等八大工程)."""
    before = [c for c in found if c.end <= pos]
    while len(before) > 1 and not chain_before(found, before[-1].start):
        cut, earlier = before[-1], before[-2]
        seps = [m for m in _ENUMERATION_RE.finditer(clause, earlier.end, pos)]
        item_start = max([m.end() for m in seps if m.end() <= cut.start], default=earlier.end)
        item_end = min([m.start() for m in seps if m.start() >= cut.end], default=pos)
        if item_end - item_start > _COUNTED_ITEM_MAX or item_start == cut.start:
            break
        before.pop()
    return before[-1].end if before else start


def _plain(clause: str, clause_m: str, start: int, found: list[Cut]) -> list[_Candidate]:
    """实施人才强县战略, 制定…实施方案, 推行预审制: a verb, a name, a head.

    In 实施A战略、B战略和C战略 the later names take the verb of the first.
    """
    out: list[_Candidate] = []
    listed: dict[int, tuple[list[Cut], int]] = {}  # name end -> its verbs, quote start
    for m in _STACKED_HEAD_RE.finditer(clause_m):
        head = m.group()
        rest = _rest(clause_m, found, m.end())
        if head in QUOTED_ONLY_HEADS or not (_PLAIN_FOLLOW_RE.match(rest) or (
                head == "制" and _NEXT_MECHANISM_RE.match(rest))):
            continue
        if chain_before(found, m.start()):
            continue  # the head right after a verb (实施行动) has no name
        governed = max([c.end for c in found if c.end <= m.start()] + [start])
        verbs = chain_before(found, governed)
        quote_start = verbs[0].start if verbs else governed
        left = governed
        for sep in _ENUMERATION_RE.finditer(clause_m, governed, m.start()):
            if sep.start() in listed:
                left = sep.end()
                verbs, quote_start = listed[sep.start()]
        if head == "制":
            left = max([left] + _mechanism_joins(clause_m, left, m.start()))
        name = clause[left:m.end()]
        category = _category(head)
        head = _last_head(head)
        if not verbs or not _plain_name_ok(name, head, category):
            continue
        words = "".join(c.word for c in verbs)
        if not any(v in words for v in PLAIN_POLICY_VERBS[category]):
            continue
        listed[m.end()] = (verbs, quote_start)
        out.append(_Candidate(left, m.end(), name, category, quote_start,
                              clause_m[start:verbs[-1].end]))
    return out


def _numbered(clause: str, clause_m: str, start: int, found: list[Cut]) -> list[_Candidate]:
    """出台稳经济47条、助企纾困22条等措施: a package of numbered rules named by its aim.

    Listed packages take the verb of the first; the verb must make or apply a document.
    """
    out: list[_Candidate] = []
    listed: dict[int, tuple[list[Cut], int]] = {}  # package end -> its verbs, quote start
    for m in _RULE_COUNT_RE.finditer(clause_m, start):
        # after 、 and a listed package, the name runs to the count, verbs and all
        # (民营企业参与政府投资项目13条); otherwise it starts after the last verb or 和
        previous = [end for end in listed if clause_m.startswith("、", end)
                    and "、" not in clause_m[end + 1:m.start()]]
        if previous:
            left = previous[-1] + 1
            verbs, quote_start = listed[previous[-1]]
        else:
            left = max([c.end for c in found if c.end <= m.start()] + [start])
            verbs = chain_before(found, left)
            quote_start = verbs[0].start if verbs else left
            left = max([left] + [sep.end() for sep in
                                 _ENUMERATION_RE.finditer(clause_m, left, m.start())])
        modifier = clause[left:m.start()]
        if len(modifier) < 2 or MASK in clause_m[left:m.end()] or _generic(modifier) \
                or _LAST_HEAD_RE.search(modifier) or modifier.startswith(GENERIC_POLICY_OPENINGS):
            continue  # 政策措施10条 counts measures; it names no package
        words = "".join(c.word for c in verbs)
        if not any(v in words for v in PLAIN_POLICY_VERBS["document"] + IMPLEMENTING_WORDS):
            continue
        listed[m.end()] = (verbs, quote_start)
        out.append(_Candidate(left, m.end(), clause[left:m.end()], "document", quote_start,
                              clause_m[start:verbs[-1].end]))
    return out


def _mechanism_joins(clause_m: str, left: int, pos: int) -> list[int]:
    """河长制湖长制: one mechanism name ends where the next one starts."""
    return [m.end() for m in _JOINED_MECHANISM_RE.finditer(clause_m, left, pos)
            if _is_mechanism(clause_m[left:m.end()])]


def _rest(clause_m: str, found: list[Cut], pos: int) -> str:
    """The text after a head up to the next governing word."""
    nxt = next((c.start for c in found if c.start >= pos), len(clause_m))
    return clause_m[pos:nxt]


def _plain_name_ok(name: str, head: str, category: str) -> bool:
    if any(ch in name for ch in "、“”「」《》\"" + MASK):
        return False
    modifier = _YEARS_RE.sub("", name[:-len(head)])
    if len(modifier) < 2 or starts_with_count(modifier) or _generic(modifier):
        return False
    if modifier.startswith(GENERIC_POLICY_OPENINGS):
        return False
    if head == "工程" and is_works(name):
        return False  # 技改工程, 提升工程: a construction work, see projects.py
    if category == "mechanism":
        return head == "制" and _is_mechanism(name) and len(name) <= MECHANISM_NAME_MAX
    return True


def _generic(modifier: str) -> bool:
    """发展(战略), 支持(措施), 工作(方案): nothing names the policy."""
    rest = modifier
    while rest:
        m = _GENERIC_OPEN_RE.match(rest) or _GENERIC_CLOSE_RE.search(rest)
        if not m:
            return False
        rest = rest[:m.start()] + rest[m.end():]
    return True


def _is_mechanism(name: str) -> bool:
    """河长制, 预审制 — but not 机制, 体制, 编制."""
    return len(name) >= 3 and not name.endswith(NOT_MECHANISMS)


def _status(text: str, tense: str | None) -> str | None:
    """an approval first (审议并原则通过), then drafting before issued (研究讨论了 is not
    issued), issued before implementing; 制定/出台 is done in a review (tense "actual")
    and to do in a plan."""
    if any(w in text for w in APPROVAL_WORDS):
        return "issued"
    if any(w in text for w in DRAFTING_WORDS):
        return "drafting"
    if any(w in text for w in ISSUED_WORDS):
        return "issued"
    if any(w in text for w in CREATION_WORDS):
        return "issued" if "已" in text or tense == "actual" else "drafting"
    if any(w in text for w in IMPLEMENTING_WORDS):
        return "implementing"
    return None


def _fact(sentence: Sentence, article: Article, cand: _Candidate) -> Fact | None:
    name = cand.name.strip()
    if not name:
        return None
    span = sentence.text[cand.chain_start:cand.quote_end]
    return Fact(kind="policy", region=name_region(span, sentence), article=article.id,
                quote=sentence.quote(cand.chain_start, cand.quote_end), name=name,
                category=cand.category, status=_status(cand.status_text, sentence.tense))
