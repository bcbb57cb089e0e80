"""Region knowledge: the nationwide gazetteer and sentence attribution."""
from briefing.regions.attribution import attribute, place_of
from briefing.regions.gazetteer import Gazetteer, Mention, Region, load_gazetteer

__all__ = ["Gazetteer", "Mention", "Region", "attribute", "load_gazetteer", "place_of"]
