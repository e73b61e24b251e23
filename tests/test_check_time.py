"""Travel times ("a four-hour drive", "40 minutes by train") are checked as times, not distances.

Places sit on the equator at known distances (pyproj's forward problem); the speeds expected are
worked out from those distances and the route factor the check states.
"""

import math

import pytest

from geo.check import AVERAGE_SPEEDS_KMH, ROUTE_FACTORS, check_claim
from geo.geodesy import WGS84
from geo.model import DistanceClaim, Mention, Place, Quantity, Route, Waypoint
from geo.records import claim_record
from geo.routes import route_length_km
from geo.verdicts import DistanceVerdict, TimeVerdict

ANCHOR = Place("test:anchor", "Anchorville", "city", "XA", 0.0, 0.0)


def east(km, name="Eastport"):
    lon, lat, _ = WGS84.fwd(0.0, 0.0, 90.0, km * 1000.0)
    return Place(f"test:{name.lower()}", name, "city", "XA", lat, lon)


def mention(place, text=None):
    text = text or (place.name if place else "Nowhere")
    return Mention(text, 0, len(text), place, 0.9 if place else 0.0)


def travel(subject, quantity, mode="road", hedge="", direction=""):
    return DistanceClaim("t.txt", "A made-up sentence.", 0, mention(subject), mention(ANCHOR), (quantity,),
                         hedge=hedge, direction=direction, mode=mode)


def test_a_four_hour_drive_over_300_km_is_plausible_and_says_it_is_a_time():
    result = check_claim(travel(east(300.0), Quantity("h", 4.0)))
    assert result.time_verdict == TimeVerdict.PLAUSIBLE == "plausible"
    assert result.distance_verdict == DistanceVerdict.UNVERIFIABLE  # a time is no distance
    assert result.stated_km is None and result.actual_km == pytest.approx(300.0)
    travel_ = result.travel
    assert travel_.route_factor == ROUTE_FACTORS["road"] == 1.3
    assert travel_.distance_km == pytest.approx(390.0)
    assert (travel_.hours_low, travel_.hours_high) == pytest.approx((3.6, 4.4))  # rounding, at most ±10 %
    assert travel_.speed_low_kmh == pytest.approx(390.0 / 4.4)
    assert "This is a travel time, not a distance" in result.explanation
    assert "1.3 times the straight line" in result.explanation and "plausible for road" in result.explanation


def test_a_one_hour_drive_across_a_continent_is_implausible():
    result = check_claim(travel(east(1500.0), Quantity("h", 1.0)))
    assert result.time_verdict == TimeVerdict.IMPLAUSIBLE
    assert "implausible for road" in result.explanation


def test_minutes_and_the_mode_set_the_speeds():
    near = east(20.0, "Suburb")
    assert check_claim(travel(near, Quantity("min", 40.0), mode="")).time_verdict == TimeVerdict.PLAUSIBLE
    walk = check_claim(travel(near, Quantity("min", 40.0), mode="foot"))
    assert walk.time_verdict == TimeVerdict.IMPLAUSIBLE  # 26 km in 40 minutes is no walk
    assert walk.travel.plausible_kmh == AVERAGE_SPEEDS_KMH["foot"]
    flight = check_claim(travel(east(1000.0), Quantity("h", 2.0), mode="flight"))
    assert flight.travel.route_factor == 1.0 and flight.time_verdict == TimeVerdict.PLAUSIBLE


def test_an_open_bound_leaves_the_speed_open_on_one_side():
    result = check_claim(travel(east(300.0), Quantity("h", 2.0), hedge="more than"))
    assert math.isinf(result.travel.hours_high) and result.travel.speed_low_kmh == 0.0
    assert result.time_verdict == TimeVerdict.PLAUSIBLE
    assert claim_record(result)["travel"]["hours_high"] is None  # JSON has no infinity


def test_a_known_route_is_the_distance_travelled():
    far = east(100.0, "Farport")
    waypoints = (Waypoint("Anchorville", 0.0, 0.0, "test:anchor"), Waypoint("Bend", 0.6, 0.45),
                 Waypoint("Farport", far.lat, far.lon, "test:farport"))
    road = Route("test-road", "Winding Road", "road", waypoints, source="made up for the test")
    result = check_claim(travel(far, Quantity("h", 2.0)), routes=[road])
    assert result.route_id == "test-road" and result.travel.route_factor == 1.0
    assert result.travel.distance_km == pytest.approx(route_length_km(road))
    assert "the known route measures" in result.explanation


def test_direction_of_a_travel_time_is_still_judged():
    result = check_claim(travel(east(300.0), Quantity("h", 4.0), direction="E"))
    assert result.direction_verdict == "correct"


def test_a_time_with_an_unplaced_end_is_unverifiable_with_the_reason():
    claim = DistanceClaim("t.txt", "s", 0, mention(None, "Madikwe"), mention(ANCHOR), (Quantity("h", 4.0),),
                          mode="road")
    result = check_claim(claim)
    assert (result.time_verdict, result.distance_verdict) == ("unverifiable", "unverifiable")
    assert "travel time, not a distance, and it cannot be checked: the subject 'Madikwe' is not in the gazetteer" \
        in result.explanation
    record = claim_record(result)
    assert record["time_verdict"] == "unverifiable" and record["stated"] == [{"value": 4.0, "unit": "h"}]


def test_headline_counts_count_a_travel_time_once_by_its_time_verdict():
    from geo.explain import headline_counts

    checks = [check_claim(travel(east(300.0), Quantity("h", 4.0))),  # plausible (distance unverifiable)
              check_claim(travel(east(1500.0), Quantity("h", 1.0))),  # implausible
              check_claim(travel(east(300.0), Quantity("km", 300.0), mode="")),  # an accurate distance
              check_claim(travel(None, Quantity("km", 300.0), mode=""))]  # unverifiable distance
    assert headline_counts(checks) == {"accurate": 1, "unverifiable": 1, "plausible": 1, "implausible": 1}
    assert list(headline_counts(checks)) == ["accurate", "unverifiable", "plausible", "implausible"]


def test_a_day_of_travel_is_six_to_twenty_four_hours_on_the_move():
    trek = check_claim(travel(east(60.0, "Hillfoot"), Quantity("d", 2.0), mode="foot"))
    assert trek.time_verdict == TimeVerdict.PLAUSIBLE  # 60 km in two days' walking
    fewest_day, most_day = 6.0, 24.0
    assert trek.travel.hours_low == pytest.approx(1.8 * fewest_day)  # rounding of "2" is ±10 %
    assert trek.travel.hours_high == pytest.approx(2.2 * most_day)
    assert "Each day is read as 6 h to 24 h on the move." in trek.explanation
    assert "2 days" in trek.explanation
    across = check_claim(travel(east(3000.0), Quantity("d", 1.0), mode="foot"))
    assert across.time_verdict == TimeVerdict.IMPLAUSIBLE  # 3,000 km is no day's walk
