"""geo: a geospatial reading of news stories.

Give it articles; it finds the places they mention and resolves them with an embedded, offline
gazetteer, finds every stated distance and checks it against the measured one, and draws the
story's routes and meetings on maps.

    import geo
    story = geo.analyse()                      # the bundled story; or geo.analyse(["a.txt"])
    for check in story.checks:
        print(check.distance_verdict, check.explanation)
"""

__version__ = "0.2.0"

from geo.documents import read_documents
from geo.gazetteer import Gazetteer, default_gazetteer
from geo.model import (Analysis, Candidate, Check, DistanceClaim, Document, Meeting, Mention,
                       Place, Quantity, Route, Story, Waypoint)
from geo.packs import StoryPack, load_pack
from geo.resolve import resolve_name
from geo.story import analyse, analyse_document

__all__ = [
    "__version__", "Analysis", "Candidate", "Check", "DistanceClaim", "Document", "Gazetteer", "Meeting",
    "Mention", "Place", "Quantity", "Route", "Story", "StoryPack", "Waypoint", "analyse",
    "analyse_document", "default_gazetteer", "load_pack", "read_documents", "resolve_name",
]
