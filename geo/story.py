"""The pipeline: documents -> mentions -> places -> claims -> checks -> Story.

:func:`analyse_document` is the one place the pipeline is assembled: the CLI, the dashboard,
the batch, the corrections and :func:`analyse` all call it, so that a fix reaches every output.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from geo.check import check_claim
from geo.corrections import CorrectionIndex, index_corrections, text_digest
from geo.documents import read_documents
from geo.gazetteer import Gazetteer, default_gazetteer
from geo.gazetteer.overlay import with_pack
from geo.model import Analysis, Document, Meeting, Route, Story
from geo.packs import StoryPack, bundled_pack, load_pack
from geo.resolve import resolve_mentions
from geo.text.claims import extract_claims
from geo.text.recognise import find_mentions

__all__ = ["analyse", "analyse_document", "story_pack"]


def analyse_document(document: Document, *, gazetteer: Gazetteer | None = None,
                     pack: StoryPack | None = None, corrections: Iterable | CorrectionIndex = (),
                     routes: Iterable[Route] | None = None, geocoder=None) -> Analysis:
    """One document through the whole pipeline: recognise -> resolve -> correct -> claims -> checks.

    - ``gazetteer``: the world's gazetteer (default: the process-wide one);
    - ``pack``: a :class:`~geo.packs.StoryPack` whose places and descriptions join the
      gazetteer for this document (none: the world's places alone, no story's priors);
    - ``corrections``: a reader's :class:`~geo.corrections.Correction` list; those made for this
      document's text are applied to its mentions before its claims are read, and to the
      ends of its claims (give a :class:`~geo.corrections.CorrectionIndex` when reading many
      documents, so that each finds its own without scanning them all);
    - ``routes``: the known routes that claims are also checked along (default: the pack's);
    - ``geocoder``: an optional :class:`~geo.gazetteer.online.OnlineGeocoder` that places the
      mentions left unresolved (only when the user asked for it).
    """
    lookup = with_pack(gazetteer or default_gazetteer(), pack)
    text = document.text
    mentions = resolve_mentions(text, find_mentions(text, lookup), lookup)
    placed, digest = [], ""
    corrections = index_corrections(corrections)
    if corrections:
        from geo.corrections import corrected_mentions, placed_corrections

        digest = text_digest(text)
        mine = corrections.of(digest)
        if mine:
            placed = placed_corrections(mine, lookup)
            mentions = corrected_mentions(text, mentions, placed)
    if geocoder is not None:
        from geo.gazetteer.online import fill_unresolved

        mentions = fill_unresolved(mentions, geocoder)
    claims = extract_claims(document, mentions)
    if placed:  # a reader may also pin a claim's end that no place mention covers ("a town")
        from geo.corrections import corrected_claim

        claims = [corrected_claim(claim, digest, placed) for claim in claims]
    routes = _or_the_packs(routes, pack, "routes")
    checks = tuple(check_claim(claim, routes, lookup) for claim in claims)
    return Analysis(document=document, mentions=mentions, checks=checks)


def _or_the_packs(given: Iterable | None, pack: StoryPack | None, field: str) -> tuple:
    """``given`` (routes or meetings) as a tuple; when None, the pack's ``field`` (none without a pack)."""
    if given is None:
        return tuple(getattr(pack, field)) if pack is not None else ()
    return tuple(given)


def story_pack(story: str | Path | StoryPack | None = None, *, bundled: bool = False) -> StoryPack | None:
    """The pack to read a story with: ``story`` (a pack, its folder or a bundled pack's name),
    else the bundled story's pack when ``bundled``, else none."""
    if story is not None:
        return load_pack(story)
    return bundled_pack() if bundled else None


def analyse(inputs: Iterable[str | Document] | None = None,
            gazetteer: Gazetteer | None = None, *, routes: Iterable[Route] | None = None,
            meetings: Iterable[Meeting] | None = None, story: str | Path | StoryPack | None = None,
            corrections: Iterable = (), geocoder=None) -> Story:
    """A Story from paths ("-" for stdin) or Documents, read with a story pack.

    With no inputs: the articles of ``story`` (default: the bundled story's pack). ``story`` is a
    :class:`~geo.packs.StoryPack`, a pack's folder or a bundled pack's name; the inputs of a story
    other than the bundled one are read with no pack unless one is given. ``routes`` and
    ``meetings`` default to the pack's (none without a pack): a story's journeys are data, not
    guesses. Inputs that cannot be read are listed in ``Story.errors``, one line each; the
    others go on. ``corrections`` and ``geocoder`` go to :func:`analyse_document`.
    """
    pack = story_pack(story, bundled=not inputs)
    if inputs:
        documents, errors = [], []
        for item in inputs:
            if isinstance(item, Document):
                documents.append(item)
            else:
                read, failed = read_documents([item])
                documents += read
                errors += failed
    else:
        documents, errors = (pack.documents() if pack is not None else read_documents()[0]), []
    routes = _or_the_packs(routes, pack, "routes")
    meetings = _or_the_packs(meetings, pack, "meetings")
    gazetteer = gazetteer or default_gazetteer()
    corrections = index_corrections(corrections)  # once for all the documents
    analyses = tuple(analyse_document(d, gazetteer=gazetteer, pack=pack, corrections=corrections,
                                      routes=routes, geocoder=geocoder) for d in documents)
    return Story(analyses=analyses, routes=routes, meetings=meetings, errors=tuple(errors), pack=pack)
