"""Measurement on the WGS84 ellipsoid: distance, bearing, compass points, units, paths.

Every computation goes through ``pyproj.Geod(ellps="WGS84")`` (Karney's geodesic algorithms),
never a spherical formula. Arguments are (lat, lon) in decimal degrees; distances are in km;
bearings are degrees clockwise from true north in [0, 360). Functions taking coordinates accept
scalars (and return floats) or numpy arrays of any broadcastable shape (and return arrays).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import numpy as np
from pyproj import Geod

from geo.errors import InputError
from geo.model import KM_PER_UNIT

__all__ = [
    "COMPASS_POINTS",
    "bearing_deg",
    "circle",
    "compass_bearing",
    "compass_point",
    "convert",
    "distance_km",
    "geodesic_points",
    "inverse",
    "path_length_km",
    "WGS84",
]

WGS84 = Geod(ellps="WGS84")
"""The one geodesic calculator of the project (pyproj, Karney's algorithms on WGS84)."""

COMPASS_POINTS = (
    "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
    "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW",
)  # fmt: skip
"""The 16 compass points clockwise from north; point i is centred on i * 22.5 degrees."""

_POINTS_BY_DIVISION = {16: COMPASS_POINTS, 8: COMPASS_POINTS[::2], 4: COMPASS_POINTS[::4]}
_CARDINAL_WORDS = {"north": "n", "south": "s", "east": "e", "west": "w"}


def _check_latitudes(*latitudes) -> None:
    for lat in latitudes:
        bad = np.abs(np.asarray(lat, dtype=float)) > 90
        if np.any(bad):
            first = np.asarray(lat, dtype=float)[bad].flat[0]
            raise InputError(f"latitude {first!r}: outside -90..90 degrees")


def _as_output(array: np.ndarray, scalar: bool):
    return float(array) if scalar else array


def inverse(lat1, lon1, lat2, lon2):
    """Geodesic distance (km) and initial bearing (degrees from north, [0, 360)) from 1 to 2.

    Scalars give a tuple of floats; arrays broadcast and give a tuple of arrays. For identical
    points the distance is 0 and the bearing is 0 by convention (it is undefined). From a pole
    every way is south (north pole, 180) or north (south pole, 0), whatever ``lon1``. A NaN
    coordinate gives NaN; a latitude outside -90..90 raises ``InputError``. Longitudes may lie
    outside -180..180 (they are taken modulo 360).
    """
    _check_latitudes(lat1, lat2)
    scalar = all(np.ndim(v) == 0 for v in (lat1, lon1, lat2, lon2))
    arrays = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (lon1, lat1, lon2, lat2)))
    shape = arrays[0].shape
    azimuth, _, metres = WGS84.inv(*(np.ravel(a).copy() for a in arrays))
    azimuth = np.reshape(np.asarray(azimuth, dtype=float), shape)
    km = np.reshape(np.asarray(metres, dtype=float), shape) / 1000.0
    bearing = np.mod(azimuth, 360.0)
    bearing = np.where(arrays[1] == 90.0, 180.0, bearing)
    bearing = np.where((bearing >= 360.0) | (km == 0.0) | (arrays[1] == -90.0), 0.0, bearing)
    return _as_output(km, scalar), _as_output(bearing, scalar)


def distance_km(lat1, lon1, lat2, lon2):
    """Geodesic (WGS84) distance in km between points 1 and 2; see :func:`inverse`."""
    return inverse(lat1, lon1, lat2, lon2)[0]


def bearing_deg(lat1, lon1, lat2, lon2):
    """Initial bearing from 1 to 2, degrees clockwise from north in [0, 360); see :func:`inverse`."""
    return inverse(lat1, lon1, lat2, lon2)[1]


def compass_point(bearing, points: int = 16):
    """The compass point ("N", "NNE", ...) whose sector contains ``bearing`` (degrees from north).

    ``points`` is 16, 8 or 4; each sector is centred on its point, so with 16 points "N" covers
    348.75..11.25 degrees. A scalar gives a str; an array gives an array of str.
    """
    if points not in _POINTS_BY_DIVISION:
        raise InputError(f"compass points {points!r}: use 4, 8 or 16")
    names = np.asarray(_POINTS_BY_DIVISION[points])
    width = 360.0 / points
    index = np.floor(np.mod(np.asarray(bearing, dtype=float) + width / 2, 360.0) / width)
    result = names[index.astype(int) % points]
    return str(result) if np.ndim(bearing) == 0 else result


def compass_bearing(name: str) -> float:
    """The bearing (degrees from north) at the centre of a named compass point.

    Accepts abbreviations ("N", "NNW", "ENE") and words in any case with hyphens, spaces or
    nothing between them ("north", "North East", "north-east", "northeast", "north-northwest",
    "due east"). Raises ``InputError`` for anything else.
    """
    words = re.sub(r"^\s*due\s+", "", name.strip().lower())
    letters = re.sub(r"[\s\-_]+", "", words)
    for word, letter in _CARDINAL_WORDS.items():
        letters = letters.replace(word, letter)
    point = letters.upper()
    if point in COMPASS_POINTS:
        return COMPASS_POINTS.index(point) * 22.5
    raise InputError(f"compass direction {name!r}: not one of the 16 compass points")


def convert(value, from_unit: str, to_unit: str):
    """``value`` in ``from_unit`` expressed in ``to_unit``; units are "km", "mi", "nmi".

    Works on scalars and numpy arrays. An unknown unit raises ``InputError``.
    """
    for unit in (from_unit, to_unit):
        if unit not in KM_PER_UNIT:
            raise InputError(f"distance unit {unit!r}: use one of {', '.join(KM_PER_UNIT)}")
    return value * (KM_PER_UNIT[from_unit] / KM_PER_UNIT[to_unit])


def path_length_km(latlons: Iterable[tuple[float, float]]) -> float:
    """Length in km of the path through the (lat, lon) points in order, along geodesics.

    Fewer than two points give 0.0.
    """
    points = np.asarray(list(latlons), dtype=float).reshape(-1, 2)
    if len(points) < 2:
        return 0.0
    _check_latitudes(points[:, 0])
    return float(WGS84.line_length(points[:, 1], points[:, 0])) / 1000.0


def _continuous(lons: np.ndarray) -> np.ndarray:
    """Longitudes unwrapped so consecutive points never jump by more than 180 degrees."""
    return np.unwrap(lons, period=360.0)


def geodesic_points(lat1, lon1, lat2, lon2, n: int = 64) -> list[tuple[float, float]]:
    """``n`` (>= 2) (lat, lon) points along the geodesic from 1 to 2, both ends included.

    The shortest path on the ellipsoid, as an aircraft flies it. Longitudes are continuous:
    a path crossing the antimeridian keeps going past +-180 (e.g. 179, 181) instead of jumping,
    so a polyline drawn from them does not cross the whole map; the first point keeps ``lon1``.
    """
    if n < 2:
        raise InputError(f"geodesic points n={n!r}: need at least 2")
    _check_latitudes(lat1, lat2)
    middle = WGS84.npts(lon1, lat1, lon2, lat2, n - 2) if n > 2 else []
    lats = np.array([lat1, *(lat for _, lat in middle), lat2], dtype=float)
    lons = _continuous(np.array([lon1, *(lon for lon, _ in middle), lon2], dtype=float))
    return [(float(lat), float(lon)) for lat, lon in zip(lats, lons)]


def circle(lat, lon, radius_km, n: int = 128) -> list[tuple[float, float]]:
    """A closed ring of (lat, lon) points ``radius_km`` (geodesic) from the centre.

    ``n`` points at bearings 0, 360/n, ... degrees, then the first point again (n + 1 in all).
    Longitudes are continuous around the centre (they may pass +-180 near the antimeridian); a
    circle that encloses a pole is not a simple polygon in (lat, lon).
    """
    if n < 3:
        raise InputError(f"circle points n={n!r}: need at least 3")
    if not radius_km >= 0 or not math.isfinite(radius_km):
        raise InputError(f"circle radius {radius_km!r} km: must be a finite number >= 0")
    _check_latitudes(lat)
    bearings = np.arange(n) * (360.0 / n)
    lons, lats, _ = WGS84.fwd(
        np.full(n, float(lon)), np.full(n, float(lat)), bearings, np.full(n, radius_km * 1000.0)
    )
    lons = np.asarray(lons, dtype=float)
    lons = float(lon) + np.mod(lons - float(lon) + 180.0, 360.0) - 180.0
    ring = [(float(a), float(b)) for a, b in zip(lats, lons)]
    return ring + ring[:1]
