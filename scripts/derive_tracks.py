"""Derive the bundled story's railway track (data/stories/kim-jong-un-2023/tracks.geojson).

    python scripts/derive_tracks.py ../shared/data/railways data/stories/kim-jong-un-2023/tracks.geojson

Reads OpenStreetMap railway lines traced with BRouter (trolleway/russian-railways-simplegeodata,
commit f1e9782, ODbL 1.0, © OpenStreetMap contributors) and keeps the stretches the 2023 train
used or could have used in Russia, simplified (Douglas–Peucker, tolerances in degrees below) so
that the length along the line stays within 0.2 % of the source's:

- ``baranovsky-khasan``: the whole Khasan branch, from its junction near Baranovsky to the
  Tumen bridge (Khasan station lies on it);
- ``trans-siberian-far-east``: the Trans-Siberian main line from the point nearest Tsiolkovsky
  (the Ledyanaya junction area, where the branch to Vostochny leaves it) to Vladivostok station,
  through Belogorsk, Khabarovsk, Ussuriysk and Baranovsky.

The output is a derived database of OpenStreetMap data and stays under the ODbL 1.0; each
feature says so. Lengths are geodesic (WGS84) in km.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import shapely
from pyproj import Geod

GEOD = Geod(ellps="WGS84")
SOURCE = ("OpenStreetMap railway track traced with BRouter, via trolleway/russian-railways-simplegeodata "
          "commit f1e9782 (2022), file {file}; simplified (tolerance {tolerance}°) by scripts/derive_tracks.py")
LICENCE = "ODbL 1.0 (© OpenStreetMap contributors); this derived database is also under the ODbL 1.0"
TSIOLKOVSKY = (51.76872, 128.12018)  # GeoNames 6641869, the town at the branch to Vostochny
TOLERANCES = {"baranovsky-khasan": 0.0001, "trans-siberian-far-east": 0.0002}
"""Douglas–Peucker tolerance of each track, degrees (~10 and ~20 m): the short branch is kept
finer, the long main line coarser (2,000 rather than 8,000 points)."""


def line(path: Path) -> np.ndarray:
    """(lon, lat) vertices of the one LineString of a BRouter GeoJSON file."""
    feature = json.loads(path.read_text(encoding="utf-8"))["features"][0]
    return np.asarray(feature["geometry"]["coordinates"], dtype=float)[:, :2]


def length_km(coords: np.ndarray) -> float:
    return GEOD.line_length(coords[:, 0], coords[:, 1]) / 1000.0


def nearest_vertex(coords: np.ndarray, lat: float, lon: float) -> int:
    n = len(coords)
    return int(np.argmin(GEOD.inv(coords[:, 0], coords[:, 1], np.full(n, lon), np.full(n, lat))[2]))


def feature(track_id: str, name: str, coords: np.ndarray, file: str) -> dict:
    tolerance = TOLERANCES[track_id]
    simple = np.asarray(shapely.simplify(shapely.LineString(coords), tolerance).coords)
    return {"type": "Feature",
            "properties": {"id": track_id, "name": name, "mode": "rail",
                           "length_km": round(length_km(simple), 2),
                           "source_length_km": round(length_km(coords), 2),
                           "source": SOURCE.format(file=file, tolerance=tolerance), "licence": LICENCE},
            "geometry": {"type": "LineString",
                         "coordinates": [[round(x, 6), round(y, 6)] for x, y in simple]}}


def main(railways: str, output: str) -> None:
    folder = Path(railways)
    khasan = line(folder / "baranovsky-khasan.geojson")
    main_line = line(folder / "ekaterinburg-vladivostok.geojson")
    start = nearest_vertex(main_line, *TSIOLKOVSKY)
    features = [
        feature("baranovsky-khasan", "Baranovsky – Khasan line (Khasan branch)", khasan,
                "baranovsky-khasan.geojson"),
        feature("trans-siberian-far-east", "Trans-Siberian main line, Ledyanaya junction – Vladivostok",
                main_line[start:], "ekaterinburg-vladivostok.geojson"),
    ]
    collection = {"type": "FeatureCollection", "licence": LICENCE,
                  "attribution": "© OpenStreetMap contributors", "features": features}
    Path(output).write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n",
                            encoding="utf-8")
    for item in features:
        props = item["properties"]
        print(f"{props['id']}: {len(item['geometry']['coordinates'])} points, {props['length_km']} km "
              f"(source {props['source_length_km']} km)")


if __name__ == "__main__":
    main(*sys.argv[1:3])
