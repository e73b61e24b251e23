"""Distance figures and travel times in English text: numbers, units, ranges, paired units, hedges.

:func:`find_distances` returns every written distance or travel time as a
:class:`DistancePhrase`: one or more :class:`~geo.model.Quantity` (the same figure in two
units, "950 kilometres (600 miles)"), the hedge before it ("about", "more than", ...) and its
character span. It knows nothing about places: whether a figure states where one place lies
from another is decided by :mod:`geo.text.claims`.

Units are those of the lexicon (:data:`geo.lexicon.UNITS`): km, miles, nautical miles
("NM" in capitals; a lower-case "nm" is a nanometre), metres, yards, feet, and the time units
hours and minutes, and days and weeks (``Quantity.is_time``; a claim only beside a journey). Numbers: digits with thousands separators ("1,180",
"1 200"), decimals, fractions ("2½", "3 ½", "3 1/2"), scale words ("1.5 thousand"), number
words ("twenty-five", "a hundred and twenty", "two-and-a-half", "three-quarters of a",
"half an", "a mile and a half", "an hour and a half"). Ranges ("20 to 30 km", "50-60 km",
"between six and seven hours", "1.5-2 hour") and enumerations ("600 and 700 kilometres", read
as two phrases). Not figures, and so never returned: areas ("square kilometres", "sq km",
"km2"), speeds and rates ("km/h", "miles per hour", "an hour" after a distance), vague
amounts ("a few miles", "hundreds of kilometres"), numbers in scientific notation or too large
to be finite.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from geo import lexicon
from geo.model import Quantity

__all__ = [
    "HEDGES", "DistancePhrase", "find_distances", "may_state_distance", "parse_number", "parse_unit",
]  # fmt: skip

HEDGES = tuple(h for h in lexicon.HEDGES if h not in lexicon.HEDGES_AFTER_ONLY)
"""Hedges recognised before a figure, lower case (from the lexicon). ``DistancePhrase.hedge``
is the hedge's reading (:func:`geo.lexicon.hedge_reading`: "well over" -> "more than", "a mere"
-> "only"); "or so" and "or thereabouts" after a figure read as "about", "or more" as "at least" and
"or less" as "up to" (the lexicon's hedge readings). The bounds each hedge implies: :func:`geo.lexicon.hedge_bounds`."""

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
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_FRACTION_CHARS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}

_NUMBER_WORD = "|".join(sorted([*_SMALL_NUMBERS, *_TENS, *_SCALES, "dozen"], key=len, reverse=True))
_AND_A_HALF = r"(?:[\s-]+and[\s-]+a[\s-]+(?:half|quarter)\b)"
_WORD_NUMBER = (
    rf"(?:an?\s+(?=(?:hundred|thousand|dozen)\b))?"
    rf"(?:{_NUMBER_WORD})\b"
    rf"(?:(?:(?:(?<=hundred)|(?<=thousand))\s+and\s+|\s+|-)(?:{_NUMBER_WORD})\b)*"
    rf"{_AND_A_HALF}?"
)
_SPACE = "[ \u00a0\u202f\u2009]"
_FRACTION = rf"(?:{_SPACE}?[½¼¾⅓⅔⅛]|{_SPACE}[1-3]/[2-4](?![\d/]))"
_DIGIT_NUMBER = (
    rf"(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?![\d,.])|\d+)(?:\.\d+)?(?![\d,]*\d)|\.\d+)"
    rf"{_FRACTION}?(?:\s+(?:thousand|million)\b)?"
    rf"|[½¼¾]"
)
_FRACTION_WORDS = (
    r"(?:(?:one|two|three|a)[\s-]+(?:quarters?|thirds?|halves)|half)(?:\s+of)?\s+an?"
)
_NUMBER = rf"(?:{_DIGIT_NUMBER}|{_WORD_NUMBER})"
_NUMBER_START = r"(?<![\w.^\-–])(?<!\d,)(?<!\d/)"  # not inside a word, a decimal, 1e308, 10^308, 7/10

_UNIT_SPELLINGS = [s for u in lexicon.UNITS.values() for s in u.spellings]
_CASED_SPELLINGS = [s for u in lexicon.UNITS.values() for s in u.case_sensitive]
_UNIT = rf"(?:{lexicon.alternation(_UNIT_SPELLINGS)}|(?-i:{lexicon.alternation(_CASED_SPELLINGS)}))"
_ONE_UNIT = rf"(?:{lexicon.alternation(o for u in lexicon.UNITS.values() for o in u.one)})"
_NOT_A_FIGURE_AFTER = (
    r"(?![\w²³^]"  # km2, km², kmh, km^2
    r"|\.\w"  # "m.p.h", "k.m.s"
    r"|\s*/\s*(?:h|hr|hour|s|sec|day|min|yr)\b"  # km/h, miles/day
    r"|\s+(?:per|an?|each)\s+(?:hour|day|second|minute|week|month|year)\b"  # speeds and rates
    r"|\s*(?:square|sq\b|squared)"
    r")"
)
_SEP = rf"(?:{_SPACE}?-{_SPACE}?|{_SPACE}*)"
_RANGE_JOIN = r"\s*(?:-(?:to|or)-|-|–|—|\bto\b|\bor\b)\s*"

_QUANTITY_RE = re.compile(
    rf"""
    {_NUMBER_START}
    (?:
        between\s+(?P<between_low>{_NUMBER})\s+and\s+(?P<between_high>{_NUMBER})
        {_SEP}(?P<between_unit>{_UNIT})
      | (?P<span_low>{_NUMBER}){_SEP}(?P<span_unit>{_UNIT})
        \s*(?:-|–|—|\bto\b)\s*(?P<span_high>{_NUMBER}){_SEP}(?P=span_unit)
      | (?P<value>{_NUMBER}){_SEP}(?P<unit>{_UNIT})(?P<value_half>{_AND_A_HALF})?
      | (?P<low>{_NUMBER}){_RANGE_JOIN}(?P<high>{_NUMBER}){_SEP}(?P<range_unit>{_UNIT})
      | (?P<first>{_NUMBER})\s*,?\s+and\s+(?P<second>{_NUMBER}){_SEP}(?P<pair_unit>{_UNIT})
      | (?P<fraction>{_FRACTION_WORDS})[\s-]+(?P<fraction_unit>{_ONE_UNIT})
      | (?P<one>\ban?)\s+(?:(?:full|whole)\s+)?(?P<one_unit>{_ONE_UNIT})(?P<one_half>{_AND_A_HALF})?(?:-long\b)?
      | (?<=\ba\s)(?P<part>half|quarter)[\s-](?P<part_unit>{_ONE_UNIT})
      | \{{\{{convert\|(?P<template_value>\d+(?:\.\d+)?)\|(?P<template_unit>[a-z]+)[^{{}}]{{0,40}}\}}\}}
    )
    (?:['’]s?)?
    {_NOT_A_FIGURE_AFTER}
    """,
    re.IGNORECASE | re.VERBOSE,
)

_HEDGE_ALTERNATIVES = lexicon.alternation(HEDGES)
_HEDGE_BEFORE_RE = re.compile(
    rf"(?:(?:{_HEDGE_ALTERNATIVES})\s+)??(?P<hedge>{_HEDGE_ALTERNATIVES})(?:\s+(?:an?\s+)?|(?<=~)\s*)", re.IGNORECASE
)  # a hedge may stand before the article of an adjectival figure: "about a four-hour drive"
_WORD_STARTS_RE = re.compile(r"(?:^|(?<=[\s(\[,—–\-\"“'~]))[\w~]")
_HEDGE_AFTER_RE = re.compile(
    rf"\s*,?\s+(?P<hedge>{lexicon.alternation(lexicon.HEDGES_AFTER_ONLY)})\b", re.IGNORECASE
)
_HEDGE_WORD_AFTER_RE = re.compile(rf"\s+(?P<hedge>{lexicon.alternation(lexicon.HEDGES_ALSO_AFTER)})\b", re.IGNORECASE)
_PAIR_OPEN_RE = re.compile(rf"\s*[(\[]\s*(?:(?P<hedge>{_HEDGE_ALTERNATIVES})\s+)?", re.IGNORECASE)
_PAIR_JOIN_RE = re.compile(
    rf"(?:\s*/\s*|\s*,?\s+or\s+|\s*[–—]\s*|\s*,\s*)(?:(?P<hedge>{_HEDGE_ALTERNATIVES})\s+)?",
    re.IGNORECASE,
)
_IN_PAIR_JOIN_RE = re.compile(
    rf"\s*(?:[,;/]|\bor\b)\s*(?:(?P<hedge>{_HEDGE_ALTERNATIVES})\s+)?", re.IGNORECASE
)
_PAIR_CLOSE_RE = re.compile(r"\s*(?:,?\s*or\s+so\s*)?[)\]]", re.IGNORECASE)


@dataclass(frozen=True)
class DistancePhrase:
    """A written distance or travel time: its figures (first one first), hedge and span.

    ``start`` is the offset of the hedge when there is one, else of the first figure; ``end``
    is just after the last unit or the bracket closing a paired unit ("(600 miles)").
    ``figure_start`` is the offset of the first figure (after any hedge).
    """

    quantities: tuple[Quantity, ...]
    hedge: str
    start: int
    end: int
    figure_start: int

    @property
    def is_time(self) -> bool:
        """True when the phrase states a travel time ("a four-hour drive")."""
        return self.quantities[0].is_time


def parse_unit(word: str) -> str | None:
    """The unit code of a written unit ("kilometres" -> "km", "NM" -> "nmi", "hours" -> "h")."""
    return lexicon.unit_code(word)


def parse_number(text: str) -> float | None:
    """The value of a written number, or None when it is not one.

    Digits with thousands separators (commas or spaces: "1,180", "1 200") and decimals ("2.5",
    ".5"), fractions ("2½", "3 ½", "3 1/2", "½"), a scale word after digits ("1.5 thousand"),
    English number words ("two", "twenty-five", "a dozen", "a hundred and twenty", "two
    thousand", "one and a half", "two-and-a-half") and fractions in words ("half a", "a
    quarter of a", "three-quarters of a"). Vague amounts ("a few", "dozens", "hundreds") and
    results that are not finite give None.
    """
    text = " ".join(text.split())
    lowered = text.lower()
    digits = re.fullmatch(
        r"(?P<n>\d[\d, \u00a0\u202f\u2009]*(?:\.\d+)?|\.\d+)?\s?(?P<f>[½¼¾⅓⅔⅛]|[1-3]/[2-4])?"
        r"(?:\s+(?P<scale>thousand|million))?",
        lowered,
    )
    if digits and (digits.group("n") or digits.group("f")):
        number = (digits.group("n") or "").strip()
        if number and not re.fullmatch(
            rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:{_SPACE}\d{{3}})+|\d+)(?:\.\d+)?|\.\d+", number
        ):
            return None
        value = float(re.sub(r"[,\s\u00a0\u202f\u2009]", "", number)) if number else 0.0
        fraction = digits.group("f")
        if fraction:
            if "/" in fraction:
                numerator, denominator = fraction.split("/")
                value += int(numerator) / int(denominator)
            else:
                value += _FRACTION_CHARS[fraction]
        if digits.group("scale"):
            value *= _SCALES[digits.group("scale")]
        return value if math.isfinite(value) else None
    words = " ".join(lowered.replace("-", " ").split())
    fraction = re.fullmatch(r"(?:(one|two|three|a) (quarters?|thirds?|halves)|half)(?: of)? an?", words)
    if fraction:
        if words.startswith("half"):
            return 0.5
        count = {"one": 1, "a": 1, "two": 2, "three": 3}[fraction.group(1)]
        part = {"quarter": 0.25, "third": 1 / 3, "halve": 0.5, "half": 0.5}[fraction.group(2).rstrip("s")]
        return count * part
    extra = 0.0
    for ending, amount in ((" and a half", 0.5), (" and a quarter", 0.25)):
        if words.endswith(ending):
            words, extra = words[: -len(ending)], amount
    if words in ("half a", "half an"):
        return 0.5
    value = _parse_number_words(words.split())
    return None if value is None else value + extra


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
        elif token in ("thousand", "million"):
            total, current = total + (current or 1) * _SCALES[token], 0
        elif token == "dozen":
            current = (current or 1) * 12
        elif token == "and" and previous in _SCALES:
            pass
        else:
            return None
        previous = token
    return float(total + current) if tokens else None


def _half(group: str | None) -> float:
    if not group:
        return 0.0
    return 0.25 if "quarter" in group.lower() else 0.5


def _quantities(match: re.Match) -> list[Quantity]:
    """The Quantities a _QUANTITY_RE match states ([] when a number does not parse); two for
    an enumeration ("600 and 700 km")."""
    text = match.group(0)
    groups = match.groupdict()
    if groups["template_value"] is not None:
        unit = parse_unit(groups["template_unit"])
        return [Quantity(unit=unit, value=float(groups["template_value"]), text=text)] if unit else []
    if groups["first"] is not None:
        unit = parse_unit(groups["pair_unit"])
        first, second = parse_number(groups["first"]), parse_number(groups["second"])
        if unit is None or first is None or second is None:
            return []
        return [Quantity(unit=unit, value=first, text=text), Quantity(unit=unit, value=second, text=text)]
    if groups["between_low"] is not None:
        low, high, unit = groups["between_low"], groups["between_high"], groups["between_unit"]
    elif groups["span_low"] is not None:
        low, high, unit = groups["span_low"], groups["span_high"], groups["span_unit"]
    elif groups["low"] is not None:
        low, high, unit = groups["low"], groups["high"], groups["range_unit"]
    elif groups["fraction"] is not None:
        value = parse_number(groups["fraction"])
        return [] if value is None else [Quantity(unit=parse_unit(groups["fraction_unit"]), value=value, text=text)]
    elif groups["part"] is not None:  # "a half-hour drive", "a quarter-mile walk"
        value = 0.5 if groups["part"].lower() == "half" else 0.25
        return [Quantity(unit=parse_unit(groups["part_unit"]), value=value, text=text)]
    elif groups["one"] is not None:
        value = 1.0 + _half(groups["one_half"])
        return [Quantity(unit=parse_unit(groups["one_unit"]), value=value, text=text)]
    else:
        value = parse_number(groups["value"])
        if value is None:
            return []
        value += _half(groups["value_half"])
        return [Quantity(unit=parse_unit(groups["unit"]), value=value, text=text)]
    low_value, high_value = parse_number(low), parse_number(high)
    if low_value is None or high_value is None:
        return []
    low_value, high_value = sorted((low_value, high_value))
    return [Quantity(unit=parse_unit(unit), low=low_value, high=high_value, text=text)]


_COMPOUND_JOIN_RE = re.compile(r"\s*,?\s*(?:and\s+)?")
_RATE_BEFORE_RE = re.compile(rf"(?:{_UNIT})\s*(?:per\s+|/\s*|every\s+|each\s+)?$", re.IGNORECASE)


def _figures(text: str) -> list[tuple[Quantity, int, int, bool]]:
    """Every figure with a unit in ``text``: (quantity, start, end, enumerated), in order."""
    found = []
    for match in _QUANTITY_RE.finditer(text):
        quantities = [q for q in _quantities(match) if q.unit is not None]
        if quantities and quantities[0].is_time and _RATE_BEFORE_RE.search(text, max(0, match.start() - 24), match.start()):
            continue  # "60 miles an hour", "30 km per hour": a speed
        if len(quantities) == 2:  # "600 and 700 km": two figures, the second without a hedge
            found.append((quantities[0], match.start(), match.end(), True))
            found.append((quantities[1], match.start(), match.end(), True))
        elif quantities:
            quantity = quantities[0]
            if found and quantity.unit == "min" and quantity.value is not None:
                last, last_start, last_end, last_enumerated = found[-1]
                if (last.unit == "h" and last.value is not None and not last_enumerated
                        and _COMPOUND_JOIN_RE.fullmatch(text, last_end, match.start())):
                    hours = last.value + quantity.value / 60  # "4 hours and 43 minutes"
                    found[-1] = (Quantity(unit="h", value=hours, text=text[last_start : match.end()]),
                                 last_start, match.end(), False)
                    continue
            found.append((quantity, match.start(), match.end(), False))
    return found


_HEDGE_TAIL_RE = re.compile(r"[\w.]+|~")
_HEDGE_WORDS = frozenset(w for h in HEDGES for w in _HEDGE_TAIL_RE.findall(h))


def _hedge_before(text: str, position: int) -> re.Match | None:
    """The hedge (perhaps after another: "only about") ending just before ``position``.

    Tried from each of the last few word starts, farthest first, so the longest hedge wins.
    """
    window_start = max(0, position - 40)
    if not _HEDGE_WORDS.intersection(_HEDGE_TAIL_RE.findall(text[window_start:position].lower())[-5:]):
        return None  # no hedge word among the last few: the common case, cheaply
    starts = [m.start() for m in _WORD_STARTS_RE.finditer(text, window_start, position)]
    if window_start > 0 and starts and starts[0] == window_start:
        starts = starts[1:]  # a word cut by the window
    for start in starts[-5:]:
        match = _HEDGE_BEFORE_RE.fullmatch(text, start, position)
        if match:
            return match
    return None


_UNIT_WORDS = ("km", "kilomet", "mile", "hour", "minute", "metre", "meter", "feet", "foot", "yard",
               "nautical", "klick", "convert|")
_DAYS_RE = re.compile(r"\b(?:day|week)s?\b", re.IGNORECASE)  # not "Monday", "weekend"
_SHORT_UNIT_RE = re.compile(r"\d[\s\u00a0-]?(?:m|ft|h|hrs?|mins?|mi|nm|nmi|yds?)\b", re.IGNORECASE)


def may_state_distance(text: str) -> bool:
    """False when ``text`` has no unit word at all, so it states no distance or travel time.

    A cheap test (substring checks, then short units right after a digit): most sentences of
    news have none and skip the full grammar.
    """
    lower = text.lower()
    return (any(word in lower for word in _UNIT_WORDS) or _SHORT_UNIT_RE.search(text) is not None
            or _DAYS_RE.search(text) is not None)


PAIR_TOLERANCE = 0.25
"""The most two figures of one distance in two units may differ (share of the larger), so that
"950 km (600 miles)" pairs and "1,712 metres, 99 km" does not."""


def _same_measure(first: Quantity, second: Quantity) -> bool:
    """Whether two figures may state one measure in two units: both distances (or both times)
    within PAIR_TOLERANCE of each other."""
    if first.is_time or second.is_time:
        return first.is_time and second.is_time
    a, b = first.km, second.km
    return max(a, b) > 0 and abs(a - b) <= PAIR_TOLERANCE * max(a, b)


def find_distances(text: str) -> list[DistancePhrase]:
    """Every written distance or travel time in ``text``, in order, with hedge and span."""
    if not may_state_distance(text):
        return []
    figures = _figures(text)
    phrases: list[DistancePhrase] = []
    i = 0
    while i < len(figures):
        quantity, figure_start, end, enumerated = figures[i]
        quantities = [quantity]
        hedge_match = _hedge_before(text, figure_start)
        hedge = lexicon.hedge_reading(hedge_match.group("hedge")) if hedge_match else ""
        start = hedge_match.start() if hedge_match else figure_start
        if enumerated:  # "600 and 700 km (370 and 430 miles)": each figure with its own
            first, second = figures[i][0], figures[i + 1][0]
            pairs = [[first], [second]]
            step = 2
            if i + 3 < len(figures) and figures[i + 2][3] and figures[i + 3][3]:
                opening = _PAIR_OPEN_RE.fullmatch(text[end : figures[i + 2][1]])
                if opening and figures[i + 2][0].unit not in (first.unit,):
                    pairs[0].append(figures[i + 2][0])
                    pairs[1].append(figures[i + 3][0])
                    end = figures[i + 2][2]
                    closing = _PAIR_CLOSE_RE.match(text, end)
                    end = closing.end() if closing else end
                    step = 4
            for pair in pairs:
                phrases.append(DistancePhrase(tuple(pair), hedge, start, end, figure_start))
            i += step
            continue
        inner_hedge = ""
        in_brackets = False
        while i + 1 < len(figures):
            following, next_start, next_end, next_enumerated = figures[i + 1]
            gap = text[end:next_start]
            opening = None if in_brackets else _PAIR_OPEN_RE.fullmatch(gap)
            if in_brackets:
                joiner = _IN_PAIR_JOIN_RE.fullmatch(gap)
            else:
                joiner = opening or _PAIR_JOIN_RE.fullmatch(gap)
            units = {q.unit for q in quantities}
            if joiner is None or next_enumerated or following.unit in units or not _same_measure(quantity, following):
                break  # "30 km or 40 km" are two figures; "20 hours/1500 km", "1712 m, 99 km" two measures
            in_brackets = in_brackets or opening is not None
            inner_hedge = inner_hedge or joiner.group("hedge") or ""
            quantities.append(following)
            end = next_end
            i += 1
        if in_brackets:
            closing = _PAIR_CLOSE_RE.match(text, end)
            if closing:
                end = closing.end()
        after = _HEDGE_AFTER_RE.match(text, end) or _HEDGE_WORD_AFTER_RE.match(text, end)
        if after and not hedge:
            hedge, end = lexicon.hedge_reading(after.group("hedge")), after.end()
        hedge = hedge or lexicon.hedge_reading(inner_hedge)
        phrases.append(DistancePhrase(tuple(quantities), hedge, start, end, figure_start))
        i += 1
    return phrases
