"""Routes and meetings of a story, read from data files, and lengths measured along routes.

Routes live in TOML files, such as a story pack's ``routes.toml`` (one ``[[route]]`` table per
journey, its waypoints in order) and meetings in its ``meetings.toml`` (one ``[[meeting]]`` table each);
every item carries its source. A user's own routes load from GeoJSON: a FeatureCollection whose
LineString (or MultiLineString, parts joined in order) features become routes, with the
properties ``id``, ``name``, ``mode``, ``date``, ``status``, ``published_km``,
``published_source``, ``source`` and ``note``; Point features are places, not routes, and are
skipped. Distances are geodesic (WGS84) in km via :mod:`geo.geodesy`.
"""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Iterable
from pathlib import Path

from dataclasses import replace

import numpy as np

from geo import lexicon
from geo.errors import DataError
from geo.geodesy import distance_km, path_length_km
from geo.model import Meeting, Place, Route, Waypoint
from geo.paths import BUNDLED_STORY

__all__ = [
    "MEETINGS_FILE",
    "ROUTES_DIR",
    "find_route",
    "load_meetings",
    "load_routes",
    "published_length_km",
    "route_drawing",
    "route_length_km",
    "section_length_km",
]

ROUTES_DIR = BUNDLED_STORY / "routes.toml"
"""The bundled story's routes (its pack's routes.toml)."""
MEETINGS_FILE = BUNDLED_STORY / "meetings.toml"
"""The bundled story's meetings (its pack's meetings.toml)."""

ROUTE_MODES = ("rail", "road", "flight", "sea")
ROUTE_STATUSES = ("travelled", "planned", "possible", "")
MEETING_STATUSES = ("held", "planned")
GEOJSON_DEFAULT_MODE = "road"
"""The mode of a GeoJSON route whose properties name none."""

TRACKS_FILE = "tracks.geojson"
"""Track geometry beside a routes.toml: LineString features with an ``id``, a ``source`` and a
``licence``, that a route's ``tracks`` draw sections along."""

ON_TRACK_KM = 5.0
"""A named waypoint of a section drawn along a track must lie this close (km) to the track."""

ON_ROUTE_KM = 25.0
"""A place lies on a route when a waypoint is within this distance (km) or the place's radius."""

_ROUTE_KEYS = {"id", "name", "mode", "date", "status", "source", "note", "published_km",
               "published_source", "sections", "waypoints", "tracks"}
_MEETING_KEYS = {"id", "title", "date", "participants", "venue", "lat", "lon", "status",
                 "place_id", "source", "note"}


# --- loading -------------------------------------------------------------------------------


def load_routes(path: str | Path | None = None) -> tuple[Route, ...]:
    """The routes of a TOML or GeoJSON file, or of every such file in a folder.

    ``path`` defaults to the bundled story pack's ``routes.toml``. Raises :class:`~geo.errors.DataError`
    naming the file and the problem when a file cannot be read or is malformed, or when two
    routes share an id.
    """
    routes: list[Route] = []
    for file in _route_files(Path(path) if path is not None else ROUTES_DIR):
        routes.extend(_read_geojson(file) if file.suffix.lower() in (".geojson", ".json")
                      else _read_toml_routes(file))
    seen: set[str] = set()
    for route in routes:
        if route.route_id in seen:
            raise DataError(f"{path or ROUTES_DIR}: route id {route.route_id!r} is used twice")
        seen.add(route.route_id)
    return tuple(routes)


def load_meetings(path: str | Path | None = None) -> tuple[Meeting, ...]:
    """The meetings of a TOML file (default: the bundled story pack's ``meetings.toml``).

    Raises :class:`~geo.errors.DataError` naming the file and the problem.
    """
    file = Path(path) if path is not None else MEETINGS_FILE
    tables = _toml(file).get("meeting", [])
    if not isinstance(tables, list):
        raise DataError(f"{file}: 'meeting' must be an array of tables ([[meeting]])")
    meetings = tuple(_meeting(file, number, table) for number, table in enumerate(tables, start=1))
    ids = [m.meeting_id for m in meetings]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise DataError(f"{file}: meeting id {duplicates[0]!r} is used twice")
    return meetings


def _route_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.iterdir()
                       if p.suffix.lower() in (".toml", ".geojson", ".json") and p.is_file())
        if not files:
            raise DataError(f"{path}: no route files (.toml, .geojson) in this folder")
        return files
    if not path.exists():
        raise DataError(f"{path}: no such file or folder")
    if path.suffix.lower() not in (".toml", ".geojson", ".json"):
        raise DataError(f"{path}: not a route file (expected .toml, .geojson or .json)")
    return [path]


def _toml(file: Path) -> dict:
    try:
        with file.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise DataError(f"{file}: cannot read ({error.strerror})") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise DataError(f"{file}: not valid TOML ({error})") from error


def _read_toml_routes(file: Path) -> list[Route]:
    tables = _toml(file).get("route", [])
    if not isinstance(tables, list):
        raise DataError(f"{file}: 'route' must be an array of tables ([[route]])")
    tracks = _read_tracks(file.with_name(TRACKS_FILE)) if any(
        isinstance(t, dict) and t.get("tracks") for t in tables) else {}
    return [_toml_route(file, number, table, tracks) for number, table in enumerate(tables, start=1)]


def _read_tracks(file: Path) -> dict[str, tuple[np.ndarray, str]]:
    """Track id -> ((lon, lat) vertices, source and licence) of a tracks.geojson."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{file}: missing: a route draws a section along a track, and the tracks "
                        "live in this file") from None
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DataError(f"{file}: not valid GeoJSON ({error})") from error
    tracks = {}
    for number, feature in enumerate((data or {}).get("features") or [], start=1):
        properties = (feature or {}).get("properties") or {}
        geometry = (feature or {}).get("geometry") or {}
        where = f"{file}: feature {number} ({properties.get('id', 'no id')!r})"
        if geometry.get("type") != "LineString" or not properties.get("id"):
            raise DataError(f"{where}: a track must be a LineString with an 'id' property")
        coords = np.asarray(geometry.get("coordinates") or [], dtype=float)
        if coords.ndim != 2 or len(coords) < 2:
            raise DataError(f"{where}: a track needs at least 2 [lon, lat] positions")
        source = "; ".join(filter(None, (properties.get("source"), properties.get("licence"))))
        tracks[properties["id"]] = (coords[:, :2], source)
    return tracks


def _toml_route(file: Path, number: int, table: dict, tracks: dict | None = None) -> Route:
    where = f"{file}: route {number} ({table.get('id', 'no id')!r})"
    unknown = sorted(set(table) - _ROUTE_KEYS)
    if unknown:
        raise DataError(f"{where}: unknown key {unknown[0]!r}")
    for key in ("id", "name", "mode", "waypoints"):
        if key not in table:
            raise DataError(f"{where}: missing {key!r}")
    raw_waypoints = table["waypoints"]
    if not isinstance(raw_waypoints, list):
        raise DataError(f"{where}: 'waypoints' must be a list of {{name, lat, lon}} tables")
    waypoints = tuple(_waypoint(f"{where}, waypoint {i}", w) for i, w in enumerate(raw_waypoints, 1))
    sections = tuple(_section(f"{where}, section {i}", s, waypoints)
                     for i, s in enumerate(table.get("sections", []), start=1))
    drawn = []
    for i, spec in enumerate(table.get("tracks", []), start=1):
        waypoints, source = _along_track(f"{where}, track {i}", spec, waypoints, tracks or {})
        drawn.append((spec["from"], spec["to"], source))
    return replace(_route(where, table, waypoints, sections), tracks=tuple(drawn))


def _along_track(where: str, spec, waypoints: tuple[Waypoint, ...],
                 tracks: dict) -> tuple[tuple[Waypoint, ...], str]:
    """The waypoints with the stretch between two named stations drawn along a track.

    The two stations keep their coordinates; between them come the track's vertices, and each
    named stop between them is moved onto the track (its nearest vertex), keeping its name. The
    route's other waypoints are kept as they are.
    """
    if not isinstance(spec, dict) or set(spec) != {"from", "to", "track"}:
        raise DataError(f"{where}: must be a table like {{ from = ..., to = ..., track = ... }}")
    if spec["track"] not in tracks:
        known = ", ".join(sorted(tracks)) or "none"
        raise DataError(f"{where}: track {spec['track']!r} is not in {TRACKS_FILE} (its tracks: {known})")
    coords, source = tracks[spec["track"]]
    names = [w.name for w in waypoints]
    for end in (spec["from"], spec["to"]):
        if end not in names:
            raise DataError(f"{where}: {end!r} is not the name of a waypoint of this route")
    first, last = names.index(spec["from"]), names.index(spec["to"])
    step = 1 if first < last else -1
    ends = []
    for index in (first, last):
        vertex, km = _nearest_vertex(coords, waypoints[index])
        if km > ON_TRACK_KM:
            raise DataError(f"{where}: {names[index]!r} is {km:.1f} km from track {spec['track']!r}; "
                            f"a section along a track starts and ends within {ON_TRACK_KM:g} km of it")
        ends.append(vertex)
    along = coords[ends[0]:ends[1] + 1] if ends[0] <= ends[1] else coords[ends[1]:ends[0] + 1][::-1]
    points = [Waypoint(name="", lat=float(lat), lon=float(lon)) for lon, lat in along[1:-1]]
    for index in range(first + step, last, step):  # named stops between: onto the track
        stop = waypoints[index]
        if stop.name:
            vertex, km = _nearest_vertex(along, stop)
            if km > ON_TRACK_KM:
                raise DataError(f"{where}: {stop.name!r} is {km:.1f} km from track {spec['track']!r}; "
                                f"a stop on a section along a track lies within {ON_TRACK_KM:g} km of it")
            if 0 < vertex < len(along) - 1:
                points[vertex - 1] = replace(stop, lat=float(along[vertex][1]), lon=float(along[vertex][0]))
    low, high = sorted((first, last))
    middle = points if step == 1 else points[::-1]
    return waypoints[:low + 1] + tuple(middle) + waypoints[high:], source


def _nearest_vertex(coords: np.ndarray, waypoint: Waypoint) -> tuple[int, float]:
    """(index, km) of the track vertex nearest a waypoint."""
    distances = np.atleast_1d(distance_km(coords[:, 1], coords[:, 0], np.full(len(coords), waypoint.lat),
                                          np.full(len(coords), waypoint.lon)))
    index = int(np.argmin(distances))
    return index, float(distances[index])


def _route(where: str, fields: dict, waypoints: tuple[Waypoint, ...],
           sections: tuple[tuple[str, str, float, str], ...] = ()) -> Route:
    """A Route from the shared fields of a TOML table or GeoJSON properties, checked."""
    mode = _text(where, fields, "mode")
    if mode not in ROUTE_MODES:
        raise DataError(f"{where}: mode {mode!r} is not one of {', '.join(ROUTE_MODES)}")
    status = _text(where, fields, "status")
    if status not in ROUTE_STATUSES:
        raise DataError(f"{where}: status {status!r} is not one of travelled, planned, possible")
    if len(waypoints) < 2:
        raise DataError(f"{where}: a route needs at least 2 waypoints, found {len(waypoints)}")
    published = fields.get("published_km")
    if published is not None and not (_is_number(published) and published > 0):
        raise DataError(f"{where}: published_km must be a positive number of km, got {published!r}")
    return Route(
        route_id=_text(where, fields, "id"), name=_text(where, fields, "name"), mode=mode,
        waypoints=waypoints, date=_text(where, fields, "date"), status=status,
        published_km=float(published) if published is not None else None,
        published_source=_text(where, fields, "published_source"),
        source=_text(where, fields, "source"), sections=sections, note=_text(where, fields, "note"),
    )


def _waypoint(where: str, table) -> Waypoint:
    if not isinstance(table, dict):
        raise DataError(f"{where}: must be a table like {{ name = ..., lat = ..., lon = ... }}")
    lat, lon = _latlon(where, table.get("lat"), table.get("lon"))
    return Waypoint(name=_text(where, table, "name"), lat=lat, lon=lon,
                    place_id=_text(where, table, "place_id"))


def _section(where: str, table, waypoints: tuple[Waypoint, ...]) -> tuple[str, str, float, str]:
    if not isinstance(table, dict):
        raise DataError(f"{where}: must be a table like {{ from = ..., to = ..., km = ..., source = ... }}")
    names = {w.name for w in waypoints if w.name}
    ends = (_text(where, table, "from"), _text(where, table, "to"))
    for end in ends:
        if end not in names:
            raise DataError(f"{where}: {end!r} is not the name of a waypoint of this route")
    km = table.get("km")
    if not (_is_number(km) and km > 0):
        raise DataError(f"{where}: km must be a positive number, got {km!r}")
    return (ends[0], ends[1], float(km), _text(where, table, "source"))


def _meeting(file: Path, number: int, table) -> Meeting:
    where = f"{file}: meeting {number} ({table.get('id', 'no id')!r})" if isinstance(table, dict) \
        else f"{file}: meeting {number}"
    if not isinstance(table, dict):
        raise DataError(f"{where}: must be a table")
    unknown = sorted(set(table) - _MEETING_KEYS)
    if unknown:
        raise DataError(f"{where}: unknown key {unknown[0]!r}")
    for key in ("id", "title", "date", "participants", "venue", "lat", "lon", "status"):
        if key not in table:
            raise DataError(f"{where}: missing {key!r}")
    participants = table["participants"]
    if not (isinstance(participants, list) and participants
            and all(isinstance(p, str) and p.strip() for p in participants)):
        raise DataError(f"{where}: participants must be a non-empty list of names")
    status = _text(where, table, "status")
    if status not in MEETING_STATUSES:
        raise DataError(f"{where}: status {status!r} is not one of held, planned")
    lat, lon = _latlon(where, table["lat"], table["lon"])
    return Meeting(
        meeting_id=_text(where, table, "id"), title=_text(where, table, "title"),
        date=_text(where, table, "date"), participants=tuple(participants),
        venue=_text(where, table, "venue"), lat=lat, lon=lon, status=status,
        place_id=_text(where, table, "place_id"), source=_text(where, table, "source"),
        note=_text(where, table, "note"),
    )


def _read_geojson(file: Path) -> list[Route]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise DataError(f"{file}: cannot read ({error.strerror})") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DataError(f"{file}: not valid GeoJSON ({error})") from error
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise DataError(f"{file}: not a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise DataError(f"{file}: the FeatureCollection has no 'features' list")
    routes = []
    for number, feature in enumerate(features, start=1):
        geometry = (feature or {}).get("geometry") or {}
        kind = geometry.get("type")
        if kind == "Point":
            continue  # a place, not a route
        where = f"{file}: feature {number}"
        if kind not in ("LineString", "MultiLineString"):
            raise DataError(f"{where}: geometry {kind!r} is not a LineString or MultiLineString")
        lines = [geometry.get("coordinates")] if kind == "LineString" else geometry.get("coordinates")
        if not isinstance(lines, list) or not all(isinstance(line, list) for line in lines):
            raise DataError(f"{where}: coordinates must be lists of [lon, lat] positions")
        waypoints = tuple(_position(f"{where}, position {i}", p)
                          for i, p in enumerate((p for line in lines for p in line), start=1))
        properties = dict(feature.get("properties") or {})
        properties.setdefault("id", properties.get("route_id") or f"{file.stem}-{number}")
        properties.setdefault("name", properties["id"])
        properties.setdefault("mode", GEOJSON_DEFAULT_MODE)
        routes.append(_route(f"{where} ({properties['id']!r})", properties, waypoints))
    return routes


def _position(where: str, position) -> Waypoint:
    if not (isinstance(position, list) and len(position) >= 2):
        raise DataError(f"{where}: must be a [lon, lat] position, got {position!r}")
    lat, lon = _latlon(where, position[1], position[0])
    return Waypoint(name="", lat=lat, lon=lon)


def _latlon(where: str, lat, lon) -> tuple[float, float]:
    if not (_is_number(lat) and _is_number(lon)):
        raise DataError(f"{where}: lat and lon must be numbers in degrees, got {lat!r}, {lon!r}")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataError(f"{where}: ({lat}, {lon}) is outside -90..90 degrees lat, -180..180 lon")
    return float(lat), float(lon)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _text(where: str, fields: dict, key: str) -> str:
    value = fields.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DataError(f"{where}: {key!r} must be text, got {value!r}")
    return value.strip()


# --- measuring -----------------------------------------------------------------------------


def route_length_km(route: Route) -> float:
    """Length of the route in km, along geodesics (WGS84) from waypoint to waypoint."""
    return path_length_km((w.lat, w.lon) for w in route.waypoints)


def _between(route: Route, from_index: int, to_index: int) -> tuple[int, int]:
    """(first, last): two waypoint indexes (either order, negative from the end) in order;
    IndexError naming the route when one is not a waypoint of it."""
    count = len(route.waypoints)
    for index in (from_index, to_index):
        if not -count <= index < count:
            raise IndexError(f"route {route.route_id!r} has {count} waypoints; no waypoint {index}")
    first, last = sorted((from_index % count, to_index % count))
    return first, last


def section_length_km(route: Route, from_index: int, to_index: int) -> float:
    """Length in km along the route between two waypoints (indexes in either order)."""
    first, last = _between(route, from_index, to_index)
    return path_length_km((w.lat, w.lon) for w in route.waypoints[first:last + 1])


def published_length_km(route: Route, from_index: int, to_index: int) -> float:
    """Length in km between two waypoints as published: along the line, each stretch that lies
    in a published section (``Route.sections``) scaled so that the whole section measures its
    published length; measured as drawn where no section is published.

    A claim about a journey is judged against the published figures of the line (a section's
    ``km`` in the pack's routes.toml), not against how closely our drawn line follows the track.
    """
    first, last = _between(route, from_index, to_index)
    count = len(route.waypoints)
    lats = np.array([w.lat for w in route.waypoints])
    lons = np.array([w.lon for w in route.waypoints])
    steps = np.atleast_1d(distance_km(lats[:-1], lons[:-1], lats[1:], lons[1:])) if count > 1 else np.zeros(0)
    scale = np.ones(len(steps))
    span = np.full(len(steps), np.inf)  # the narrowest published section wins where they overlap
    names = [w.name for w in route.waypoints]
    for start, end, km, _ in route.sections:
        a, b = sorted((names.index(start), names.index(end)))
        measured = steps[a:b].sum()
        if measured > 0:
            narrower = span[a:b] > b - a
            scale[a:b][narrower] = km / measured
            span[a:b][narrower] = b - a
    return float((steps[first:last] * scale[first:last]).sum())


def route_drawing(route: Route) -> str:
    """How a route is drawn, in words: which sections follow real track and which run straight
    between the route's stops (its mode's ``stops`` in data/lexicon.toml: stations, towns, ports)."""
    mode = lexicon.MODES.get(route.mode)
    stops = (mode.stops if mode else "") or "waypoints"
    if route.mode == "flight":
        return f"drawn as the geodesic between its {stops}"
    if not route.tracks:
        return f"drawn straight between its {stops} (no track geometry)"
    along = " and ".join(f"between {start} and {end}" for start, end, _ in route.tracks)
    sources = "; ".join(dict.fromkeys(source for _, _, source in route.tracks))
    return (f"drawn along real track {along}; elsewhere straight between its {stops} "
            f"(track: {sources})")


def find_route(routes: Iterable[Route], a: Place, b: Place, mode: str = "") -> tuple[Route, float] | None:
    """The known route between two places and its length in km between them, or None.

    A place lies on a route when some waypoint is within ``max(25 km, place.radius_km)`` of it;
    the length is along the route between the waypoints nearest to ``a`` and to ``b``, scaled to
    the route's published section lengths where it has them (:func:`published_length_km`).
    With ``mode`` ("rail", "road", ...) only routes of that mode count. When several routes
    join the two places, the one whose waypoints lie closest to them wins, then the shorter.
    """
    best = None
    for route in routes:
        if mode and route.mode != mode:
            continue
        ends = [_nearest_waypoint(route, place) for place in (a, b)]
        if any(end is None for end in ends) or ends[0][0] == ends[1][0]:
            continue
        (index_a, off_a), (index_b, off_b) = ends
        km = published_length_km(route, index_a, index_b)
        key = (off_a + off_b, km)
        if best is None or key < best[0]:
            best = (key, route, km)
    return None if best is None else (best[1], best[2])


def _nearest_waypoint(route: Route, place: Place) -> tuple[int, float] | None:
    """(index, km) of the route's waypoint nearest the place, if it is close enough to count."""
    lats = np.array([w.lat for w in route.waypoints])
    lons = np.array([w.lon for w in route.waypoints])
    distances = np.atleast_1d(distance_km(np.full_like(lats, place.lat), np.full_like(lons, place.lon),
                                          lats, lons))
    index = int(np.argmin(distances))
    if distances[index] > max(ON_ROUTE_KM, place.radius_km):
        return None
    return index, float(distances[index])

