"""What a map of a story shows: its places with their sources, routes, meetings, claims, extent.

Both the interactive and the static map draw from here, so they agree on what is a place, how
many sources mention it, which claims can be drawn and what area a map covers. Coordinates are
(lat, lon) in degrees; an extent (a "bounds") is (lon_min, lat_min, lon_max, lat_max) degrees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from geo.errors import InputError
from geo.geodesy import WGS84, circle, distance_km, geodesic_points
from geo.maps.style import NOT_POINTS
from geo.model import Check, Document, Place, Route, SearchArea, Story
from geo.routes import route_length_km
from geo.text.sentences import sentence_at as split_sentence_at

__all__ = [
    "LAYERS",
    "PlaceOnMap",
    "drawable_checks",
    "extent_bounds",
    "format_date",
    "format_km",
    "mentioned_countries",
    "parse_layers",
    "places_on_map",
    "route_latlons",
    "screen_line",
    "route_lengths",
    "search_rings",
    "select_check",
    "sentence_at",
]

LAYERS = ("places", "routes", "meetings", "claims")
"""The layers a map can show, in drawing order (later ones on top)."""

Bounds = tuple[float, float, float, float]

_QUOTE_LIMIT = 320  # characters of a sentence shown in a popup
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@dataclass(frozen=True)
class PlaceOnMap:
    """A resolved place with, for each document mentioning it, the sentence of its first mention.

    ``quotes`` holds (document, sentence) pairs in the story's document order.
    """

    place: Place
    quotes: tuple[tuple[Document, str], ...]

    @property
    def sources(self) -> int:
        """How many documents mention the place."""
        return len(self.quotes)


def parse_layers(layers: str | Iterable[str] | None) -> tuple[str, ...]:
    """The layers to draw, from a comma-separated string or a list; None means all of them.

    Raises ``InputError`` naming any layer that does not exist.
    """
    if layers is None:
        return LAYERS
    names = layers.split(",") if isinstance(layers, str) else list(layers)
    chosen = {name.strip().lower() for name in names if name.strip()}
    unknown = sorted(chosen - set(LAYERS))
    if unknown:
        raise InputError(f"map layers {', '.join(unknown)!s}: unknown; choose from {', '.join(LAYERS)}")
    return tuple(layer for layer in LAYERS if layer in chosen)


def sentence_at(text: str, start: int, end: int, spans=None) -> str:
    """The sentence of ``text`` holding the span ``start``..``end`` (character offsets).

    Sentences are those of :mod:`geo.text.sentences` (the one splitter); pass ``spans``
    (``sentences(text)``) when quoting many spans of one text. Long sentences are cut around the
    span with ellipses.
    """
    found = split_sentence_at(text, start, spans)
    sentence_start, sentence_end = (found.start, max(found.end, end)) if found else (0, len(text))
    raw = text[sentence_start:sentence_end]
    sentence = raw.strip()
    if len(sentence) <= _QUOTE_LIMIT:
        return sentence
    offset = start - sentence_start - (len(raw) - len(raw.lstrip()))
    span_end = offset + (end - start)
    left = max(0, offset - _QUOTE_LIMIT // 2)
    right = min(len(sentence), left + _QUOTE_LIMIT)
    if left and not sentence[left - 1].isspace():  # cut between words, never inside one
        space = sentence.find(" ", left, offset)
        left = space + 1 if space != -1 else left
    if right < len(sentence) and not sentence[right].isspace():
        space = sentence.rfind(" ", span_end, right)
        right = space if space != -1 else right
    return ("…" if left else "") + sentence[left:right].strip() + ("…" if right < len(sentence) else "")


def _quotes_by_place(story: Story) -> dict[str, tuple[Place, list[tuple[Document, str]]]]:
    found: dict[str, tuple[Place, list[tuple[Document, str]]]] = {}
    for analysis in story.analyses:
        document = analysis.document
        for mention in analysis.mentions:
            if mention.place is None:
                continue
            place, quotes = found.setdefault(mention.place.place_id, (mention.place, []))
            if not any(quoted is document for quoted, _ in quotes):
                quotes.append((document, sentence_at(document.text, mention.start, mention.end)))
    return found


def places_on_map(story: Story) -> list[PlaceOnMap]:
    """The story's resolved places that are drawn as points (not countries or continents).

    Most-mentioned first, then by population and name, so that a label placer gives the
    important places the first pick of positions.
    """
    places = [
        PlaceOnMap(place, tuple(quotes))
        for place, quotes in _quotes_by_place(story).values()
        if place.kind not in NOT_POINTS
    ]
    return sorted(places, key=lambda p: (-p.sources, -p.place.population, p.place.name))


def mentioned_countries(story: Story) -> dict[str, PlaceOnMap]:
    """The countries the story names, by ISO 3166-1 alpha-2 code."""
    return {
        place.country: PlaceOnMap(place, tuple(quotes))
        for place, quotes in _quotes_by_place(story).values()
        if place.kind == "country" and place.country
    }


def route_latlons(route: Route, points_per_flight_leg: int = 64) -> list[tuple[float, float]]:
    """The (lat, lon) line a route is drawn along.

    Surface routes join their waypoints, which follow the real line; a flight follows the
    geodesic (great ellipse) between consecutive waypoints, as an aircraft flies.
    """
    points = [(w.lat, w.lon) for w in route.waypoints]
    if route.mode != "flight" or len(points) < 2:
        return points
    line = [points[0]]
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:]):
        line.extend(geodesic_points(lat1, lon1, lat2, lon2, n=points_per_flight_leg)[1:])
    return line


SCREEN_TOLERANCE_DEG = 0.001
"""How far (degrees, ~100 m) a line drawn on a web map may stray from its route: a route
along real track has thousands of vertices that no screen shows below street zoom."""


def screen_line(latlons: list[tuple[float, float]],
                tolerance_deg: float = SCREEN_TOLERANCE_DEG) -> list[tuple[float, float]]:
    """A (lat, lon) line with the vertices a map on screen cannot show dropped (Douglas–Peucker,
    ``tolerance_deg`` degrees), so that a page carries less; lengths are measured on the full
    route, never on this line."""
    if len(latlons) < 3:
        return list(latlons)
    import shapely

    simple = shapely.simplify(shapely.LineString([(lon, lat) for lat, lon in latlons]), tolerance_deg)
    return [(lat, lon) for lon, lat in simple.coords]


def route_lengths(route: Route) -> str:
    """A route's lengths in words: computed along the line, published (if known), straight line.

    E.g. "1,183 km along the line · published 1,177 km · 671 km straight"; a flight's line is
    the straight (geodesic) one, so it has no third figure.
    """
    parts = [f"{format_km(route_length_km(route))} along the line"]
    if route.published_km:
        parts.append(f"published {format_km(route.published_km)}")
    if len(route.waypoints) >= 2 and route.mode != "flight":
        first, last = route.waypoints[0], route.waypoints[-1]
        parts.append(f"{format_km(distance_km(first.lat, first.lon, last.lat, last.lon))} straight")
    return " · ".join(parts)


def format_km(km: float) -> str:
    """A distance in km for a reader: "1,183 km", "8.5 km" below 10 km."""
    return f"{km:,.1f} km" if km < 10 else f"{km:,.0f} km"


def format_date(iso: str, short: bool = False) -> str:
    """An ISO date, month or range ("2019-02-23/2019-02-26") in words ("23–26 February 2019";
    with ``short``, "23–26 Feb 2019"). Anything that is not an ISO date is returned as written.
    """
    ends = [_date_parts(part, short) for part in iso.split("/")] if iso else []
    if not ends or None in ends:
        return iso
    if len(ends) == 1:
        return " ".join(p for p in ends[0] if p)
    (d1, m1, y1), (d2, m2, y2) = ends[0], ends[-1]
    if y1 == y2 and m1 == m2 and d1 and d2:
        return f"{d1}–{d2} {m1} {y1}"
    if y1 == y2:
        return f"{' '.join(p for p in (d1, m1) if p)} – {' '.join(p for p in (d2, m2, y2) if p)}"
    return " – ".join(" ".join(p for p in end if p) for end in ends)


def _date_parts(text: str, short: bool) -> tuple[str, str, str] | None:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text.strip())
    if not match or (match.group(2) and not 1 <= int(match.group(2)) <= 12):
        return None
    year, month, day = match.groups()
    name = _MONTHS[int(month) - 1] if month else ""
    return (str(int(day)) if day else "", name[:3] if short else name, year)


def drawable_checks(story: Story) -> list[tuple[int, Check]]:
    """The story's checks a map can draw, with their claim numbers: those whose subject and
    anchor are both placed, and those whose subject is not placed but whose anchor is, drawn as
    the area where the subject could be (``Check.search_area``) with its candidates.

    Claim numbers count from 1 over ``story.checks`` (the order of ``geo claims``).
    """
    return [(number, check) for number, check in enumerate(story.checks, start=1) if _drawable(check)]


def _drawable(check: Check) -> bool:
    anchor, subject = check.claim.anchor.place, check.claim.subject.place
    return anchor is not None and (subject is not None or check.search_area is not None)


def _claim_number(story: Story, check: Check) -> int:
    """The number (from 1) of ``check`` among ``story.checks``."""
    for number, candidate in enumerate(story.checks, start=1):
        if candidate is check:
            return number
    raise InputError(f"claim {check.claim.sentence[:60]!r}: not a claim of this story")


def select_check(story: Story, claim: int | Check) -> Check:
    """One claim's check: ``claim`` is a claim number (from 1, as ``claim:N``) or a Check.

    Raises ``InputError`` if there is no such claim or a map cannot draw it (its anchor is not
    placed, or neither is its subject nor an area where it could be).
    """
    number = claim if isinstance(claim, int) else _claim_number(story, claim)
    checks = story.checks
    if not 1 <= number <= len(checks):
        raise InputError(f"claim:{number}: the story has {len(checks)} claims (numbered from 1)")
    check = checks[number - 1]
    if not _drawable(check):
        raise InputError(f"claim:{number}: its places are not both resolved, nothing to draw")
    return check


def search_rings(area: SearchArea, points: int = 64) -> list[list[tuple[float, float]]]:
    """The outline of a search area as closed (lat, lon) rings: for a sector, one ring (the
    outer arc, then the inner arc back); for a whole circle, the outer ring and the inner one
    (a hole). Arcs follow geodesic distances from the anchor."""
    if area.half_width_deg >= 180:
        rings = [circle(area.lat, area.lon, area.max_km, n=points)]
        if area.min_km > 0:
            rings.append(circle(area.lat, area.lon, area.min_km, n=points))
        return rings
    bearings = np.linspace(area.centre_deg - area.half_width_deg, area.centre_deg + area.half_width_deg, points)
    outer = _arc(area.lat, area.lon, bearings, area.max_km)
    inner = _arc(area.lat, area.lon, bearings[::-1], area.min_km) if area.min_km > 0 else [(area.lat, area.lon)]
    ring = outer + inner
    return [ring + ring[:1]]


def _arc(lat: float, lon: float, bearings: np.ndarray, km: float) -> list[tuple[float, float]]:
    lons, lats, _ = WGS84.fwd(np.full(len(bearings), lon), np.full(len(bearings), lat), bearings,
                              np.full(len(bearings), km * 1000.0))
    lons = lon + np.mod(np.asarray(lons) - lon + 180.0, 360.0) - 180.0  # continuous around the anchor
    return [(float(a), float(b)) for a, b in zip(lats, lons)]


def _claim_latlons(check: Check) -> list[tuple[float, float]]:
    """The anchor, the subject and the stated-distance ring of a drawable claim; for an unplaced
    subject, the anchor and the area where it could be."""
    anchor, subject = check.claim.anchor.place, check.claim.subject.place
    if subject is None:
        return [(anchor.lat, anchor.lon)] + [p for ring in search_rings(check.search_area, 36) for p in ring]
    points = [(anchor.lat, anchor.lon), (subject.lat, subject.lon)]
    if check.stated_km:
        points += circle(anchor.lat, anchor.lon, check.stated_km, n=36)
    return points


def _story_latlons(story: Story, layers: tuple[str, ...]) -> list[tuple[float, float]]:
    """The points the default extent fits (see :func:`extent_bounds`)."""
    points: list[tuple[float, float]] = []
    if "routes" in layers:
        points += [p for route in story.routes for p in route_latlons(route, 16)]
    if "meetings" in layers:
        points += [(m.lat, m.lon) for m in story.meetings]
    if "claims" in layers:
        for _, check in drawable_checks(story):
            anchor, subject = check.claim.anchor.place, check.claim.subject.place
            points.append((anchor.lat, anchor.lon))
            if subject is not None:
                points.append((subject.lat, subject.lon))
            else:
                points += [(fit.place.lat, fit.place.lon) for fit in check.candidates[:3]]
    if not points and "places" in layers:
        places = places_on_map(story)
        points = [(p.place.lat, p.place.lon) for p in places if p.sources >= 2]
        points = points or [(p.place.lat, p.place.lon) for p in places]
    return points


def _bounds_of(latlons: list[tuple[float, float]]) -> Bounds:
    lats = [lat for lat, _ in latlons]
    lons = [lon for _, lon in latlons]
    return (min(lons), min(lats), max(lons), max(lats))


def _parse_bbox(spec: str) -> Bounds:
    try:
        lon_min, lat_min, lon_max, lat_max = (float(v) for v in spec.split(":", 1)[1].split(","))
    except ValueError:
        raise InputError(f"extent {spec!r}: write bbox:lon_min,lat_min,lon_max,lat_max in degrees") from None
    if not (-180 <= lon_min < lon_max <= 180 and -90 <= lat_min < lat_max <= 90):
        raise InputError(f"extent {spec!r}: need -180 <= lon_min < lon_max <= 180, -90 <= lat_min < lat_max <= 90")
    return (lon_min, lat_min, lon_max, lat_max)


def extent_bounds(story: Story, extent: str | None = None, layers: Iterable[str] | None = None) -> Bounds:
    """The area a map shows, (lon_min, lat_min, lon_max, lat_max) in degrees, before margins.

    ``extent``:
    - None: the whole story, read as where things happen: the routes, the meetings and the
      claims' two ends (each if its layer is drawn). Places cited only for context (a capital
      on another continent) do not stretch the map; they appear if they fall inside it. With no
      routes, meetings or claims, the places that at least two sources mention set the extent,
      and failing those every placed point;
    - ``"bbox:lon_min,lat_min,lon_max,lat_max"``: that box;
    - ``"claim:N"``: claim N (from 1), with its stated-distance ring;
    - ``"route:ID"``: the route whose ``route_id`` is ID.

    Raises ``InputError`` for an extent it cannot read or a story with nothing to map.
    """
    if extent is None or not extent.strip():
        points = _story_latlons(story, parse_layers(layers))
    else:
        kind, _, value = extent.strip().partition(":")
        kind = kind.lower()
        if kind == "bbox":
            return _parse_bbox(extent)
        if kind == "claim":
            if not value.strip().isdigit():
                raise InputError(f"extent {extent!r}: write claim:N with N a claim number from 1")
            points = _claim_latlons(select_check(story, int(value)))
        elif kind == "route":
            routes = {route.route_id: route for route in story.routes}
            if value not in routes:
                known = ", ".join(routes) or "none"
                raise InputError(f"extent {extent!r}: no such route (routes: {known})")
            points = route_latlons(routes[value], 16)
        else:
            raise InputError(f"extent {extent!r}: use bbox:..., claim:N or route:ID")
    if not points:
        names = ", ".join(document.path for document in story.documents)
        if not names:
            raise InputError("nothing to map: no article could be read")
        raise InputError(f"{names}: no placed points to map (no resolved places, routes or meetings)")
    return _bounds_of(points)
