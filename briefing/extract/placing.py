"""When and where a figure belongs: plan or result, its year, its region.

The sentence carries its context (years.py, attribution.py); a figure takes the
nearest cue before it in its clause, then in its sentence, then that context.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

from briefing.extract.reading import Reading
from briefing.extract.sentences import Sentence, Tense
from briefing.extract.years import Cue, tense_of_year


def tense_of(r: Reading, cues: list[Cue], clause_start: int, year: int | None,
             sentence: Sentence, ref: int | None) -> Tense | None:
    """Plan or result: the nearest cue in the clause, then the sentence, then the context."""
    cues = [c for c in cues if not (r.phrase.start <= c.start < r.phrase.end)]
    before = [c for c in cues if c.end <= r.amount.start]
    in_clause = [c for c in before if c.start >= clause_start]
    if in_clause:
        return in_clause[-1].tense
    if before:
        return before[-1].tense
    from_year = tense_of_year(year, ref)
    if from_year:
        return from_year
    after = [c for c in cues if c.start >= r.amount.end]
    return after[0].tense if after else sentence.tense


def year_of(r: Reading, cues: list[Cue]) -> int | None:
    """The nearest year before the figure in its sentence, else the first after it."""
    before = [c for c in cues if c.end <= r.amount.start]
    if before:
        return before[-1].year
    after = [c for c in cues if c.start >= r.amount.end]
    return after[0].year if after else None


@lru_cache(maxsize=1)
def _place_of() -> Callable | None:
    """The regions engineer's `place_of`, when it exists: a span may name its own region."""
    try:
        from briefing.regions.attribution import place_of
    except ImportError:
        return None
    return place_of


def region_of(quote: str, sentence: Sentence) -> str | None:
    """The sentence's region, unless the quoted span names a place of its own."""
    place_of = _place_of()
    if place_of is not None:
        place = place_of(quote, sentence)
        if place:
            return str(place)
    return sentence.region
