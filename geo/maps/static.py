"""The static locator map of a story (matplotlib, no pyplot): PNG, SVG or PDF for print.

A Lambert azimuthal equal-area projection centred on the map's extent (true to area, little
distortion of shape or scale over a region the size of a continent), Natural Earth land and
borders (1:10m for a region, 1:50m for more), the routes, the meetings and the places with
labels that don't collide, country names, a scale bar, an inset globe with the map's outline,
a title, a subtitle, a legend and the source line.

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
import matplotlib
import numpy as np
import shapely
import shapely.ops
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, PathPatch, Patch
from matplotlib.path import Path as MplPath
from matplotlib.textpath import TextToPath
from matplotlib.transforms import Bbox
from pyproj import CRS, Transformer

from geo.errors import InputError
from geo import explain
from geo.geodesy import circle, geodesic_points
from geo.gazetteer.layers import OSM_TRACK_CREDIT
from geo.maps import style
from geo.maps.style import FORMATS, STATIC_LAYERS, check_dpi
from geo.maps.basemap import (
    GEONAMES_CREDIT,
    NATURAL_EARTH_CREDIT,
    border_lines,
    clip_to,
    largest_part,
    scale_for,
)
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
    search_rings,
)
from geo.maps.globe import EARTH_RADIUS_M, globe_geometries, globe_points
from geo.maps.labels import LabelPlacer
from geo.maps.output import atomic_target, check_folder
from geo.model import Meeting, Story
from geo.records import document_name
from geo.verdicts import DistanceVerdict

__all__ = ["FORMATS", "STATIC_LAYERS", "projection_for", "render_static", "static_figure"]

"""File extensions :func:`render_static` writes, and their formats."""

"""The layers drawn when none are chosen (claims only on request, or on a map of one claim:
rings clutter a print map)."""

SOURCE_CREDIT = f"Sources: {GEONAMES_CREDIT}, {NATURAL_EARTH_CREDIT}"

_FIGURE_WIDTH_IN = 7.6
_SIDE_IN = 0.3
_MAP_WIDTH_IN = _FIGURE_WIDTH_IN - 2 * _SIDE_IN
_ASPECT_LIMITS = (0.62, 1.2)  # map height / width
_MARGIN = 0.09  # of the content's larger side, on every side
_MIN_HALF_SIZE_M = 40_000.0  # a map shows at least 80 km across
_MERGE_PT = 3.0  # places, venues and route ends closer than this on paper are one point
_HALO = [patheffects.withStroke(linewidth=2.4, foreground=style.HALO)]
_SCALE_STEPS = (1, 2, 2.5, 5)
_LEGEND_WIDTH_EM = 26.5  # ems of the legend's font a line of a two-column legend entry holds
_WRAP_SLACK = 1.17  # lines are broken a little short of the width the average character gives
_SAMPLE = "A night train from the capital to the coast, about 1,060 km along the line (published)"


def _font_family() -> str:
    available = {font.name for font in fontManager.ttflist}
    return next((f for f in ("Liberation Sans", "Arial", "Helvetica") if f in available), "DejaVu Sans")


def _em_per_char(family: str) -> float:
    """The average width of a character of running text set in ``family``, in ems.

    Measured rather than assumed, so that text is wrapped to the page whichever font the machine
    has (DejaVu Sans is about 12 % wider than Liberation Sans).
    """
    width, _, _ = TextToPath().get_text_width_height_descent(
        _SAMPLE, FontProperties(family=family, size=10), ismath=False)
    return width / len(_SAMPLE) / 10


_FONT = _font_family()
_EM_PER_CHAR = _em_per_char(_FONT)
_LEGEND_CHARS = int(_LEGEND_WIDTH_EM / _EM_PER_CHAR)  # characters a line of a legend entry holds


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
    to_map = Transformer.from_crs(4326, crs, always_xy=True)
    xs, ys = to_map.transform(*_edge_points(bounds))
    return fit_rectangle(xs, ys, margin=_MARGIN, min_half_size_m=_MIN_HALF_SIZE_M,
                         aspect_limits=_ASPECT_LIMITS)


def fit_rectangle(xs, ys, *, margin: float, min_half_size_m: float,
                  aspect_limits: tuple[float, float]) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1), metres: the projected points' box, at least ``min_half_size_m`` from
    centre to edge, grown by ``margin`` (share of its larger side) on every side and widened
    or heightened to an aspect (height / width) within ``aspect_limits``."""
    x0, x1, y0, y1 = np.min(xs), np.max(xs), np.min(ys), np.max(ys)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w = max((x1 - x0) / 2, min_half_size_m)
    half_h = max((y1 - y0) / 2, min_half_size_m)
    grow = margin * 2 * max(half_w, half_h)
    half_w, half_h = half_w + grow, half_h + grow
    aspect = min(max(half_h / half_w, aspect_limits[0]), aspect_limits[1])
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


def _label_spots(shape, count: int = 12) -> list:
    """Points inside a polygon to try a centred label at: its visual centre, then others near it."""
    centre = shapely.ops.polylabel(shape, tolerance=max(shape.length / 2000, 1.0))
    x0, y0, x1, y1 = shape.bounds
    grid = [shapely.Point(x, y) for x in np.linspace(x0, x1, 7)[1:-1] for y in np.linspace(y0, y1, 7)[1:-1]]
    inside = sorted((p for p in grid if shape.contains(p)), key=centre.distance)
    return [centre, *inside[:count]]


def _data_extent(axes, texts, renderer) -> tuple[float, float, float, float]:
    """The data-coordinate box (x0, y0, x1, y1) of text artists."""
    box = Bbox.union([t.get_window_extent(renderer) for t in texts]).transformed(axes.transData.inverted())
    return (box.x0, box.y0, box.x1, box.y1)


def _wrap(text: str, fontsize: float) -> str:
    """``text`` broken into lines that fit the map's width at ``fontsize`` points."""
    return textwrap.fill(text, int(_MAP_WIDTH_IN * 72 / (fontsize * _EM_PER_CHAR * _WRAP_SLACK)))


def _nice_length_km(target_km: float) -> float:
    magnitude = 10 ** math.floor(math.log10(target_km))
    return max(step * magnitude for step in _SCALE_STEPS if step * magnitude <= target_km)


@dataclass
class _Point:
    """A point of the map where a place, meeting venues and route ends meet, and its label.

    ``names`` holds (rank, name) pairs: a place named by the articles ranks by its number of
    sources; a venue or a route end ranks below any such place.
    """

    lat: float
    lon: float
    x: float = 0.0
    y: float = 0.0
    names: list[tuple[int, str]] = field(default_factory=list)
    group: str = "settlement"
    sources: int = 0
    population: int = 0
    required: bool = False
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The name of the most-mentioned place here, else the shortest (most general) name."""
        return min(self.names, key=lambda item: (-item[0], len(item[1])))[1]

    @property
    def detail(self) -> str:
        """The meetings held (or planned) here, a line each, oldest first."""
        return "\n".join(
            f"{m.title}, {format_date(m.date, short=True)}{' (planned)' if m.status == 'planned' else ''}"
            for m in sorted(self.meetings, key=lambda m: m.date)
        )

    @property
    def dates(self) -> str:
        """The dates of the meetings here, oldest first."""
        return " · ".join(format_date(m.date, short=True) for m in sorted(self.meetings, key=lambda m: m.date))

    @property
    def radius_pt(self) -> float:
        """The marker's radius in points: a venue's star, or a dot growing with the sources."""
        if self.meetings:
            return 6.0
        return min(6.0, 2.2 + 0.8 * max(self.sources, 1))

    def absorb(self, other: _Point) -> None:
        """Take in a point drawn at the same spot."""
        if other.sources > self.sources:
            self.group, self.population = other.group, other.population
        self.names += other.names
        self.sources = max(self.sources, other.sources)
        self.required |= other.required
        self.meetings += other.meetings


def _points(story: Story, layers: tuple[str, ...], to_map: Transformer, rect, merge_m: float,
            stops_of: str | None = None) -> list[_Point]:
    """The points to draw inside the map; points closer than ``merge_m`` metres become one.

    ``stops_of`` names a route whose named waypoints (stations, towns) are offered too, after
    everything else.
    """
    x0, y0, x1, y1 = rect
    points: list[_Point] = []

    def add(point: _Point) -> None:
        point.x, point.y = to_map.transform(point.lon, point.lat)
        if not (x0 <= point.x <= x1 and y0 <= point.y <= y1):
            return
        for other in points:
            if math.hypot(other.x - point.x, other.y - point.y) < merge_m:
                other.absorb(point)
                return
        points.append(point)

    if "places" in layers:
        for place in places_on_map(story):  # most-mentioned first: they anchor the clusters
            p = place.place
            add(_Point(p.lat, p.lon, names=[(place.sources, p.name)], group=style.place_group(p.kind),
                       sources=place.sources, population=p.population))
    if "meetings" in layers:
        for meeting in story.meetings:
            add(_Point(meeting.lat, meeting.lon, names=[(0, meeting.venue)], required=True, meetings=[meeting]))
    if "routes" in layers:
        for route in story.routes:
            for end in (route.waypoints[0], route.waypoints[-1]) if route.waypoints else ():
                add(_Point(end.lat, end.lon, names=[(0, end.name)], required=True))
        for route in story.routes:
            if route.route_id == stops_of:
                for stop in route.waypoints[1:-1]:
                    if stop.name:
                        add(_Point(stop.lat, stop.lon, names=[(-1, stop.name)], group="site"))
    return sorted(points, key=lambda p: (-len(p.meetings), not p.required, -p.sources, -p.population, p.name))


class _StaticMap:
    """Builds the figure; one instance per map."""

    def __init__(self, story: Story, extent, title, subtitle, layers, gazetteer, dpi: int):
        self.story = story
        kind, _, value = (extent or "").strip().partition(":")
        kind, value = kind.lower(), value.strip()
        self.layers = parse_layers(layers) if layers is not None else STATIC_LAYERS
        if layers is None and kind == "claim":
            self.layers += ("claims",)  # a map of one claim shows it
        self.bounds = extent_bounds(story, extent, self.layers)
        self.crs = projection_for(self.bounds)
        self.centre = _centre(self.bounds)
        self.to_map = Transformer.from_crs(4326, self.crs, always_xy=True)
        self.rect = _frame(self.bounds, self.crs)
        self.envelope = _lonlat_envelope(self.crs, self.rect)
        frame = shapely.box(*self.rect)
        self.routes = [  # (index in story.routes, route, projected line) for routes the map shows
            (index, route, line)
            for index, route in enumerate(self.story.routes) if len(route.waypoints) >= 2
            for line in [shapely.LineString(np.column_stack(_project(self.to_map, route_latlons(route))))]
            if "routes" in self.layers and line.intersects(frame)
        ]
        self.stops_of = value if kind == "route" else None
        self.claims = [(n, c) for n, c in drawable_checks(story) if kind != "claim" or str(n) == value]
        self.gazetteer = gazetteer
        self.title = title if title is not None else "Places, routes and meetings of the story"
        self.subtitle = subtitle if subtitle is not None else self._default_subtitle(kind == "claim")
        x0, y0, x1, y1 = self.rect
        self.map_height_in = _MAP_WIDTH_IN * (y1 - y0) / (x1 - x0)
        self.figure = Figure(figsize=(_FIGURE_WIDTH_IN, self.map_height_in + 2), dpi=dpi)
        FigureCanvasAgg(self.figure)
        self.renderer = self.figure.canvas.get_renderer()
        self.axes = self.figure.add_axes((0, 0, 1, 1))
        self.lines: list[tuple[np.ndarray, np.ndarray]] = []  # projected lines labels keep off

    def _default_subtitle(self, one_claim: bool) -> str:
        """The articles and their dates; for a map of one claim, the claim and its check."""
        if one_claim:
            number, check = self.claims[0]
            claim = check.claim
            return (f"Claim {number}, {document_name(claim.document)}: “{' '.join(claim.sentence.split())}” – "
                    f"{explain.map_caption(check)}")
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

    def _texts(self) -> None:
        """Make the title, subtitle, legend, meetings note and source line (placed by _arrange)."""
        fig = self.figure
        inches = fig.dpi_scale_trans
        common = {"family": _FONT, "va": "top", "transform": inches}
        self.title_text = fig.text(0, 0, self.title, fontsize=15, fontweight="bold", color=style.INK, **common)
        self.subtitle_text = fig.text(0, 0, _wrap(self.subtitle, 9.5), fontsize=9.5, color=style.MUTED_INK,
                                      linespacing=1.3, **common)
        handles = self._legend_handles()
        self.legend = None
        if handles:
            self.legend = fig.legend(
                handles=handles, loc="upper left", frameon=False, ncol=2 if len(handles) > 4 else 1,
                prop={"family": _FONT, "size": 7.5}, handlelength=2.6, borderaxespad=0, borderpad=0,
                labelspacing=0.6, columnspacing=1.5, bbox_transform=inches, bbox_to_anchor=(0, 0),
            )
        self.note_text = fig.text(0, 0, "", fontsize=7.5, color=style.INK, linespacing=1.3, **common)
        self.source_text = fig.text(0, 0, _wrap(self._source_line(), 7), fontsize=7, color=style.MUTED_INK,
                                    linespacing=1.3, **common)

    def _arrange(self) -> None:
        """Stack title, subtitle, legend, map, note and source line; size the figure to hold them.

        The map keeps its size in inches; what is drawn on it moves with it.
        """
        def height(artist) -> float:
            if artist is None or not artist.get_visible() or (hasattr(artist, "get_text") and not artist.get_text()):
                return 0.0
            return artist.get_window_extent(self.renderer).height / self.figure.dpi

        top_pad, gap, map_gap = 0.22, 0.1, 0.16
        header = top_pad + height(self.title_text) + 0.06 + height(self.subtitle_text)
        if self.legend is not None:
            header += gap + height(self.legend)
        header += map_gap
        note = height(self.note_text)
        footer = 0.1 + (note + 0.08 if note else 0) + height(self.source_text) + 0.16
        total = header + self.map_height_in + footer
        self.figure.set_size_inches(_FIGURE_WIDTH_IN, total)
        y = total - top_pad
        self.title_text.set_position((_SIDE_IN, y))
        y -= height(self.title_text) + 0.06
        self.subtitle_text.set_position((_SIDE_IN, y))
        y -= height(self.subtitle_text) + gap
        if self.legend is not None:
            self.legend.set_bbox_to_anchor((_SIDE_IN, y), transform=self.figure.dpi_scale_trans)
        y = footer - 0.1
        self.note_text.set_position((_SIDE_IN, y))
        self.source_text.set_position((_SIDE_IN, y - (note + 0.08 if note else 0)))
        self.axes.set_position((_SIDE_IN / _FIGURE_WIDTH_IN, footer / total,
                                _MAP_WIDTH_IN / _FIGURE_WIDTH_IN, self.map_height_in / total))

    def _source_line(self) -> str:
        credits = SOURCE_CREDIT
        if {"routes", "meetings"} & set(self.layers) and (self.story.routes or self.story.meetings):
            credits += ("; routes and meetings: the story pack, each item with its published source."
                        " Route lengths are measured along the line drawn (WGS84); published lengths"
                        " are quoted from those sources")
        drawn = [] if "routes" not in self.layers else list(dict.fromkeys(
            f"{start} – {end}" for route in self.story.routes for start, end, _ in route.tracks))
        if drawn:
            credits += (f". Routes follow railway track ({OSM_TRACK_CREDIT}) on "
                        f"{', '.join(drawn)}; elsewhere they run straight between stations")
        return credits + "."

    def _legend_handles(self) -> list:
        handles = []
        for index, route, _ in self.routes:
            handles.append(Line2D(
                [], [], color=style.route_colour(index), linewidth=2.2,
                linestyle=_dashes(style.route_dashes(route.mode, route.status), 2.2),
                label=textwrap.fill(route.name, _LEGEND_CHARS) + "\n" + textwrap.fill(
                    route_lengths(route), _LEGEND_CHARS),
            ))
        if "meetings" in self.layers and self.story.meetings:
            handles.append(Line2D([], [], linestyle="none", marker="*", markersize=11, color=style.MEETING,
                                  markeredgecolor=style.HALO, markeredgewidth=0.6, label="Meeting (venue, what, when)"))
        if "places" in self.layers:
            handles.append(Line2D([], [], linestyle="none", marker="o", markersize=5, color=style.INK,
                                  markeredgecolor=style.HALO, markeredgewidth=0.6,
                                  label="Place named in the articles (larger: named by more of them)"))
        if mentioned_countries(self.story):
            handles.append(Patch(facecolor=style.LAND_MENTIONED, edgecolor=style.BORDER, linewidth=0.5,
                                 label="Country named in the articles"))
        if "claims" in self.layers and self.claims:
            for verdict in sorted({explain.headline(c) for _, c in self.claims if c.claim.subject.place}):
                handles.append(Line2D([], [], color=style.verdict_colour(verdict), linewidth=1.6,
                                      label=explain.legend_words(verdict)))
            if any(c.claim.subject.place is None for _, c in self.claims):
                handles.append(Patch(facecolor=style.verdict_colour(DistanceVerdict.UNVERIFIABLE), alpha=0.25,
                                     edgecolor="none", label=explain.SEARCH_AREA_KEY))
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
                ax.add_artist(PathPatch(path, facecolor=colour, edgecolor="none", zorder=1))  # no autoscale: fast
        borders = border_lines(countries)
        ax.add_collection(LineCollection(_segments_of(borders), colors=style.BORDER, linewidths=0.6,
                                         capstyle="round", joinstyle="round", zorder=2))
        self.countries_in_view = countries

    def _routes(self) -> None:
        for index, route, line in self.routes:
            xs, ys = np.asarray(line.coords).T
            self.lines.append((xs, ys))
            width = 2.2
            self.axes.plot(
                xs, ys, color=style.route_colour(index), linewidth=width, solid_capstyle="round",
                dash_capstyle="round", linestyle=_dashes(style.route_dashes(route.mode, route.status), width),
                zorder=4, path_effects=[patheffects.Stroke(linewidth=width + 1.6, foreground=style.HALO, alpha=0.8),
                                        patheffects.Normal()],
            )

    def _claims(self) -> None:
        for _, check in self.claims:
            anchor, subject = check.claim.anchor.place, check.claim.subject.place
            colour = style.verdict_colour(explain.headline(check))
            if subject is None:
                self._search_area(check, colour)
                continue
            if check.stated_km:
                xs, ys = _project(self.to_map, circle(anchor.lat, anchor.lon, check.stated_km, n=180))
                self.axes.plot(xs, ys, color=colour, linewidth=1.0, linestyle=(0, (4, 3)), zorder=3)
            xs, ys = _project(self.to_map, geodesic_points(anchor.lat, anchor.lon, subject.lat, subject.lon, 48))
            self.lines.append((xs, ys))
            self.axes.plot(xs, ys, color=colour, linewidth=1.4, zorder=3)

    def _search_area(self, check, colour: str) -> None:
        """Where an unplaced subject could be: the shaded ring or sector, the candidates numbered."""
        for ring in search_rings(check.search_area, 120):
            xs, ys = _project(self.to_map, ring)
            self.axes.fill(xs, ys, facecolor=colour, alpha=0.12, edgecolor="none", zorder=3)
            self.axes.plot(xs, ys, color=colour, linewidth=1.0, linestyle=(0, (4, 3)), zorder=3)
        for rank, fit in enumerate(check.candidates, start=1):
            (x,), (y,) = _project(self.to_map, [(fit.place.lat, fit.place.lon)])
            self.axes.plot(x, y, marker="o", markersize=5, color=style.HALO, markeredgecolor=colour,
                           markeredgewidth=1.4, zorder=6, linestyle="none")
            self.axes.annotate(f"{rank}. {fit.place.name}" if rank <= 5 else str(rank), (x, y),
                               xytext=(5, 3), textcoords="offset points", fontsize=6.5, color=style.INK,
                               family=_FONT, zorder=7, path_effects=_HALO)

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
        inset = self.axes.inset_axes((origin[0], origin[1], size, size), transform=self.axes.transData, zorder=9)
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
            inset.add_artist(PathPatch(path, facecolor="#cfc8ba", edgecolor="none"))
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
        """Country names in spaced capitals, biggest first, where they fit inside their country."""
        x0, y0, x1, y1 = self.rect
        frame = shapely.box(x0, y0, x1, y1)
        visible = self.countries_in_view.geometry.intersection(frame)
        areas = visible.area.values / frame.area
        for index in np.argsort(-areas):
            if areas[index] < 0.01:
                break
            shape = largest_part(visible.values[index])
            name = "\u2009".join(self.countries_in_view["name"].values[index].upper())
            for point in _label_spots(shape):
                texts = placer.place(point.x, point.y, name, 0, candidates=((0, 0, "center", "center"),),
                                     fontsize=7, color=style.MUTED_INK, family=_FONT, zorder=5,
                                     path_effects=_HALO)
                if texts and shape.contains(shapely.box(*_data_extent(self.axes, texts, self.renderer))):
                    break
                for artist in texts or ():
                    artist.remove()
                if texts:
                    placer.unblock_last()

    def _label_point(self, point: _Point, placer: LabelPlacer) -> tuple[bool, bool]:
        """Label a point: a venue tries its meetings in full, then their dates, then its name.

        Returns (labelled, meetings described in full on the map).
        """
        bold = bool(point.meetings) or point.group == "capital"
        text_style = {"fontsize": 8.5 if bold else 8, "fontweight": "bold" if bold else "normal",
                      "color": style.INK, "family": _FONT, "zorder": 7, "path_effects": _HALO,
                      "linespacing": 1.2}
        detail_style = {"fontsize": 7, "fontweight": "normal", "color": style.MUTED_INK}
        offset = point.radius_pt + 2.5
        if point.meetings:
            for detail in (point.detail, point.dates):
                if placer.place(point.x, point.y, point.name, offset, detail=detail,
                                detail_style=detail_style, **text_style):
                    return True, detail == point.detail
        labelled = placer.place(point.x, point.y, point.name, offset, required=point.required, **text_style)
        return labelled is not None, not point.meetings

    def _draw_points(self, points: list[_Point], placer: LabelPlacer) -> None:
        """Markers and labels, most important first; a point whose label fits nowhere is left out
        (venues and route ends are always drawn). Venues whose meetings could not be described
        on the map are listed in ``self.undescribed``."""
        ax = self.axes
        self.undescribed: list[_Point] = []
        for point in points:
            if point.group != "area" or point.required:
                placer.block_point(point.x, point.y, point.radius_pt)
        for point in points:
            if point.group == "area" and not point.required:
                placer.place(point.x, point.y, point.name, 0, candidates=((0, 0, "center", "center"),),
                             fontsize=7.5, style="italic", color=style.MUTED_INK, family=_FONT,
                             zorder=6, path_effects=_HALO)
                continue
            labelled, described = self._label_point(point, placer)
            if not described:
                self.undescribed.append(point)
            if not labelled:
                continue
            if point.meetings:
                ax.plot(point.x, point.y, marker="*", markersize=2 * point.radius_pt + 2, color=style.MEETING,
                        markeredgecolor=style.HALO, markeredgewidth=0.8, zorder=6, linestyle="none")
                continue
            colour = style.INK if point.group in ("capital", "settlement") else style.PLACE_GROUP_COLOURS["site"]
            ax.plot(point.x, point.y, marker="o", markersize=2 * point.radius_pt, color=colour,
                    markeredgecolor=style.HALO, markeredgewidth=0.8, zorder=6, linestyle="none")
            if point.group == "capital":
                ax.plot(point.x, point.y, marker="o", markersize=2 * point.radius_pt * 0.45,
                        color=style.HALO, zorder=6, linestyle="none")

    def _meetings_note(self) -> str:
        """The meetings the map had no room to describe, by venue, for the note under the map."""
        if not self.undescribed:
            return ""
        venues = [f"{point.name} – {point.detail.replace(chr(10), '; ')}" for point in self.undescribed]
        return "Meetings: " + ". ".join(venues) + "."

    def build(self) -> Figure:
        self._texts()
        self._arrange()
        self._basemap()
        if "claims" in self.layers:
            self._claims()
        if "routes" in self.layers:
            self._routes()
        metres_per_pt = (self.rect[2] - self.rect[0]) / (_MAP_WIDTH_IN * 72)
        points = _points(self.story, self.layers, self.to_map, self.rect, _MERGE_PT * metres_per_pt, self.stops_of)
        placer = LabelPlacer(self.axes, self.renderer)
        for xs, ys in self.lines:
            placer.block_line(xs, ys, 1.5)
        self._corner_furniture(points, placer)
        self._draw_points(points, placer)
        self._country_labels(placer)
        self.note_text.set_text(_wrap(self._meetings_note(), 7.5))
        self._arrange()
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
    check_dpi(dpi)
    if gazetteer is None:
        from geo.gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    # text is drawn as written: a "$" in an article or a place name is not the start of maths
    with matplotlib.rc_context({"text.parse_math": False, "text.usetex": False}):
        return _StaticMap(story, extent, title, subtitle, layers, gazetteer, dpi).build()


def render_static(story: Story, path: str | Path, *, extent: str | None = None, title: str | None = None,
                  subtitle: str | None = None, layers=None, dpi: int = 300, gazetteer=None) -> Path:
    """Write the static map of ``story`` to ``path`` (.png, .svg or .pdf, atomically); return it.

    PNG is written at ``dpi`` dots per inch (300 by default; the map is 7.6 inches wide);
    SVG and PDF are vector. See :func:`static_figure` for the other arguments. Raises
    ``InputError`` for another extension.
    """
    target = check_folder(path)
    file_format = FORMATS.get(target.suffix.lower())
    if file_format is None:
        raise InputError(f"{target}: static maps are written as {', '.join(FORMATS)}")
    figure = static_figure(story, extent=extent, title=title, subtitle=subtitle, layers=layers,
                           gazetteer=gazetteer, dpi=dpi)
    with atomic_target(target) as temporary:
        figure.savefig(temporary, format=file_format, dpi=dpi, facecolor="white")
    return target
