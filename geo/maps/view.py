"""The view (centre and zoom) that shows an extent on a Leaflet (Web Mercator) map of a given size.

Used to move an interactive map that is already drawn, e.g. to focus on one claim or route,
without building it again. Extents are (lon_min, lat_min, lon_max, lat_max) in degrees.
"""

from __future__ import annotations

import math

__all__ = ["MAX_LATITUDE", "fit_view"]

MAX_LATITUDE = 85.05112878
"""The latitude (degrees) where the Web Mercator square ends."""

TILE_PX = 256  # the world is 256 px wide at zoom 0


def _mercator_y(lat: float) -> float:
    """Web Mercator y of a latitude (degrees), in radians (0 at the equator)."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_view(bounds: tuple[float, float, float, float], width_px: int, height_px: int, *,
             padding_px: int = 24, max_zoom: float = 11.0, zoom_step: float = 0.25) -> tuple[tuple[float, float], float]:
    """((lat, lon) of the centre in degrees, zoom) that fits ``bounds`` in a map of
    ``width_px`` x ``height_px`` pixels with ``padding_px`` on each side, as Leaflet's
    ``fitBounds`` would; the zoom is rounded down to ``zoom_step`` and at most ``max_zoom``."""
    lon_min, lat_min, lon_max, lat_max = bounds
    y_min, y_max = _mercator_y(lat_min), _mercator_y(lat_max)
    width_share = max(lon_max - lon_min, 1e-9) / 360.0
    height_share = max(y_max - y_min, 1e-9) / (2 * math.pi)
    room_x = max(width_px - 2 * padding_px, 1)
    room_y = max(height_px - 2 * padding_px, 1)
    zoom = math.log2(min(room_x / (TILE_PX * width_share), room_y / (TILE_PX * height_share)))
    zoom = max(0.0, min(max_zoom, math.floor(zoom / zoom_step) * zoom_step))
    centre_lat = math.degrees(2 * math.atan(math.exp((y_min + y_max) / 2)) - math.pi / 2)
    return (round(centre_lat, 5), round((lon_min + lon_max) / 2, 5)), zoom
