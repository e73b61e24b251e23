"""The interactive map (geo.maps.interactive, assets, geojson, content) checked without a browser."""

from __future__ import annotations

import json
import os
import re
import time
from html.parser import HTMLParser

import folium
import pytest
import shapely

from geo.errors import InputError
from geo.maps import places_geojson, routes_geojson, save_html, story_map, write_assets
from geo.maps.assets import ASSET_FILES, DATA_KEPT_S, LEAFLET_DIR, StaticFolder
from geo.maps.basemap import basemap_geojson, vector_basemap
from geo.maps.content import format_date, format_km, sentence_at
from geo.routes import route_length_km
from maps_fixtures import PLACES, small_story


@pytest.fixture(scope="module")
def story():
    return small_story()


@pytest.fixture(scope="module")
def folium_map(story, gazetteer):
    return story_map(story, gazetteer, title="Test map")


@pytest.fixture(scope="module")
def page(folium_map, tmp_path_factory):
    path = save_html(folium_map, tmp_path_factory.mktemp("maps") / "story.html")
    return path.read_text(encoding="utf-8")


def _groups(folium_map) -> dict[str, folium.FeatureGroup]:
    return {c.layer_name: c for c in folium_map._children.values() if isinstance(c, folium.FeatureGroup)}


def _descendants(element):
    for child in element._children.values():
        yield child
        yield from _descendants(child)


def _bound(layer, method: str) -> str:
    """The HTML bound to a layer as its popup or tooltip."""
    return next(c.html for c in layer._children.values() if getattr(c, "method", "") == method)


def test_layers_present(folium_map):
    groups = _groups(folium_map)
    assert {"Places", "Routes", "Meetings", "Distance claims", "Natural Earth (offline)"} <= set(groups)
    assert any(isinstance(c, folium.LayerControl) for c in folium_map._children.values())
    assert folium_map.control_scale
    assert len(list(_descendants(groups["Routes"]))) >= 3
    kinds = {type(c).__name__ for c in _descendants(groups["Places"])}
    assert "CircleMarker" in kinds


def test_claim_ring_radius_equals_the_stated_distance(folium_map, story):
    rings = [c for c in _descendants(_groups(folium_map)["Distance claims"]) if isinstance(c, folium.Circle)]
    stated = sorted(check.stated_km * 1000 for check in story.checks)
    assert sorted(ring.options["radius"] for ring in rings) == pytest.approx(stated)
    anchors = {(check.claim.anchor.place.lat, check.claim.anchor.place.lon) for check in story.checks}
    assert {tuple(ring.location) for ring in rings} == anchors


def test_claim_lines_are_coloured_by_verdict(folium_map):
    lines = [c for c in _descendants(_groups(folium_map)["Distance claims"]) if isinstance(c, folium.PolyLine)]
    assert {line.options["color"] for line in lines} == {"#2e7d32", "#c62828"}  # accurate, inaccurate


def test_one_claim_only_when_asked(story, gazetteer):
    folium_map = story_map(story, gazetteer, claim=2)
    rings = [c for c in _descendants(_groups(folium_map)["Distance claims"]) if isinstance(c, folium.Circle)]
    assert [ring.options["radius"] for ring in rings] == [pytest.approx(100_000.0)]


def test_route_labels_give_computed_and_published_lengths(folium_map, story):
    lines = [c for c in _descendants(_groups(folium_map)["Routes"]) if isinstance(c, folium.PolyLine)]
    labels = [_bound(line, "bindTooltip") for line in lines]
    for route in story.routes:
        label = next(text for text in labels if text.startswith(route.name))
        assert f"{format_km(route_length_km(route))} along the line" in label
        if route.published_km:
            assert f"published {format_km(route.published_km)}" in label


def test_flight_follows_the_geodesic(folium_map, story):
    flight = next(r for r in story.routes if r.mode == "flight")
    line = next(c for c in _descendants(_groups(folium_map)["Routes"])
                if isinstance(c, folium.PolyLine) and _bound(c, "bindTooltip").startswith(flight.name))
    highest = max(lat for lat, _ in line.locations)
    assert len(line.locations) > 10
    assert highest > max(w.lat for w in flight.waypoints) + 2  # a great circle bulges poleward


def test_places_are_sized_by_sources_and_quote_each_source(folium_map):
    markers = {_bound(c, "bindPopup").split("</h4>")[0].split(">")[-1]: c
               for c in _descendants(_groups(folium_map)["Places"]) if isinstance(c, folium.CircleMarker)}
    assert markers["Pyongyang"].options["radius"] > markers["Dong Dang"].options["radius"]
    popup = _bound(markers["Pyongyang"], "bindPopup")
    assert popup.count("<li>") == 3
    assert "Named by 3 sources" in popup


def test_countries_are_not_points(folium_map):
    popups = [_bound(c, "bindPopup") for c in _descendants(_groups(folium_map)["Places"])
              if isinstance(c, folium.CircleMarker)]
    assert not any("<h4>Russia</h4>" in popup for popup in popups)


def test_meetings_at_one_venue_share_a_marker(folium_map):
    markers = [c for c in _descendants(_groups(folium_map)["Meetings"]) if isinstance(c, folium.Marker)]
    assert len(markers) == 2
    vostochny = next(m for m in markers if "Vostochny" in _bound(m, "bindPopup"))
    popup = _bound(vostochny, "bindPopup")
    assert "12 April 2022" in popup and "13 September 2023" in popup and "held" in popup


def test_article_text_is_escaped(page):
    assert "<script>alert(1)" not in page
    assert "alert(1)" in page  # shown, but as text


class _ResourceLinks(HTMLParser):
    """Every URL an HTML page would load: script src, link href, img/iframe/source src, CSS url()."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and attributes.get("src"):
            self.urls.append(attributes["src"])
        if tag == "link" and attributes.get("href"):
            self.urls.append(attributes["href"])
        self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", attributes.get("style") or "")
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", data)


def test_saved_html_loads_nothing_from_outside(page):
    parser = _ResourceLinks()
    parser.feed(page)
    outside = [u for u in parser.urls if re.match(r"(https?:)?//", u)]
    assert outside == []
    assert not [u for u in parser.urls if not u.startswith(("data:", "#"))]
    for cdn in ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com", "bootstrapcdn", "tile.openstreetmap"):
        assert cdn not in page
    assert "L.map(" in page


def test_leaflet_is_inlined_with_its_images(page):
    assert (LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8")[:500] in page
    assert "url(images/" not in page
    assert "data:image/png;base64," in page


def test_web_tiles_only_when_asked(story, gazetteer):
    html = story_map(story, gazetteer, web_tiles=True).get_root().render()
    assert "tile.openstreetmap.org" in html


def test_assets_served_from_a_prefix(tmp_path):
    written = write_assets(tmp_path / "static" / "leaflet")
    assert sorted(p.relative_to(tmp_path / "static" / "leaflet").as_posix() for p in written) == sorted(ASSET_FILES)
    assert all(p.read_bytes() == (LEAFLET_DIR / rel).read_bytes() for p, rel in zip(written, ASSET_FILES))


def test_a_static_folder_serves_leaflet_and_the_basemap(story, gazetteer, tmp_path):
    static = StaticFolder(tmp_path / "static", "/app/static/")
    data = tmp_path / "static" / "data"
    data.mkdir(parents=True)
    (data / "basemap-stale.json").write_text("{}")
    os.utime(data / "basemap-stale.json", (time.time() - DATA_KEPT_S - 60,) * 2)
    (data / "basemap-recent.json").write_text("{}")
    static.prepare()
    assert [p.name for p in data.iterdir()] == ["basemap-recent.json"], "only files a week old are removed"
    (data / "basemap-recent.json").unlink()
    inline = story_map(story, gazetteer).get_root().render()
    html = story_map(story, gazetteer, static=static).get_root().render()
    assert '<script src="/app/static/leaflet/leaflet.js">' in html
    assert 'href="/app/static/leaflet/leaflet.css"' in html
    assert 'L.Icon.Default.imagePath = "/app/static/leaflet/images/"' in html
    assert (LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8")[:500] not in html
    [published] = data.iterdir()
    assert f'"/app/static/data/{published.name}"' in html
    collections = json.loads(published.read_text(encoding="utf-8"))
    assert set(collections) == {"land", "countries", "borders"}
    assert all(collections[key]["features"] for key in collections)
    assert len(html) < len(inline) / 10, "the page no longer carries the basemap"
    story_map(story, gazetteer, static=static)
    assert len(list(data.iterdir())) == 1, "the same basemap is published once"


def test_unknown_layer_is_an_input_error(story, gazetteer):
    with pytest.raises(InputError, match="unknown"):
        story_map(story, gazetteer, layers="places,roads")


def test_layers_can_be_left_out(story, gazetteer):
    folium_map = story_map(story, gazetteer, layers=["routes"])
    assert {"Routes", "Natural Earth (offline)"} == set(_groups(folium_map))


def test_notebook_display_embeds_the_page(folium_map):
    shown = folium_map._repr_html_()
    assert shown.startswith("<div") and "srcdoc=" in shown


def test_places_geojson_is_lon_lat(story):
    collection = places_geojson(story)
    assert collection["type"] == "FeatureCollection"
    pyongyang = next(f for f in collection["features"] if f["properties"]["name"] == "Pyongyang")
    assert pyongyang["geometry"]["coordinates"] == [PLACES["pyongyang"].lon, PLACES["pyongyang"].lat]
    assert pyongyang["properties"]["sources"] == 3
    assert "Russia" not in {f["properties"]["name"] for f in collection["features"]}


def test_routes_geojson_carries_lengths(story):
    collection = routes_geojson(story.routes)
    assert len(collection["features"]) == len(story.routes)
    for feature, route in zip(collection["features"], story.routes):
        assert feature["properties"]["length_km"] == pytest.approx(route_length_km(route), abs=0.05)
        first = feature["geometry"]["coordinates"][0]
        assert first == [route.waypoints[0].lon, route.waypoints[0].lat]


def test_sentence_at_finds_the_mentioning_sentence():
    text = "Mr. Kim left. He went to the U.S. Embassy in Hanoi. Then home.\nNext line."
    start = text.index("Hanoi")
    assert sentence_at(text, start, start + 5) == "He went to the U.S. Embassy in Hanoi."
    start = text.index("Next")
    assert sentence_at(text, start, start + 4) == "Next line."


def test_a_long_sentence_is_cut_between_words_around_the_mention():
    words = " ".join(f"word{n:03d}" for n in range(120))
    text = f"{words} Vladivostok {words}."
    start = text.index("Vladivostok")
    quote = sentence_at(text, start, start + len("Vladivostok"))
    assert quote.startswith("…word") and quote.endswith("…") and "Vladivostok" in quote
    inner = quote.strip("…").split(" ")
    assert all(w == "Vladivostok" or (w.startswith("word") and len(w) == 7) for w in inner), inner


def test_format_date_reads_ranges():
    assert format_date("2019-02-27/2019-02-28") == "27–28 February 2019"
    assert format_date("2023-09") == "September 2023"
    assert format_date("spring") == "spring"


def test_basemap_is_detailed_where_the_story_is(gazetteer):
    box = (129.0, 41.0, 133.0, 44.0)
    basemap = vector_basemap(gazetteer, box, ["RU", "KP"])
    inside = shapely.union_all(basemap.land.values).intersection(shapely.box(*box))
    fine = shapely.union_all(gazetteer.countries("10m").clip(shapely.box(*box)).geometry.values)
    assert inside.symmetric_difference(fine).area < 0.01 * fine.area
    assert set(basemap.countries["iso2"]) == {"RU", "KP"}


def test_basemap_geojson_is_built_once_then_read_from_the_cache(gazetteer, tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    box = (129.0, 41.0, 133.0, 44.0)
    built = basemap_geojson(gazetteer, box, ["KP", "RU"])
    [cached] = (tmp_path / "basemap").iterdir()
    assert {f["properties"]["iso2"] for f in built["countries"]["features"]} == {"RU", "KP"}
    assert all(built[key]["features"] for key in ("land", "countries", "borders"))
    monkeypatch.setattr("geo.maps.basemap.vector_basemap", lambda *args: pytest.fail("built again"))
    assert basemap_geojson(gazetteer, box, ["RU", "KP"]) == built
    assert list((tmp_path / "basemap").iterdir()) == [cached]


def test_a_route_along_track_is_drawn_with_the_vertices_a_screen_shows():
    """The 2023 train's track has hundreds of vertices a metre apart on screen: the web map draws
    fewer, none more than ~100 m off the line; the route itself keeps them all."""
    import shapely

    from geo.geodesy import path_length_km
    from geo.maps.content import SCREEN_TOLERANCE_DEG, screen_line
    from geo.routes import load_routes, route_length_km

    route = next(r for r in load_routes() if r.route_id == "kim-2023-pyongyang-vladivostok")
    full = [(w.lat, w.lon) for w in route.waypoints]
    drawn = screen_line(full)
    assert len(drawn) < len(full) / 2 and drawn[0] == full[0] and drawn[-1] == full[-1]
    line = shapely.LineString([(lon, lat) for lat, lon in drawn])
    assert max(line.distance(shapely.Point(lon, lat)) for lat, lon in full) <= SCREEN_TOLERANCE_DEG + 1e-9
    assert path_length_km(drawn) == pytest.approx(route_length_km(route), rel=0.01)
