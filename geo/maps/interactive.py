"""The interactive map of a story (folium / Leaflet), complete and offline in one HTML file.

:func:`story_map` returns a ``folium.Map``. In a notebook the map displays itself (folium's
``_repr_html_`` embeds the page, Leaflet included, in an iframe, so it works offline too);
:func:`save_html` writes it to a file that opens from disk with no network.

What it draws, each in a layer of the layer control:
- the basemap: Natural Earth land and borders as vector layers on a sea-coloured background
  (web tiles only when asked for, as an alternative base layer); the countries the story names
  are shaded, with the sentences naming them;
- places: a dot per resolved place, coloured by kind and sized by how many sources (documents)
  mention it, with the mentioning sentence from each source in its popup;
- routes: lines along their waypoints (flights as geodesic curves), with their length along the
  line, the published length and the straight-line distance;
- meetings: a star at each venue, with dates, participants and status;
- claims: for each checked distance claim, the measured line anchor -> subject and a ring of
  the stated distance around the anchor, coloured by verdict.
A scale bar and a legend complete it. Article text is HTML-escaped wherever it is shown, and
reaches the page only as JSON data through :mod:`geo.maps.elements`, never as template source.
"""

from __future__ import annotations

import html
from pathlib import Path

import folium
from folium.elements import ElementAddToElement
from folium.map import Layer
from folium.template import Template

from geo import explain
from geo.geodesy import geodesic_points
from geo.maps import style
from geo.maps.assets import StaticFolder, use_local_leaflet
from geo.maps.basemap import GEONAMES_CREDIT, NATURAL_EARTH_CREDIT, basemap_geojson
from geo.maps.content import (
    PlaceOnMap,
    drawable_checks,
    extent_bounds,
    format_date,
    format_km,
    mentioned_countries,
    parse_layers,
    places_on_map,
    route_latlons,
    screen_line,
    route_lengths,
    search_rings,
    select_check,
)
from geo.maps.elements import ScriptElement, Verbatim
from geo.maps.output import atomic_target
from geo.model import Check, Meeting, Route, Story
from geo.records import document_name
from geo.routes import route_drawing

__all__ = ["save_html", "story_map"]

OSM_CREDIT = "&copy; OpenStreetMap contributors"

_LAYER_NAMES = {  # in drawing order: claims under routes under places; meetings' stars on top
    "claims": "Distance claims",
    "routes": "Routes",
    "places": "Places",
    "meetings": "Meetings",
}

_BASEMAP_PANE = "geo-basemap"
_BASEMAP_PANE_Z_INDEX = 350  # above web tiles (200), under every other layer (400 and up)
_BASEMAP_PRECISION_DEG = 0.002  # vertices snapped to about 200 m

_LEGEND_WIDTH_PX = 250
_LABEL_MIN_SOURCES = 2  # places named by this many sources carry a permanent label

_CSS = """
.leaflet-container.folium-map {{ background: {sea}; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }}
.folium-map .leaflet-popup-content {{ max-width: 340px; }}
.geo-popup h4 {{ margin: 0 0 4px; font-size: 14px; }}
.geo-popup .geo-meta {{ color: {muted}; margin-bottom: 4px; }}
.geo-popup ol, .geo-popup ul {{ margin: 4px 0 0; padding-left: 18px; }}
.geo-popup li {{ margin-bottom: 4px; }}
.geo-popup q {{ quotes: "\\201C" "\\201D"; }}
.geo-meeting {{ color: {meeting}; font-size: 20px; line-height: 20px; text-align: center;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }}
.geo-place-label {{ background: none; border: 0; box-shadow: none; color: {ink}; font-size: 11px;
  font-weight: 600; padding: 0 2px; text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }}
.geo-place-label::before {{ display: none; }}
.geo-legend, .geo-title {{ background: rgba(255,255,255,.92); border-radius: 4px; color: {ink};
  box-shadow: 0 1px 4px rgba(0,0,0,.25); padding: 6px 9px; }}
.geo-legend {{ font-size: 12px; width: {legend_width}px; box-sizing: border-box; }}
.geo-legend summary {{ cursor: pointer; font-weight: 600; }}
.geo-legend h5 {{ font-size: 12px; margin: 6px 0 2px; }}
.geo-legend div {{ display: flex; align-items: center; gap: 6px; margin: 1px 0; }}
.geo-legend .swatch {{ flex: none; width: 22px; height: 0; border-top: 3px solid; }}
.geo-legend .dot {{ flex: none; width: 10px; height: 10px; border-radius: 50%; margin: 0 6px 0 6px; }}
.geo-legend .star {{ flex: none; width: 22px; text-align: center; color: {meeting}; font-size: 16px; }}
.geo-title h3 {{ margin: 0; font-size: 16px; }}
"""


class _Bound(ScriptElement):
    """A popup or tooltip bound to its parent layer, its HTML passed as a JSON string.

    folium's own Popup needs jQuery and its Tooltip pastes the text into a JavaScript template
    literal; this binds ready-escaped HTML with ``bindPopup`` / ``bindTooltip`` and nothing else.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.{{ this.method }}({{ this.js(this.html) }}, {{ this.js(this.options) }});
        {% endmacro %}
        """
    )

    def __init__(self, method: str, html_text: str, **options):
        super().__init__()
        self._name = "Bound"
        self.method = method
        self.html = html_text
        self.options = options


def _popup(layer, html_text: str) -> None:
    layer.add_child(_Bound("bindPopup", html_text, maxWidth=360))


def _tooltip(layer, html_text: str, **options) -> None:
    layer.add_child(_Bound("bindTooltip", html_text, **options))


class _GeoJsonLayer(ScriptElement, Layer):
    """A GeoJSON layer with one style for every feature; a feature's ``popup`` property (HTML)
    becomes its popup.

    ``data`` is the FeatureCollection itself, or ``(url, key)``: the collection ``key`` of a
    JSON file the page fetches (each file once, whichever layers share it; layers sharing a
    file are filled in the order they were made).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.geoJSON(null, Object.assign(
                {{ this.js(this.options) }},
                {onEachFeature: function (feature, layer) {
                    if (feature.properties && feature.properties.popup) {
                        layer.bindPopup(feature.properties.popup, {maxWidth: 360});
                    }
                }}
            ));
            {% if this.url %}
            (function (layer, url, key) {
                var files = window.geoJsonFiles = window.geoJsonFiles || {};
                files[url] = files[url] || fetch(url).then(function (answer) {
                    if (!answer.ok) { throw new Error(url + ": HTTP " + answer.status); }
                    return answer.json();
                });
                files[url].then(function (collections) { layer.addData(collections[key]); });
            })({{ this.get_name() }}, {{ this.js(this.url) }}, {{ this.js(this.key) }});
            {% else %}
            {{ this.get_name() }}.addData({{ this.js(this.data) }});
            {% endif %}
        {% endmacro %}
        """
    )

    def __init__(self, data: dict | tuple[str, str], name: str, *, control: bool = True, **options):
        super().__init__(name=name, overlay=True, control=control, show=True)
        self._name = "GeoJsonLayer"
        self.data, self.url, self.key = (None, *data) if isinstance(data, tuple) else (data, None, None)
        self.options = options

    def render(self, **kwargs):
        # folium's Layer.render adds the layer to its parent; the rendering itself is one pass
        self.add_child(ElementAddToElement(self.get_name(), self._parent.get_name()),
                       name=self.get_name() + "_add")
        ScriptElement.render(self, **kwargs)


class _Declutter(ScriptElement):
    """Hides place labels that would overlap a more-mentioned place's label, at every zoom.

    The most-mentioned places are added last, so their labels come last in the page and are
    kept first.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map) {
                function declutter() {
                    var kept = [];
                    var labels = map.getContainer().querySelectorAll(".geo-place-label");
                    for (var i = labels.length - 1; i >= 0; i--) {
                        labels[i].style.visibility = "visible";
                        var box = labels[i].getBoundingClientRect();
                        var clash = kept.some(function (other) {
                            return box.left < other.right && other.left < box.right &&
                                   box.top < other.bottom && other.top < box.bottom;
                        });
                        if (clash) { labels[i].style.visibility = "hidden"; } else { kept.push(box); }
                    }
                }
                map.on("zoomend moveend overlayadd overlayremove", declutter);
                map.whenReady(function () { setTimeout(declutter, 0); });
            })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "Declutter"


class _Control(ScriptElement):
    """A Leaflet control at a corner of the map holding fixed HTML (a legend, a title)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.control({position: {{ this.js(this.position) }}});
            {{ this.get_name() }}.onAdd = function () {
                var div = L.DomUtil.create("div", {{ this.js(this.css_class) }});
                div.innerHTML = {{ this.js(this.html) }};
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html_text: str, position: str, css_class: str):
        super().__init__()
        self._name = "Control"
        self.html = html_text
        self.position = position
        self.css_class = css_class


def _sources_list(place: PlaceOnMap) -> str:
    items = []
    for document, sentence in place.quotes:
        source = ", ".join(
            html.escape(part)
            for part in (document.outlet or document.title or Path(document.path).name,
                         format_date(document.date))
            if part
        )
        items.append(f"<li><b>{source}</b>: <q>{html.escape(sentence)}</q></li>")
    return f"<ol>{''.join(items)}</ol>"


def _place_popup(place: PlaceOnMap) -> str:
    p = place.place
    plural = "source" if place.sources == 1 else "sources"
    meta = " · ".join(html.escape(x) for x in (p.kind, p.country, f"{p.lat:.4f}, {p.lon:.4f}") if x)
    return (
        f'<div class="geo-popup"><h4>{html.escape(p.name)}</h4>'
        f'<div class="geo-meta">{meta}</div>'
        f"Named by {place.sources} {plural}:{_sources_list(place)}</div>"
    )


def _place_radius(sources: int) -> float:
    """Dot radius in px: 4 for one source, growing by 2 px per further source up to 14."""
    return min(14.0, 2.0 + 2.0 * sources)


def _add_places(group: folium.FeatureGroup, places: list[PlaceOnMap]) -> None:
    for place in reversed(places):  # the most-mentioned last, on top
        p = place.place
        kind_group = style.place_group(p.kind)
        colour = style.PLACE_GROUP_COLOURS[kind_group]
        hollow = kind_group == "area"
        marker = folium.CircleMarker(
            location=(p.lat, p.lon),
            radius=_place_radius(place.sources),
            color=colour if hollow else style.HALO,
            weight=1.5 if hollow else 1,
            fill=True,
            fill_color=colour,
            fill_opacity=0.15 if hollow else 0.9,
            dash_array="3 3" if hollow else None,
        )
        _popup(marker, _place_popup(place))
        if place.sources >= _LABEL_MIN_SOURCES:
            _tooltip(marker, html.escape(p.name), permanent=True, direction="right",
                     offset=[_place_radius(place.sources), 0], className="geo-place-label")
        else:
            _tooltip(marker, f"{html.escape(p.name)} (1 source)")
        marker.add_to(group)


def _route_popup(route: Route) -> str:
    rows = [
        ("Mode", route.mode),
        ("Date", format_date(route.date)),
        ("Status", route.status),
        ("Lengths", route_lengths(route)),
        ("Drawn", route_drawing(route)),
        ("Published length", route.published_source),
        ("Route", " → ".join(w.name for w in route.waypoints if w.name)),
        ("Source", route.source),
    ]
    sections = "".join(
        f"<li>{html.escape(a)} – {html.escape(b)}: {format_km(km)} ({html.escape(src)})</li>"
        for a, b, km, src in route.sections
    )
    body = "".join(f"<div><b>{label}:</b> {html.escape(value)}</div>" for label, value in rows if value)
    if sections:
        body += f"<div><b>Published sections:</b><ul>{sections}</ul></div>"
    return f'<div class="geo-popup"><h4>{html.escape(route.name)}</h4>{body}</div>'


def _add_routes(group: folium.FeatureGroup, routes: tuple[Route, ...]) -> None:
    for index, route in enumerate(routes):
        if len(route.waypoints) < 2:
            continue
        line = folium.PolyLine(
            screen_line(route_latlons(route)),
            color=style.route_colour(index),
            weight=3.5,
            opacity=0.9,
            dash_array=style.route_dashes(route.mode, route.status),
        )
        _popup(line, _route_popup(route))
        label = f"{html.escape(route.name)}: {html.escape(route_lengths(route))}"
        _tooltip(line, label, sticky=True)
        line.add_to(group)


def _meeting_item(meeting: Meeting) -> str:
    status = "held" if meeting.status == "held" else f"{meeting.status} (as of the articles)"
    who = ", ".join(meeting.participants)
    return (
        f"<li><b>{html.escape(meeting.title)}</b><br>{html.escape(format_date(meeting.date))}"
        f" · {html.escape(status)}<br>{html.escape(who)}</li>"
    )


def _add_meetings(group: folium.FeatureGroup, meetings: tuple[Meeting, ...]) -> None:
    by_venue: dict[tuple[float, float], list[Meeting]] = {}
    for meeting in meetings:
        by_venue.setdefault((round(meeting.lat, 3), round(meeting.lon, 3)), []).append(meeting)
    for venue_meetings in by_venue.values():
        first = venue_meetings[0]
        venues = sorted({m.venue for m in venue_meetings})
        marker = folium.Marker(
            location=(first.lat, first.lon),
            icon=folium.DivIcon(
                html='<div class="geo-meeting">&#9733;</div>',
                icon_size=(20, 20),
                icon_anchor=(10, 10),
                class_name="geo-meeting-icon",
            ),
        )
        items = "".join(_meeting_item(m) for m in sorted(venue_meetings, key=lambda m: m.date))
        title = html.escape("; ".join(venues))
        _popup(marker, f'<div class="geo-popup"><h4>{title}</h4><ul>{items}</ul></div>')
        count = len(venue_meetings)
        _tooltip(marker, f"{title}: {count} meeting{'s' if count > 1 else ''}")
        marker.add_to(group)


def _claim_popup(number: int, check: Check) -> str:
    claim = check.claim
    rows = [
        ("Stated", explain.stated_words(claim)),
        ("Stated in km", format_km(check.stated_km) if check.stated_km is not None else ""),
        ("Measured (straight line)", format_km(check.actual_km) if check.actual_km is not None else ""),
        ("Along the route", format_km(check.route_km) if check.route_km is not None else ""),
        ("Travel time", str(check.time_verdict) if check.time_verdict is not None else ""),
        ("Distance", str(check.distance_verdict)),
        ("Direction", str(check.direction_verdict)),
        ("Units", str(check.unit_verdict)),
    ]
    body = "".join(f"<div><b>{label}:</b> {html.escape(value)}</div>" for label, value in rows if value)
    fits = ""
    if check.candidates:
        items = "".join(f"<li>{html.escape(fit.place.name)} ({html.escape(fit.place.kind)}, "
                        f"{html.escape(format_km(fit.distance_km))}, bearing {fit.bearing_deg:.0f}°)</li>"
                        for fit in check.candidates)
        fits = f"<div><b>Could be</b> (best first):</div><ol>{items}</ol>"
    return (
        f'<div class="geo-popup"><h4>Claim {number}: {html.escape(explain.claim_title(claim))}</h4>'
        f'<div class="geo-meta">{html.escape(document_name(claim.document))}</div>'
        f"<p><q>{html.escape(claim.sentence)}</q></p>{body}{fits}"
        f"<p>{html.escape(check.explanation)}</p></div>"
    )


_CANDIDATES_LABELLED = 3
"""How many of a search area's best candidates are named on the map (the rest on hover)."""


def _add_search_area(group: folium.FeatureGroup, number: int, check: Check, popup: str) -> None:
    """Where an unplaced subject could be: the ring and sector, and its candidates, numbered."""
    colour = style.verdict_colour(explain.headline(check))
    area = check.search_area
    summary = f"Claim {number}: where could {html.escape(check.claim.subject.text)!s} be?"
    shape = folium.Polygon(search_rings(area), color=colour, weight=1.5, dash_array="6 5", fill=True,
                           fill_color=colour, fill_opacity=0.12)
    _popup(shape, popup)
    _tooltip(shape, f"{summary} {html.escape(explain.area_words(area))}", sticky=True)
    shape.add_to(group)
    for rank, fit in enumerate(check.candidates, start=1):
        marker = folium.CircleMarker((fit.place.lat, fit.place.lon), radius=5, color=colour, weight=2,
                                     fill=True, fill_color=style.HALO, fill_opacity=1)
        if rank <= _CANDIDATES_LABELLED:  # the best few carry their name on the map
            _tooltip(marker, f"{rank}. {html.escape(fit.place.name)}", permanent=True, direction="right",
                     className="geo-candidate")
        else:
            _tooltip(marker, f"Claim {number}, candidate {rank}: {html.escape(fit.place.name)} "
                             f"({html.escape(format_km(fit.distance_km))}, bearing {fit.bearing_deg:.0f}°)")
        _popup(marker, popup)
        marker.add_to(group)


def _add_claims(group: folium.FeatureGroup, claims: list[tuple[int, Check]]) -> None:
    for number, check in claims:
        anchor, subject = check.claim.anchor.place, check.claim.subject.place
        popup = _claim_popup(number, check)
        if subject is None:
            _add_search_area(group, number, check, popup)
            continue
        colour = style.verdict_colour(explain.headline(check))
        summary = f"Claim {number}: {html.escape(explain.claim_title(check.claim))}"
        if check.stated_km:
            ring = folium.Circle(
                location=(anchor.lat, anchor.lon),
                radius=check.stated_km * 1000.0,
                color=colour,
                weight=1.5,
                dash_array="6 5",
                fill=False,
            )
            _popup(ring, popup)
            _tooltip(ring, f"{summary}: stated {format_km(check.stated_km)}", sticky=True)
            ring.add_to(group)
        line = folium.PolyLine(
            geodesic_points(anchor.lat, anchor.lon, subject.lat, subject.lon, n=48),
            color=colour,
            weight=2.5,
            opacity=0.95,
        )
        _popup(line, popup)
        measured = f"measured {format_km(check.actual_km)}" if check.actual_km is not None else ""
        _tooltip(line, f"{summary}: {measured} ({html.escape(explain.headline(check))})", sticky=True)
        line.add_to(group)


def _legend(story: Story, layers: tuple[str, ...], claims: list[tuple[int, Check]], places: bool) -> str:
    parts = []
    if "routes" in layers and story.routes:
        parts.append("<h5>Routes</h5>")
        for index, route in enumerate(story.routes):
            dashes = style.route_dashes(route.mode, route.status)
            border = "dashed" if dashes else "solid"
            parts.append(
                f'<div><span class="swatch" style="border-top-color:{style.route_colour(index)};'
                f'border-top-style:{border}"></span>{html.escape(route.name)}</div>'
            )
    if "meetings" in layers and story.meetings:
        parts.append('<h5>Meetings</h5><div><span class="star">&#9733;</span>venue (click for dates)</div>')
    if places:
        parts.append("<h5>Places</h5>")
        for group, label in style.PLACE_GROUP_LABELS.items():
            colour = style.PLACE_GROUP_COLOURS[group]
            parts.append(f'<div><span class="dot" style="background:{colour}"></span>{label}</div>')
        parts.append("<div>Larger dot: named by more sources</div>")
    if claims:
        parts.append(f"<h5>Distance claims</h5><div>{html.escape(explain.MAP_KEY)}</div>")
        for verdict in sorted({explain.headline(check) for _, check in claims if check.claim.subject.place}):
            parts.append(
                f'<div><span class="swatch" style="border-top-color:{style.verdict_colour(verdict)}">'
                f"</span>{html.escape(verdict)}</div>"
            )
    return "".join(parts)


def _detail_box(bounds: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The map's extent grown by a tenth of its size (at least 2 degrees) each way: where the
    basemap is drawn at 1:10m."""
    lon_min, lat_min, lon_max, lat_max = bounds
    grow_lon = max((lon_max - lon_min) / 10, 2.0)
    grow_lat = max((lat_max - lat_min) / 10, 2.0)
    return (max(lon_min - grow_lon, -180.0), max(lat_min - grow_lat, -90.0),
            min(lon_max + grow_lon, 180.0), min(lat_max + grow_lat, 90.0))


def _basemap_group(story: Story, gazetteer, bounds, web_tiles: bool,
                   static: StaticFolder | None) -> folium.FeatureGroup:
    """Natural Earth land, the countries the story names (shaded, with popups), and borders,
    in their own pane under every other layer; fetched from ``static`` when given."""
    named = mentioned_countries(story)
    collections = basemap_geojson(gazetteer, _detail_box(bounds), named, _BASEMAP_PRECISION_DEG)
    for feature in collections["countries"]["features"]:
        feature["properties"] = {"popup": _place_popup(named[feature["properties"]["iso2"]])}
    if static is not None:
        url = static.publish_json(collections, "basemap")
        collections = {key: (url, key) for key in collections}
    group = folium.FeatureGroup(name="Natural Earth (offline)", overlay=web_tiles, control=web_tiles,
                                show=not web_tiles)
    _GeoJsonLayer(
        collections["land"], "Land", control=False, pane=_BASEMAP_PANE, fillColor=style.LAND, fillOpacity=1,
        stroke=False, interactive=False, attribution=f"{NATURAL_EARTH_CREDIT}; places {GEONAMES_CREDIT}",
    ).add_to(group)
    _GeoJsonLayer(
        collections["countries"], "Countries named", control=False, pane=_BASEMAP_PANE,
        fillColor=style.LAND_MENTIONED, fillOpacity=1, stroke=False,
    ).add_to(group)
    _GeoJsonLayer(
        collections["borders"], "Borders", control=False, pane=_BASEMAP_PANE, color=style.BORDER, weight=1,
        interactive=False,
    ).add_to(group)
    return group


def story_map(
    story: Story,
    gazetteer=None,
    *,
    claim: int | Check | None = None,
    extent: str | None = None,
    layers=None,
    web_tiles: bool = False,
    title: str | None = None,
    static: StaticFolder | None = None,
) -> folium.Map:
    """The interactive map of ``story``: basemap, places, routes, meetings, claims, legend.

    - ``gazetteer``: gives the Natural Earth basemap; default ``default_gazetteer()``;
    - ``claim``: show only this claim (a claim number from 1, as ``claim:N``, or a Check) and
      open on it; default: every claim whose places are both resolved;
    - ``extent``: the area the map opens on, as for the static map: "bbox:...", "claim:N",
      "route:ID"; default the whole story (see ``geo.maps.content.extent_bounds``);
    - ``layers``: which of "places", "routes", "meetings", "claims" to draw (list or
      comma-separated string); default all;
    - ``web_tiles``: add OpenStreetMap tiles as a base layer, shown first (they need the network
      when viewed); the Natural Earth basemap stays one click away in the layer control;
    - ``title``: shown over the map and as the page title;
    - ``static``: None puts Leaflet and the basemap inside the page (one offline file); a
      :class:`~geo.maps.assets.StaticFolder` (prepared) links Leaflet there and publishes the
      basemap there for the page to fetch.
    """
    if gazetteer is None:
        from geo.gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    chosen = parse_layers(layers)
    if claim is not None:
        chosen = parse_layers((*chosen, "claims"))
        check = select_check(story, claim)
        claims = [(n, c) for n, c in enumerate(story.checks, start=1) if c is check]
        extent = extent or f"claim:{claims[0][0]}"
    else:
        claims = drawable_checks(story) if "claims" in chosen else []
    lon_min, lat_min, lon_max, lat_max = extent_bounds(story, extent, chosen)

    folium_map = folium.Map(location=None, tiles=None, control_scale=True, zoom_snap=0.25)
    use_local_leaflet(folium_map, static.leaflet_url if static is not None else None)
    root = folium_map.get_root()
    root.title = html.escape(title or "Map of the story")  # branca writes it into <title> as is
    css = _CSS.format(legend_width=_LEGEND_WIDTH_PX, sea=style.SEA, muted=style.MUTED_INK,
                      meeting=style.MEETING, ink=style.INK)
    root.header.add_child(Verbatim(f"<style>{css}</style>"), name="geo_map_css")

    if web_tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", attr=OSM_CREDIT,
                         overlay=False).add_to(folium_map)
    folium.map.CustomPane(_BASEMAP_PANE, z_index=_BASEMAP_PANE_Z_INDEX, pointer_events=True).add_to(folium_map)
    _basemap_group(story, gazetteer, (lon_min, lat_min, lon_max, lat_max), web_tiles, static).add_to(folium_map)

    places = places_on_map(story) if "places" in chosen else []
    for layer in (name for name in _LAYER_NAMES if name in chosen):
        group = folium.FeatureGroup(name=_LAYER_NAMES[layer])
        if layer == "places" and places:
            _add_places(group, places)
        elif layer == "routes" and story.routes:
            _add_routes(group, story.routes)
        elif layer == "meetings" and story.meetings:
            _add_meetings(group, story.meetings)
        elif layer == "claims" and claims:
            _add_claims(group, claims)
        else:
            continue
        group.add_to(folium_map)

    if places:
        folium_map.add_child(_Declutter())
    legend = _legend(story, chosen, claims, bool(places))
    if legend:
        legend_html = f"<details open><summary>Legend</summary>{legend}</details>"
        folium_map.add_child(_Control(legend_html, "bottomright", "geo-legend"))
    if title:
        folium_map.add_child(_Control(f"<h3>{html.escape(title)}</h3>", "topleft", "geo-title"))
    folium.LayerControl(collapsed=True).add_to(folium_map)
    legend_room = (_LEGEND_WIDTH_PX + 24, 24) if legend else (24, 24)
    folium_map.fit_bounds(
        [[lat_min, lon_min], [lat_max, lon_max]], padding_top_left=(24, 24), padding_bottom_right=legend_room
    )
    return folium_map


def save_html(folium_map: folium.Map, path: str | Path) -> Path:
    """Write the map as one HTML page at ``path`` (atomically); return the path."""
    page = folium_map.get_root().render()
    with atomic_target(path) as temporary:
        temporary.write_text(page, encoding="utf-8")
    return Path(path)
