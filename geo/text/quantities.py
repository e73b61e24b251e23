"""Distance figures in English text: numbers, units, ranges, paired units and hedges.

:func:`find_distances` returns every written distance as a :class:`DistancePhrase`: one or
more :class:`~geo.model.Quantity` (the same distance in two units, "950 kilometres (600
miles)"), the hedge before it ("about", "more than", ...) and its character span. It knows
nothing about places: whether a figure states where one place lies from another is decided by
:mod:`geo.text.claims`.

Recognised units: km ("km", "kms", "kilometres", "kilometers", "klicks"), miles ("miles",
"mi", "statute miles") and nautical miles ("nautical miles", "nmi", "NM" in capitals; a
lower-case "nm" is a nanometre). Not distances, and so never returned: areas ("square
kilometres", "sq km", "km2", "km²"), speeds and rates ("km/h", "miles per hour", "miles a
day"), vague amounts ("a few miles", "hundreds of kilometres"), and numbers in scientific
notation ("1e308 km") or too large to be finite.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from geo.model import Quantity

__all__ = ["DistancePhrase", "HEDGES", "find_distances", "parse_number", "parse_unit"]

HEDGES = (
    "about", "some", "roughly", "around", "approximately", "approx.", "approx", "circa",
    "an estimated", "estimated", "close to", "nearly", "almost", "more than", "over",
    "at least", "upwards of", "in excess of", "no less than", "less than", "under", "up to",
    "at most", "no more than", "fewer than", "just under", "just over", "just more than",
    "a little over", "a little under", "a little more than", "a little less than",
    "slightly more than", "slightly less than", "just short of", "only", "just", "barely",
    "exactly", "precisely", "well over", "well under", "a mere", "merely",
)  # fmt: skip
"""Hedges recognised before a figure, lower case. ``DistancePhrase.hedge`` is one of these,
except that intensified bounds read as the plain bound ("well over" -> "more than") and "a
mere" / "merely" read as "only"; "or so" after a figure reads as "about", "or more" as "at
least" and "or less" as "up to"."""

_HEDGE_READINGS = {
    "well over": "more than",
    "well under": "less than",
    "a mere": "only",
    "merely": "only",
    "or so": "about",
    "or more": "at least",
    "or less": "up to",
}

_SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    word: 10 * (i + 2)
    for i, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_SCALES = {"hundred": 100, "thousand": 1000}

_NUMBER_WORD = "|".join(sorted([*_SMALL_NUMBERS, *_TENS, *_SCALES, "dozen"], key=len, reverse=True))
_WORD_NUMBER = (
    rf"(?:an?\s+(?=(?:hundred|thousand|dozen)\b))?"
    rf"(?:{_NUMBER_WORD})\b"
    rf"(?:(?:(?:(?<=hundred)|(?<=thousand))\s+and\s+|\s+|-)(?:{_NUMBER_WORD})\b)*"
    rf"(?:\s+and\s+a\s+half\b)?"
)
_DIGIT_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]*\d)|\.\d+"
_NUMBER = rf"(?:{_DIGIT_NUMBER}|{_WORD_NUMBER})"
_NUMBER_START = r"(?<![\w.,^\-–])(?<!\d/)"  # not inside a word, a decimal, 1e308, 10^308, 7/10

_UNIT = (
    r"(?:nautical\s+miles?|sea\s+miles?|(?-i:NM)|nmi"
    r"|statute\s+miles?|miles?|mi"
    r"|kilo-?met(?:re|er)s?|kms?|klicks?)"
)
_NOT_A_DISTANCE_AFTER = (
    r"(?![\w²³^]"  # km2, km², kmh, km^2
    r"|\s*/\s*[a-z]"  # km/h, miles/day
    r"|\s+(?:per|an?|each)\s+(?:hour|day|second|minute|week|month|year)\b"  # speeds and rates
    r")"
)
_SEP = r"(?:[ \u00a0\u202f]?-[ \u00a0\u202f]?|[ \u00a0\u202f]*)"
_ONE_UNIT = r"(?:mile|kilomet(?:re|er)|km|nautical\s+mile)(?![\w²³^])"

_QUANTITY_RE = re.compile(
    rf"""
    {_NUMBER_START}
    (?:
        between\s+(?P<between_low>{_NUMBER})\s+and\s+(?P<between_high>{_NUMBER})
        {_SEP}(?P<between_unit>{_UNIT})
      | (?P<span_low>{_NUMBER}){_SEP}(?P<span_unit>{_UNIT})
        \s*(?:-|–|—|to)\s*(?P<span_high>{_NUMBER}){_SEP}(?P=span_unit)
      | (?P<value>{_NUMBER}){_SEP}(?P<unit>{_UNIT})
      | (?P<low>{_NUMBER})\s*(?:-|–|—|\bto\b|\bor\b)\s*(?P<high>{_NUMBER}){_SEP}(?P<range_unit>{_UNIT})
      | (?P<half>half\s+an?)\s+(?P<half_unit>{_ONE_UNIT})
      | (?P<one>\ban?)\s+(?P<one_unit>{_ONE_UNIT})(?P<one_half>\s+and\s+a\s+half\b)?
    )
    {_NOT_A_DISTANCE_AFTER}
    """,
    re.IGNORECASE | re.VERBOSE,
)

_HEDGE_ALTERNATIVES = "|".join(
    re.escape(hedge).replace(r"\ ", r"\s+") for hedge in sorted(HEDGES, key=len, reverse=True)
)
_HEDGE_BEFORE_RE = re.compile(
    rf"(?:(?:{_HEDGE_ALTERNATIVES})\s+)??(?P<hedge>{_HEDGE_ALTERNATIVES})\s+", re.IGNORECASE
)
_WORD_STARTS_RE = re.compile(r"(?:^|(?<=[\s(\[,—–\-\"“']))\w")
_HEDGE_AFTER_RE = re.compile(r"\s*,?\s+(?P<hedge>or\s+so|or\s+more|or\s+less)\b", re.IGNORECASE)
_PAIR_OPEN_RE = re.compile(rf"\s*[(\[]\s*(?:(?P<hedge>{_HEDGE_ALTERNATIVES})\s+)?", re.IGNORECASE)
_PAIR_JOIN_RE = re.compile(
    rf"(?:\s*/\s*|\s*,?\s+or\s+|\s*[–—]\s*|\s*,\s*)(?:(?P<hedge>{_HEDGE_ALTERNATIVES})\s+)?",
    re.IGNORECASE,
)
_IN_PAIR_JOIN_RE = re.compile(
    rf"\s*(?:[,;/]|\bor\b)\s*(?:(?P<hedge>{_HEDGE_ALTERNATIVES})\s+)?", re.IGNORECASE
)
_PAIR_CLOSE_RE = re.compile(r"\s*(?:,?\s*or\s+so\s*)?[)\]]", re.IGNORECASE)

_UNIT_NAMES = (
    (re.compile(r"(?:nautical|sea)\s+miles?|NM|nmi"), "nmi"),
    (re.compile(r"(?:statute\s+)?miles?|mi", re.IGNORECASE), "mi"),
    (re.compile(r"kilo-?met(?:re|er)s?|kms?|klicks?", re.IGNORECASE), "km"),
)


@dataclass(frozen=True)
class DistancePhrase:
    """A written distance: its figures (first one first), hedge and span in the text searched.

    ``start`` is the offset of the hedge when there is one, else of the first figure; ``end``
    is just after the last unit or the bracket closing a paired unit ("(600 miles)").
    ``figure_start`` is the offset of the first figure (after any hedge).
    """

    quantities: tuple[Quantity, ...]
    hedge: str
    start: int
    end: int
    figure_start: int


def parse_unit(word: str) -> str | None:
    """"km", "mi" or "nmi" for a written unit ("kilometres", "Miles", "NM"); None otherwise."""
    text = " ".join(word.split())
    for pattern, unit in _UNIT_NAMES:
        if pattern.fullmatch(text):
            return unit
    return None


def parse_number(text: str) -> float | None:
    """The value of a written number, or None when it is not one.

    Digits with thousands separators and decimals ("1,180", "2.5", ".5") and English number
    words ("two", "twenty-five", "a dozen", "a hundred and twenty", "two thousand", "one and a
    half", "half a"). Vague amounts ("a few", "dozens", "hundreds") and results that are not
    finite (a 400-digit string) give None.
    """
    words = " ".join(text.lower().replace("-", " ").split())
    if re.fullmatch(_DIGIT_NUMBER, words):
        value = float(words.replace(",", ""))
        return value if math.isfinite(value) else None
    half = 0.0
    if words.endswith(" and a half"):
        words, half = words[: -len(" and a half")], 0.5
    if words in ("half a", "half an"):
        return 0.5
    value = _parse_number_words(words.split())
    return None if value is None else value + half


def _parse_number_words(tokens: list[str]) -> float | None:
    total, current, previous = 0, 0, ""
    for i, token in enumerate(tokens):
        if token in ("a", "an") and i == 0 and len(tokens) > 1:
            current = 1
        elif token in _SMALL_NUMBERS or token in _TENS:
            value = _SMALL_NUMBERS.get(token, _TENS.get(token))
            if previous in _SMALL_NUMBERS or (previous in _TENS and not 0 < value < 10):
                return None  # "one two", "twenty twelve"
            current += value
        elif token == "hundred":
            current = (current or 1) * 100
        elif token == "thousand":
            total, current = total + (current or 1) * 1000, 0
        elif token == "dozen":
            current = (current or 1) * 12
        elif token == "and" and previous in _SCALES:
            pass
        else:
            return None
        previous = token
    return float(total + current) if tokens else None


def _hedge_reading(hedge: str) -> str:
    words = " ".join(hedge.lower().split())
    return _HEDGE_READINGS.get(words, words)


def _quantity(match: re.Match) -> Quantity | None:
    """The Quantity a _QUANTITY_RE match states, or None when a number does not parse."""
    text = match.group(0)
    groups = match.groupdict()
    if groups["between_low"] is not None:
        low, high, unit = groups["between_low"], groups["between_high"], groups["between_unit"]
    elif groups["span_low"] is not None:
        low, high, unit = groups["span_low"], groups["span_high"], groups["span_unit"]
    elif groups["low"] is not None:
        low, high, unit = groups["low"], groups["high"], groups["range_unit"]
    elif groups["half"] is not None:
        return Quantity(unit=parse_unit(groups["half_unit"]), value=0.5, text=text)
    elif groups["one"] is not None:
        value = 1.5 if groups["one_half"] else 1.0
        return Quantity(unit=parse_unit(groups["one_unit"]), value=value, text=text)
    else:
        value = parse_number(groups["value"])
        if value is None:
            return None
        return Quantity(unit=parse_unit(groups["unit"]), value=value, text=text)
    low_value, high_value = parse_number(low), parse_number(high)
    if low_value is None or high_value is None:
        return None
    low_value, high_value = sorted((low_value, high_value))
    return Quantity(unit=parse_unit(unit), low=low_value, high=high_value, text=text)


def _figures(text: str) -> list[tuple[Quantity, int, int]]:
    """Every figure with a unit in ``text``: (quantity, start, end), in order."""
    found = []
    for match in _QUANTITY_RE.finditer(text):
        quantity = _quantity(match)
        if quantity is not None and quantity.unit is not None:
            found.append((quantity, match.start(), match.end()))
    return found


def _hedge_before(text: str, position: int) -> re.Match | None:
    """The hedge (perhaps after another: "only about") ending just before ``position``.

    Tried from each of the last few word starts, farthest first, so the longest hedge wins.
    """
    window_start = max(0, position - 40)
    starts = [m.start() for m in _WORD_STARTS_RE.finditer(text, window_start, position)]
    if window_start > 0 and starts and starts[0] == window_start:
        starts = starts[1:]  # a word cut by the window
    for start in starts[-5:]:
        match = _HEDGE_BEFORE_RE.fullmatch(text, start, position)
        if match:
            return match
    return None


_UNIT_HINT_RE = re.compile(r"(?<![a-z])(?:km|kms|mi|nm|nmi)\b|kilomet|mile|nautical|klick",
                           re.IGNORECASE)
"""A cheap test for a unit word: most sentences of news have none and skip the full grammar."""


def may_state_distance(text: str) -> bool:
    """False when ``text`` has no unit word at all, so it states no distance (a cheap test)."""
    return _UNIT_HINT_RE.search(text) is not None


def find_distances(text: str) -> list[DistancePhrase]:
    """Every written distance in ``text``, in order, with its hedge and character span."""
    if not may_state_distance(text):
        return []
    figures = _figures(text)
    phrases: list[DistancePhrase] = []
    i = 0
    while i < len(figures):
        quantity, figure_start, end = figures[i]
        quantities = [quantity]
        hedge_match = _hedge_before(text, figure_start)
        hedge = _hedge_reading(hedge_match.group("hedge")) if hedge_match else ""
        start = hedge_match.start() if hedge_match else figure_start
        inner_hedge = ""
        in_brackets = False
        while i + 1 < len(figures):
            following, next_start, next_end = figures[i + 1]
            gap = text[end:next_start]
            opening = None if in_brackets else _PAIR_OPEN_RE.fullmatch(gap)
            if in_brackets:
                joiner = _IN_PAIR_JOIN_RE.fullmatch(gap)
            else:
                joiner = opening or _PAIR_JOIN_RE.fullmatch(gap)
            if joiner is None or following.unit in {q.unit for q in quantities}:
                break  # "30 km or 40 km" are two figures, not one distance in two units
            in_brackets = in_brackets or opening is not None
            inner_hedge = inner_hedge or joiner.group("hedge") or ""
            quantities.append(following)
            end = next_end
            i += 1
        if in_brackets:
            closing = _PAIR_CLOSE_RE.match(text, end)
            if closing:
                end = closing.end()
        after = _HEDGE_AFTER_RE.match(text, end)
        if after and not hedge:
            hedge, end = _hedge_reading(after.group("hedge")), after.end()
        hedge = hedge or _hedge_reading(inner_hedge)
        phrases.append(DistancePhrase(tuple(quantities), hedge, start, end, figure_start))
        i += 1
    return phrases
