"""The view (centre and zoom) that shows an extent on a Leaflet (Web Mercator) map of a given size.

Used to move an interactive map that is already drawn, e.g. to one claim or one route, without
building it again. Extents are (lon_min, lat_min, lon_max, lat_max) in degrees; sizes in CSS px.
"""

from __future__ import annotations

import math

__all__ = ["MAX_LATITUDE", "fit_view"]

MAX_LATITUDE = 85.05112878
"""The latitude (degrees) where the Web Mercator square ends."""

TILE_PX = 256
"""The world's width in px at zoom 0; it doubles with each zoom level."""


def _mercator_y(lat: float) -> float:
    """Web Mercator y of a latitude (degrees), in radians (0 at the equator)."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _latitude(y: float) -> float:
    """The latitude (degrees) of a Web Mercator y (radians)."""
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def fit_view(bounds: tuple[float, float, float, float], width_px: int, height_px: int, *,
             padding_top_left: tuple[int, int] = (24, 24), padding_bottom_right: tuple[int, int] = (24, 24),
             max_zoom: float = 11.0, zoom_step: float = 0.25) -> tuple[tuple[float, float], float]:
    """((lat, lon) of the map's centre in degrees, zoom) that shows ``bounds`` inside a map of
    ``width_px`` x ``height_px`` less the paddings ((x, y) px, as Leaflet's ``fitBounds``
    takes them), the extent centred in what is left. The zoom is rounded down to
    ``zoom_step`` and kept in 0..``max_zoom``."""
    lon_min, lat_min, lon_max, lat_max = bounds
    (left, top), (right, bottom) = padding_top_left, padding_bottom_right
    y_min, y_max = _mercator_y(lat_min), _mercator_y(lat_max)
    room_x = max(width_px - left - right, 1)
    room_y = max(height_px - top - bottom, 1)
    world_x = room_x * 360.0 / max(lon_max - lon_min, 1e-9)  # px the world would span to fit
    world_y = room_y * 2 * math.pi / max(y_max - y_min, 1e-9)
    zoom = math.log2(min(world_x, world_y) / TILE_PX)
    zoom = max(0.0, min(max_zoom, math.floor(zoom / zoom_step) * zoom_step))
    world_px = TILE_PX * 2**zoom
    # the extent's centre sits in the middle of the free area; the map's centre is off by half
    # the difference of the paddings
    shift_x, shift_y = (right - left) / 2, (bottom - top) / 2
    centre_lon = (lon_min + lon_max) / 2 + shift_x * 360.0 / world_px
    centre_y = (y_min + y_max) / 2 - shift_y * 2 * math.pi / world_px
    return (round(_latitude(centre_y), 5), round(centre_lon, 5)), zoom
