"""Briefing: Chinese local-government news in, an editable weekly briefing out.

The library API: `extract_files` (files → facts document), `build_briefing`
(facts → docx/pdf/html), `evaluate` (facts against a gold file).
"""
from briefing.model import SCHEMA, Article, Fact, FactsDocument

__all__ = ["SCHEMA", "Article", "Fact", "FactsDocument", "extract_files", "build_briefing",
           "evaluate"]


def __getattr__(name: str):
    # Imported lazily: reading a facts file should not pay for jieba, reportlab and pandas.
    if name == "extract_files":
        from briefing.facts import extract_files
        return extract_files
    if name == "build_briefing":
        from briefing.build import build_briefing
        return build_briefing
    if name == "evaluate":
        from briefing.evaluate import evaluate
        return evaluate
    raise AttributeError(name)
