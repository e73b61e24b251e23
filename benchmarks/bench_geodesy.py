"""Geodesic distances per second: geo.geodesy.inverse (vectorised) against per-pair geopy.

``geo.geodesy.inverse`` calls ``pyproj.Geod.inv``, i.e. PROJ's copy of Karney's GeographicLib C
routines, on whole numpy arrays; the reference is the GeographicLib C figure of about 1 µs a
pair. geopy's ``geodesic`` (pure-Python GeographicLib) is timed pair by pair on fewer pairs.
"""

from __future__ import annotations

import numpy as np
from common import load_average, median, repeat_timed, section, table
from geopy.distance import geodesic
from pyproj import Geod

from geo.geodesy import inverse

TITLE = "Geodesic distances"
VECTOR_PAIRS = 1_000_000
PER_PAIR_PAIRS = 10_000


def random_points(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``count`` points uniform on the sphere: (lat, lon) arrays in degrees."""
    rng = np.random.default_rng(seed)
    lat = np.degrees(np.arcsin(rng.uniform(-1.0, 1.0, count)))
    lon = rng.uniform(-180.0, 180.0, count)
    return lat, lon


def measure() -> str:
    load = load_average()
    lat1, lon1 = random_points(VECTOR_PAIRS, seed=1)
    lat2, lon2 = random_points(VECTOR_PAIRS, seed=2)
    geod = Geod(ellps="WGS84")
    few = range(PER_PAIR_PAIRS)

    def geopy_pairs():
        return [geodesic((lat1[i], lon1[i]), (lat2[i], lon2[i])).km for i in few]

    runs = {
        "`geo.geodesy.inverse` (vectorised, distance + bearing)": (
            VECTOR_PAIRS, repeat_timed(lambda: inverse(lat1, lon1, lat2, lon2), 3)),
        "`pyproj.Geod.inv` alone (GeographicLib C in PROJ)": (
            VECTOR_PAIRS, repeat_timed(lambda: geod.inv(lon1, lat1, lon2, lat2), 3)),
        "geopy `geodesic(...).km`, one pair at a time": (
            PER_PAIR_PAIRS, repeat_timed(geopy_pairs, 3)),
    }  # fmt: skip
    head = slice(0, PER_PAIR_PAIRS)
    km_geo = inverse(lat1[head], lon1[head], lat2[head], lon2[head])[0]
    agreement_mm = float(np.max(np.abs(km_geo - np.array(geopy_pairs())))) * 1e6  # km to mm

    rows = []
    per_pair_cpu = {}
    for name, (pairs, (walls, cpus)) in runs.items():
        cpu = median(cpus)
        per_pair_cpu[name] = cpu / pairs
        rows.append((name, f"{pairs:,}", f"{pairs / cpu:,.0f}", f"{cpu / pairs * 1e6:.2f}",
                     f"{median(walls) / pairs * 1e6:.2f}"))  # fmt: skip
    rows.insert(2, ("GeographicLib C, published reference", "", "~1,000,000", "~1", ""))
    ours, geopy_name = list(per_pair_cpu)[0], list(per_pair_cpu)[2]
    body = table(
        ("method", "pairs", "pairs per CPU second", "CPU µs per pair", "wall µs per pair"), rows
    )
    body += (
        f"\n\nMedian of 3 runs; random pairs uniform on the sphere (seeded). "
        f"`geo.geodesy.inverse` is {per_pair_cpu[geopy_name] / per_pair_cpu[ours]:,.0f}× faster "
        f"per pair than geopy; on the first {PER_PAIR_PAIRS:,} pairs the two agree within "
        f"{agreement_mm:.2g} mm. One process, one core."
    )
    return section(TITLE, "bench_geodesy.py", body, load)


if __name__ == "__main__":
    print(measure())
