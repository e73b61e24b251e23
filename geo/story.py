"""The pipeline: documents -> mentions -> places -> claims -> checks -> Story."""

from __future__ import annotations

from collections.abc import Iterable

from geo.check import check_claim
from geo.documents import read_documents
from geo.gazetteer import Gazetteer, default_gazetteer
from geo.model import Analysis, Document, Meeting, Route, Story
from geo.resolve import resolve_mentions
from geo.routes import load_meetings, load_routes
from geo.text.claims import extract_claims
from geo.text.recognise import find_mentions


def analyse_document(document: Document, gazetteer: Gazetteer | None = None,
                     routes: Iterable[Route] = ()) -> Analysis:
    """One document through the whole pipeline: its mentions, resolved, and its checked claims."""
    gazetteer = gazetteer or default_gazetteer()
    mentions = resolve_mentions(document.text, find_mentions(document.text, gazetteer), gazetteer)
    routes = tuple(routes)
    checks = tuple(check_claim(claim, routes, gazetteer)
                   for claim in extract_claims(document, mentions))
    return Analysis(document=document, mentions=mentions, checks=checks)


def analyse(inputs: Iterable[str | Document] | None = None,
            gazetteer: Gazetteer | None = None, *, routes: Iterable[Route] | None = None,
            meetings: Iterable[Meeting] | None = None) -> Story:
    """A Story from paths ("-" for stdin) or Documents; the bundled story when none are given.

    ``routes`` and ``meetings`` default to the bundled story's (data/routes/, data/meetings.toml)
    for the bundled story and to none for any other: a story's journeys are data, not guesses.
    Inputs that cannot be read are listed in ``Story.errors``, one line each; the others go on.
    """
    documents, errors = read_documents() if not inputs else ([], [])
    for item in inputs or ():
        if isinstance(item, Document):
            documents.append(item)
        else:
            read, failed = read_documents([item])
            documents += read
            errors += failed
    bundled = not inputs
    routes = tuple(load_routes() if routes is None and bundled else routes or ())
    meetings = tuple(load_meetings() if meetings is None and bundled else meetings or ())
    gazetteer = gazetteer or default_gazetteer()
    analyses = tuple(analyse_document(d, gazetteer, routes) for d in documents)
    return Story(analyses=analyses, routes=routes, meetings=meetings, errors=tuple(errors))
