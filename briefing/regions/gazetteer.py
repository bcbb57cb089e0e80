"""China's administrative divisions, and finding them in text.

Facts are filed under regions, and the same region is written many ways
(江海区, 江海, 高新区(江海区), 江门高新区), while one name can mean several
regions (鼓楼区 is in five cities). The gazetteer knows every province,
prefecture and county-level division (data/regions.csv, see data/README.md),
finds their names in text in one Aho-Corasick pass, and settles ambiguous names
by the places around them.
"""
from __future__ import annotations

import csv
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Literal, Sequence

import ahocorasick

Level = Literal["province", "prefecture", "county"]
MentionKind = Literal["name", "short", "alias"]

# A full name ending in 市 followed by these is a word, not the place:
# 合作市场 is "cooperation market", not 合作市 + 场.
_NOT_AFTER_CITY = "场值"
# Characters after which a two-character full name (范县, 高县, 南县) or a
# 新区 (滨海新区) may begin, unless another region's name ends right there
# (信阳新县, 上海浦东新区): function words and the ends of level names.
_LEFT_BOUNDARY = set("在到与和及同跟对赴向从至于经由把将是为的、省市州盟区县")
# A short form before these names a township or village of the same name.
_TOWNSHIP = set("镇乡村")
# A short form before these names a street: cities name roads after others.
_ROAD = ("路", "大道", "大街", "街", "东路", "西路", "南路", "北路", "中路")


@dataclass(frozen=True)
class Region:
    """One division. `parent` and `province` walk up through the cached gazetteer.

    A code names one division, so the code alone is hashed. Resolving mentions
    asks for a region's ancestors all the time: they are looked up once.
    """

    code: str
    name: str
    short: str
    level: Level
    parent_code: str | None
    # Other full names an ethnic division goes by (瀍河区 for 瀍河回族区).
    forms: tuple[str, ...] = ()

    def __hash__(self) -> int:
        return hash(self.code)

    @property
    def parent(self) -> Region | None:
        return load_gazetteer().get(self.parent_code) if self.parent_code else None

    @property
    def province(self) -> Region:
        return self.lineage[-1] if self.lineage else self

    @cached_property
    def lineage(self) -> tuple[Region, ...]:
        """The ancestors, parent first, province last."""
        out: list[Region] = []
        region = self.parent
        while region is not None:
            out.append(region)
            region = region.parent
        return tuple(out)

    @cached_property
    def ancestor_codes(self) -> frozenset[str]:
        return frozenset(r.code for r in self.lineage)

    def ancestors(self) -> list[Region]:
        """Parent first, province last."""
        return list(self.lineage)

    def within(self, other: Region) -> bool:
        """True when this region is `other` or lies inside it."""
        return self.code == other.code or other.code in self.ancestor_codes

    @property
    def suffix(self) -> str:
        """The last character of the name (省 市 区 县 旗 州 盟), which 我市/全区 refer to."""
        return self.name[-1]

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Mention:
    """A span of text naming one or more candidate regions."""

    start: int
    end: int
    surface: str
    candidates: tuple[Region, ...]
    kind: MentionKind = "name"


@dataclass
class _Entry:
    kind: MentionKind | Literal["block"]
    codes: tuple[str, ...]
    regions: tuple[Region, ...] = ()


# The automaton looks up each character among the first characters of all names,
# one by one, in the order they were added. Characters that occur in no name are
# all replaced by one that it finds first and that leads nowhere (its only name
# needs _DEAD_END, which the replaced text never holds); the characters of names
# follow, most common first (data/scan_order.txt), led nowhere the same way.
_ELSEWHERE, _DEAD_END = "\ue000", "\ue001"


@dataclass
class Gazetteer:
    """All divisions, indexed by code and by every name they are written with."""

    regions: dict[str, Region]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    not_places: tuple[str, ...] = ()
    qualified_only: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self._by_name: dict[str, list[Region]] = defaultdict(list)
        self._children: dict[str, list[Region]] = defaultdict(list)
        entries: dict[str, _Entry] = {}

        def add(key: str, kind: MentionKind, code: str) -> None:
            entry = entries.get(key)
            if entry is None or _RANK[kind] > _RANK[entry.kind]:
                entries[key] = _Entry(kind, (code,))
            elif entry.kind == kind and code not in entry.codes:
                entry.codes = entry.codes + (code,)

        for region in self.regions.values():
            self._by_name[region.name].append(region)
            for form in region.forms:
                self._by_name[form].append(region)
            if region.short:
                self._by_name[region.short].append(region)
            if region.parent_code:
                self._children[region.parent_code].append(region)
        for region in self.regions.values():
            if region.code in self.qualified_only:
                parent = self.regions.get(region.parent_code or "")
                for prefix in (parent.name, parent.short) if parent else ():
                    if prefix:
                        add(prefix + region.name, "name", region.code)
            else:
                add(region.name, "name", region.code)
            for form in region.forms:
                add(form, "name", region.code)
            if region.short:
                add(region.short, "short", region.code)
        for alias, codes in self.aliases.items():
            for code in codes:
                add(alias, "alias", code)
                self._by_name[alias].append(self.regions[code])
        for word in self.not_places:
            entries[word] = _Entry("block", ())
        for entry in entries.values():
            entry.regions = tuple(self.regions[c] for c in entry.codes)
        self._automaton = ahocorasick.Automaton()
        for ch in (_ELSEWHERE, *_words("scan_order.txt")):
            self._automaton.add_word(ch + _DEAD_END, (2, _Entry("block", ())))
        for key, entry in entries.items():
            self._automaton.add_word(key, (len(key), entry))
        self._automaton.make_automaton()
        in_names = [_ELSEWHERE] * 0x10000
        for ch in {ch for key in entries for ch in key if ord(ch) < 0x10000}:
            in_names[ord(ch)] = ch
        # str.translate maps a character beyond the table (IndexError) to itself.
        self._scan_table = "".join(in_names)

    def get(self, code: str | None) -> Region | None:
        return self.regions.get(code) if code else None

    def lookup(self, name: str) -> list[Region]:
        """Every region written `name`: full names, short forms and aliases."""
        return list(self._by_name.get(name.strip(), ()))

    def children(self, region: Region) -> list[Region]:
        return list(self._children.get(region.code, ()))

    def find_mentions(self, text: str) -> list[Mention]:
        """Region names in `text`, leftmost-longest, without overlaps.

        Longest match keeps 江门 inside 江门市 from counting twice and lets a
        listed non-place word (中山大学) hide the region inside it. Two more
        boundaries keep names out of words: a two-character full name must not
        continue a word (示范县 is not 范县, 提高县域 not 高县), and a county's
        short form before 镇/乡/村/街道 names a township (鹤山's 龙口镇, not 龙口市).
        """
        return self._select(text, self._matches(text))

    def find_mentions_in(self, text: str, spans: Sequence[tuple[int, int]]) -> list[list[Mention]]:
        """`find_mentions(text[a:b])` for each span `(a, b)`, spans in order and
        not overlapping: one scan of the whole text instead of one per span."""
        found: list[list[tuple[int, int, _Entry]]] = [[] for _ in spans]
        starts = [a for a, _ in spans]
        for start, end, entry in self._matches(text):
            i = bisect_right(starts, start) - 1
            if i >= 0 and end <= spans[i][1]:
                found[i].append((start - starts[i], end - starts[i], entry))
        return [self._select(text[a:b], raw) if raw else []
                for (a, b), raw in zip(spans, found)]

    def _matches(self, text: str) -> list[tuple[int, int, _Entry]]:
        """Every name and listed word in `text` as (start, end, entry), overlaps included."""
        scan = text.translate(self._scan_table)
        return [(end - length + 1, end + 1, entry)
                for end, (length, entry) in self._automaton.iter(scan)]

    def _select(self, text: str, matches: list[tuple[int, int, _Entry]]) -> list[Mention]:
        """The mentions among `matches` in `text`: see `find_mentions`."""
        raw = [m for m in matches if m[2].kind == "block" or self._bounded(text, *m)]
        raw.sort(key=lambda m: (m[0], m[0] - m[1]))
        out: list[Mention] = []
        covered = 0
        for start, end, entry in raw:
            if start < covered:
                continue
            if entry.kind == "name" and (end - start == 2 or text.endswith("新区", 0, end)) \
                    and not (out and out[-1].end == start) and not word_start(text, start):
                continue
            covered = end
            if entry.kind == "block":
                continue
            out.append(Mention(start, end, text[start:end], entry.regions, entry.kind))
        return out

    def _bounded(self, text: str, start: int, end: int, entry: _Entry) -> bool:
        after = text[end:end + 2]
        if entry.kind == "name" and text[end - 1] == "市" and after[:1] \
                and after[:1] in _NOT_AFTER_CITY:
            return False
        if entry.kind == "short":
            if after.startswith(_ROAD):
                return False  # 北京路 in 广州, 上海路 in 南京: streets, not cities
            if after[:1] and after[:1] in _TOWNSHIP or after == "街道":
                return any(self.regions[c].level != "county" for c in entry.codes)
        return True

    def anchors(self, mentions: Sequence[Mention]) -> list[Region]:
        """Regions the mentions name beyond doubt: one candidate, and not a
        county's bare short form (two characters like 新和 or 温泉 turn up inside
        ordinary words far more often than they mean a county far away)."""
        return [m.candidates[0] for m in mentions
                if len(m.candidates) == 1 and not _weak(m, m.candidates[0])]

    def resolve(self, mentions: Sequence[Mention],
                context: Sequence[Region] = ()) -> list[tuple[Mention, Region]]:
        """Pick one region per mention, using the context and the other mentions.

        A name right after its parent (广州市增城区) takes that parent's child;
        otherwise a candidate inside a region of the context or of a sure
        mention wins, then one beside them (same parent). A county's short
        form counts only when its county, prefecture or a sibling is named in
        the context or the text (新会 with 江门; 合江 alone is a word). A name
        still ambiguous is left out: a wrong region is worse than none.
        """
        if all(len(m.candidates) == 1 and not _weak(m, m.candidates[0]) for m in mentions):
            return [(m, m.candidates[0]) for m in mentions]   # nothing to decide
        around = _Around(context, mentions)  # context + self.anchors(mentions), on demand
        out: list[tuple[Mention, Region]] = []
        previous: tuple[Mention, Region] | None = None
        for mention in mentions:
            after_parent = previous is not None and previous[0].end == mention.start
            candidates = [c for c in mention.candidates
                          if not _weak(mention, c)
                          or (after_parent and previous[1].code in c.ancestor_codes)
                          or around.supports(c)]
            choice = self._choose(candidates, around, previous if after_parent else None)
            if choice is not None:
                out.append((mention, choice))
                previous = (mention, choice)
        return out

    @staticmethod
    def _choose(candidates: list[Region], around: _Around,
                previous: tuple[Mention, Region] | None) -> Region | None:
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        near = around.near
        scores: dict[Region, int] = {}
        for cand in candidates:
            score = 0
            if previous and previous[1].code in cand.ancestor_codes:
                score = 4
            elif cand.code in around.codes:
                score = 3
            elif any(a.code in near for a in cand.lineage if a.level != "province") or \
                    (cand.level != "county" and cand.province.code in near):
                score = 2
            elif cand.parent_code and cand.parent_code in around.parent_codes:
                score = 1
            scores[cand] = score
        best = max(scores.values())
        winners = [c for c, s in scores.items() if s == best]
        if best > 0 and len(winners) == 1:
            return winners[0]
        # 吉林 (province and its city), 海南 (province, prefecture, district):
        # with nothing around to decide, the widest region is the usual reading.
        pool = winners if best > 0 else candidates
        top = [c for c in pool if not any(o.code in c.ancestor_codes for o in pool)]
        if len(top) == 1:
            return top[0]
        if best == 0:
            for level in ("province", "prefecture"):
                at_level = [c for c in top if c.level == level]
                if len(at_level) == 1:
                    return at_level[0]
        return None


class _Around:
    """The regions known around some mentions (the context and the sure mentions),
    as the sets of codes that `resolve` asks about. Each is made on first use:
    most mentions have one candidate and ask nothing."""

    def __init__(self, context: Sequence[Region], mentions: Sequence[Mention]) -> None:
        self._context, self._mentions = context, mentions
        self._known: list[Region] | None = None
        self._codes: frozenset[str] | None = None
        self._parent_codes: frozenset[str | None] | None = None
        self._near: frozenset[str] | None = None

    @property
    def known(self) -> list[Region]:
        if self._known is None:
            self._known = list(self._context) + [
                m.candidates[0] for m in self._mentions
                if len(m.candidates) == 1 and not _weak(m, m.candidates[0])]
        return self._known

    @property
    def codes(self) -> frozenset[str]:
        if self._codes is None:
            self._codes = frozenset(k.code for k in self.known)
        return self._codes

    @property
    def parent_codes(self) -> frozenset[str | None]:
        if self._parent_codes is None:
            self._parent_codes = frozenset(k.parent_code for k in self.known)
        return self._parent_codes

    @property
    def near(self) -> frozenset[str]:
        """The known regions and all their ancestors."""
        if self._near is None:
            self._near = self.codes.union(*(k.ancestor_codes for k in self.known))
        return self._near

    def supports(self, region: Region) -> bool:
        """The region, its parent or a sibling is among the known regions."""
        parent = region.parent_code
        return region.code in self.codes or bool(
            parent and (parent in self.codes or parent in self.parent_codes))


def word_start(text: str, i: int) -> bool:
    """Whether a word may begin at `i`: after a non-Han character or a function word."""
    return i == 0 or not "\u4e00" <= text[i - 1] <= "\u9fff" or text[i - 1] in _LEFT_BOUNDARY


def _weak(mention: Mention, region: Region) -> bool:
    """A county named only by its short form: it needs support to count."""
    return mention.kind == "short" and region.level == "county"


_RANK = {"block": 3, "name": 2, "alias": 2, "short": 1}


def _data_text(name: str) -> str:
    return resources.files("briefing.regions").joinpath("data", name).read_text("utf-8")


def _words(name: str) -> tuple[str, ...]:
    lines = (ln.split("#", 1)[0].strip() for ln in _data_text(name).splitlines())
    return tuple(ln for ln in lines if ln)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The nationwide gazetteer, built once per process (about 50 ms)."""
    regions: dict[str, Region] = {}
    qualified: set[str] = set()
    for row in csv.DictReader(_data_text("regions.csv").splitlines()):
        regions[row["code"]] = Region(row["code"], row["name"], row["short"],
                                      row["level"], row["parent"] or None,  # type: ignore[arg-type]
                                      tuple(f for f in row["forms"].split("|") if f))
        if row["bare"] == "0":
            qualified.add(row["code"])
    aliases: dict[str, tuple[str, ...]] = defaultdict(tuple)
    for row in csv.DictReader(_data_text("aliases.csv").splitlines()):
        aliases[row["alias"]] += (row["code"],)
    return Gazetteer(regions, dict(aliases), _words("not_places.txt"), frozenset(qualified))
