"""The one vocabulary: units with factors, hedges with bounds, modes, and the model's use of it."""

import pytest

from geo import lexicon
from geo.errors import UnitError
from geo.model import KM_PER_UNIT, Quantity


@pytest.mark.parametrize(
    "word, code",
    [("Kilometres", "km"), ("kms", "km"), ("miles", "mi"), ("NM", "nmi"), ("nm", None),
     ("nautical  miles", "nmi"), ("metres", "m"), ("yards", "yd"), ("feet", "ft"),
     ("hrs", "h"), ("minutes", "min"), ("furlongs", None)],
)  # fmt: skip
def test_unit_code(word, code):
    assert lexicon.unit_code(word) == code


def test_factors():
    assert KM_PER_UNIT["mi"] == pytest.approx(1.609344)
    assert KM_PER_UNIT["nmi"] == pytest.approx(1.852)
    assert KM_PER_UNIT["ft"] * 1000 == pytest.approx(0.3048)
    assert lexicon.HOURS_PER_UNIT["min"] * 60 == pytest.approx(1.0)
    assert set(lexicon.TIME_UNITS) == {"h", "min", "d", "wk"}
    assert lexicon.HOURS_PER_UNIT["d"] == 24 and lexicon.HOURS_PER_UNIT["wk"] == 168


def test_days_are_travel_times_only_beside_a_journey_and_stand_for_fewer_hours_on_the_move():
    assert lexicon.UNITS["d"].journey_only and lexicon.UNITS["wk"].journey_only
    assert not lexicon.UNITS["h"].journey_only
    assert lexicon.MOVING_HOURS_PER_UNIT["h"] == (1.0, 1.0)
    fewest, most = lexicon.MOVING_HOURS_PER_UNIT["d"]
    assert 0 < fewest < most == 24


@pytest.mark.parametrize(
    "hedge, bounds",
    [("", ("rounding", "rounding")), ("About", ("approximate", "approximate")),
     ("more than", ("rounding", "open")), ("up to", ("open", "rounding")),
     ("nearly", ("approximate", "rounding")), ("just over", ("rounding", "approximate")),
     ("well over", ("rounding", "open")), ("something unheard of", ("approximate", "approximate"))],
)  # fmt: skip
def test_hedge_bounds(hedge, bounds):
    assert lexicon.hedge_bounds(hedge) == bounds


def test_hedge_readings():
    assert lexicon.hedge_reading("Well  over") == "more than"
    assert lexicon.hedge_reading("a mere") == "only"
    assert lexicon.hedge_reading("about") == "about"


@pytest.mark.parametrize(
    "words, mode",
    [("by rail", "rail"), ("a short drive", "road"), ("as the crow flies", "straight"),
     ("a ferry ride", "sea"), ("a flight", "flight"), ("on foot", "foot"), ("nearby", "")],
)  # fmt: skip
def test_mode_of(words, mode):
    assert lexicon.mode_of(words) == mode


def test_every_mode_route_is_known():
    assert {m.route for m in lexicon.MODES.values()} <= {"", "road", "rail", "sea"}


def test_time_quantity():
    drive = Quantity(unit="h", value=4, text="four hour")
    assert drive.is_time and drive.hours == 4
    assert Quantity(unit="min", low=30, high=40).hours_bounds == pytest.approx((0.5, 40 / 60))
    with pytest.raises(UnitError, match="travel time"):
        drive.km
    with pytest.raises(ValueError):
        drive.km_bounds
    with pytest.raises(ValueError, match="distance"):
        Quantity(unit="km", value=3).hours
    assert not Quantity(unit="km", value=3).is_time
