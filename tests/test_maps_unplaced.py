"""The maps draw a claim whose subject is not placed as the area where it could be, with its
candidates; and a travel time as its measured line. Claims are built by hand on real gazetteer
places (Bukavu, Goma) and checked by the real geo.check."""

import pytest
from matplotlib.patches import Patch

from geo import explain
from geo.maps.content import drawable_checks, extent_bounds, search_rings, select_check
from geo.maps.interactive import story_map
from geo.maps.static import static_figure
from unplaced_story import unplaced_story


@pytest.fixture(scope="module")
def story(gazetteer):
    return unplaced_story(gazetteer)


def test_the_search_area_and_the_travel_time_are_drawable(story):
    town, drive = story.checks
    assert town.candidates and town.search_area.kinds
    assert drive.time_verdict == "plausible"
    assert [n for n, _ in drawable_checks(story)] == [1, 2]
    assert select_check(story, 1) is town
    lon_min, lat_min, lon_max, lat_max = extent_bounds(story, "claim:1")
    ring = search_rings(town.search_area)[0]
    assert lat_min <= min(lat for lat, _ in ring) and lon_max >= max(lon for _, lon in ring)


def test_search_rings_close_and_hold_their_distances(story):
    from geo.geodesy import distance_km

    area = story.checks[0].search_area
    (ring,) = search_rings(area, 16)
    assert ring[0] == ring[-1]
    distances = [distance_km(area.lat, area.lon, lat, lon) for lat, lon in ring[:-1]]
    assert min(distances) == pytest.approx(area.min_km, rel=1e-6)
    assert max(distances) == pytest.approx(area.max_km, rel=1e-6)


def test_interactive_map_shows_the_area_and_the_candidates(story, gazetteer):
    page = story_map(story, gazetteer).get_root().render()
    first = story.checks[0].candidates[0].place.name
    assert "where could a town be?" in page
    assert f"1. {first}" in page and "geo-candidate" in page  # the best candidates named on the map
    assert "Could be" in page and "travel time" in page.lower()
    assert explain.MAP_KEY.split(";")[0] in page


def test_static_map_of_the_claim_draws_the_area_with_its_key(story, gazetteer):
    figure = static_figure(story, extent="claim:1", gazetteer=gazetteer, dpi=72)
    labels = [handle.get_label() for handle in figure.legends[0].legend_handles]
    assert explain.SEARCH_AREA_KEY in labels
    assert not any(label.startswith("Distance claim") for label in labels)  # no measured line to key
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert f"1. {story.checks[0].candidates[0].place.name}" in texts
    assert any(isinstance(patch, Patch) for patch in figure.axes[0].patches)
