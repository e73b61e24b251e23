"""The Earth seen from space above a point (an orthographic globe), for the static map's inset.

Geometries go through a Lambert azimuthal equal-area projection on the sphere centred on the
point, which is finite everywhere but at the antipode, are cut to the visible hemisphere there
(a disk), and are then moved radially to where the orthographic projection puts them (both
projections are azimuthal about the same centre, so only the distance from it changes).
Coordinates are metres on a sphere of radius :data:`EARTH_RADIUS_M`, the centre at (0, 0).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer

__all__ = ["EARTH_RADIUS_M", "globe_geometries", "globe_points"]

EARTH_RADIUS_M = 6_371_000.0
_VISIBLE_DEG = 89.5  # the horizon, a little inside the true one so edges stay finite
_SEGMENT_DEG = 1.0  # edges longer than this are split before projecting


def _azimuthal(lat: float, lon: float) -> CRS:
    return CRS.from_proj4(f"+proj=laea +lat_0={lat} +lon_0={lon} +R={EARTH_RADIUS_M} +units=m +no_defs")


def _to_orthographic(coords: np.ndarray) -> np.ndarray:
    """Move equal-area azimuthal coordinates (n, 2) to orthographic ones about the same centre."""
    rho = np.hypot(coords[:, 0], coords[:, 1])
    angle = 2 * np.arcsin(np.clip(rho / (2 * EARTH_RADIUS_M), 0, 1))  # angular distance, radians
    factor = np.ones_like(rho)
    moved = rho > 0
    factor[moved] = EARTH_RADIUS_M * np.sin(angle[moved]) / rho[moved]
    return coords * factor[:, None]


def globe_geometries(frame: gpd.GeoDataFrame | gpd.GeoSeries, lat: float, lon: float) -> np.ndarray:
    """(lon, lat) geometries as seen on a globe centred on (``lat``, ``lon``) degrees.

    Returns an array of valid shapely geometries in globe metres; parts on the far side are gone.
    """
    antipode = shapely.box(lon + 179, -lat - 1, lon + 181, -lat + 1) if lon < 0 else shapely.box(
        lon - 181, -lat - 1, lon - 179, -lat + 1)
    geometries = np.asarray(frame.geometry.values if hasattr(frame, "geometry") else frame.values)
    geometries = shapely.difference(geometries, antipode)  # a polygon around the antipode would turn inside out
    geometries = shapely.segmentize(geometries, _SEGMENT_DEG)
    to_globe = Transformer.from_crs(4326, _azimuthal(lat, lon), always_xy=True)
    projected = shapely.transform(geometries, lambda xy: np.column_stack(to_globe.transform(xy[:, 0], xy[:, 1])))
    projected = shapely.make_valid(projected)
    horizon = 2 * EARTH_RADIUS_M * np.sin(np.radians(_VISIBLE_DEG) / 2)
    visible = shapely.intersection(projected, shapely.Point(0, 0).buffer(horizon, 128))
    visible = visible[~shapely.is_empty(visible)]
    return shapely.make_valid(shapely.transform(visible, _to_orthographic))


def globe_points(lats, lons, lat: float, lon: float) -> tuple[np.ndarray, np.ndarray]:
    """Points (degrees) on the globe centred on (``lat``, ``lon``), in globe metres (near side only)."""
    to_globe = Transformer.from_crs(4326, _azimuthal(lat, lon), always_xy=True)
    xs, ys = to_globe.transform(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
    moved = _to_orthographic(np.column_stack([xs, ys]))
    return moved[:, 0], moved[:, 1]
