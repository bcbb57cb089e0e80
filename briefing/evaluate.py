"""Score extracted facts against a gold file, as DESIGN.md's "Scoring" says.

Matching is a maximum bipartite matching per article (each gold fact matches at
most one extracted fact), first against the required gold facts, then the
optional ones, so an optional match never steals a required one.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Iterable

from briefing.model import Fact

KINDS = ("target", "actual", "project", "policy")
_NAME_NOISE = re.compile(r"[\s“”\"'‘’「」『』《》〈〉]")


def normalise_name(name: str) -> str:
    """Names compare without quotes, 《》 and spaces."""
    return _NAME_NOISE.sub("", name or "")


def names_match(a: str, b: str) -> bool:
    """One contains the other, or they are at least 80% similar."""
    x, y = normalise_name(a), normalise_name(b)
    if not x or not y:
        return False
    if x in y or y in x:
        return True
    return SequenceMatcher(None, x, y).ratio() >= 0.8


def facts_match(gold: Fact, got: Fact) -> bool:
    if gold.kind != got.kind or gold.region != got.region:
        return False
    if gold.kind in ("target", "actual"):
        return (gold.year == got.year and gold.measure == got.measure
                and gold.value is not None and got.value is not None
                and abs(gold.value - got.value) <= 0.01
                and names_match(gold.indicator or "", got.indicator or ""))
    if not names_match(gold.name or "", got.name or ""):
        return False
    if gold.investment is not None and got.investment is not None:
        return abs(gold.investment - got.investment) <= 0.01
    return True


def _max_matching(gold: list[Fact], got: list[Fact], taken: set[int]) -> dict[int, int]:
    """Augmenting-path bipartite matching: gold index -> got index (not in `taken`)."""
    edges = [[j for j, g in enumerate(got) if j not in taken and facts_match(gf, g)]
             for gf in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    scores: dict[str, KindScore] = field(default_factory=lambda: {k: KindScore() for k in KINDS})
    misses: list[Fact] = field(default_factory=list)
    false_positives: list[Fact] = field(default_factory=list)
    bound_right: int = 0
    stretch_right: int = 0
    numeric_matched: int = 0

    @property
    def overall(self) -> KindScore:
        total = KindScore()
        for s in self.scores.values():
            total.tp += s.tp
            total.fp += s.fp
            total.fn += s.fn
        return total


def evaluate(gold: Iterable[Fact], got: Iterable[Fact]) -> Evaluation:
    """Score `got` against `gold`; both carry the article stem in `Fact.article`."""
    by_article_gold: dict[str, list[Fact]] = defaultdict(list)
    by_article_got: dict[str, list[Fact]] = defaultdict(list)
    for f in gold:
        by_article_gold[f.article].append(f)
    for f in got:
        by_article_got[f.article].append(f)
    result = Evaluation()
    for article in sorted(set(by_article_gold) | set(by_article_got)):
        g_all = by_article_gold.get(article, [])
        extracted = by_article_got.get(article, [])
        required = [f for f in g_all if not f.optional]
        optional = [f for f in g_all if f.optional]
        req_match = _max_matching(required, extracted, set())
        opt_match = _max_matching(optional, extracted, set(req_match.values()))
        used = set(req_match.values()) | set(opt_match.values())
        for i, f in enumerate(required):
            score = result.scores[f.kind]
            if i in req_match:
                score.tp += 1
                _attribute_accuracy(result, f, extracted[req_match[i]])
            else:
                score.fn += 1
                result.misses.append(f)
        for j, f in enumerate(extracted):
            if j not in used:
                result.scores[f.kind].fp += 1
                result.false_positives.append(f)
    return result


def _attribute_accuracy(result: Evaluation, gold: Fact, got: Fact) -> None:
    if gold.kind not in ("target", "actual"):
        return
    result.numeric_matched += 1
    result.bound_right += (gold.bound or "=") == (got.bound or "=")
    result.stretch_right += gold.stretch == got.stretch


def describe(f: Fact) -> str:
    """One line per fact for the misses and false-positive lists."""
    if f.kind in ("target", "actual"):
        extra = f" 力争{f.stretch:g}" if f.stretch is not None else ""
        what = f"{f.year} {f.indicator} {f.measure} {f.bound or '='}{f.value:g}{f.unit or ''}{extra}"
    else:
        inv = f" {f.investment:g}亿元" if f.investment is not None else ""
        what = f"{f.name}{inv} [{f.stage or f.category or ''}{'/' + f.status if f.status else ''}]"
    return f"{f.article[:3]} {f.kind:7} {f.region or '?'}: {what}  «{f.quote[:60]}»"


def format_report(ev: Evaluation, *, details: bool = True) -> str:
    lines = [f"{'kind':8} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for kind, s in list(ev.scores.items()) + [("overall", ev.overall)]:
        lines.append(f"{kind:8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                     f"{s.tp:5d} {s.fp:5d} {s.fn:5d}")
    if ev.numeric_matched:
        lines.append(f"attributes of matched targets/actuals: bound {ev.bound_right}/"
                     f"{ev.numeric_matched}, stretch {ev.stretch_right}/{ev.numeric_matched}")
    if details:
        lines.append(f"\nmisses ({len(ev.misses)}):")
        lines += ["  " + describe(f) for f in ev.misses]
        lines.append(f"\nfalse positives ({len(ev.false_positives)}):")
        lines += ["  " + describe(f) for f in ev.false_positives]
    return "\n".join(lines)
