"""The words of a check: figures, directions, verdicts and explanations, in one place.

:mod:`geo.check` decides (the rules and their numbers); this module says what it decided, for
every output: the explanation a :class:`~geo.model.Check` carries, the report's method and
tables, the maps' popups, legends and captions, and the dashboard. Nothing here measures or
judges; each function takes the numbers the rules produced. Distances are in km, bearings in
degrees clockwise from north, times in hours.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from geo import lexicon
from geo.errors import InputError
from geo.geodesy import COMPASS_POINTS, compass_bearing, compass_point
from geo.model import Check, DistanceClaim, Mention, Place, PlaceFit, Quantity, Route, SearchArea, Travel
from geo.verdicts import DirectionVerdict, DistanceVerdict, TimeVerdict, UnitVerdict

__all__ = [
    "allowance_words",
    "area_from",
    "area_words",
    "candidate_words",
    "candidates_sentence",
    "claim_title",
    "compass_words",
    "direction_sentence",
    "direction_words",
    "distance_sentence",
    "end_name",
    "factor_span_words",
    "format_figure",
    "format_hours",
    "format_km",
    "format_latlon",
    "format_pct",
    "format_quantity",
    "headline",
    "headline_counts",
    "legend_words",
    "method",
    "place_words",
    "route_factor_reason",
    "route_sentence",
    "span_words",
    "stated_words",
    "time_sentence",
    "travel_words",
    "unit_sentence",
    "unplaced_reason",
    "unverifiable_explanation",
    "verdict_words",
]

_CARDINAL_WORDS = {"N": "north", "E": "east", "S": "south", "W": "west"}

_ROUTE_FACTOR_REASONS = {
    "road": "the typical detour of a road, {span}",
    "rail": "the typical detour of a railway, {span}",
    "foot": "the typical detour of a path, {span}",
    "sea": "a voyage keeps nearer its line than a road",
    "flight": "a flight follows the geodesic",
}


def route_factor_reason(mode: str, road_span: tuple[float, float]) -> str:
    """Why a travel mode's route factor (:data:`geo.check.ROUTE_FACTORS`) is what it is, with
    the span roads typically run (:data:`geo.check.ROAD_FACTOR_SPAN`); "" for another mode."""
    return _ROUTE_FACTOR_REASONS.get(mode, "").format(span=factor_span_words(road_span))


def factor_span_words(span: tuple[float, float]) -> str:
    """A span of factors over the straight line: "1.2 to 1.4"."""
    return f"{span[0]:.1f} to {span[1]:.1f}"

MODE_WORDS = {"road": "road", "rail": "rail", "flight": "air", "sea": "sea", "foot": "foot"}
"""A travel mode as the words after "by": "by road", "by air"."""

# --- numbers -------------------------------------------------------------------------------


def format_figure(value: float) -> str:
    """A figure as a reader writes it: 950, 1,180, 2.5, 0.75 (no trailing zeros); 1e+308, inf."""
    if not math.isfinite(value) or abs(value) >= 1e15:
        return f"{value:g}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_km(km: float) -> str:
    """A distance in km for prose: whole km from 10 km up, one decimal below."""
    return f"{km:,.0f} km" if abs(km) >= 10 else f"{km:.1f} km"


def format_hours(hours: float) -> str:
    """A time for prose: "40 min", "4 h", "3 h 30 min"."""
    minutes = round(hours * 60)
    if minutes < 60:
        return f"{minutes} min"
    whole, rest = divmod(minutes, 60)
    return f"{whole} h" + (f" {rest} min" if rest else "")


def format_quantity(quantity: Quantity) -> str:
    """A stated quantity as figures and unit: "950 km", "20-30 mi", "4 h", "2 days", "1 week"."""
    unit = quantity.unit
    known = lexicon.UNITS.get(unit)
    if known is not None and known.journey_only:  # "2 d" reads badly: days and weeks in words
        unit = known.name.removesuffix("s") if quantity.value == 1 else known.name
    if quantity.is_range:
        return f"{format_figure(quantity.low)}-{format_figure(quantity.high)} {unit}"
    return f"{format_figure(quantity.value)} {unit}"


def format_latlon(place: Place) -> str:
    """A place's coordinates as "43.106° N, 131.874° E"."""
    ns = "N" if place.lat >= 0 else "S"
    ew = "E" if place.lon >= 0 else "W"
    return f"{abs(place.lat):.3f}° {ns}, {abs(place.lon):.3f}° {ew}"


def format_pct(pct: float) -> str:
    """A share in percent for prose: "6%", "0.4%" below 1 %."""
    return f"{pct:.1f}%" if abs(pct) < 1 else f"{pct:.0f}%"


def span_words(low_km: float, high_km: float) -> str:
    """A span of distances: "855 km to 1,045 km", "at least 550 km", "at most 650 km"."""
    if math.isinf(high_km):
        return f"at least {format_km(low_km)}"
    if low_km == 0:
        return f"at most {format_km(high_km)}"
    return f"{format_km(low_km)} to {format_km(high_km)}"


# --- directions ----------------------------------------------------------------------------


def compass_words(point: str) -> str:
    """A compass point in words: "NE" -> "north-east", "NNW" -> "north-north-west"."""
    if len(point) == 3:
        return f"{_CARDINAL_WORDS[point[0]]}-{compass_words(point[1:])}"
    return "-".join(_CARDINAL_WORDS[letter] for letter in point)


def direction_words(direction: str) -> str:
    """A stated direction in words: "NE" -> "north-east", "due N" -> "due north"; as given if unknown."""
    try:
        point = COMPASS_POINTS[round(compass_bearing(direction) / 22.5) % 16]
    except InputError:
        return direction
    due = "due " if direction.strip().lower().startswith("due ") else ""
    return due + compass_words(point)


# --- places and claims ---------------------------------------------------------------------


def place_words(place: Place) -> str:
    """A place with its coordinates: "Nairobi (1.286° S, 36.817° E)"."""
    return f"{place.name} ({format_latlon(place)})"


def end_name(mention: Mention) -> str:
    """How a claim's end is called: its place's name, or its words when it is not placed."""
    return mention.place.name if mention.place else mention.text


def claim_title(claim: DistanceClaim) -> str:
    """A claim in a few words: "Busan from Seoul"."""
    return f"{end_name(claim.subject)} from {end_name(claim.anchor)}"


def stated_words(claim: DistanceClaim) -> str:
    """The claim's figures as stated: "about 950 km (600 mi) north (rail)"."""
    figures = [format_quantity(q) for q in claim.stated] or ["no figure"]
    words = figures[0] + "".join(f" ({f})" for f in figures[1:])
    if claim.hedge:
        words = f"{' '.join(claim.hedge.lower().split())} {words}"
    if claim.direction:
        words += f" {direction_words(claim.direction)}"
    if claim.mode:
        words += f" ({claim.mode})"
    return words


def unplaced_reason(role: str, mention: Mention, named: bool) -> str:
    """Why one end of a claim has no place, in plain words.

    ``named`` says whether the words are a name (a proper noun the gazetteer lacks) rather than
    a description or a pronoun ("The reserve", "it"), which names no place at all.
    """
    if not named:
        return f"the {role} {mention.text!r} is not named"
    if mention.candidates:
        options = ", ".join(f"{c.place.name} ({c.place.country or c.place.kind})" for c in mention.candidates[:3])
        return f"the {role} {mention.text!r} could mean several places ({options}) and none was chosen"
    return f"the {role} {mention.text!r} is not in the gazetteer"


def unverifiable_explanation(claim: DistanceClaim, reason: str) -> str:
    """The explanation's first sentence for a claim that cannot be checked."""
    return f"Stated {stated_words(claim)}: unverifiable, as {reason}."


# --- the tolerance -------------------------------------------------------------------------


def side_words(approximate: bool, figure: float, slack: float, step: float, capped: bool, unit: str,
               share: float) -> str:
    """How one side of an allowance was widened: "±10% (95 km)", "its rounding to 50 (±25 km)".

    ``slack`` and ``step`` (the figure's rounding) are in ``unit``; ``capped`` says the rounding
    was cut to ``share`` of the figure.
    """
    slack_text = format_figure(round(slack, 2))
    if approximate:
        return f"±{slack / figure:.0%} ({slack_text} {unit})"
    if capped:
        return f"its rounding, at most ±{share:.0%} ({slack_text} {unit})"
    return f"its rounding to {format_figure(step)} (±{slack_text} {unit})"


def allowance_words(quantity: Quantity, hedge: str, below: str, above: str, sides: tuple[str, str],
                    range_slacks: tuple[float, float], extent_km: float, share: float) -> str:
    """What a hedge and a figure allow, in words.

    ``below``/``above`` are the sides' kinds ("rounding", "approximate", "open"), ``sides`` the
    words of each (:func:`side_words`), ``range_slacks`` the slack at each end of a range (in
    the figure's unit), ``extent_km`` how much the places' extents add above.
    """
    unit = quantity.unit
    figure = format_quantity(quantity)
    hedge_key = " ".join(hedge.lower().split())
    subject = f"'{hedge_key} {figure}'" if hedge else f"a flat {figure}"
    if below == above and quantity.is_range:
        how = "its rounding" if below == "rounding" else f"±{share:.0%} or its rounding"
        slacks = " and ".join(f"±{format_figure(round(s, 2))}" for s in range_slacks)
        words = f"{subject} allows its span, the ends widened by {how} ({slacks} {unit})"
    elif below == above:
        words = f"{subject} allows {sides[0]}"
    elif above == "open":
        words = f"{subject} is a lower bound, less {sides[0]}"
    elif below == "open":
        words = f"{subject} is an upper bound, plus {sides[1]}"
    else:
        words = f"{subject} allows {sides[0]} below and {sides[1]} above"
    if extent_km and above != "open":
        words += f", and up to {format_km(extent_km)} more if measured between the places' edges"
    return words


# --- the sentences of an explanation -------------------------------------------------------


def distance_sentence(measure: str, verdict: DistanceVerdict, error_km: float, error_pct: float,
                      allowance: str, span: str) -> str:
    """The figure against one measure ("straight line" or "route") and what the wording allows."""
    if error_km < 0:
        offset = f"{format_km(-error_km)} ({format_pct(-error_pct)}) short"
    elif error_km > 0:
        offset = f"{format_km(error_km)} ({format_pct(error_pct)}) long"
    else:
        offset = "exact"
    where = {DistanceVerdict.ACCURATE: "inside", DistanceVerdict.CLOSE: "just outside",
             DistanceVerdict.INACCURATE: "outside"}[verdict]
    return f"Against the {measure} the figure is {offset}, {where} what the wording allows: {allowance} ({span})."


def direction_sentence(subject: str, anchor: str, bearing: float, direction: str,
                       verdict: DirectionVerdict) -> str:
    """Where the subject lies from the anchor, and what that says of the stated direction."""
    measured = f"{subject} lies {compass_words(compass_point(bearing))} (bearing {bearing:.0f}°) of {anchor}"
    stated = direction_words(direction)
    judged = {
        DirectionVerdict.NOT_STATED: "",
        DirectionVerdict.CORRECT: f", within '{stated}'",
        DirectionVerdict.APPROXIMATE: f": '{stated}' is one compass point off",
        DirectionVerdict.WRONG: f": '{stated}' is wrong",
        DirectionVerdict.UNVERIFIABLE: f": '{stated}' is not a compass direction",
    }[verdict]
    return f"{measured}{judged}."


def unit_sentence(stated: Sequence[Quantity], verdict: UnitVerdict) -> str:
    """Whether two figures of a claim convert into each other ("" for a single unit)."""
    if verdict == UnitVerdict.SINGLE_UNIT:
        return ""
    figures = [format_quantity(q) + ("" if q.unit == "km" else f" ({format_km(q.km)})") for q in stated]
    agree = "agree" if verdict == UnitVerdict.CONSISTENT else "do not agree"
    return f"{' and '.join(figures)} {agree} within their rounding."


def route_sentence(route: Route | None, route_km: float | None, named_mode: str) -> str:
    """The known route's length, or that no route of the named mode is known ("" if none named)."""
    if route is not None:
        return f"The known {route.mode} route ({route.name}) measures {format_km(route_km)} between them."
    if named_mode:
        return f"No {named_mode} route between them is known to measure."
    return ""


def straight_sentence(anchor: Place, subject: Place, km: float) -> str:
    """The measured straight line between the two places, with their coordinates."""
    return (f"The straight-line (WGS84 geodesic) distance from {place_words(anchor)} to "
            f"{place_words(subject)} is {format_km(km)}.")


def unmeasured_route_sentence(mode: str, span: str) -> str:
    """A named route nobody has measured, with a figure the straight line cannot rule out."""
    return (f"A {mode} route is never shorter than the straight line; the figure allows that ({span}) "
            "but cannot be checked without the route's length.")


def never_shorter_sentence(mode: str) -> str:
    return f"A {mode} route is never shorter than the straight line."


def fits_a_road_sentence(ratio: float, span: tuple[float, float]) -> str:
    """A figure longer than the straight line by as much as roads are."""
    return (f"The figure is {ratio:.2f} times the straight line, as a road distance typically is "
            f"({factor_span_words(span)} times): it may be one, though the wording does not say so "
            "and no known route measures it.")


def fits_instead_sentence(measure: str) -> str:
    return f"It fits the {measure} instead."


def moving_sentence(unit: str) -> str:
    """How a day or a week of travel is read ("Each day is read as 6 to 24 hours on the move."),
    "" for hours and minutes."""
    fewest, most = lexicon.MOVING_HOURS_PER_UNIT.get(unit, (0.0, 0.0))
    if fewest == most:
        return ""
    one = lexicon.UNITS[unit].name.removesuffix("s")
    return f"Each {one} is read as {format_hours(fewest)} to {format_hours(most)} on the move."


def time_sentence(hours_low: float, hours_high: float, mode_words: str, straight_km: float,
                  factor: float, factor_reason: str, route_km: float | None, speed_low: float,
                  speed_high: float, plausible: tuple[float, float], verdict: TimeVerdict) -> str:
    """A travel time judged by the average speed it implies.

    ``hours_*`` is the span the wording allows, ``route_km`` a known route's length (else the
    straight line times ``factor``), ``speed_*`` the average speeds (km/h) over that distance,
    ``plausible`` the span of average speeds (km/h) a journey of ``mode_words`` keeps to.
    """
    time = format_hours(hours_low) if hours_low == hours_high else f"{format_hours(hours_low)} to {format_hours(hours_high)}" if math.isfinite(hours_high) else f"at least {format_hours(hours_low)}"
    if route_km is not None:
        distance = f"the known route measures {format_km(route_km)}"
    else:
        why = f" ({factor_reason})" if factor_reason else ""
        if factor == 1.0:
            distance = f"the way travelled is the straight line{why}"
        else:
            distance = (f"a route by {mode_words} is typically about {factor:.2g} times the straight line{why}, "
                        f"so about {format_km(straight_km * factor)}")
    if not math.isfinite(speed_high):  # "less than an hour": no upper bound on the speed
        speeds = f"at least {speed_low:,.0f} km/h"
    else:
        speeds = (f"{speed_low:,.0f} km/h" if round(speed_low) == round(speed_high)
                  else f"{speed_low:,.0f} to {speed_high:,.0f} km/h")
    judged = {
        TimeVerdict.PLAUSIBLE: "plausible",
        TimeVerdict.IMPLAUSIBLE: "implausible",
        TimeVerdict.UNVERIFIABLE: "unverifiable",
    }[verdict]
    return (f"This is a travel time, not a distance: {time} by {mode_words}. The straight line is "
            f"{format_km(straight_km)}; {distance}. That is an average of {speeds}, {judged} for "
            f"{mode_words} (typically {plausible[0]:,.0f} to {plausible[1]:,.0f} km/h on average).")


def time_unverifiable_sentence(reason: str) -> str:
    return f"This is a travel time, not a distance, and it cannot be checked: {reason}."


def area_words(area: SearchArea) -> str:
    """A search area in words: "54 km to 66 km from the anchor, bearing 338° to 22°"."""
    words = span_words(area.min_km, area.max_km)
    if area.half_width_deg < 180:
        low = (area.centre_deg - area.half_width_deg) % 360
        high = (area.centre_deg + area.half_width_deg) % 360
        words += f", bearing {low:.0f}° to {high:.0f}°"
    return words


def area_from(area: SearchArea, anchor: str) -> str:
    """A search area around a named anchor: "63 km to 88 km from Bukavu, bearing 103° to 167°"."""
    words = area_words(area)
    return words.replace(",", f" from {anchor},", 1) if "," in words else f"{words} from {anchor}"


def candidates_sentence(area: SearchArea, fits: Sequence[PlaceFit], anchor: Place, noun: str,
                        named: str = "") -> str:
    """Where an unnamed subject could be: the ring, the sector, the kind, and the best fits.

    ``named`` is the subject's name when it has one the gazetteer lacks: then only the area is
    given (the name is its own place, none of the gazetteer's)."""
    where = area_from(area, anchor.name)
    if named:
        return f"The claim puts {named} {where}."
    kind = noun or "place"
    if not area.kinds:
        return f"The gazetteer holds no places of the kind '{kind}', so it cannot say which one this could be ({where})."
    if not fits:
        return f"No {kind} in the gazetteer lies {where}."
    best = "; ".join(f"{f.place.name} ({format_km(f.distance_km)}, bearing {f.bearing_deg:.0f}°)" for f in fits[:3])
    many = f"{len(fits)} places of that kind ({kind}) lie" if len(fits) != 1 else f"One place of that kind ({kind}) lies"
    return f"Where could it be? {many} {where}; best first: {best}."


# --- verdicts for a reader -----------------------------------------------------------------


def headline(check: Check) -> str:
    """The one verdict to show first: the time verdict for a travel time, else the distance's."""
    return str(check.time_verdict) if check.time_verdict is not None else str(check.distance_verdict)


_HEADLINE_ORDER = tuple(dict.fromkeys(str(v) for v in (*DistanceVerdict, *TimeVerdict)))


def headline_counts(checks: Iterable[Check]) -> dict[str, int]:
    """How many claims show each headline verdict (each claim counted once), in the verdicts'
    order (distance, then time), the verdicts no claim shows left out."""
    seen = Counter(headline(check) for check in checks)
    return {verdict: seen[verdict] for verdict in _HEADLINE_ORDER if seen[verdict]}


def verdict_words(check: Check) -> str:
    """The verdicts in a line: "distance accurate, direction correct, units consistent"."""
    parts = [f"distance {check.distance_verdict}", f"direction {check.direction_verdict}",
             f"units {check.unit_verdict}"]
    if check.time_verdict is not None:
        parts.insert(0, f"travel time {check.time_verdict}")
    return ", ".join(parts)


def candidate_words(rank: int, fit: PlaceFit) -> str:
    """One candidate for a reader: "1. Buganda (city, BI): 66 km, bearing 143°, score 0.60"."""
    place = fit.place
    facts = ", ".join(f for f in (place.kind, place.country) if f)
    return (f"{rank}. {place.name} ({facts}): {format_km(fit.distance_km)}, bearing {fit.bearing_deg:.0f}°, "
            f"score {fit.score:.2f}")


def travel_words(travel: Travel | None) -> str:
    """How a travel time was checked, in a line ("" for a distance)."""
    if travel is None:
        return ""
    hours = (format_hours(travel.hours_low) + (f" to {format_hours(travel.hours_high)}"
             if math.isfinite(travel.hours_high) else " or more"))
    if not math.isfinite(travel.speed_high_kmh):
        speeds = f"at least {travel.speed_low_kmh:,.0f} km/h"
    else:
        speeds = f"{travel.speed_low_kmh:,.0f} to {travel.speed_high_kmh:,.0f} km/h"
    over = "the known route" if travel.route_factor == 1.0 and travel.mode != "flight" else (
        f"the straight line × {travel.route_factor:.2g}")
    return (f"{hours} by {MODE_WORDS.get(travel.mode, travel.mode)} over {format_km(travel.distance_km)} "
            f"({over}): {speeds} on average; typical {travel.plausible_kmh[0]:,.0f} to "
            f"{travel.plausible_kmh[1]:,.0f} km/h")


def legend_words(verdict: str) -> str:
    """What a claim's lines mean on a map, for one verdict's colour."""
    if verdict in (TimeVerdict.PLAUSIBLE, TimeVerdict.IMPLAUSIBLE):
        return f"Travel time, {verdict}: measured line"
    return f"Distance claim, {verdict}: measured line, stated ring"


def map_caption(check: Check) -> str:
    """A claim's check in a line under a map: "stated 950 km, measured 1,011 km in a straight line:
    accurate"."""
    stated = f"stated {format_km(check.stated_km)}" if check.stated_km is not None else f"stated {stated_words(check.claim)}"
    if check.claim.subject.place is None:
        fits = len(check.candidates)
        could = f"{fits} place{'s' if fits != 1 else ''} could fit" if check.search_area else "nothing to search"
        return f"{stated}; the subject {check.claim.subject.text!r} is not placed: {could}"
    measured = f"measured {format_km(check.actual_km)}" if check.actual_km is not None else "not measured"
    verdict = f"travel time {check.time_verdict}" if check.time_verdict is not None else str(check.distance_verdict)
    return f"{stated}, {measured} in a straight line: {verdict}"


def search_map_caption(check: Check) -> str:
    """What a map of a search area shows, in words."""
    claim, area = check.claim, check.search_area
    words = (f"{claim.anchor.place.name} (square); the shaded area is where the claim puts "
             f"{claim.subject.text!r}: {area_words(area)} from {claim.anchor.place.name}")
    if check.candidates:
        words += "; the white dots are the gazetteer's places that fit, numbered best first"
    return words + "."


SEARCH_AREA_KEY = "Where a subject that is not placed could be (numbered: best candidates first)"
"""The legend's words for a search area."""

MAP_KEY = ("line: measured; ring: stated distance; shaded ring or sector: where a subject that is not "
           "placed could be, with its candidates as white dots")
"""What a claim's lines, rings and sectors mean, for a map's legend."""


# --- the method, for the report ------------------------------------------------------------


def method() -> tuple[tuple[str, str], ...]:
    """(heading, paragraph) pairs explaining how the claims were checked, from geo.check's rules."""
    from geo import check as rules  # the rules' numbers; geo.check imports this module for its words

    share, cap = rules.APPROXIMATE_SHARE, rules.APPROXIMATE_CAP
    speeds = "; ".join(f"{mode} {low:,.0f}–{high:,.0f} km/h" for mode, (low, high) in rules.AVERAGE_SPEEDS_KMH.items())
    return (
        (
            "Measurement",
            "Distances are geodesics on the WGS84 ellipsoid (pyproj.Geod, after C. F. F. Karney's "
            "algorithms), between the coordinates of the two places as resolved from the gazetteer; "
            "bearings are the initial bearing from the anchor place to the subject place, in degrees "
            "clockwise from true north. Stated figures in miles (1.609344 km) and nautical miles "
            "(1.852 km) are converted to km.",
        ),
        (
            "Tolerance",
            "A flat figure is read as rounded at its last non-zero digit (1,180 to 10, 600 to 100; a "
            "final 5 to 5 of its place, so 950 to 50; an ending 25 or 75 to a quarter, so 425 to 25) "
            f"and allows half that step, at most ±{share:.0%}. 'About', 'some', 'roughly' "
            f"and the like allow ±{share:.0%} or the rounding, whichever is larger, at most "
            f"±{cap:.0%}. 'More than', 'over', 'at least' make the figure a lower bound and "
            "'less than', 'under', 'up to' an upper bound, each less or plus its rounding; 'nearly', "
            f"'almost', 'just under' an upper bound that allows {share:.0%} below, 'just over' "
            "the reverse. A range allows its span. The extent of each place (its radius in the "
            f"gazetteer, counted up to {rules.PLACE_EXTENT_CAP_KM:,.0f} km, the two together up to "
            f"{rules.PLACE_EXTENT_SHARE:.0%} of their distance) widens the upper side: a city or an airport "
            "is not a point, and a figure taken between the places' nearest edges is shorter than the "
            "distance between their centres, which is what is measured.",
        ),
        (
            "Distance verdicts",
            "Accurate: the measured distance lies inside what the wording allows. Close: outside it by "
            f"no more than that side's slack again or {share:.0%} of the figure, whichever "
            "is larger. Inaccurate: further off. Unverifiable: a place is not named or not in the "
            "gazetteer, both ends are the same place, the figure is a travel time, or it is no distance "
            f"on Earth (not a finite positive number, or more than {rules.MAX_DISTANCE_KM:,.0f} km, half "
            "the Earth's circumference). An unverifiable claim is still listed, with its reason.",
        ),
        (
            "Direction verdicts",
            "A compass word names a sector: 'north' or 'north-east' ±22.5° (the eight winds), "
            "'north-north-east' or 'due north' ±11.25°. Correct: the measured bearing lies in the "
            "stated sector. Approximate: it lies in a neighbouring sector of the same width (one "
            "compass point off, so 'north' stretches to ±67.5°). Wrong: further round. The sectors "
            "widen by the angle the places' extent subtends at their distance.",
        ),
        (
            "Units",
            "When a figure is given in two units, the two are consistent if the spans their rounding "
            "allows overlap once converted.",
        ),
        (
            "Routes",
            "When the wording names a mode ('by rail', 'by road', 'a drive') or the straight line does "
            "not fit, the figure is also measured against a known route between the two places (the "
            "section between the waypoints nearest each) and the report says which measure it matches. "
            "A road or railway is never shorter than the straight line. A figure that names no mode "
            f"and runs {factor_span_words(rules.ROAD_FACTOR_SPAN)} times the straight "
            "line, as roads typically do, is still judged on the straight line, and the explanation says "
            "it may be a road distance.",
        ),
        (
            "Travel times",
            "A time ('a four-hour drive', '40 minutes by train') is no distance, so its distance verdict "
            "is unverifiable and it gets a time verdict instead. The distance travelled is a known route "
            f"between the two places, or else the straight line times {rules.ROUTE_FACTORS['road']:.2g} (by road and rail): road and rail "
            f"distances typically run {factor_span_words(rules.ROAD_FACTOR_SPAN)} times the straight line (the detour index of road "
            "networks), and the middle of that span is used. The time, widened as a figure is, then gives "
            "a span of average speeds: plausible when it meets the span a journey of that mode keeps to "
            f"door to door ({speeds}), implausible when not.",
        ),
        (
            "Where could it be?",
            "When the subject is a description ('a town 60 km north of X') and the anchor is placed, the "
            "gazetteer's places of the kind the description names (a town, city or village: populated "
            "places; a lake, an airport, a river: those, where the gazetteer has them) are searched inside "
            "the ring of distances the wording allows and the stated direction's sector, and listed best "
            "first: nearest the stated distance, nearest the direction's centre line, then the most "
            "populous.",
        ),
    )
