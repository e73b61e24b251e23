"""Geodesic distances per second: geo.geodesy.inverse (vectorised) against per-pair geopy.

``geo.geodesy.inverse`` calls ``pyproj.Geod.inv``, i.e. PROJ's copy of Karney's GeographicLib C
routines, on whole numpy arrays; the reference is the GeographicLib C figure of about 1 µs a
pair. geopy's ``geodesic`` (pure-Python GeographicLib) is timed pair by pair on fewer pairs.
"""

from __future__ import annotations

import numpy as np
from common import load_average, median, repeat_seconds, section, table
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
    geo_seconds = median(repeat_seconds(lambda: inverse(lat1, lon1, lat2, lon2), 3))
    geod = Geod(ellps="WGS84")
    pyproj_seconds = median(repeat_seconds(lambda: geod.inv(lon1, lat1, lon2, lat2), 3))

    few = range(PER_PAIR_PAIRS)
    geopy_seconds = median(
        repeat_seconds(
            lambda: [geodesic((lat1[i], lon1[i]), (lat2[i], lon2[i])).km for i in few], 3
        )
    )
    km_geo = inverse(lat1[:PER_PAIR_PAIRS], lon1[:PER_PAIR_PAIRS], lat2[:PER_PAIR_PAIRS],
                     lon2[:PER_PAIR_PAIRS])[0]  # fmt: skip
    km_geopy = np.array([geodesic((lat1[i], lon1[i]), (lat2[i], lon2[i])).km for i in few])
    agreement_mm = float(np.max(np.abs(km_geo - km_geopy))) * 1e6  # km to mm

    def row(name, pairs, seconds):
        return (name, f"{pairs:,}", f"{seconds:.3f}", f"{pairs / seconds:,.0f}",
                f"{seconds / pairs * 1e6:.2f}")  # fmt: skip

    rows = [
        row("`geo.geodesy.inverse` (vectorised, distance + bearing)", VECTOR_PAIRS, geo_seconds),
        row("`pyproj.Geod.inv` alone (GeographicLib C in PROJ)", VECTOR_PAIRS, pyproj_seconds),
        ("GeographicLib C, reference figure", "", "", "~1,000,000", "~1"),
        row("geopy `geodesic(...).km`, one pair at a time", PER_PAIR_PAIRS, geopy_seconds),
    ]
    body = table(("method", "pairs", "seconds (median)", "pairs per second", "µs per pair"), rows)
    body += (
        f"\n\nRandom pairs uniform on the sphere (seeded). `geo.geodesy.inverse` is "
        f"{geopy_seconds / PER_PAIR_PAIRS / (geo_seconds / VECTOR_PAIRS):,.0f}× faster per pair "
        f"than geopy; on the first {PER_PAIR_PAIRS:,} pairs the two agree within "
        f"{agreement_mm:.2g} mm. One process, one core."
    )
    return section(TITLE, "bench_geodesy.py", body, load)


if __name__ == "__main__":
    print(measure())
