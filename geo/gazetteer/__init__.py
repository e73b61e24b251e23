"""The embedded, offline gazetteer: GeoNames places, Natural Earth countries, US admin areas and
the curated story layer, behind one alias index."""

from geo.gazetteer.index import Gazetteer, default_gazetteer
from geo.gazetteer.names import fold

__all__ = ["Gazetteer", "default_gazetteer", "fold"]
