"""One fact per name per article, filed under the region the name belongs to.

The pipeline drops exact duplicates only; a project named in full and then by
its short form, or first bare and later with its investment, is still one fact.
"""
from __future__ import annotations

from briefing.extract.names import place_prefix_anywhere, strip_quotes
from briefing.extract.sentences import Sentence
from briefing.model import Fact


def name_region(span: str, sentence: Sentence) -> str | None:
    """The sentence's region, unless the named span itself belongs to another one.

    Remembered per span and sentence context (its region and the places it
    names): a name recurs across an article and a week.
    """
    if not _LEVEL_WORDS.intersection(span) and not place_prefix_anywhere(span):
        # A span that names no place moves only with its clause (…,回民区在X项目现场…).
        from briefing.regions.attribution import clause_place
        return clause_place(span, sentence) or sentence.region
    key = (span, sentence.region, tuple(_codes(sentence.mentions)))
    if key not in _regions_of_names:
        # Imported here: briefing.regions itself imports from briefing.extract.
        from briefing.regions.attribution import place_of
        if len(_regions_of_names) > _REGION_CACHE:
            _regions_of_names.clear()
        _regions_of_names[key] = place_of(span, sentence) or sentence.region
    return _regions_of_names[key]


def _codes(mentions: list) -> list[str]:
    return [getattr(region, "code", str(region)) for _, region in mentions]


_regions_of_names: dict[tuple, str | None] = {}
# Level words that let a span point at another level (省“两廊三带”战略 is the province's).
_LEVEL_WORDS = frozenset("省市区县州盟旗")
_REGION_CACHE = 20_000


def same_name_key(name: str) -> str:
    """Names compare without quotes, 《》 and spaces, as the scorer and a reader do,
    without brackets (忠和酒业二期(扩能) is 忠和酒业二期扩能) and without a trailing 项目
    (谷川美信高科产业园项目 is the park's project)."""
    key = "".join(strip_quotes(name).split()).translate(_NO_BRACKETS)
    return key[:-2] if key.endswith("项目") and len(key) > 6 else key


_NO_BRACKETS = str.maketrans("", "", "()（）")


class ArticleMemory:
    """The names already reported in one article, made fresh for each article.

    A short form is the full name it ends (洛阳市智能装备产业园区 … 智能装备产业园区).
    """

    def __init__(self) -> None:
        self._facts: dict[tuple[str | None, str], Fact] = {}

    def admit(self, fact: Fact) -> bool:
        """True for a new name; a repeat enriches the first fact instead."""
        key = same_name_key(fact.name or "")
        same = self._facts.get((fact.region, key))
        if same is not None:
            _merge(same, fact)
            return False
        for (region, known), earlier in self._facts.items():
            if region != fact.region:
                if _short_form_elsewhere(fact, key, known):
                    _merge(earlier, fact)
                    return False
                continue
            if known == key or (known.endswith(key) and len(key) >= 4 and fact.kind == "project"):
                _merge(earlier, fact)
                return False
            if key.endswith(known) and len(known) >= 4 and fact.kind == "project":
                _merge(earlier, fact)
                del self._facts[(region, known)]
                earlier.name = fact.name
                self._facts[(region, key)] = earlier
                return False
        self._facts[(fact.region, key)] = fact
        return True


def _short_form_elsewhere(fact: Fact, key: str, known: str) -> bool:
    """柳州市柳工智能国际工业园项目, then 柳工智能国际工业园项目 in a sentence of the
    province: a short form that names no place is filed where its full name put it."""
    return (fact.kind == "project" and len(key) >= SHORT_FORM_MIN and known.endswith(key)
            and not place_prefix_anywhere(fact.name or ""))


SHORT_FORM_MIN = 6


def _merge(earlier: Fact, later: Fact) -> None:
    """Keep the mention that says more: investment first, then stage or status."""
    if earlier.investment is None and later.investment is not None:
        earlier.investment, earlier.quote = later.investment, later.quote
        earlier.stage = earlier.stage or later.stage
    elif earlier.stage is None and later.stage is not None:
        earlier.stage = later.stage
        if earlier.investment is None:
            earlier.quote = later.quote  # the quote must show the stage it gives
    if earlier.status is None and later.status is not None:
        earlier.status, earlier.quote = later.status, later.quote
