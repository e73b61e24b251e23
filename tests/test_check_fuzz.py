"""check_claim never raises and always gives JSON a reader's tools can load, whatever the claim:
random places (some unplaced, at the poles or the antimeridian), figures (ranges, zero, huge,
NaN), units (distances and times), hedges, directions and modes, with and without a gazetteer."""

import json
import math
import random

import pytest

from geo import lexicon
from geo.check import check_claim
from geo.model import DistanceClaim, Mention, Place, Quantity
from geo.records import claim_record
from geo.verdicts import DirectionVerdict, DistanceVerdict, TimeVerdict, UnitVerdict

FIGURES = [0.0, -3.0, 0.4, 1.0, 7.0, 30.0, 425.0, 950.0, 1_180.0, 19_999.0, 25_000.0, 1e308, math.inf, math.nan]
UNITS = list(lexicon.KM_PER_UNIT) + list(lexicon.HOURS_PER_UNIT) + ["furlong"]
HEDGES = ["", "about", "more than", "less than", "nearly", "just over", "some strange hedge"]
DIRECTIONS = ["", "N", "NE", "SSW", "due west", "upstream"]
MODES = ["", *lexicon.MODES, "drive", "train", "camel"]
TEXTS = ["A town", "it", "The reserve", "Nowhere", "Thunder Bay"]


def random_place(rng: random.Random, name: str) -> Place | None:
    if rng.random() < 0.25:
        return None
    lat = rng.choice([rng.uniform(-90, 90), 90.0, -90.0, 0.0, 89.99])
    lon = rng.choice([rng.uniform(-180, 180), 180.0, -179.999])
    return Place(f"fuzz:{name}", name, rng.choice(["city", "lake", "country"]), "XA", lat, lon,
                 population=rng.choice([0, 500, 2_000_000]), radius_km=rng.choice([0.0, 5.0, 500.0]))


def random_quantity(rng: random.Random) -> Quantity:
    unit = rng.choice(UNITS)
    if rng.random() < 0.3:
        return Quantity(unit, low=rng.choice(FIGURES), high=rng.choice(FIGURES))
    return Quantity(unit, rng.choice(FIGURES))


@pytest.mark.parametrize("seed", range(4))
def test_any_claim_gives_a_check_and_strict_json(seed, gazetteer):
    rng = random.Random(seed)
    for number in range(250):
        subject, anchor = random_place(rng, "Subject"), random_place(rng, "Anchor")
        claim = DistanceClaim(
            "fuzz.txt", "A sentence.", 0, Mention(rng.choice(TEXTS), 0, 5, subject), Mention("Anchor", 6, 12, anchor),
            tuple(random_quantity(rng) for _ in range(rng.choice([0, 1, 1, 2]))), hedge=rng.choice(HEDGES),
            direction=rng.choice(DIRECTIONS), mode=rng.choice(MODES), subject_kind=rng.choice(["", "town", "lake"]))
        check = check_claim(claim, (), gazetteer if number % 5 == 0 else None)
        assert check.distance_verdict in DistanceVerdict and check.direction_verdict in DirectionVerdict
        assert check.unit_verdict in UnitVerdict and (check.time_verdict is None or check.time_verdict in TimeVerdict)
        assert check.explanation
        json.dumps(claim_record(check), allow_nan=False)  # no NaN or infinity reaches the JSON
