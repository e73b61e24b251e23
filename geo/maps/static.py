"""The static locator map of a story (matplotlib, no pyplot): PNG, SVG or PDF for print.

A Lambert azimuthal equal-area projection centred on the map's extent (true to area, little
distortion of shape or scale over a region the size of a continent), Natural Earth land and
borders (1:10m for a region, 1:50m for more), the routes, the meetings and the places with
labels that don't collide, country names, a scale bar, an inset overview map with the extent's
rectangle, a title, a subtitle, a legend and the source line.

Which places get a point: meeting venues and the ends of routes always (with their labels),
other places inside the map only if their label fits; the places more sources mention get the
first pick of label positions. Regions and rivers get an italic label and no point.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import fontManager
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, PathPatch
from matplotlib.path import Path as MplPath
from pyproj import CRS, Transformer

from geo.errors import InputError
from geo.geodesy import circle, geodesic_points
from geo.maps import style
from geo.maps.basemap import NATURAL_EARTH_CREDIT, border_lines, clip_to, largest_part, scale_for
from geo.maps.globe import EARTH_RADIUS_M, globe_geometries, globe_points
from geo.maps.content import (
    drawable_checks,
    extent_bounds,
    format_date,
    format_km,
    mentioned_countries,
    parse_layers,
    places_on_map,
    route_latlons,
    route_lengths,
)
from geo.maps.labels import LabelPlacer
from geo.maps.output import atomic_target
from geo.model import Meeting, Story

__all__ = ["FORMATS", "STATIC_LAYERS", "projection_for", "render_static", "static_figure"]

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
"""File extensions :func:`render_static` writes, and their formats."""

STATIC_LAYERS = ("places", "routes", "meetings")
"""The layers drawn when none are chosen (claims only on request: rings clutter a print map)."""

SOURCE_CREDIT = "Sources: GeoNames (CC-BY 4.0), Natural Earth (public domain)"

_FIGURE_WIDTH_IN = 7.6
_SIDE_IN = 0.3
_MAP_WIDTH_IN = _FIGURE_WIDTH_IN - 2 * _SIDE_IN
_ASPECT_LIMITS = (0.62, 1.2)  # map height / width
_MARGIN = 0.09  # of the content's larger side, on every side
_MIN_HALF_SIZE_M = 40_000.0  # a map shows at least 80 km across
_MERGE_DISTANCE_M = 3_000.0  # a meeting venue and a place closer than this are one point
_HALO = [patheffects.withStroke(linewidth=2.4, foreground=style.HALO)]
_SCALE_STEPS = (1, 2, 2.5, 5)


def _font_family() -> str:
    available = {font.name for font in fontManager.ttflist}
    return next((f for f in ("Liberation Sans", "Arial", "Helvetica") if f in available), "DejaVu Sans")


_FONT = _font_family()


def _centre(bounds: tuple[float, float, float, float]) -> tuple[float, float]:
    """(lat, lon) of the middle of (lon_min, lat_min, lon_max, lat_max), rounded to 0.0001 degree."""
    lon_min, lat_min, lon_max, lat_max = bounds
    return round((lat_min + lat_max) / 2, 4), round((lon_min + lon_max) / 2, 4)


def projection_for(bounds: tuple[float, float, float, float]) -> CRS:
    """A Lambert azimuthal equal-area CRS (metres) centred on (lon_min, lat_min, lon_max, lat_max)."""
    lat0, lon0 = _centre(bounds)
    return CRS.from_proj4(f"+proj=laea +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m +no_defs")


def _edge_points(rect: tuple[float, float, float, float], n: int = 40) -> tuple[np.ndarray, np.ndarray]:
    x0, y0, x1, y1 = rect
    t = np.linspace(0, 1, n)
    xs = np.concatenate([x0 + (x1 - x0) * t, np.full(n, x1), x1 - (x1 - x0) * t, np.full(n, x0)])
    ys = np.concatenate([np.full(n, y0), y0 + (y1 - y0) * t, np.full(n, y1), y1 - (y1 - y0) * t])
    return xs, ys


def _lonlat_envelope(crs: CRS, rect: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The (lon, lat) box holding a projected rectangle, 1 degree wider, poles and antimeridian handled."""
    to_lonlat = Transformer.from_crs(crs, 4326, always_xy=True)
    to_map = Transformer.from_crs(4326, crs, always_xy=True)
    lons, lats = to_lonlat.transform(*_edge_points(rect))
    lon_min, lon_max = float(np.min(lons)) - 1, float(np.max(lons)) + 1
    lat_min, lat_max = float(np.min(lats)) - 1, float(np.max(lats)) + 1
    x0, y0, x1, y1 = rect
    for pole_lat in (90.0, -90.0):
        px, py = to_map.transform(0.0, pole_lat)
        if x0 <= px <= x1 and y0 <= py <= y1:
            lon_min, lon_max = -180.0, 180.0
            lat_min, lat_max = (lat_min, 90.0) if pole_lat > 0 else (-90.0, lat_max)
    if lon_max - lon_min > 180:  # the edge crossed the antimeridian: take every longitude
        lon_min, lon_max = -180.0, 180.0
    return (max(lon_min, -180.0), max(lat_min, -90.0), min(lon_max, 180.0), min(lat_max, 90.0))


def _frame(bounds, crs: CRS) -> tuple[float, float, float, float]:
    """The projected map rectangle (metres): the extent's box with margins, at a printable aspect."""
    lon_min, lat_min, lon_max, lat_max = bounds
    to_map = Transformer.from_crs(4326, crs, always_xy=True)
    xs, ys = to_map.transform(*_edge_points((lon_min, lat_min, lon_max, lat_max)))
    x0, x1, y0, y1 = np.min(xs), np.max(xs), np.min(ys), np.max(ys)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w = max((x1 - x0) / 2, _MIN_HALF_SIZE_M)
    half_h = max((y1 - y0) / 2, _MIN_HALF_SIZE_M)
    margin = _MARGIN * 2 * max(half_w, half_h)
    half_w, half_h = half_w + margin, half_h + margin
    aspect = min(max(half_h / half_w, _ASPECT_LIMITS[0]), _ASPECT_LIMITS[1])
    if half_h / half_w < aspect:
        half_h = half_w * aspect
    else:
        half_w = half_h / aspect
    return (cx - half_w, cy - half_h, cx + half_w, cy + half_h)


def _projected(frame, envelope, crs: CRS):
    """Geometries cut to a (lon, lat) envelope and projected to ``crs``; polygons made valid again."""
    projected = clip_to(frame, envelope).to_crs(crs)
    if isinstance(projected, gpd.GeoDataFrame):
        projected = projected.set_geometry(shapely.make_valid(projected.geometry.values), crs=crs)
    return projected


def _path_of(geometries) -> MplPath | None:
    """One matplotlib path of every polygon ring (holes included) of projected geometries."""
    rings = []
    for geometry in geometries:
        for polygon in shapely.get_parts(shapely.orient_polygons(geometry)):
            if polygon.geom_type != "Polygon" or polygon.is_empty:
                continue
            for ring in (polygon.exterior, *polygon.interiors):
                rings.append(MplPath(np.asarray(ring.coords), closed=True))
    return MplPath.make_compound_path(*rings) if rings else None


def _segments_of(geometries) -> list[np.ndarray]:
    lines = shapely.get_parts(np.asarray(list(geometries), dtype=object))
    return [np.asarray(line.coords) for line in lines if line.geom_type == "LineString" and not line.is_empty]


def _project(transformer: Transformer, latlons) -> tuple[np.ndarray, np.ndarray]:
    lats, lons = np.asarray(latlons, dtype=float).reshape(-1, 2).T
    return transformer.transform(lons, lats)


def _dashes(pattern: str | None, linewidth: float):
    """A matplotlib line style from an SVG dash pattern in px (dashes scale with the line width)."""
    if not pattern:
        return "-"
    return (0, tuple(float(v) * 0.75 / linewidth for v in pattern.split()))


def _nice_length_km(target_km: float) -> float:
    magnitude = 10 ** math.floor(math.log10(target_km))
    return max(step * magnitude for step in _SCALE_STEPS if step * magnitude <= target_km)


def _short_date(iso: str) -> str:
    words = format_date(iso)
    for month in ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"):
        words = words.replace(month, month[:3])
    return words


@dataclass
class _Point:
    """A point of the map: a place, a meeting venue or a route end, with what its label says."""

    name: str
    lat: float
    lon: float
    x: float = 0.0
    y: float = 0.0
    group: str = "settlement"
    sources: int = 0
    population: int = 0
    required: bool = False
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def detail(self) -> str:
        """The meetings held (or planned) here, a line each, oldest first."""
        return "\n".join(f"{m.title}, {_short_date(m.date)}" for m in sorted(self.meetings, key=lambda m: m.date))

    @property
    def radius_pt(self) -> float:
        if self.meetings:
            return 6.0
        return min(6.0, 2.2 + 0.8 * max(self.sources, 1))


def _points(story: Story, layers: tuple[str, ...], to_map: Transformer, rect) -> list[_Point]:
    """The points to draw inside the map, merged where a venue, a route end and a place meet."""
    x0, y0, x1, y1 = rect
    points: list[_Point] = []

    def add(point: _Point) -> _Point:
        point.x, point.y = to_map.transform(point.lon, point.lat)
        if not (x0 <= point.x <= x1 and y0 <= point.y <= y1):
            return point
        for other in points:
            if math.hypot(other.x - point.x, other.y - point.y) < _MERGE_DISTANCE_M:
                other.required |= point.required
                other.meetings += point.meetings
                other.sources = max(other.sources, point.sources)
                return other
        points.append(point)
        return point

    if "meetings" in layers:
        for meeting in story.meetings:
            add(_Point(meeting.venue, meeting.lat, meeting.lon, required=True, meetings=[meeting]))
    if "routes" in layers:
        for route in story.routes:
            for end in (route.waypoints[0], route.waypoints[-1]) if route.waypoints else ():
                add(_Point(end.name, end.lat, end.lon, required=True))
    if "places" in layers:
        for place in places_on_map(story):
            p = place.place
            add(_Point(p.name, p.lat, p.lon, group=style.place_group(p.kind), sources=place.sources,
                       population=p.population))
    return sorted(points, key=lambda p: (not p.required, -p.sources, -p.population, p.name))


class _StaticMap:
    """Builds the figure; one instance per map."""

    def __init__(self, story: Story, extent, title, subtitle, layers, gazetteer, dpi: int):
        self.story = story
        self.layers = parse_layers(layers) if layers is not None else STATIC_LAYERS
        self.bounds = extent_bounds(story, extent, self.layers)
        self.crs = projection_for(self.bounds)
        self.centre = _centre(self.bounds)
        self.to_map = Transformer.from_crs(4326, self.crs, always_xy=True)
        self.rect = _frame(self.bounds, self.crs)
        self.envelope = _lonlat_envelope(self.crs, self.rect)
        self.gazetteer = gazetteer
        self.title = title if title is not None else "Places, routes and meetings of the story"
        self.subtitle = subtitle if subtitle is not None else self._default_subtitle()
        x0, y0, x1, y1 = self.rect
        self.map_height_in = _MAP_WIDTH_IN * (y1 - y0) / (x1 - x0)
        self.figure = Figure(figsize=(_FIGURE_WIDTH_IN, self.map_height_in + 2), dpi=dpi)
        FigureCanvasAgg(self.figure)
        self.renderer = self.figure.canvas.get_renderer()
        self.axes = self.figure.add_axes((0, 0, 1, 1))

    def _default_subtitle(self) -> str:
        documents = self.story.documents
        dates = sorted(d.date for d in documents if d.date)
        span = ""
        if dates:
            first, last = format_date(dates[0]), format_date(dates[-1])
            span = f", published {first}" if first == last else f", published {first} to {last}"
        count = len(documents)
        return f"As told by {count} article{'s' if count != 1 else ''}{span}"

    # --- text and layout -----------------------------------------------------------------

    def _text_height_in(self, artist) -> float:
        return artist.get_window_extent(self.renderer).height / self.figure.dpi

    def _layout(self) -> None:
        """Stack title, subtitle, legend, map and source line; size the figure to hold them."""
        fig = self.figure
        inches = fig.dpi_scale_trans
        chars = int(_MAP_WIDTH_IN * 72 / (9.5 * 0.5))
        title = fig.text(0, 0, self.title, fontsize=15, fontweight="bold", color=style.INK,
                         family=_FONT, va="top", transform=inches)
        subtitle = fig.text(0, 0, textwrap.fill(self.subtitle, chars), fontsize=9.5, color=style.MUTED_INK,
                            family=_FONT, va="top", transform=inches, linespacing=1.3)
        handles = self._legend_handles()
        legend = None
        if handles:
            legend = fig.legend(
                handles=handles, loc="upper left", frameon=False, ncol=1, fontsize=8,
                prop={"family": _FONT, "size": 8}, handlelength=2.6, borderaxespad=0,
                borderpad=0, labelspacing=0.35, bbox_transform=inches, bbox_to_anchor=(0, 0),
            )
        source = fig.text(0, 0, textwrap.fill(self._source_line(), int(_MAP_WIDTH_IN * 72 / (7 * 0.5))),
                          fontsize=7, color=style.MUTED_INK, family=_FONT, va="top",
                          transform=inches, linespacing=1.3)
        heights = [self._text_height_in(a) for a in (title, subtitle, source)]
        legend_in = self._text_height_in(legend) if legend else 0.0
        top_pad, gap = 0.22, 0.1
        header = top_pad + heights[0] + 0.06 + heights[1] + (gap + legend_in if legend else 0) + 0.16
        footer = 0.1 + heights[2] + 0.16
        total = header + self.map_height_in + footer
        fig.set_size_inches(_FIGURE_WIDTH_IN, total)
        y = total - top_pad
        title.set_position((_SIDE_IN, y))
        y -= heights[0] + 0.06
        subtitle.set_position((_SIDE_IN, y))
        y -= heights[1] + gap
        if legend:
            legend.set_bbox_to_anchor((_SIDE_IN, y), transform=inches)
        source.set_position((_SIDE_IN, footer - 0.1))
        self.axes.set_position((_SIDE_IN / _FIGURE_WIDTH_IN, footer / total,
                                _MAP_WIDTH_IN / _FIGURE_WIDTH_IN, self.map_height_in / total))

    def _source_line(self) -> str:
        credits = [SOURCE_CREDIT.replace("Natural Earth (public domain)", NATURAL_EARTH_CREDIT)]
        if {"routes", "meetings"} & set(self.layers) and (self.story.routes or self.story.meetings):
            published = sorted({r.published_source for r in self.story.routes if r.published_source})
            routes = "routes and meetings: data/routes"
            if published:
                routes += f" (published lengths: {'; '.join(published)})"
            credits.append(routes)
        return "; ".join(credits) + "."

    def _legend_handles(self) -> list:
        handles = []
        if "routes" in self.layers:
            for index, route in enumerate(self.story.routes):
                if not route.waypoints:
                    continue
                handles.append(Line2D(
                    [], [], color=style.route_colour(index), linewidth=2.2,
                    linestyle=_dashes(style.route_dashes(route.mode, route.status), 2.2),
                    label=f"{route.name} – {route_lengths(route)}",
                ))
        if "meetings" in self.layers and self.story.meetings:
            handles.append(Line2D([], [], linestyle="none", marker="*", markersize=11, color=style.MEETING,
                                  markeredgecolor=style.HALO, markeredgewidth=0.6, label="Meeting: venue, what, when"))
        if "places" in self.layers:
            handles.append(Line2D([], [], linestyle="none", marker="o", markersize=5, color=style.INK,
                                  markeredgecolor=style.HALO, markeredgewidth=0.6,
                                  label="Place named in the articles (larger: named by more of them)"))
        if "claims" in self.layers and drawable_checks(self.story):
            for verdict in sorted({c.distance_verdict for _, c in drawable_checks(self.story)}):
                handles.append(Line2D([], [], color=style.verdict_colour(verdict), linewidth=1.6,
                                      label=f"Distance claim, {verdict}: measured line, stated ring"))
        return handles

    # --- the map -------------------------------------------------------------------------

    def _basemap(self) -> None:
        ax = self.axes
        x0, y0, x1, y1 = self.rect
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect("equal", adjustable="box")
        ax.set_facecolor(style.SEA)
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_edgecolor("#9a9a9a")
            spine.set_linewidth(0.6)
        scale = scale_for(self.envelope)
        countries = _projected(self.gazetteer.countries(scale), self.envelope, self.crs)
        named = set(mentioned_countries(self.story))
        for colour, chosen in ((style.LAND, ~countries["iso2"].isin(named)),
                               (style.LAND_MENTIONED, countries["iso2"].isin(named))):
            path = _path_of(countries.geometry[chosen])
            if path is not None:
                ax.add_patch(PathPatch(path, facecolor=colour, edgecolor="none", zorder=1))
        borders = _projected(border_lines(self.gazetteer, scale), self.envelope, self.crs)
        ax.add_collection(LineCollection(_segments_of(borders), colors=style.BORDER, linewidths=0.6,
                                         capstyle="round", joinstyle="round", zorder=2))
        self.countries_in_view = countries

    def _routes(self) -> None:
        for index, route in enumerate(self.story.routes):
            if len(route.waypoints) < 2:
                continue
            xs, ys = _project(self.to_map, route_latlons(route))
            width = 2.2
            self.axes.plot(
                xs, ys, color=style.route_colour(index), linewidth=width, solid_capstyle="round",
                dash_capstyle="round", linestyle=_dashes(style.route_dashes(route.mode, route.status), width),
                zorder=4, path_effects=[patheffects.Stroke(linewidth=width + 1.6, foreground=style.HALO, alpha=0.8),
                                        patheffects.Normal()],
            )

    def _claims(self) -> None:
        for _, check in drawable_checks(self.story):
            anchor, subject = check.claim.anchor.place, check.claim.subject.place
            colour = style.verdict_colour(check.distance_verdict)
            if check.stated_km:
                xs, ys = _project(self.to_map, circle(anchor.lat, anchor.lon, check.stated_km, n=180))
                self.axes.plot(xs, ys, color=colour, linewidth=1.0, linestyle=(0, (4, 3)), zorder=3)
            xs, ys = _project(self.to_map, geodesic_points(anchor.lat, anchor.lon, subject.lat, subject.lon, 48))
            self.axes.plot(xs, ys, color=colour, linewidth=1.4, zorder=3)

    def _corner_furniture(self, points: list[_Point], placer: LabelPlacer) -> None:
        """The inset overview in the emptiest top corner, the scale bar in a bottom corner."""
        x0, y0, x1, y1 = self.rect
        width, height = x1 - x0, y1 - y0
        size = 0.24 * min(width, height * 1.4)
        corners = {
            "top right": (x1 - size, y1 - size),
            "top left": (x0, y1 - size),
            "bottom right": (x1 - size, y0),
            "bottom left": (x0, y0),
        }

        def crowding(corner: str) -> int:
            cx, cy = corners[corner]
            return sum(1 for p in points if cx <= p.x <= cx + size and cy <= p.y <= cy + size)

        inset_corner = min(corners, key=crowding)
        self._inset(corners[inset_corner], size, placer)
        scale_side = "right" if inset_corner == "bottom left" else "left"
        self._scale_bar(scale_side, placer)

    def _inset(self, origin, size: float, placer: LabelPlacer) -> None:
        """A globe centred on the map, the map's rectangle outlined on it."""
        box = self.axes.transData.transform([origin, (origin[0] + size, origin[1] + size)])
        (left, bottom), (right, top) = self.figure.transFigure.inverted().transform(box)
        inset = self.figure.add_axes((left, bottom, right - left, top - bottom))
        inset.set_axis_off()
        inset.set_aspect("equal", adjustable="box")
        limit = EARTH_RADIUS_M * 1.04
        inset.set_xlim(-limit, limit)
        inset.set_ylim(-limit, limit)
        inset.add_patch(Circle((0, 0), EARTH_RADIUS_M * 1.03, facecolor=style.HALO, edgecolor="none"))
        inset.add_patch(Circle((0, 0), EARTH_RADIUS_M, facecolor=style.SEA, edgecolor="#8a8a8a", linewidth=0.6))
        lat0, lon0 = self.centre
        path = _path_of(globe_geometries(self.gazetteer.countries("50m"), lat0, lon0))
        if path is not None:
            inset.add_patch(PathPatch(path, facecolor="#cfc8ba", edgecolor="none"))
        to_lonlat = Transformer.from_crs(self.crs, 4326, always_xy=True)
        lons, lats = to_lonlat.transform(*_edge_points(self.rect, 20))
        xs, ys = globe_points(lats, lons, lat0, lon0)
        inset.fill(xs, ys, facecolor="none", edgecolor=style.MEETING, linewidth=1.1, zorder=3)
        if max(np.ptp(xs), np.ptp(ys)) < 0.08 * EARTH_RADIUS_M:  # too small to see: ring it
            inset.add_patch(Circle((0, 0), 0.09 * EARTH_RADIUS_M, facecolor="none", edgecolor=style.MEETING,
                                   linewidth=1.1, zorder=3))
        placer.block(inset.get_window_extent(self.renderer).padded(4))

    def _scale_bar(self, side: str, placer: LabelPlacer) -> None:
        x0, y0, x1, y1 = self.rect
        width = x1 - x0
        length_km = _nice_length_km(0.2 * width / 1000)
        length = length_km * 1000
        margin = 0.035 * width
        start = x0 + margin if side == "left" else x1 - margin - length
        y = y0 + 0.045 * (y1 - y0)
        ax = self.axes
        bar = ax.plot([start, start + length], [y, y], color=style.INK, linewidth=2.2, solid_capstyle="butt",
                      zorder=8, path_effects=[patheffects.Stroke(linewidth=4.4, foreground=style.HALO),
                                              patheffects.Normal()])[0]
        ax.plot([start + length / 2] * 2, [y, y], color=style.HALO, linewidth=1.2, zorder=8)
        label = ax.annotate(format_km(length_km).replace(".0 km", " km"), (start + length / 2, y),
                            xytext=(0, 4), textcoords="offset points", ha="center", va="bottom",
                            fontsize=7.5, color=style.INK, family=_FONT, zorder=8, path_effects=_HALO)
        for artist in (bar, label):
            placer.block(artist.get_window_extent(self.renderer).padded(3))

    def _country_labels(self, placer: LabelPlacer) -> None:
        x0, y0, x1, y1 = self.rect
        frame = shapely.box(x0, y0, x1, y1)
        visible = self.countries_in_view.geometry.intersection(frame)
        areas = visible.area / frame.area
        for index in np.argsort(-areas.values):
            if areas.values[index] < 0.012:
                break
            name = self.countries_in_view["name"].values[index]
            point = largest_part(visible.values[index]).representative_point()
            placer.place(point.x, point.y, name.upper(), 0, candidates=((0, 0, "center", "center"),),
                         fontsize=7.5, color=style.MUTED_INK, family=_FONT, zorder=5,
                         fontweight="normal", path_effects=_HALO)

    def _draw_points(self, points: list[_Point], placer: LabelPlacer) -> None:
        ax = self.axes
        for point in points:
            if point.group != "area" or point.meetings or point.required:
                placer.block_point(point.x, point.y, point.radius_pt)
        for point in points:
            if point.group == "area" and not point.meetings and not point.required:
                label = placer.place(point.x, point.y, point.name, 0, candidates=((0, 0, "center", "center"),),
                                     fontsize=7.5, style="italic", color=style.MUTED_INK, family=_FONT,
                                     zorder=6, path_effects=_HALO)
                continue
            bold = point.meetings or point.group == "capital"
            label = placer.place(
                point.x, point.y, point.name, point.radius_pt + 2.5, required=point.required,
                detail=point.detail, detail_style={"fontsize": 7, "fontweight": "normal", "color": style.MUTED_INK},
                fontsize=8.5 if bold else 8, fontweight="bold" if bold else "normal",
                color=style.INK, family=_FONT, zorder=7, path_effects=_HALO, linespacing=1.2,
            )
            if label is None:
                continue
            if point.meetings:
                ax.plot(point.x, point.y, marker="*", markersize=2 * point.radius_pt + 2, color=style.MEETING,
                        markeredgecolor=style.HALO, markeredgewidth=0.8, zorder=6, linestyle="none")
            else:
                colour = style.INK if point.group in ("capital", "settlement") else style.PLACE_GROUP_COLOURS["site"]
                ax.plot(point.x, point.y, marker="o", markersize=2 * point.radius_pt, color=colour,
                        markeredgecolor=style.HALO, markeredgewidth=0.8, zorder=6, linestyle="none")
                if point.group == "capital":
                    ax.plot(point.x, point.y, marker="o", markersize=2 * point.radius_pt * 0.45,
                            color=style.HALO, zorder=6, linestyle="none")

    def build(self) -> Figure:
        self._layout()
        self._basemap()
        if "claims" in self.layers:
            self._claims()
        if "routes" in self.layers:
            self._routes()
        points = _points(self.story, self.layers, self.to_map, self.rect)
        placer = LabelPlacer(self.axes, self.renderer)
        self._corner_furniture(points, placer)
        self._draw_points(points, placer)
        self._country_labels(placer)
        return self.figure


def static_figure(story: Story, *, extent: str | None = None, title: str | None = None,
                  subtitle: str | None = None, layers=None, gazetteer=None, dpi: int = 300) -> Figure:
    """The static map of ``story`` as a matplotlib Figure (Agg canvas, no pyplot).

    ``extent``: None (the whole story), "bbox:lon_min,lat_min,lon_max,lat_max", "claim:N" or
    "route:ID" (see ``geo.maps.content.extent_bounds``). ``layers``: which of "places",
    "routes", "meetings", "claims" to draw; default :data:`STATIC_LAYERS`. ``title`` and
    ``subtitle`` default to a description of the story; ``dpi`` is the resolution the labels
    are fitted at (and the PNG is written at).
    """
    if gazetteer is None:
        from geo.gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    return _StaticMap(story, extent, title, subtitle, layers, gazetteer, dpi).build()


def render_static(story: Story, path: str | Path, *, extent: str | None = None, title: str | None = None,
                  subtitle: str | None = None, layers=None, dpi: int = 300, gazetteer=None) -> Path:
    """Write the static map of ``story`` to ``path`` (.png, .svg or .pdf, atomically); return it.

    PNG is written at ``dpi`` dots per inch (300 by default; the map is 7.6 inches wide);
    SVG and PDF are vector. See :func:`static_figure` for the other arguments. Raises
    ``InputError`` for another extension.
    """
    target = Path(path)
    file_format = FORMATS.get(target.suffix.lower())
    if file_format is None:
        raise InputError(f"{target}: static maps are written as {', '.join(FORMATS)}")
    figure = static_figure(story, extent=extent, title=title, subtitle=subtitle, layers=layers,
                           gazetteer=gazetteer, dpi=dpi)
    with atomic_target(target) as temporary:
        figure.savefig(temporary, format=file_format, dpi=dpi, facecolor="white")
    return target
