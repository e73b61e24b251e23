"""The one vocabulary of distance claims: units, hedges, travel modes, directions, link verbs
and look-alike nouns, read from ``data/lexicon.toml`` (through :mod:`geo.paths`).

Every stage that needs these words reads them here: :mod:`geo.text.quantities` (units,
hedges), :mod:`geo.text.claims` (modes, journeys, directions, links, look-alikes),
:mod:`geo.check` (hedge bounds, modes and their routes, unit factors) and the report. Nothing
else lists them.

Public API (all read once, immutable):

* ``UNITS``: unit code -> :class:`Unit` (``code``, ``kind`` "distance"|"time", ``factor``:
  km per unit for a distance, hours per unit for a time, ``name``, ``spellings``, ``one``,
  ``short``, ``journey_only``, ``moving``). Codes: distances "km", "mi", "nmi", "m", "yd",
  "ft"; times "h", "min", and "d", "wk" (days and weeks: travel times only beside a journey,
  ``journey_only``; ``moving`` is the span of hours of travel one of them stands for).
* ``KM_PER_UNIT`` (distance codes -> km in one unit), ``HOURS_PER_UNIT`` (time codes ->
  hours in one unit), ``MOVING_HOURS_PER_UNIT`` (time codes -> fewest and most hours of travel
  in one unit), ``DISTANCE_UNITS``, ``TIME_UNITS``.
* :func:`unit_code` ("Kilometres" -> "km", "hrs" -> "h", "nm" -> None).
* ``HEDGES``: hedge words (lower case) -> :class:`Hedge` (``words``, ``reading``, ``below``,
  ``above``); :func:`hedge_bounds` (hedge -> (below, above), each "rounding", "approximate"
  or "open"; an unknown hedge reads as approximate on both sides) and :func:`hedge_reading`
  ("well over" -> "more than"); ``HEDGES_AFTER_ONLY`` and ``HEDGES_ALSO_AFTER``, the hedges
  written after the figure ("40 km, or thereabouts"; "40 km approximately").
* ``MODES``: mode -> :class:`Mode` (``name``, ``route``: the Route.mode it is measured
  along, "" for the straight line, ``phrases``; for the modes a story's travellers use,
  ``reader``, ``travel_words`` and ``vehicles``); :func:`mode_of` (the first mode named in a
  text, or "").
* ``JOURNEY_NOUNS``, ``JOURNEY_VEHICLES``, ``JOURNEY_TIME_NOUNS`` (journeys only after a time:
  "two days' march"); ``JOURNEY_TO_VERBS``, ``HEADING_VERBS``, ``BRINGING_VERBS`` (travelling
  after "to", heading before a direction, bringing to a journey's end); ``DIRECTION_WORDS``, ``DIRECTION_ABBREVIATIONS``,
  ``RELATIVE_DIRECTIONS``; ``LINK_VERBS``, ``LINK_WORDS``; ``MEASURED_NOUNS``,
  ``EVENT_NOUNS``, ``EVENT_VERBS``, ``EVENT_OBJECTS``, ``FACILITY_NOUNS``, ``ZONE_WORDS``, ``PART_NOUNS``, ``DIMENSION_WORDS``, ``TRAVEL_VERBS``, ``EXTENT_VERBS``, ``TIME_BEFORE``, ``TIME_AFTER`` (words
  that make a time a duration or a clock time)
  (frozensets of lower-case phrases).
* :func:`alternation` (a regex alternation of phrases, longest first, white space flexible).
* :func:`read_toml` (a data file's TOML tables, DataError naming the file: the one TOML reader
  of word lists, the recogniser's too).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass

from geo.errors import DataError
from geo.paths import DATA_DIR

__all__ = [
    "DIMENSION_WORDS", "DIRECTION_ABBREVIATIONS", "DIRECTION_WORDS", "DISTANCE_UNITS",
    "EVENT_NOUNS", "EVENT_OBJECTS", "EVENT_VERBS", "FACILITY_NOUNS", "EXTENT_VERBS", "TIME_AFTER", "TIME_BEFORE", "HEDGES", "HEDGES_AFTER_ONLY",
    "HEDGES_ALSO_AFTER", "HOURS_PER_UNIT", "JOURNEY_NOUNS", "JOURNEY_TIME_NOUNS", "JOURNEY_VEHICLES",
    "JOURNEY_TO_VERBS", "HEADING_VERBS", "BRINGING_VERBS", "KM_PER_UNIT", "LEXICON_FILE", "LINK_VERBS", "MOVING_HOURS_PER_UNIT", "LINK_WORDS", "MEASURED_NOUNS", "MODES",
    "PART_NOUNS", "PLACE_NOUN_KINDS", "POPULATED_KINDS", "PRONOUNS", "DETERMINERS", "FOCUS_ADVERBS", "RELATIVE_DIRECTIONS", "TIME_UNITS", "TRAVEL_VERBS", "UNITS", "ZONE_WORDS",
    "Hedge", "Mode", "Unit", "alternation", "hedge_bounds", "hedge_reading", "mode_of",
    "read_toml", "unit_code",
]  # fmt: skip

LEXICON_FILE = DATA_DIR / "lexicon.toml"

ROUNDING, APPROXIMATE, OPEN = "rounding", "approximate", "open"
_SIDES = (ROUNDING, APPROXIMATE, OPEN)


@dataclass(frozen=True)
class Unit:
    """A unit of distance (``factor`` km in one) or of time (``factor`` hours in one)."""

    code: str
    kind: str  # "distance" | "time"
    factor: float
    name: str
    spellings: tuple[str, ...]  # lower case unless case_sensitive
    case_sensitive: tuple[str, ...] = ()
    one: tuple[str, ...] = ()  # singular forms after "a"/"an"
    short: bool = False  # metres, yards, feet
    journey_only: bool = False  # days, weeks: a travel time only beside a journey noun or mode
    moving: tuple[float, float] | None = None  # hours of travel one unit may stand for (a day's drive)

    @property
    def is_time(self) -> bool:
        return self.kind == "time"


@dataclass(frozen=True)
class Hedge:
    """A hedge and the bounds it implies below and above the figure."""

    words: str
    reading: str  # the hedge as claims report it
    below: str  # "rounding" | "approximate" | "open"
    above: str


@dataclass(frozen=True)
class Mode:
    """A travel mode, the route kind it is measured along ("" = straight line), its phrases."""

    name: str
    route: str
    phrases: tuple[str, ...]
    reader: str = ""  # "by air": how a reader is told someone travelled this way
    travel_words: tuple[str, ...] = ()  # "flew", "drove to"
    vehicles: tuple[str, ...] = ()  # "plane", "ferry": count after a word of boarding them
    stops: str = ""  # "stations": what a route of this mode runs between, for a reader


def _norm(phrase: str) -> str:
    return " ".join(phrase.split()).lower()


def read_toml(path=LEXICON_FILE, what: str = "the lexicon") -> dict:
    """A data file's TOML tables; DataError naming the file and ``what`` it holds when it cannot
    be read or parsed (also the reader of the recogniser's word lists)."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DataError(f"{path}: cannot read {what} ({error})") from error


_DATA = read_toml()


def _moving(code: str, span) -> tuple[float, float] | None:
    if span is None:
        return None
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(h, (int, float)) for h in span)
            and 0 < span[0] <= span[1]):
        raise DataError(f"{LEXICON_FILE}: unit {code!r} moving {span!r}: give [fewest, most] hours, 0 < fewest <= most")
    return float(span[0]), float(span[1])


def _units(data: dict) -> dict[str, Unit]:
    units = {}
    for code, row in data["units"].items():
        if row.get("kind") not in ("distance", "time"):
            raise DataError(f"{LEXICON_FILE}: unit {code!r} kind {row.get('kind')!r}: use distance or time")
        units[code] = Unit(
            code=code,
            kind=row["kind"],
            factor=float(row["factor"]),
            name=row.get("name", code),
            spellings=tuple(_norm(s) for s in row.get("spellings", ())),
            case_sensitive=tuple(row.get("case_sensitive", ())),
            one=tuple(_norm(s) for s in row.get("one", ())),
            short=bool(row.get("short", False)),
            journey_only=bool(row.get("journey_only", False)),
            moving=_moving(code, row.get("moving")),
        )
    return units


UNITS: dict[str, Unit] = _units(_DATA)
DISTANCE_UNITS = tuple(code for code, unit in UNITS.items() if not unit.is_time)
TIME_UNITS = tuple(code for code, unit in UNITS.items() if unit.is_time)
KM_PER_UNIT: dict[str, float] = {code: UNITS[code].factor for code in DISTANCE_UNITS}
"""Kilometres in one of each distance unit (international mile, nautical mile, metre, ...)."""
HOURS_PER_UNIT: dict[str, float] = {code: UNITS[code].factor for code in TIME_UNITS}
"""Hours in one of each time unit."""
MOVING_HOURS_PER_UNIT: dict[str, tuple[float, float]] = {
    code: UNITS[code].moving or (UNITS[code].factor, UNITS[code].factor) for code in TIME_UNITS
}
"""Fewest and most hours of travel one of each time unit stands for: (1, 1) for an hour, (6, 24)
for "a day's drive" (a traveller is not on the move all day)."""

_SPELLING_TO_UNIT = {s: code for code, unit in UNITS.items() for s in unit.spellings}
_CASED_TO_UNIT = {s: code for code, unit in UNITS.items() for s in unit.case_sensitive}


def unit_code(word: str) -> str | None:
    """The unit code for a written unit ("Kilometres" -> "km", "hrs" -> "h"); None otherwise.

    Case matters only for the spellings the lexicon lists as case-sensitive ("NM" is a
    nautical mile, "nm" a nanometre).
    """
    text = " ".join(word.split())
    if text in _CASED_TO_UNIT:
        return _CASED_TO_UNIT[text]
    code = _SPELLING_TO_UNIT.get(text.lower())
    if code is None and text.lower() in {s.lower() for s in _CASED_TO_UNIT}:
        return None
    return code


def _hedges(data: dict) -> dict[str, Hedge]:
    readings = {_norm(k): _norm(v) for k, v in data.get("hedge_readings", {}).items()}
    hedges = {}
    for group, words in data["hedges"].items():
        below, _, above = group.partition("_")
        if below not in _SIDES or above not in _SIDES:
            raise DataError(f"{LEXICON_FILE}: hedge group {group!r}: name it <below>_<above> from {_SIDES}")
        for word in words:
            key = _norm(word)
            hedges[key] = Hedge(key, readings.get(key, key), below, above)
    for key, reading in readings.items():  # a reading shares its bounds unless listed itself
        if key not in hedges and reading in hedges:
            hedges[key] = _with_reading(hedges[reading], key, reading)
    return hedges


def _with_reading(hedge: Hedge, words: str, reading: str) -> Hedge:
    return Hedge(words, reading, hedge.below, hedge.above)


HEDGES: dict[str, Hedge] = _hedges(_DATA)


def hedge_bounds(hedge: str) -> tuple[str, str]:
    """(below, above) for a hedge, each "rounding", "approximate" or "open".

    "" (a flat figure) is ("rounding", "rounding"); an unknown hedge reads as approximate on
    both sides. The reading of a hedge shares its bounds ("well over" -> "more than").
    """
    key = _norm(hedge)
    if not key:
        return (ROUNDING, ROUNDING)
    found = HEDGES.get(key)
    return (found.below, found.above) if found else (APPROXIMATE, APPROXIMATE)


def hedge_reading(hedge: str) -> str:
    """The hedge as claims report it ("Well  over" -> "more than", "About" -> "about")."""
    key = _norm(hedge)
    found = HEDGES.get(key)
    return found.reading if found else key


def _modes(data: dict) -> dict[str, Mode]:
    return {
        name: Mode(
            name, row.get("route", ""), tuple(_norm(p) for p in row.get("phrases", ())),
            reader=row.get("reader", ""),
            travel_words=tuple(_norm(p) for p in row.get("travel_words", ())),
            vehicles=tuple(_norm(p) for p in row.get("vehicles", ())),
            stops=row.get("stops", ""),
        )
        for name, row in data["modes"].items()
    }


MODES: dict[str, Mode] = _modes(_DATA)


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of ``phrases`` (case kept), longest first, any white space between words."""
    unique = sorted({" ".join(p.split()) for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in unique)


_MODE_WORD_RE = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
_MODE_PHRASES = {tuple(_MODE_WORD_RE.findall(p)): name for name, mode in MODES.items() for p in mode.phrases}
_MODE_LONGEST = max((len(k) for k in _MODE_PHRASES), default=1)
_MODE_FIRST_WORDS = frozenset(k[0] for k in _MODE_PHRASES)


_VEHICLE_MODES = {v: name for name, mode in MODES.items() for v in mode.vehicles if " " not in v}
_BOARDING_WORDS = frozenset(_DATA["journeys"]["boarding_words"])


def mode_of(words: str) -> str:
    """The mode the first mode phrase in ``words`` names ("by rail" -> "rail"), or a vehicle
    one boards ("by river boat" -> "sea", "in a sleeper train" -> "rail"), or "".

    Words are matched whole and in order (a run of 1 to 4 words looked up in a table), so the
    time is linear in the text.
    """
    tokens = _MODE_WORD_RE.findall(words.lower())
    for i, token in enumerate(tokens):
        if token in _BOARDING_WORDS:  # "by river boat", "in a sleeper train", "aboard a ferry"
            j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1] in ("a", "an", "the"))
            vehicle = next((_VEHICLE_MODES[t] for t in tokens[j : j + 2] if t in _VEHICLE_MODES), "")
            if vehicle:
                return vehicle
        if token not in _MODE_FIRST_WORDS:
            continue
        for size in range(min(_MODE_LONGEST, len(tokens) - i), 0, -1):
            mode = _MODE_PHRASES.get(tuple(tokens[i : i + size]))
            if mode:
                return mode
    return ""


def _set(section: str, key: str) -> frozenset[str]:
    return frozenset(_norm(w) for w in _DATA.get(section, {}).get(key, ()))


JOURNEY_NOUNS = _set("journeys", "nouns")
JOURNEY_VEHICLES = _set("journeys", "vehicles")
JOURNEY_TIME_NOUNS = _set("journeys", "time_nouns")
JOURNEY_TO_VERBS = _set("journeys", "to_verbs")
"""Verbs of travelling after "to" ("takes two days to reach X", "to drive to X")."""
HEADING_VERBS = _set("journeys", "heading_verbs")
"""Verbs of heading before a direction ("heading north", "driving west")."""
BRINGING_VERBS = _set("journeys", "bringing_verbs")
"""Verbs that bring travellers to a journey's end ("a two-hour drive brings you to Y")."""
DIRECTION_WORDS = _set("directions", "cardinal")
DIRECTION_ABBREVIATIONS = frozenset(_DATA["directions"]["abbreviations"])  # upper case
RELATIVE_DIRECTIONS = _set("directions", "relative")
LINK_VERBS = _set("links", "copulas")
LINK_WORDS = LINK_VERBS | _set("links", "relatives")
MEASURED_NOUNS = _set("lookalikes", "measured")
EVENT_NOUNS = _set("lookalikes", "event_nouns")
EVENT_VERBS = _set("lookalikes", "event_verbs")
EVENT_OBJECTS = _set("lookalikes", "event_objects")
FACILITY_NOUNS = _set("lookalikes", "facility_nouns")
ZONE_WORDS = _set("lookalikes", "zones")
PART_NOUNS = _set("lookalikes", "parts")
DIMENSION_WORDS = _set("lookalikes", "dimensions")
TRAVEL_VERBS = _set("lookalikes", "travel_verbs")
PRONOUNS = _set("references", "pronouns")
"""Words that stand for a place without naming it ("it", "there")."""
DETERMINERS = _set("references", "determiners")
"""Words opening a description rather than a name ("the", "a", "its")."""
FOCUS_ADVERBS = _set("references", "focus_adverbs")
"""Adverbs before a subject that are not part of it ("even", "only", "not even")."""


def _place_nouns(data: dict) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    section = data.get("place_nouns", {})
    populated = tuple(section.get("populated_kinds", ()))
    kinds = {_norm(noun): populated for noun in section.get("populated", ())}
    kinds.update({_norm(noun): tuple(found) for noun, found in section.get("kinds", {}).items()})
    return populated, kinds


POPULATED_KINDS, PLACE_NOUN_KINDS = _place_nouns(_DATA)
"""Gazetteer kinds of populated places; and the head noun of a description ("town", "lake") ->
the gazetteer kinds it may be."""
EXTENT_VERBS = _set("lookalikes", "extent_verbs")
TIME_BEFORE = _set("lookalikes", "time_before")
TIME_AFTER = _set("lookalikes", "time_after")
HEDGES_AFTER_ONLY = _set("hedges_after_figure", "only")
"""Hedges written only after the figure, also after a comma ("40 km, or so")."""
HEDGES_ALSO_AFTER = _set("hedges_after_figure", "also")
"""Hedges written before the figure or right after it ("40 km approximately")."""
