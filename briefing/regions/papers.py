"""The paper or site that printed an article, and the region it speaks for.

A local paper's name names its city (江门日报), and its reporters write of
that city as 我市; a few papers' names do not (长江日报 is Wuhan's), and those
are listed in data/papers.csv.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Sequence

from briefing.model import Article
from briefing.regions.gazetteer import Gazetteer, Mention, Region
from briefing.regions.home import HomeLevel, at_level

if TYPE_CHECKING:  # the extract package imports the regions package; avoid the cycle
    from briefing.extract.sentences import Sentence

# Paper and station names carry the home city of their reporters (江门日报记者).
MEDIA = re.compile(r"日报|晚报|特区报|商报|都市报|新闻网|新闻|电视台|广播电视台|融媒|发布")
_PAPER_LINES = 8  # a paper names itself in the header, dateline or byline


def paper_city(gaz: Gazetteer, article: Article, sentences: Sequence[Sentence],
               found: Sequence[list[Mention]], speaks_as: HomeLevel | None) -> Region | None:
    """The city of the paper that printed the article (江门日报 → 江门市, 长江日报 → 武汉市);
    of two places of that name, the one at the level the article speaks of itself
    (滨海日报 with 我县 is 滨海县's)."""
    texts = [(article.source, gaz.find_mentions(article.source))] if article.source else []
    texts += [(s.text, m) for s, m in zip(sentences, found)]
    for i, (text, mentions) in enumerate(texts):
        for m in mentions:
            # A source opening with a place is that place's publisher (高港区发展和改革委员会).
            if not MEDIA.match(text, m.end) and not (i == 0 and article.source and m.start == 0):
                continue
            fits = [c for c in m.candidates
                    if speaks_as is not None and at_level(c, speaks_as.level)]
            if len(m.candidates) == 1 or len(fits) == 1:
                return m.candidates[0] if len(m.candidates) == 1 else fits[0]
    for text, _ in texts[:_PAPER_LINES]:
        for paper, code in _papers().items():
            if paper in text:
                return gaz.get(code)
    return None


def captioned(gaz: Gazetteer, article: Article) -> Region | None:
    """A body that names no region may have a photo caption that does (蓬勃发展的江津)."""
    named = Counter(m.candidates[0] for caption in article.captions
                    for m in gaz.find_mentions(caption) if len(m.candidates) == 1)
    return named.most_common(1)[0][0] if named else None


@lru_cache(maxsize=1)
def _papers() -> dict[str, str]:
    """Papers whose names do not name their home region (data/papers.csv)."""
    text = resources.files("briefing.regions").joinpath("data", "papers.csv").read_text("utf-8")
    return {row["paper"]: row["code"] for row in csv.DictReader(text.splitlines())}
