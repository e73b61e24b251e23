"""Claims whose subject or anchor cannot be placed: the plain reason, and "where could it be?".

Claims, mentions and quantities are built by hand (no extractor). The candidate search runs on
a small gazetteer of places set at known distances and bearings from an anchor on the equator
(pyproj's forward problem), so each expectation can be pictured; the search's geodesy is the
real Gazetteer.within.
"""

from pathlib import Path

import numpy as np
import pytest

from geo.check import check_claim, description_noun, is_named, search_area, where_could_it_be
from geo.gazetteer.index import Gazetteer
from geo.geodesy import WGS84, distance_km
from geo.model import DistanceClaim, Mention, Place, Quantity
from geo.records import claim_record
from geo.verdicts import DirectionVerdict, DistanceVerdict

ANCHOR = Place("test:anchor", "Anchorville", "city", "XA", 0.0, 0.0, population=50_000)


def place_at(name, bearing, km, kind="city", population=1000):
    lon, lat, _ = WGS84.fwd(ANCHOR.lon, ANCHOR.lat, bearing, km * 1000.0)
    return Place(f"test:{name.lower()}", name, kind, "XA", lat, lon, population=population)


PLACES = [
    ANCHOR,
    place_at("Northtown", 0.0, 60.0, population=2_000),  # on the line, at the figure
    place_at("Bigcity", 10.0, 63.0, population=900_000),  # a little off, much bigger
    place_at("Eastwick", 90.0, 60.0),  # the right distance, the wrong direction
    place_at("Farfield", 0.0, 90.0),  # the right direction, too far
    place_at("Nearby", 5.0, 20.0),  # too near
    place_at("Lakeside Lake", 2.0, 59.0, kind="lake"),  # a lake, not a town
    place_at("Edgeton", 350.0, 56.0, population=500),  # inside, near the ring's inner edge
]


def small_gazetteer(places=PLACES) -> Gazetteer:
    columns = {
        "place_id": [p.place_id for p in places], "name": [p.name for p in places],
        "kind": [p.kind for p in places], "country": [p.country for p in places],
        "lat": np.array([p.lat for p in places]), "lon": np.array([p.lon for p in places]),
        "population": np.array([p.population for p in places]),
        "radius_km": np.array([p.radius_km for p in places]),
        "layer": ["test"] * len(places), "source": ["made up for the test"] * len(places),
        "renown": np.array([p.renown for p in places]),
    }
    return Gazetteer(columns, {}, [], 1, {}, Path("/nonexistent-shapes.pkl"))


def mention(text, place=None, start=0):
    return Mention(text, start, start + len(text), place, 0.9 if place else 0.0)


def claim(subject, anchor, stated=(Quantity("km", 60.0),), hedge="about", direction="N", subject_kind=""):
    return DistanceClaim("test.txt", "A made-up sentence.", 0, subject, anchor, tuple(stated), hedge=hedge,
                         direction=direction, subject_kind=subject_kind)


# --- the reason, in plain words ------------------------------------------------------------


def test_a_described_subject_is_not_named():
    result = check_claim(claim(mention("The reserve"), mention("Anchorville", ANCHOR), subject_kind="reserve"))
    assert result.distance_verdict == DistanceVerdict.UNVERIFIABLE == "unverifiable"
    assert "the subject 'The reserve' is not named" in result.explanation
    assert result.direction_verdict == DirectionVerdict.UNVERIFIABLE
    record = claim_record(result)
    assert record["subject"]["lat"] is None and record["subject"]["lon"] is None
    assert record["anchor"]["name"] == "Anchorville"


def test_a_name_the_gazetteer_lacks_is_not_in_the_gazetteer():
    result = check_claim(claim(mention("Wonchi", place_at("Wonchi", 200.0, 32.0)), mention("Ambo")))
    assert "the anchor 'Ambo' is not in the gazetteer" in result.explanation
    assert result.actual_km is None and result.candidates == () and result.search_area is None


@pytest.mark.parametrize("text, named", [
    ("Ambo", True), ("Thunder Bay", True), ("The reserve", False), ("a town", False), ("it", False),
    ("its capital", False), ("the hamlet of Kisoro", False), ("It's located", False), ("20", False),
    ("We also live", False),
])  # fmt: skip
def test_names_and_descriptions(text, named):
    assert is_named(mention(text)) is named


def test_the_head_noun_of_a_description():
    anchor = mention("Anchorville", ANCHOR)
    assert description_noun(claim(mention("a small town"), anchor)) == "town"
    assert description_noun(claim(mention("the wonchi crater-lake"), anchor)) == "crater-lake"
    assert description_noun(claim(mention("The site"), anchor, subject_kind="village")) == "village"
    assert description_noun(claim(mention("Kisoro"), anchor)) == ""


# --- where could it be? --------------------------------------------------------------------


def test_search_area_is_the_allowed_ring_and_the_stated_sector():
    area = search_area(claim(mention("a town"), mention("Anchorville", ANCHOR)), small_gazetteer())
    assert (area.min_km, area.max_km) == pytest.approx((54.0, 66.0))  # about 60 km: ±10 %
    assert (area.centre_deg, area.half_width_deg) == (0.0, 22.5)
    assert area.kinds == ("city",) and area.noun == "town"  # the populated kinds this gazetteer has


def test_candidates_are_inside_ring_and_sector_of_the_kind_best_first():
    gazetteer = small_gazetteer()
    subject, anchor = mention("a town"), mention("Anchorville", ANCHOR)
    result = check_claim(claim(subject, anchor), gazetteer=gazetteer)
    names = [fit.place.name for fit in result.candidates]
    assert names == ["Northtown", "Bigcity", "Edgeton"]  # not Eastwick, Farfield, Nearby, the lake
    first = result.candidates[0]
    assert first.distance_km == pytest.approx(60.0, abs=1e-6) and first.bearing_deg == pytest.approx(0.0, abs=1e-6)
    assert 0 <= result.candidates[-1].score < first.score <= 1
    assert "Where could it be? 3 places of that kind (town)" in result.explanation
    assert "Northtown (60 km, bearing 0°)" in result.explanation
    record = claim_record(result)
    assert list(record["candidates"][0]) == ["place_id", "name", "kind", "country", "lat", "lon",
                                             "distance_km", "bearing_deg", "score"]
    assert record["search_area"]["min_km"] == 54.0 and record["search_area"]["kinds"] == ["city"]


def test_a_lake_is_looked_for_among_lakes():
    result = check_claim(claim(mention("the lake"), mention("Anchorville", ANCHOR)), gazetteer=small_gazetteer())
    assert [fit.place.name for fit in result.candidates] == ["Lakeside Lake"]


def test_without_a_direction_the_whole_ring_is_searched():
    area, fits = where_could_it_be(claim(mention("a town"), mention("Anchorville", ANCHOR), direction=""),
                                   small_gazetteer())
    assert area.half_width_deg == 180.0
    assert {fit.place.name for fit in fits} == {"Northtown", "Bigcity", "Eastwick", "Edgeton"}


def test_a_kind_the_gazetteer_does_not_hold_gives_no_candidates_and_says_why():
    result = check_claim(claim(mention("The reserve"), mention("Anchorville", ANCHOR), subject_kind="reserve"),
                         gazetteer=small_gazetteer())
    assert result.candidates == () and result.search_area.kinds == ()
    assert "holds no places of the kind 'reserve'" in result.explanation


def test_a_name_the_gazetteer_lacks_gets_its_area_but_no_candidates():
    result = check_claim(claim(mention("Nala"), mention("Anchorville", ANCHOR)), gazetteer=small_gazetteer())
    assert result.search_area is not None and result.candidates == ()  # Nala is no town of the gazetteer
    assert "The claim puts Nala 54 km to 66 km from Anchorville, bearing 338° to 22°." in result.explanation


def test_no_candidates_when_the_anchor_is_not_placed_either():
    result = check_claim(claim(mention("a town"), mention("Atlantis")), gazetteer=small_gazetteer())
    assert result.search_area is None and result.candidates == ()


def test_within_agrees_with_measuring_every_place():
    gazetteer = small_gazetteer()
    found = gazetteer.within(0.0, 0.0, 70.0, min_km=30.0)
    expected = sorted((distance_km(0.0, 0.0, p.lat, p.lon), p.name) for p in PLACES
                      if 30.0 <= distance_km(0.0, 0.0, p.lat, p.lon) <= 70.0)
    assert [(round(km, 6), place.name) for place, km, _ in found] == [(round(km, 6), n) for km, n in expected]
    assert gazetteer.within(0.0, 0.0, 70.0, kinds=("lake",))[0][0].name == "Lakeside Lake"


def test_within_across_the_antimeridian_and_near_a_pole():
    east = Place("test:east", "East", "city", "XA", 10.0, 179.9)
    west = Place("test:west", "West", "city", "XA", 10.0, -179.9)
    polar = Place("test:polar", "Polar", "city", "XA", 89.5, 100.0)
    gazetteer = small_gazetteer([east, west, polar])
    assert [p.name for p, _, _ in gazetteer.within(10.0, 179.95, 50.0)] == ["East", "West"]
    assert [p.name for p, _, _ in gazetteer.within(89.9, -80.0, 100.0)] == ["Polar"]


@pytest.mark.parametrize("lat, lon, min_km, max_km, centre, half_width", [
    (60.0, 25.0, 900.0, 1100.0, 90.0, 22.5),  # an eastward sector far north bulges northward
    (48.85, 2.35, 50.0, 70.0, 0.0, 22.5),
    (0.5, 30.0, 180.0, 220.0, 225.0, 11.25),
    (-33.9, 151.2, 500.0, 700.0, 270.0, 33.75),
    (35.0, 179.0, 300.0, 500.0, 90.0, 22.5),  # across the antimeridian
])  # fmt: skip
def test_the_sector_box_loses_no_place_of_the_sector(gazetteer, lat, lon, min_km, max_km, centre, half_width):
    """The search cuts a sector's rows by the sector's own box: it finds exactly what measuring
    the whole ring and keeping the sector's bearings finds."""
    fast = gazetteer.within(lat, lon, max_km, min_km=min_km, sector=(centre, half_width))
    ring = gazetteer.within(lat, lon, max_km, min_km=min_km)
    slow = [(p, d, b) for p, d, b in ring if abs((b - centre + 180.0) % 360.0 - 180.0) <= half_width]
    assert [p.place_id for p, _, _ in fast] == [p.place_id for p, _, _ in slow]
