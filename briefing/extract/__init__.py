"""Facts from one article: sentences, regions, years, then the four extractors.

The order matters: extractors only read the context that the region and year
passes put on each sentence, so each extractor stays a grammar of its own kind.
"""
from __future__ import annotations

from briefing.extract.mentions import ArticleMemory
from briefing.extract.policies import extract_policies
from briefing.extract.projects import extract_projects
from briefing.extract.quantities import extract_quantities
from briefing.extract.sentences import Sentence, split_sentences
from briefing.extract.years import assign_years
from briefing.model import Article, Fact
from briefing.regions.attribution import attribute

__all__ = ["extract_article", "Sentence", "split_sentences"]


def extract_article(article: Article) -> list[Fact]:
    """All facts of one article, each with its region, year and verbatim quote.

    Sets `article.regions` as a side effect (the attribution pass decides them).
    """
    sentences = split_sentences(article)
    attribute(article, sentences)
    assign_years(article, sentences)
    facts: list[Fact] = []
    seen: set[tuple] = set()
    projects, policies = ArticleMemory(), ArticleMemory()
    for sentence in sentences:
        # A heading is context for the numbers below it, but it often names a
        # project or policy itself (推进中德(沈阳)高端装备制造产业园建设).
        numbers = [] if sentence.is_heading else extract_quantities(sentence, article)
        for fact in (numbers
                     + extract_projects(sentence, article, projects)
                     + extract_policies(sentence, article, policies)):
            if fact.key() not in seen:
                seen.add(fact.key())
                facts.append(fact)
    return facts
