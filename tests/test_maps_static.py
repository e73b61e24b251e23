"""The static map (geo.maps.static, labels, globe, basemap) and the extent rules it shares."""

from __future__ import annotations

import dataclasses
import sys
import xml.etree.ElementTree as ElementTree

import numpy as np
import pytest
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from geo.errors import InputError
from geo.geodesy import distance_km, path_length_km
from geo.maps import render_static, static_figure
from geo.maps.basemap import border_lines, scale_for
from geo.maps.content import extent_bounds
from geo.maps.globe import EARTH_RADIUS_M, globe_geometries
from geo.maps.labels import LabelPlacer
from geo.maps.static import projection_for
from geo.model import Analysis, Document, Mention, Place
from maps_fixtures import PLACES, small_story


@pytest.fixture(scope="module")
def story():
    return small_story()


@pytest.fixture(scope="module")
def figure(story, gazetteer):
    return static_figure(story, title="Test title", subtitle="Test subtitle", gazetteer=gazetteer, dpi=100)


def _texts(figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))]


# --- files -------------------------------------------------------------------------------------


def test_png_is_written_at_300_dpi(story, gazetteer, tmp_path):
    path = render_static(story, tmp_path / "map.png", extent="route:train-2023", gazetteer=gazetteer)
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.info["dpi"][0] == pytest.approx(300, abs=0.5)
        assert image.width == round(7.6 * 300)
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]  # no temporary file left


def test_svg_and_pdf_are_written(story, gazetteer, tmp_path):
    svg = render_static(story, tmp_path / "map.svg", extent="route:train-2023", gazetteer=gazetteer)
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg")
    pdf = render_static(story, tmp_path / "map.pdf", extent="route:train-2023", gazetteer=gazetteer)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def test_other_extensions_are_refused(story, gazetteer, tmp_path):
    with pytest.raises(InputError, match=r"\.png"):
        render_static(story, tmp_path / "map.jpg", gazetteer=gazetteer)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_an_input_error(story, gazetteer, tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        render_static(story, tmp_path / "nowhere" / "map.png", extent="route:train-2023", gazetteer=gazetteer)


def test_no_pyplot_figures_are_left_behind(figure):
    pyplot = sys.modules.get("matplotlib.pyplot")
    assert pyplot is None or pyplot.get_fignums() == []
    assert isinstance(figure.canvas, FigureCanvasAgg)


# --- what the map says --------------------------------------------------------------------------


def test_title_subtitle_and_credits(figure):
    texts = _texts(figure)
    assert "Test title" in texts and "Test subtitle" in texts
    source = next(t for t in texts if t.startswith("Sources:"))
    assert "GeoNames (CC-BY 4.0)" in source and "Natural Earth (public domain)" in source


def test_legend_gives_each_route_its_lengths(figure, story):
    legend = figure.legends[0]
    labels = [t.get_text() for t in legend.get_texts()]
    for route in story.routes:
        label = next(text for text in labels if text.replace("\n", " ").startswith(route.name))
        assert "along the line" in label
    assert any("Meeting" in text for text in labels)


def test_places_venues_and_route_ends_are_labelled(figure):
    texts = _texts(figure)
    for name in ("Pyongyang", "Vladivostok", "Moscow", "Vostochny Cosmodrome"):
        assert name in texts


def test_labels_do_not_overlap(figure):
    renderer = figure.canvas.get_renderer()
    map_axes = figure.axes[0]
    boxes = [t.get_window_extent(renderer) for t in map_axes.texts if t.get_text().strip()]
    assert len(boxes) >= 6
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            overlap_w = min(a.x1, b.x1) - max(a.x0, b.x0)
            overlap_h = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert overlap_w <= 0.5 or overlap_h <= 0.5


def test_scale_bar_and_inset(figure):
    map_axes = figure.axes[0]
    assert any(t.get_text().endswith(" km") for t in map_axes.texts)
    assert len(map_axes.child_axes) == 1  # the overview globe


# --- extent rules -------------------------------------------------------------------------------


def test_default_extent_fits_routes_and_meetings(story):
    lon_min, lat_min, lon_max, lat_max = extent_bounds(story)
    for route in story.routes:
        for w in route.waypoints:
            assert lon_min <= w.lon <= lon_max and lat_min <= w.lat <= lat_max
    for m in story.meetings:
        assert lon_min <= m.lon <= lon_max and lat_min <= m.lat <= lat_max


def test_a_place_named_for_context_does_not_stretch_the_map(story):
    washington = Place("t:washington", "Washington", "capital", "US", 38.8951, -77.0364, 689_545)
    text = "Washington warned Pyongyang."
    document = Document("extra.txt", text)
    extra = Analysis(document, (Mention("Washington", 0, 10, washington, 0.9),))
    bigger = dataclasses.replace(story, analyses=story.analyses + (extra, extra))
    assert extent_bounds(bigger) == extent_bounds(story)


def test_places_set_the_extent_when_nothing_else_does(story):
    bare = dataclasses.replace(story, routes=(), meetings=())
    lon_min, lat_min, lon_max, lat_max = extent_bounds(bare, layers="places")
    assert lon_min <= PLACES["pyongyang"].lon <= lon_max  # named by three sources
    assert lat_max < PLACES["vostochny"].lat  # named by one


def test_claim_extent_holds_the_stated_ring(story):
    check = story.checks[0]  # 950 km from Pyongyang
    lon_min, lat_min, lon_max, lat_max = extent_bounds(story, "claim:1")
    anchor = check.claim.anchor.place
    assert distance_km(anchor.lat, anchor.lon, lat_max, anchor.lon) == pytest.approx(950, rel=0.01)
    assert distance_km(anchor.lat, anchor.lon, lat_min, anchor.lon) == pytest.approx(950, rel=0.01)


def test_route_and_bbox_extents(story):
    route = story.routes[0]
    assert extent_bounds(story, "route:train-2023") == (
        min(w.lon for w in route.waypoints), min(w.lat for w in route.waypoints),
        max(w.lon for w in route.waypoints), max(w.lat for w in route.waypoints))
    assert extent_bounds(story, "bbox:120,35,135,45") == (120, 35, 135, 45)


@pytest.mark.parametrize("spec", ["bbox:1,2", "bbox:10,5,0,6", "claim:9", "claim:x", "route:nowhere", "city:Paris"])
def test_bad_extents_are_input_errors(story, spec):
    with pytest.raises(InputError, match="extent|claim"):
        extent_bounds(story, spec)


def test_projection_is_centred_equal_area():
    crs = projection_for((120.0, 30.0, 140.0, 50.0))
    assert crs.coordinate_operation.method_name == "Lambert Azimuthal Equal Area"
    params = {p.name: p.value for p in crs.coordinate_operation.params}
    assert params["Latitude of natural origin"] == 40.0
    assert params["Longitude of natural origin"] == 130.0


def test_detailed_basemap_for_a_region():
    assert scale_for((129.0, 41.0, 133.0, 44.0)) == "10m"
    assert scale_for((37.0, 21.0, 132.0, 56.0)) == "50m"


# --- the pieces ---------------------------------------------------------------------------------


def _axes() -> tuple[Figure, LabelPlacer]:
    figure = Figure(figsize=(4, 3), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, 100)
    axes.set_ylim(0, 100)
    return figure, LabelPlacer(axes, figure.canvas.get_renderer())


def test_label_placer_moves_a_second_label_off_the_first():
    figure, placer = _axes()
    first = placer.place(50, 50, "Vladivostok", 4)
    second = placer.place(50, 50, "Vladivostok station", 4)
    renderer = figure.canvas.get_renderer()
    a, b = first[0].get_window_extent(renderer), second[0].get_window_extent(renderer)
    assert not a.overlaps(b)


def test_label_placer_drops_what_does_not_fit_unless_required():
    figure, placer = _axes()
    placer.block(placer.area)
    assert placer.place(50, 50, "Nowhere", 4) is None
    assert placer.place(50, 50, "Somewhere", 4, required=True) is not None


def test_label_placer_keeps_labels_inside_the_map():
    figure, placer = _axes()
    texts = placer.place(99, 50, "Right at the edge", 4)
    box = texts[0].get_window_extent(figure.canvas.get_renderer())
    assert box.x1 <= placer.area.x1


def test_label_sits_by_its_own_point():
    figure, placer = _axes()
    placer.block_point(50, 50, 3)
    placer.block_point(58, 50, 3)  # a neighbour to the right
    texts = placer.place(50, 50, "Left one", 6)
    assert texts[0].get_horizontalalignment() != "left"


def test_globe_shows_the_near_side_only(gazetteer):
    shapes = globe_geometries(gazetteer.countries("50m"), 40.0, 125.0)
    coordinates = shapely.get_coordinates(shapes)
    assert np.hypot(*coordinates.T).max() <= EARTH_RADIUS_M * 1.0001
    union = shapely.union_all(shapes)
    assert union.contains(shapely.Point(0, 0))  # (40N, 125E) is on land, at the centre
    assert union.area < np.pi * EARTH_RADIUS_M**2 * 0.6


def test_borders_leave_coasts_out(gazetteer):
    countries = gazetteer.countries("50m")
    korea = countries[countries["iso2"].isin(["KP", "KR"])]
    lines = border_lines(korea)
    length_km = sum(path_length_km([(lat, lon) for lon, lat in line.coords]) for line in lines)
    assert 200 < length_km < 320  # the Military Demarcation Line is about 250 km long
    assert shapely.union_all(lines.values).distance(shapely.Point(126.6, 37.95)) < 0.3  # near Kaesong


def test_russia_has_no_band_across_the_map(gazetteer):
    """Regression: world-atlas rings jump at the antimeridian and used to turn into a band."""
    countries = gazetteer.countries("50m")
    russia = countries[countries["iso2"] == "RU"].geometry.values[0]
    assert not russia.contains(shapely.Point(20.0, 67.0))  # northern Sweden
    assert not russia.contains(shapely.Point(-100.0, 67.0))  # northern Canada
    assert russia.contains(shapely.Point(100.0, 65.0))
    assert russia.contains(shapely.Point(-175.0, 66.0))  # Chukotka, east of the antimeridian


@pytest.fixture(scope="module")
def bundled_story(gazetteer):
    """The bundled story: its meetings note and five routes fill the legend and the page's width."""
    import geo
    return geo.analyse(gazetteer=gazetteer)


@pytest.mark.parametrize("family", [None, "DejaVu Sans"])
def test_every_text_stays_on_the_page(bundled_story, gazetteer, monkeypatch, family):
    """Titles, legend, notes and credits are wrapped to the map's width in whichever font the machine has:
    DejaVu Sans (the fallback) sets the same words about 12 % wider than Liberation Sans."""
    from matplotlib.text import Text

    from geo.maps import static
    if family:
        monkeypatch.setattr(static, "_FONT", family)
        monkeypatch.setattr(static, "_EM_PER_CHAR", static._em_per_char(family))
        monkeypatch.setattr(static, "_LEGEND_CHARS", int(static._LEGEND_WIDTH_EM / static._EM_PER_CHAR))
    figure = static_figure(bundled_story, title="A title", subtitle="A subtitle that runs on and on, " * 8,
                           gazetteer=gazetteer, dpi=72)
    renderer = FigureCanvasAgg(figure).get_renderer()
    texts = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    assert len(texts) > 5
    right = max(axes.get_window_extent(renderer).x1 for axes in figure.axes)  # the map's edge
    for text in texts:
        box = text.get_window_extent(renderer)
        assert figure.bbox.x0 <= box.x0 and box.x1 <= right + 1, text.get_text()[:60]
