"""A small inline SVG map of one claim: the countries around it, both places, the measured line
and the stated-distance ring. No network, no fonts to load, no scripts: it prints as it shows.

The projection is the static map's (:func:`geo.maps.static.projection_for`): Lambert azimuthal
equal-area centred on the claim, so the stated-distance ring is drawn as the near-circle it is.
The map is a sketch for the reader; the numbers come from geo.check. Coordinates are (lat, lon)
degrees; shapely's and pyproj's (always_xy) are (lon, lat).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from geo import explain
from geo.explain import format_km
from geo.geodesy import circle, geodesic_points
from geo.maps.content import search_rings
from geo.maps.static import fit_rectangle, projection_for
from geo.maps.style import BORDER, INK, LAND, SEA, verdict_colour
from geo.model import Check

__all__ = ["MAP_WIDTH", "claim_map_caption", "claim_map_svg"]

MAP_WIDTH = 360  # px; the height follows the area shown, 200..360 px
_ASPECT_LIMITS = (200 / MAP_WIDTH, 1.0)  # height / width
_MARGIN = 0.12  # share of the content's larger side added on every side
_MIN_HALF_SIZE_M = 20_000.0  # a map shows at least 40 km across
_MAX_LAT = 89.0
_MAX_RING_KM = 10_000.0  # a larger ring wraps the globe and says nothing on a small map
_CANDIDATES_DRAWN = 10  # candidates drawn on a search area's map
_CANDIDATES_NAMED = 3  # of them, named (the others numbered)
_LABEL_FLIP_X = MAP_WIDTH * 0.65  # a point right of this has its label on its left
_ENVELOPE_PAD = 0.5  # share of the content's span (degrees) the land is cut wider than the map


@dataclass(frozen=True)
class _Frame:
    """A projected rectangle (metres, ``crs``) drawn into MAP_WIDTH px across."""

    to_map: Transformer
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def scale(self) -> float:
        """px per metre."""
        return MAP_WIDTH / (self.x1 - self.x0)

    @property
    def height(self) -> float:
        return (self.y1 - self.y0) * self.scale

    def px(self, xs, ys) -> np.ndarray:
        """Projected metres to (x, y) px rows, y downwards."""
        xs, ys = np.asarray(xs), np.asarray(ys)
        return np.column_stack([(xs - self.x0) * self.scale, (self.y1 - ys) * self.scale])

    def lonlat_to_px(self, coords: np.ndarray) -> np.ndarray:
        """(lon, lat) rows to (x, y) px rows."""
        return self.px(*self.to_map.transform(coords[:, 0], coords[:, 1]))


def _frame_around(latlons: list[tuple[float, float]]) -> _Frame:
    lats = np.array([lat for lat, _ in latlons])
    lons = np.array([lon for _, lon in latlons])
    crs = projection_for((lons.min(), lats.min(), lons.max(), lats.max()))
    to_map = Transformer.from_crs(4326, crs, always_xy=True)
    xs, ys = to_map.transform(lons, lats)
    return _Frame(to_map, *fit_rectangle(xs, ys, margin=_MARGIN, min_half_size_m=_MIN_HALF_SIZE_M,
                                         aspect_limits=_ASPECT_LIMITS))


def _land_in(latlons: list[tuple[float, float]], countries) -> list[BaseGeometry]:
    """The country shapes around the points, cut in (lon, lat) wider than the map will show.

    Longitudes of the points may run past +-180 (a claim across the antimeridian); the
    countries are then also cut with the box shifted by 360 degrees.
    """
    if countries is None or len(countries) == 0:
        return []
    lats = [lat for lat, _ in latlons]
    lons = [lon for _, lon in latlons]
    pad_lat = (max(lats) - min(lats)) * _ENVELOPE_PAD + 2.0
    pad_lon = (max(lons) - min(lons)) * _ENVELOPE_PAD + 4.0
    box = (min(lons) - pad_lon, max(min(lats) - pad_lat, -_MAX_LAT),
           max(lons) + pad_lon, min(max(lats) + pad_lat, _MAX_LAT))  # fmt: skip
    geometries = np.asarray(countries.geometry.values)
    pieces = []
    for shift in (-360.0, 0.0, 360.0):
        window = shapely.box(box[0] - shift, box[1], box[2] - shift, box[3])
        hits = geometries[shapely.intersects(geometries, window)]
        pieces += [g for g in shapely.intersection(hits, window) if not g.is_empty]
    return pieces


def _path(geometry: BaseGeometry, frame: _Frame, tolerance_px: float = 0.6) -> str:
    """SVG path data ("M x,y x,y ... Z") of a polygonal (lon, lat) geometry, cut to the map."""
    drawn = shapely.transform(geometry, frame.lonlat_to_px)
    drawn = shapely.clip_by_rect(shapely.make_valid(drawn), -2, -2, MAP_WIDTH + 2, frame.height + 2)
    commands = []
    for polygon in shapely.get_parts(shapely.simplify(drawn, tolerance_px)):
        if polygon.geom_type != "Polygon":
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            coords = np.asarray(ring.coords)
            if len(coords) >= 4:
                commands.append("M" + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords[:-1]) + "Z")
    return "".join(commands)


def _polyline(latlons: list[tuple[float, float]], frame: _Frame) -> str:
    coords = np.array([(lon, lat) for lat, lon in latlons])
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in frame.lonlat_to_px(coords))


def _draws_ring(check: Check) -> bool:
    """Whether the map draws the stated distance as a ring (a finite figure under 10,000 km)."""
    return bool(check.stated_km) and check.stated_km < _MAX_RING_KM


def claim_map_caption(check: Check) -> str:
    """What the claim's map shows, in words (its text alternative and caption)."""
    claim = check.claim
    if claim.subject.place is None:
        return explain.search_map_caption(check) + " Countries: Natural Earth."
    words = f"{claim.subject.place.name} (dot) and {claim.anchor.place.name} (square)"
    if check.actual_km is not None:
        words += f"; the line is the measured geodesic, {format_km(check.actual_km)}"
    if _draws_ring(check):
        stated = format_km(check.stated_km)
        words += f"; the dashed ring is the stated {stated} around {claim.anchor.place.name}"
    return words + ". Countries: Natural Earth."


def _area_path(check: Check, frame: _Frame) -> str:
    """SVG path data of the search area: one or two closed rings (a hole is drawn even-odd)."""
    commands = []
    for ring in search_rings(check.search_area, 96):
        coords = np.array([(lon, lat) for lat, lon in ring])
        commands.append("M" + " ".join(f"{x:.1f},{y:.1f}" for x, y in frame.lonlat_to_px(coords)[:-1]) + "Z")
    return "".join(commands)


def claim_map_svg(check: Check, countries=None, environment=None) -> str:
    """An inline ``<svg>`` of one claim, or "" when a map cannot draw it.

    Both places: the measured line and the stated ring. An unplaced subject with a search area
    (``Check.search_area``): the ring or sector where it could be, with the candidates numbered
    best first. ``countries`` is a GeoDataFrame of country polygons in EPSG:4326
    (``Gazetteer.countries``); None draws sea only. ``environment`` is the report's
    autoescaping Jinja environment.
    """
    anchor, subject = check.claim.anchor.place, check.claim.subject.place
    if anchor is None or (subject is None and check.search_area is None):
        return ""
    line, ring, area_points = [], [], []
    if subject is not None:
        line = geodesic_points(anchor.lat, anchor.lon, subject.lat, subject.lon, n=48)
        if _draws_ring(check):
            ring = [(min(max(lat, -_MAX_LAT), _MAX_LAT), lon)
                    for lat, lon in circle(anchor.lat, anchor.lon, check.stated_km, n=96)]
    else:
        area_points = [(anchor.lat, anchor.lon)] + [p for r in search_rings(check.search_area, 48) for p in r]
    content = line + ring + area_points
    frame = _frame_around(content)
    land = [p for p in (_path(g, frame) for g in _land_in(content, countries)) if p]
    points = [(anchor.lat, anchor.lon)] + ([(subject.lat, subject.lon)] if subject is not None else [])
    places = frame.lonlat_to_px(np.array([(lon, lat) for lat, lon in points])).tolist()
    names = [anchor.name] + ([subject.name] if subject is not None else [])
    ends = [(name, x, y, x > _LABEL_FLIP_X) for name, (x, y) in zip(names, places)]
    candidates = []
    if subject is None and check.candidates:
        fits = check.candidates[:_CANDIDATES_DRAWN]
        spots = frame.lonlat_to_px(np.array([(f.place.lon, f.place.lat) for f in fits])).tolist()
        candidates = [(f"{rank}. {fit.place.name}" if rank <= _CANDIDATES_NAMED else str(rank), x, y,
                       x > _LABEL_FLIP_X) for rank, (fit, (x, y)) in enumerate(zip(fits, spots), start=1)]
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
        verdict=verdict_colour(explain.headline(check)),
        land=land,
        ring=_polyline(ring, frame) if ring else "",
        line=_polyline(line, frame) if line else "",
        area=_area_path(check, frame) if subject is None else "",
        ends=ends,
        candidates=candidates,
        label=claim_map_caption(check),
    )
