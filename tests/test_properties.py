"""Properties of the number and claim readers on any text (hypothesis): they never raise, their
values are finite and not negative, their offsets lie inside the text, and a distance written
plainly is read back exactly.

Written against the public API only (geo.text.quantities.parse_number / find_distances,
geo.text.claims.extract_claims), so that the readers' rewrites keep them.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.documents import document_from_bytes
from geo.resolve import resolve_mentions
from geo.text.claims import extract_claims
from geo.text.quantities import find_distances, parse_number
from geo.text.recognise import find_mentions

WORDS = ("Hue", "Da Nang", "Hanoi", "Vladivostok", "Pyongyang", "is", "lies", "about", "nearly", "some",
         "km", "kilometres", "miles", "mi", "nautical", "north", "south-east", "of", "from", "to", "and",
         "between", "the", "capital", "a", "drive", "hours", "by", "road", "-", "–", "(", ")", ",", ".",
         "half", "two", "thousand", "dozen", "1,180", "2.5", "½", "3 1/2", "10-15", "0", "1e9", "…", "!!",
         "\n", "  ", "'", "“", "”")
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _quantity_values(quantity) -> list[float]:
    return [v for v in (quantity.value, quantity.low, quantity.high) if v is not None]


@SETTINGS
@given(st.text(max_size=60))
def test_parse_number_never_raises_and_gives_a_finite_amount(text):
    value = parse_number(text)
    assert value is None or (math.isfinite(value) and value >= 0)


@SETTINGS
@given(st.integers(min_value=0, max_value=10**9))
def test_parse_number_reads_digits_back(number):
    assert parse_number(str(number)) == number
    assert parse_number(f"{number:,}") == number


@SETTINGS
@given(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)))
def test_find_distances_never_raises_and_stays_inside_the_text(text):
    phrases = find_distances(text)
    for phrase in phrases:
        assert 0 <= phrase.start <= phrase.figure_start < phrase.end <= len(text)
        assert phrase.quantities
        for quantity in phrase.quantities:
            assert all(math.isfinite(v) and v >= 0 for v in _quantity_values(quantity))
    assert [p.start for p in phrases] == sorted(p.start for p in phrases)


@SETTINGS
@given(st.integers(min_value=1, max_value=20_000), st.sampled_from(["km", "kilometres", "miles"]),
       st.sampled_from(["north", "south-east", "west"]))
def test_a_plain_distance_is_read_back(number, unit, direction):
    text = f"Hue is {number:,} {unit} {direction} of Da Nang."
    (phrase,) = find_distances(text)
    (quantity, *_) = phrase.quantities
    assert quantity.value == number
    assert quantity.unit == ("mi" if unit == "miles" else "km")
    assert text[phrase.figure_start:].startswith(f"{number:,}")


@pytest.fixture(scope="module")
def claim_gazetteer(gazetteer):
    return gazetteer


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join))
def test_extract_claims_never_raises_and_quotes_the_text(claim_gazetteer, text):
    if not text.strip():
        return
    document = document_from_bytes("t.txt", text.encode("utf-8"))
    mentions = resolve_mentions(document.text, find_mentions(document.text, claim_gazetteer), claim_gazetteer)
    for claim in extract_claims(document, mentions):
        assert 0 <= claim.sentence_start < len(document.text)
        assert claim.subject.text  # the anchor may be left unstated: "X, two km north" (text "")
        for end in (claim.subject, claim.anchor):
            assert document.text[end.start : end.end] == end.text
        for quantity in claim.stated:
            assert all(math.isfinite(v) and v >= 0 for v in _quantity_values(quantity))
