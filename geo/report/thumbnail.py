"""A small inline SVG map of one claim: the countries around it, both places, the measured line
and the stated-distance ring. No network, no fonts, no scripts: it prints as it shows.

The projection is equirectangular with longitudes scaled by the cosine of the map's middle
latitude, which keeps a region of a few thousand km legible; the map is a sketch for the reader,
the numbers come from geo.check. Coordinates are (lat, lon) degrees; shapely's are (lon, lat).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo.check import format_km
from geo.geodesy import circle, geodesic_points
from geo.maps.style import BORDER, INK, LAND, SEA, verdict_colour
from geo.model import Check

__all__ = ["MAP_WIDTH", "claim_map_caption", "claim_map_svg"]

MAP_WIDTH = 360  # px; the height follows the area shown, 200..360 px
_MIN_ASPECT, _MAX_ASPECT = 200 / MAP_WIDTH, 1.0
_MARGIN = 0.12  # share of the span added on every side
_MIN_SPAN_DEG = 1.0
_MAX_LAT = 85.0
_MAX_RING_KM = 10_000.0  # a larger ring wraps the globe and says nothing on a small map


@dataclass(frozen=True)
class _Frame:
    """A (lon_min, lat_min, lon_max, lat_max) window drawn into MAP_WIDTH x height px."""

    lon_min: float
    lat_min: float
    lon_max: float
    lat_max: float
    cos_lat: float

    @property
    def scale(self) -> float:
        """px per degree of latitude."""
        return MAP_WIDTH / ((self.lon_max - self.lon_min) * self.cos_lat)

    @property
    def height(self) -> float:
        return (self.lat_max - self.lat_min) * self.scale

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return ((lon - self.lon_min) * self.cos_lat * self.scale, (self.lat_max - lat) * self.scale)

    def project(self, coords: np.ndarray) -> np.ndarray:
        """(lon, lat) rows to (x, y) px rows."""
        x = (coords[:, 0] - self.lon_min) * self.cos_lat * self.scale
        y = (self.lat_max - coords[:, 1]) * self.scale
        return np.column_stack([x, y])


def _frame_around(latlons: list[tuple[float, float]]) -> _Frame:
    lats = np.clip([lat for lat, _ in latlons], -_MAX_LAT, _MAX_LAT)
    lons = np.array([lon for _, lon in latlons])
    lat_min, lat_max, lon_min, lon_max = lats.min(), lats.max(), lons.min(), lons.max()
    cos_lat = max(math.cos(math.radians((lat_min + lat_max) / 2)), 0.2)
    lat_pad = max((lat_max - lat_min) * _MARGIN, _MIN_SPAN_DEG / 2)
    lon_pad = max((lon_max - lon_min) * _MARGIN, _MIN_SPAN_DEG / 2 / cos_lat)
    lat_min, lat_max = lat_min - lat_pad, lat_max + lat_pad
    lon_min, lon_max = lon_min - lon_pad, lon_max + lon_pad
    width, height = (lon_max - lon_min) * cos_lat, lat_max - lat_min
    if height < width * _MIN_ASPECT:  # too flat: show more latitude
        extra = (width * _MIN_ASPECT - height) / 2
        lat_min, lat_max = lat_min - extra, lat_max + extra
    elif height > width * _MAX_ASPECT:  # too tall: show more longitude
        extra = (height / _MAX_ASPECT - width) / 2 / cos_lat
        lon_min, lon_max = lon_min - extra, lon_max + extra
    return _Frame(lon_min, max(lat_min, -90.0), lon_max, min(lat_max, 90.0), cos_lat)


def _land_in(frame: _Frame, countries) -> list[BaseGeometry]:
    """The country shapes inside the frame, copies shifted by 360 degrees where it passes +-180."""
    if countries is None or len(countries) == 0:
        return []
    geometries = np.asarray(countries.geometry.values)
    pieces = []
    for shift in (-360.0, 0.0, 360.0):
        box = shapely.box(frame.lon_min - shift, frame.lat_min, frame.lon_max - shift, frame.lat_max)
        hits = geometries[shapely.intersects(geometries, box)]
        for geometry in shapely.intersection(hits, box):
            if not geometry.is_empty:
                pieces.append(shapely.transform(geometry, lambda c, s=shift: c + [s, 0.0]))
    return pieces


def _path(geometry: BaseGeometry, frame: _Frame, tolerance_px: float = 0.6) -> str:
    """SVG path data ("M x y L ... Z") of a polygonal geometry in the frame's px."""
    projected = shapely.transform(geometry, frame.project)
    simplified = shapely.simplify(projected, tolerance_px)
    commands = []
    for polygon in shapely.get_parts(simplified):
        if polygon.geom_type != "Polygon":
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            coords = np.asarray(ring.coords)
            if len(coords) < 4:
                continue
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords[:-1])
            commands.append(f"M{points}Z")
    return "".join(commands)


def _polyline(latlons: list[tuple[float, float]], frame: _Frame) -> str:
    return " ".join("{:.1f},{:.1f}".format(*frame.xy(lat, lon)) for lat, lon in latlons)


def _draws_ring(check: Check) -> bool:
    """Whether the map draws the stated distance as a ring (a finite figure under 10,000 km)."""
    return bool(check.stated_km) and check.stated_km < _MAX_RING_KM


def claim_map_caption(check: Check) -> str:
    """What the claim's map shows, in words (its text alternative and caption)."""
    claim = check.claim
    words = f"{claim.subject.place.name} (dot) and {claim.anchor.place.name} (square)"
    if check.actual_km is not None:
        words += f"; the line is the measured geodesic, {format_km(check.actual_km)}"
    if _draws_ring(check):
        stated = format_km(check.stated_km)
        words += f"; the dashed ring is the stated {stated} around {claim.anchor.place.name}"
    return words + ". Countries: Natural Earth."


def claim_map_svg(check: Check, countries=None, environment=None) -> str:
    """An inline ``<svg>`` of one claim, or "" when its two places are not both resolved.

    ``countries`` is a GeoDataFrame of country polygons in EPSG:4326 (``Gazetteer.countries``);
    None draws sea only. ``environment`` is the report's autoescaping Jinja environment.
    """
    anchor, subject = check.claim.anchor.place, check.claim.subject.place
    if anchor is None or subject is None:
        return ""
    line = geodesic_points(anchor.lat, anchor.lon, subject.lat, subject.lon, n=48)
    ring = []
    if _draws_ring(check):
        ring = [
            (min(max(lat, -_MAX_LAT), _MAX_LAT), lon)
            for lat, lon in circle(anchor.lat, anchor.lon, check.stated_km, n=96)
        ]
    frame = _frame_around(line + ring)
    land = [p for p in (_path(g, frame) for g in _land_in(frame, countries)) if p]
    subject_xy = frame.xy(*line[-1])
    anchor_xy = frame.xy(*line[0])
    if environment is None:
        from geo.report.content import jinja_environment

        environment = jinja_environment(autoescape=True)
    return environment.get_template("claim_map.svg.j2").render(
        width=MAP_WIDTH,
        height=round(frame.height, 1),
        sea=SEA,
        land_colour=LAND,
        border=BORDER,
        ink=INK,
        verdict=verdict_colour(check.distance_verdict),
        land=land,
        ring=_polyline(ring, frame) if ring else "",
        line=_polyline(line, frame),
        anchor=(anchor.name, *anchor_xy, anchor_xy[0] > MAP_WIDTH * 0.65),
        subject=(subject.name, *subject_xy, subject_xy[0] > MAP_WIDTH * 0.65),
        label=claim_map_caption(check),
    )
