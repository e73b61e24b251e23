"""geo.check: tolerances, verdicts and explanations on hand-made claims and places.

Places sit on simple meridians so that a reader can picture them; the measured values come from
geo.geodesy (pyproj), never from constants typed here.
"""

import math

import pytest

from geo import check
from geo.check import (
    Allowance,
    check_claim,
    check_direction,
    check_units,
    distance_allowance,
    extent_km,
    judge_distance,
    rounding_step,
    unverifiable_figure,
)
from geo.geodesy import WGS84, distance_km
from geo.model import DistanceClaim, Mention, Place, Quantity, Route, Waypoint
from geo.routes import route_length_km

ANCHOR = Place("test:anchor", "Anchorville", "city", "XA", 0.0, 0.0)
NORTH = Place("test:north", "Northport", "city", "XA", 1.0, 0.0)  # due north of ANCHOR
NORTH_KM = distance_km(0.0, 0.0, 1.0, 0.0)  # about 110.6 km


def place_at(bearing: float, km: float, name: str = "Elsewhere", radius_km: float = 0.0) -> Place:
    """A place ``km`` from ANCHOR at ``bearing`` degrees (pyproj's forward problem)."""
    lon, lat, _ = WGS84.fwd(ANCHOR.lon, ANCHOR.lat, bearing, km * 1000.0)
    return Place(f"test:{name.lower()}", name, "city", "XA", lat, lon, radius_km=radius_km)


def mention(place: Place | None, text: str | None = None) -> Mention:
    text = text or (place.name if place else "Nowhere")
    return Mention(text, 0, len(text), place, 0.9 if place else 0.0)


def claim(subject=NORTH, anchor=ANCHOR, stated=(Quantity("km", 110.0),), hedge="", direction="", mode=""):
    return DistanceClaim(
        document="test.txt",
        sentence="A made-up sentence.",
        sentence_start=0,
        subject=subject if isinstance(subject, Mention) else mention(subject),
        anchor=anchor if isinstance(anchor, Mention) else mention(anchor),
        stated=tuple(stated),
        hedge=hedge,
        direction=direction,
        mode=mode,
    )


# --- precision of a stated figure ----------------------------------------------------------


@pytest.mark.parametrize(
    "figure, step",
    [(950, 50), (1180, 10), (600, 100), (425, 25), (680, 10), (1000, 1000), (12, 1), (1250, 250),
     (2.4, 0.1), (0.75, 0.25), (7, 1), (35, 5)],
)  # fmt: skip
def test_rounding_step_reads_the_last_significant_digit(figure, step):
    assert rounding_step(figure) == pytest.approx(step)


def test_flat_figure_allows_its_rounding_but_never_more_than_ten_percent():
    assert check.flat_slack(950) == 25
    assert check.flat_slack(425) == 12.5
    assert check.flat_slack(1000) == pytest.approx(100)  # not +-500: a one-digit figure is capped


def test_approximate_hedge_allows_ten_percent_or_the_rounding_whichever_is_larger():
    assert check.approximate_slack(950) == pytest.approx(95)
    assert check.approximate_slack(1000) == pytest.approx(250)  # rounding (500) capped at 25 %
    assert check.approximate_slack(12) == pytest.approx(1.2)


# --- allowances ----------------------------------------------------------------------------


def test_flat_allowance_is_the_rounding_plus_the_places_extent_above():
    allowance = distance_allowance(Quantity("km", 950.0), "", extent=30.0)
    assert (allowance.low_km, allowance.high_km) == pytest.approx((925.0, 1005.0))
    assert allowance.tolerance_km == pytest.approx(55.0)
    assert (allowance.below_km, allowance.above_km) == pytest.approx((25.0, 55.0))
    assert "rounding to 50" in allowance.words
    assert "30 km more if measured between the places' edges" in allowance.words


def test_about_allowance_is_ten_percent_each_way():
    allowance = distance_allowance(Quantity("km", 950.0), "About")
    assert (allowance.low_km, allowance.high_km) == pytest.approx((855.0, 1045.0))
    assert "'about 950 km' allows ±10%" in allowance.words


def test_allowance_in_miles_converts_to_km():
    allowance = distance_allowance(Quantity("mi", 425.0), "about")
    assert allowance.low_km == pytest.approx(382.5 * 1.609344)
    assert allowance.high_km == pytest.approx(467.5 * 1.609344)


@pytest.mark.parametrize(
    "hedge, low, high, tolerance",
    [
        ("more than", 550.0, math.inf, 50.0),  # lower bound, less the rounding of 600 (+-50)
        ("at least", 550.0, math.inf, 50.0),
        ("over", 550.0, math.inf, 50.0),
        ("less than", 0.0, 650.0, 50.0),  # upper bound, plus the rounding
        ("under", 0.0, 650.0, 50.0),
        ("up to", 0.0, 650.0, 50.0),
        ("nearly", 540.0, 650.0, 60.0),  # upper bound, approximate below (10 %)
        ("just under", 540.0, 650.0, 60.0),
        ("just over", 550.0, 660.0, 60.0),  # lower bound, approximate above
    ],
)
def test_one_sided_hedges_bound_one_side(hedge, low, high, tolerance):
    allowance = distance_allowance(Quantity("km", 600.0), hedge)
    assert (allowance.low_km, allowance.high_km) == pytest.approx((low, high))
    assert allowance.tolerance_km == pytest.approx(tolerance)


def test_range_allows_its_span_widened_at_each_end():
    allowance = distance_allowance(Quantity("km", low=20.0, high=30.0), "")
    assert (allowance.low_km, allowance.high_km) == pytest.approx((18.0, 33.0))


def test_unknown_hedge_reads_as_approximate():
    assert check.hedge_sides("give or take about") == ("approximate", "approximate")


# --- judging a figure ----------------------------------------------------------------------


def test_judge_inside_is_accurate_beyond_twice_is_inaccurate():
    allowance = Allowance(900.0, 1000.0, 50.0, 50.0, "test")
    assert judge_distance(950, 990, allowance, "straight line").verdict == "accurate"
    assert judge_distance(950, 1040, allowance, "straight line").verdict == "close"
    assert judge_distance(950, 1150, allowance, "straight line").verdict == "inaccurate"
    judged = judge_distance(950, 1000, allowance, "straight line")
    assert judged.error_km == -50 and judged.error_pct == pytest.approx(-5.0)


def test_close_has_a_floor_of_ten_percent_of_the_figure():
    tight = Allowance(1175.0, 1185.0, 5.0, 5.0, "a flat 1,180 km")
    assert judge_distance(1180, 1250, tight, "straight line").verdict == "close"  # 65 km past, < 118
    assert judge_distance(1180, 1320, tight, "straight line").verdict == "inaccurate"


# --- whole claims: distance ----------------------------------------------------------------


def test_accurate_claim_reports_measures_and_coordinates():
    result = check_claim(claim(stated=[Quantity("km", 110.0)], hedge="about", direction="N"))
    assert result.distance_verdict == "accurate"
    assert result.actual_km == pytest.approx(NORTH_KM)
    assert result.bearing_deg == pytest.approx(0.0, abs=1e-6)
    assert result.error_km == pytest.approx(110.0 - NORTH_KM)
    assert result.error_pct == pytest.approx(100 * (110.0 - NORTH_KM) / NORTH_KM)
    assert result.tolerance_km == pytest.approx(11.0)
    assert result.matches == "straight line"
    assert "0.000° N, 0.000° E" in result.explanation and "1.000° N" in result.explanation
    assert "WGS84 geodesic" in result.explanation


def test_flat_figure_just_outside_its_rounding_is_close():
    result = check_claim(claim(stated=[Quantity("km", 100.0)]))  # 90..110, measured 110.6
    assert result.distance_verdict == "close"
    assert result.matches == "straight line"


def test_precise_figure_far_off_is_inaccurate():
    result = check_claim(claim(stated=[Quantity("km", 130.0)]))  # 125..135, 14 km past > 13
    assert result.distance_verdict == "inaccurate"
    assert result.matches == "neither"
    assert "long" in result.explanation


def test_places_extent_widens_the_tolerance():
    big = Place("test:big", "Bigtown", "city", "XA", 1.0, 0.0, radius_km=10.0)
    sprawling = Place("test:sprawl", "Sprawl", "city", "XA", 0.0, 0.0, radius_km=400.0)
    assert extent_km(big, sprawling) == 60.0  # each radius counts up to 50 km
    assert extent_km(big, sprawling, distance_km=100.0) == 25.0  # together up to a quarter of the distance
    wide_anchor = Place("test:wide", "Wide Anchorville", "city", "XA", 0.0, 0.0, radius_km=10.0)
    result = check_claim(claim(subject=big, anchor=wide_anchor, stated=[Quantity("km", 100.0)]))
    assert result.distance_verdict == "accurate"  # 90..110, and up to 20 km more edge to edge
    assert result.tolerance_km == pytest.approx(30.0)
    assert "up to 20 km more if measured between the places' edges" in result.explanation
    longer = check_claim(claim(subject=big, anchor=wide_anchor, stated=[Quantity("km", 130.0)]))
    assert longer.distance_verdict == "inaccurate"  # edges never lie further apart than centres


@pytest.mark.parametrize(
    "hedge, figure, verdict",
    [
        ("more than", 100.0, "accurate"),  # 110.6 > 100
        ("more than", 150.0, "inaccurate"),  # needs >= 135
        ("less than", 200.0, "accurate"),
        ("less than", 100.0, "close"),  # <= 110 allowed, 0.6 km past
        ("nearly", 120.0, "accurate"),  # 108..121
        ("nearly", 250.0, "inaccurate"),  # needs 225..275
        ("up to", 60.0, "inaccurate"),
    ],
)
def test_one_sided_claims(hedge, figure, verdict):
    assert check_claim(claim(stated=[Quantity("km", figure)], hedge=hedge)).distance_verdict == verdict


def test_miles_figure_is_judged_in_km():
    result = check_claim(claim(stated=[Quantity("mi", 69.0)], hedge="about"))
    assert result.stated_km == pytest.approx(69.0 * 1.609344)
    assert result.distance_verdict == "accurate"


# --- unverifiable --------------------------------------------------------------------------


def test_unresolved_place_is_unverifiable_naming_it():
    result = check_claim(claim(anchor=mention(None, "Atlantis"), direction="N"))
    assert result.distance_verdict == "unverifiable"
    assert result.direction_verdict == "unverifiable"
    assert result.actual_km is None and result.error_km is None and result.matches == ""
    assert "'Atlantis'" in result.explanation and "anchor" in result.explanation


@pytest.mark.parametrize(
    "quantity, reason",
    [
        (Quantity("km", 1e308), "longer than any distance on Earth"),
        (Quantity("km", 25_000.0), "longer than any distance on Earth"),
        (Quantity("mi", 1e308), "longer than any distance on Earth"),  # overflows to inf in km
        (Quantity("km", math.inf), "not a finite number"),
        (Quantity("km", math.nan), "not a finite number"),
        (Quantity("km", 0.0), "not a positive distance"),
        (Quantity("km", -5.0), "not a positive distance"),
        (Quantity("km", low=10.0, high=1e309), "not a finite number"),
    ],
)
def test_absurd_figures_are_unverifiable_not_a_crash(quantity, reason):
    assert reason in unverifiable_figure(quantity)
    result = check_claim(claim(stated=[quantity]))
    assert result.distance_verdict == "unverifiable"
    assert reason in result.explanation


def test_half_the_circumference_is_still_a_distance():
    assert unverifiable_figure(Quantity("km", 20_000.0)) == ""


def test_same_place_twice_is_unverifiable():
    result = check_claim(claim(subject=ANCHOR, anchor=ANCHOR))
    assert result.distance_verdict == "unverifiable"
    assert "same place" in result.explanation


def test_places_at_the_same_coordinates_are_unverifiable():
    station = Place("test:station", "Anchorville Station", "station", "XA", 0.0, 0.0)
    result = check_claim(claim(subject=station))
    assert result.distance_verdict == "unverifiable"
    assert "same coordinates" in result.explanation


def test_place_without_valid_coordinates_is_unverifiable():
    broken = Place("test:broken", "Nowhere", "city", "XA", math.nan, 0.0)
    assert "no valid coordinates" in check_claim(claim(subject=broken)).explanation
    beyond = Place("test:beyond", "Beyond", "city", "XA", 95.0, 0.0)
    assert check_claim(claim(subject=beyond)).distance_verdict == "unverifiable"


def test_range_without_bounds_is_unverifiable():
    assert "not a finite number" in unverifiable_figure(Quantity("km", low=None, high=None))


def test_no_figure_is_unverifiable():
    assert check_claim(claim(stated=[])).distance_verdict == "unverifiable"


# --- direction -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "direction, bearing, verdict",
    [
        ("N", 0.0, "correct"),
        ("N", 20.0, "correct"),
        ("N", 47.0, "approximate"),  # north-east: one point off the eight winds
        ("N", 340.0, "correct"),
        ("N", 70.0, "wrong"),
        ("N", 180.0, "wrong"),
        ("NE", 47.0, "correct"),
        ("NE", 80.0, "approximate"),
        ("NE", 150.0, "wrong"),
        ("NNE", 25.0, "correct"),  # 16-point names cover +-11.25
        ("NNE", 40.0, "approximate"),
        ("NNE", 60.0, "wrong"),
        ("due N", 15.0, "approximate"),  # "due" narrows the sector to +-11.25
        ("due north", 5.0, "correct"),
        ("SW", 225.0, "correct"),
        ("W", 300.0, "approximate"),
    ],
)
def test_direction_sectors_follow_the_wording(direction, bearing, verdict):
    assert check_direction(direction, bearing, distance_km=500.0) == verdict


def test_places_extent_widens_the_direction_sector():
    assert check_direction("N", 25.0, distance_km=100.0) == "approximate"
    assert check_direction("N", 25.0, distance_km=100.0, extent=10.0) == "correct"  # ~5.7 degrees


def test_not_a_compass_direction_is_unverifiable():
    assert check_direction("upstream", 10.0, distance_km=100.0) == "unverifiable"


def test_north_when_the_bearing_is_47_degrees_says_north_east():
    subject = place_at(47.0, 685.0, "Eastwick")
    result = check_claim(claim(subject=subject, stated=[Quantity("mi", 425.0)], hedge="about", direction="N"))
    assert result.bearing_deg == pytest.approx(47.0, abs=1e-6)
    assert result.direction_verdict == "approximate"
    assert "north-east (bearing 47°)" in result.explanation


def test_direction_not_stated_still_reports_the_bearing():
    result = check_claim(claim(subject=place_at(200.0, 300.0), stated=[Quantity("km", 300.0)]))
    assert result.direction_verdict == "not stated"
    assert "south-south-west (bearing 200°)" in result.explanation


# --- units ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stated, verdict",
    [
        ([Quantity("km", 950.0), Quantity("mi", 600.0)], "consistent"),
        ([Quantity("mi", 425.0), Quantity("km", 680.0)], "consistent"),
        ([Quantity("km", 950.0), Quantity("mi", 500.0)], "inconsistent"),
        ([Quantity("km", 1000.0), Quantity("mi", 800.0)], "inconsistent"),  # 1,000 is not +-500
        ([Quantity("km", low=20.0, high=30.0), Quantity("mi", low=12.0, high=19.0)], "consistent"),
        ([Quantity("km", low=20.0, high=30.0), Quantity("mi", low=40.0, high=50.0)], "inconsistent"),
        ([Quantity("nmi", 100.0), Quantity("km", 185.0)], "consistent"),
        ([Quantity("km", 950.0)], "single unit"),
        ([Quantity("km", 950.0), Quantity("mi", 1e308)], "single unit"),
    ],
)
def test_unit_consistency(stated, verdict):
    assert check_units(stated) == verdict


def test_unit_verdict_in_the_explanation():
    result = check_claim(claim(stated=[Quantity("km", 110.0), Quantity("mi", 70.0)], hedge="about"))
    assert result.unit_verdict == "consistent"
    assert "110 km and 70 mi (113 km) agree" in result.explanation
    result = check_claim(claim(stated=[Quantity("km", 110.0), Quantity("mi", 110.0)], hedge="about"))
    assert result.unit_verdict == "inconsistent"
    assert "do not agree" in result.explanation


# --- routes --------------------------------------------------------------------------------


@pytest.fixture
def dogleg_railway():
    """A railway from ANCHOR to NORTH by way of a point half a degree east: ~157 km of track."""
    waypoints = (
        Waypoint("Anchorville", 0.0, 0.0, "test:anchor"),
        Waypoint("Bend", 0.5, 0.5),
        Waypoint("Northport", 1.0, 0.0, "test:north"),
    )
    return Route("test-rail", "Dogleg Railway", "rail", waypoints, source="made up for the test")


def test_rail_figure_is_judged_against_the_route(dogleg_railway):
    rail_km = route_length_km(dogleg_railway)
    stated = [Quantity("km", 160.0)]
    result = check_claim(claim(stated=stated, hedge="about", mode="rail"), routes=[dogleg_railway])
    assert result.route_km == pytest.approx(rail_km)
    assert result.route_id == "test-rail"
    assert result.distance_verdict == "accurate"
    assert result.matches == "route"
    assert result.error_km == pytest.approx(160.0 - rail_km)
    assert "Dogleg Railway" in result.explanation


def test_figure_off_the_straight_line_is_tried_against_a_route(dogleg_railway):
    result = check_claim(claim(stated=[Quantity("km", 160.0)], hedge="about"), routes=[dogleg_railway])
    assert result.distance_verdict == "inaccurate"  # no mode named: judged as the crow flies
    assert result.matches == "route"
    assert result.route_km == pytest.approx(route_length_km(dogleg_railway))
    assert "fits the route instead" in result.explanation


def test_figure_on_the_straight_line_does_not_look_for_routes(dogleg_railway):
    result = check_claim(claim(stated=[Quantity("km", 110.0)], hedge="about"), routes=[dogleg_railway])
    assert (result.route_km, result.route_id, result.matches) == (None, "", "straight line")


def test_rail_claim_that_fits_the_straight_line_says_so(dogleg_railway):
    stated = [Quantity("km", 110.0)]
    result = check_claim(claim(stated=stated, hedge="about", mode="rail"), routes=[dogleg_railway])
    assert result.distance_verdict == "inaccurate"  # judged against the railway it names
    assert result.matches == "straight line"
    assert "fits the straight line instead" in result.explanation


@pytest.mark.parametrize("figure", [200.0, 110.0])
def test_named_route_unknown_is_unverifiable_when_the_figure_may_be_right(figure):
    result = check_claim(claim(stated=[Quantity("km", figure)], hedge="about", mode="road"))
    assert result.distance_verdict == "unverifiable"
    assert result.matches == "" and result.error_km is None
    assert result.actual_km == pytest.approx(NORTH_KM)
    assert "No road route" in result.explanation and "never shorter" in result.explanation


def test_named_route_unknown_figure_shorter_than_the_line_is_inaccurate(dogleg_railway):
    result = check_claim(claim(stated=[Quantity("km", 50.0)], mode="drive"), routes=[dogleg_railway])
    assert result.distance_verdict == "inaccurate"  # the railway is no road
    assert result.matches == "neither"
    assert "never shorter than the straight line" in result.explanation


def test_straight_mode_is_never_judged_against_a_route(dogleg_railway):
    stated = [Quantity("km", 160.0)]
    result = check_claim(claim(stated=stated, hedge="about", mode="straight"), routes=[dogleg_railway])
    assert result.distance_verdict == "inaccurate"
    assert result.matches == "route"


def test_a_figure_as_long_as_a_road_says_it_may_be_one():
    far = place_at(0.0, 100.0, "Roadend")
    result = check_claim(claim(subject=far, stated=[Quantity("km", 130.0)]))
    assert result.distance_verdict == "inaccurate"  # judged on the straight line, as worded
    assert "1.30 times the straight line, as a road distance typically is (1.2 to 1.4 times)" in result.explanation
    longer = check_claim(claim(subject=far, stated=[Quantity("km", 200.0)]))
    assert "road distance" not in longer.explanation  # twice the line is no road's detour
    named = check_claim(claim(subject=far, stated=[Quantity("km", 130.0)], mode="road"))
    assert "as a road distance typically is" not in named.explanation  # a named road unmeasured says so itself
