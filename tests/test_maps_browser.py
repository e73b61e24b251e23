"""The saved interactive map, opened from disk in headless Chromium with the network cut off."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import CHROMIUM, offline_page
from geo.gazetteer import default_gazetteer
from geo.maps import save_html, story_map
from geo.maps import style
from geo.maps.content import places_on_map
from maps_fixtures import small_story

FROM_DISK = ("file:", "data:")  # all a saved map may load
VIEWPORT = {"width": 1200, "height": 800}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def map_file(tmp_path_factory) -> tuple[Path, object]:
    story = small_story()
    path = tmp_path_factory.mktemp("browser") / "story.html"
    save_html(story_map(story, default_gazetteer(), title="Browser test"), path)
    return path, story


def test_map_draws_offline_and_requests_nothing(map_file, tmp_path):
    pytest.importorskip("playwright.sync_api")
    path, story = map_file
    with offline_page(FROM_DISK, tmp_path / "map-failure.png", viewport=VIEWPORT) as browsed:
        page = browsed.page
        page.goto(path.as_uri())
        page.wait_for_selector(".leaflet-overlay-pane svg path", timeout=15_000)
        page.wait_for_timeout(500)
        # the basemap has a pane of its own, under the story's layers
        strokes = page.eval_on_selector_all(
            ".leaflet-map-pane svg path", "paths => paths.map(p => p.getAttribute('stroke'))")
        fills = page.eval_on_selector_all(
            ".leaflet-map-pane svg path", "paths => paths.map(p => p.getAttribute('fill'))")
        basemap_fills = page.eval_on_selector_all(
            ".leaflet-geo-basemap-pane svg path", "paths => paths.map(p => p.getAttribute('fill'))")
        meeting_icons = page.locator(".leaflet-marker-pane .geo-meeting-icon").count()
        labels = page.locator(".leaflet-tooltip-pane .geo-place-label").count()
        overlapping_labels = page.evaluate("""() => {
            const boxes = [...document.querySelectorAll('.geo-place-label')]
                .filter(l => l.style.visibility !== 'hidden').map(l => l.getBoundingClientRect());
            return boxes.some((a, i) => boxes.slice(i + 1).some(b =>
                a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
        }""")
        legend_visible = page.locator(".geo-legend").is_visible()
        layer_control = page.locator(".leaflet-control-layers").count()
        scale = page.locator(".leaflet-control-scale").count()

        assert basemap_fills.count(style.LAND) >= 1, "the Natural Earth land is drawn, in its pane"
        assert strokes.count(style.BORDER) >= 1, "the borders are drawn"
        for index in range(len(story.routes)):
            assert style.route_colour(index) in strokes, f"route {index} is drawn"
        place_colours = set(style.PLACE_GROUP_COLOURS.values())
        assert sum(1 for f in fills if f in place_colours) == len(places_on_map(story))
        assert strokes.count(style.verdict_colour("inaccurate")) == 2  # measured line and ring
        assert meeting_icons == 2  # two venues
        assert labels == sum(1 for p in places_on_map(story) if p.sources >= 2)
        assert not overlapping_labels
        assert legend_visible and layer_control == 1 and scale == 1
        assert browsed.outside == [], f"requests left the file: {browsed.outside}"
        page_errors = browsed.console_errors + browsed.errors
        assert page_errors == [], f"console errors: {page_errors}"


def test_popup_shows_escaped_article_text(map_file, tmp_path):
    pytest.importorskip("playwright.sync_api")
    path, _ = map_file
    with offline_page(FROM_DISK, tmp_path / "popup-failure.png", viewport=VIEWPORT) as browsed:
        page = browsed.page
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(path.as_uri())
        page.wait_for_selector(".geo-place-label", state="attached", timeout=15_000)
        page.evaluate("""() => {
            const map = Object.values(window).find(v => v && v._container && v.eachLayer);
            map.eachLayer(layer => {
                const tip = layer.getTooltip && layer.getTooltip();
                if (tip && tip.getContent() === 'Pyongyang') layer.openPopup();
            });
        }""")
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(timeout=5_000)
        text = popup.inner_text()
        assert "<script>alert(1)</script>" in text  # shown as text
        assert popup.locator("script").count() == 0
        assert dialogs == []
