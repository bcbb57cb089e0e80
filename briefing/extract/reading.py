"""One figure read from a sentence, before its tense, year and region make it a fact.

Kept apart so the grammars that read figures (quantities, distributed) share it.
"""
from __future__ import annotations

from dataclasses import dataclass

from briefing.extract.indicators import Phrase
from briefing.extract.numbers import Amount


@dataclass
class Reading:
    """What a figure measures and where its evidence is (`start:end` of the squeezed text).

    `mode` is "a" for an indicator before its figure, "b" for a count before its noun.
    """

    amount: Amount
    phrase: Phrase
    measure: str
    value: float
    start: int
    end: int
    mode: str = "a"
    stretch: float | None = None
