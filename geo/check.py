"""Judge a distance claim against the measured distance, bearing and known routes.

A claim gives a figure ("about 950 kilometres"), a hedge ("about"), perhaps a direction
("north") and a mode ("by rail"). :func:`check_claim` measures the WGS84 geodesic between the
two places and returns a :class:`~geo.model.Check` with four verdicts and an explanation that
names the coordinates it used. Each rule below is its own function and tests alone.

Distance: what the wording allows
    A figure is read as rounded at its last non-zero digit: 1,180 to 10 (±5), 600 to 100 (±50),
    and a last digit 5 as rounded to 5 of that place (950 to 50, ±25), an ending 25 or 75 as
    rounded to a quarter (425 to 25, ±12.5). A *flat* figure allows that rounding, never more
    than ±10 % (``1,000 km`` is not read as 500..1,500: a writer who meant "roughly" says so).
    An *approximate* hedge ("about", "some", "roughly") allows ±10 % or the rounding, whichever
    is larger, at most ±25 %. A *bound* is one-sided: "more than 600 km" allows anything from
    600 less its rounding upward; "less than", "under", "up to" the reverse. A *near bound* is
    one-sided with an approximate other side: "nearly 600 km" allows 540..650 (10 % below, the
    rounding above), "just over 600 km" 550..660. A range ("20 to 30 km") allows its span, each end
    widened as above. Then the two places' extents (``Place.radius_km``, each counted up to
    50 km: a city or a cosmodrome is not a point, but a country's radius says nothing about
    where a writer measured from; the two together up to a quarter of the measured distance)
    widen the upper side: a figure taken between the places' nearest edges is shorter than the
    distance between their centres (which is what is measured), never longer.

Distance verdicts
    ``accurate`` inside the allowance; ``close`` outside it by no more than that side's slack
    again or 10 % of the figure, whichever is larger (it would pass with one more degree of
    hedging);
    ``inaccurate`` beyond; ``unverifiable`` when a place is unresolved, the two are the same
    place, or the figure is not a distance on Earth (not finite, not positive, or longer than
    the longest geodesic on WGS84, 20,004 km).

Direction verdicts
    A compass word names a sector of the rose its wording belongs to: "north" and "north-east"
    ±22.5° (the eight winds), "north-north-east" and "due north" ±11.25°. ``correct`` when the
    measured initial bearing (anchor to subject) lies in the stated sector, ``approximate`` when
    it lies in a neighbouring sector of the same width (one compass point off, so "north"
    covers up to ±67.5°), ``wrong`` beyond. Both widen by the angle the places' extent subtends
    at that distance, at most half the sector's half-width (11.25° for "north").

Units
    Two figures of one claim ("950 km (600 mi)") are ``consistent`` when the spans their flat
    reading allows overlap (each figure's rounding, at most ±10 %), ``inconsistent`` when not.

Routes
    When the mode names a route ("by rail", "by road", "a drive") or the straight line is not
    accurate, the figure is also judged against a known route between the two places
    (:func:`geo.routes.find_route`) with the same allowance; ``matches`` names the measure the
    figure fits. The verdict is on the measure the wording names: the route when it names one
    and the route is known, else the straight line. A named route nobody has measured: a road
    is never shorter than the straight line, so a figure that must be shorter is judged against
    the line, and any other is unverifiable.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from geo.errors import InputError
from geo.geodesy import COMPASS_POINTS, compass_bearing, compass_point, inverse
from geo.model import KM_PER_UNIT, Check, DistanceClaim, Place, Quantity, Route
from geo.routes import find_route

__all__ = [
    "Allowance",
    "check_claim",
    "check_direction",
    "check_units",
    "compass_words",
    "direction_sector",
    "direction_words",
    "distance_allowance",
    "extent_km",
    "judge_distance",
    "judged_measure",
    "rounding_step",
    "stated_words",
    "unverifiable_figure",
]

APPROXIMATE_SHARE = 0.10
"""Share of the figure an approximate hedge allows, and the most a flat figure's rounding may."""

APPROXIMATE_CAP = 0.25
"""The most an approximate hedge allows, as a share of the figure (for one-digit figures)."""

PLACE_EXTENT_CAP_KM = 50.0
"""The most one place's extent (km) widens a tolerance."""

PLACE_EXTENT_SHARE = 0.25
"""The most the two places' extents together widen a tolerance, as a share of their distance."""

MAX_DISTANCE_KM = 20_004.0
"""The longest geodesic on the WGS84 ellipsoid (between antipodes on the equator), km."""

FLAT, APPROXIMATE, OPEN = "rounding", "approximate", "open"

# Each hedge sets how the allowance extends below and above the figure.
_HEDGE_SIDES = {
    (FLAT, FLAT): ("", "only", "just", "exactly", "precisely"),
    (APPROXIMATE, APPROXIMATE): (
        "about", "around", "roughly", "some", "approximately", "approx", "approx.", "circa",
        "c.", "ca.", "~", "estimated", "an estimated", "or so", "give or take", "close to",
        "in the region of", "on the order of", "something like", "an approximate",
    ),
    (FLAT, OPEN): (
        "more than", "over", "at least", "upwards of", "in excess of", "no less than",
        "not less than", "above", "beyond", "greater than",
    ),
    (OPEN, FLAT): (
        "less than", "under", "up to", "no more than", "not more than", "at most", "below",
        "within", "fewer than",
    ),
    (APPROXIMATE, FLAT): (
        "nearly", "almost", "just under", "just below", "not quite", "approaching",
        "a little under", "a little less than", "slightly less than", "just short of", "barely",
    ),
    (FLAT, APPROXIMATE): (
        "just over", "just above", "just more than", "a little over", "a little more than",
        "slightly more than", "slightly over", "a bit more than", "a bit over",
    ),
}  # fmt: skip
HEDGE_SIDES = {hedge: sides for sides, hedges in _HEDGE_SIDES.items() for hedge in hedges}
"""Hedge (lower case) -> (below, above), each "rounding", "approximate" or "open"."""

ROUTE_MODES = {"road": "road", "drive": "road", "rail": "rail", "train": "rail", "sea": "sea"}
"""Claim modes that name a route, with the Route.mode they match; never shorter than the line."""

STRAIGHT_MODES = ("straight", "flight")
"""Claim modes measured by the straight line (a flight follows the geodesic)."""

_VERDICT_RANK = {"accurate": 0, "close": 1, "inaccurate": 2, "unverifiable": 3}
_CARDINAL_WORDS = {"N": "north", "E": "east", "S": "south", "W": "west"}


# --- numbers -------------------------------------------------------------------------------


def rounding_step(value: float) -> float:
    """The step a stated figure was rounded to, in the figure's own unit.

    The place of the last non-zero digit (1,180 -> 10, 600 -> 100, 2.4 -> 0.1); a last digit 5
    reads as rounded to 5 of that place (950 -> 50), an ending 25 or 75 to a quarter
    (425 -> 25, 1,250 -> 250). 0 for 0; ``value`` must be finite.
    """
    digits = Decimal(repr(abs(float(value)))).normalize()
    if digits == 0:
        return 0.0
    _, figures, exponent = digits.as_tuple()
    place = Decimal(1).scaleb(exponent)
    last, before = figures[-1], figures[-2] if len(figures) > 1 else 0
    if last == 5 and before in (2, 7):
        return float(25 * place)
    if last == 5:
        return float(5 * place)
    return float(place)


def flat_slack(figure: float) -> float:
    """The slack (same unit as ``figure``) a flat figure allows: half its rounding, <= 10 %."""
    return min(rounding_step(figure) / 2, APPROXIMATE_SHARE * abs(figure))


def approximate_slack(figure: float) -> float:
    """The slack an approximate hedge allows: 10 % or half the rounding, whichever is larger, <= 25 %."""
    larger = max(APPROXIMATE_SHARE * abs(figure), rounding_step(figure) / 2)
    return min(larger, APPROXIMATE_CAP * abs(figure))


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


def format_quantity(quantity: Quantity) -> str:
    """A stated quantity as figures and unit: "950 km", "20-30 mi"."""
    if quantity.is_range:
        return f"{format_figure(quantity.low)}-{format_figure(quantity.high)} {quantity.unit}"
    return f"{format_figure(quantity.value)} {quantity.unit}"


def format_latlon(place: Place) -> str:
    """A place's coordinates as "43.106° N, 131.874° E"."""
    ns = "N" if place.lat >= 0 else "S"
    ew = "E" if place.lon >= 0 else "W"
    return f"{abs(place.lat):.3f}° {ns}, {abs(place.lon):.3f}° {ew}"


def unverifiable_figure(quantity: Quantity) -> str:
    """Why a stated figure is no distance on Earth ("" when it is one)."""
    figures = [quantity.value] if not quantity.is_range else [quantity.low, quantity.high]
    if quantity.unit not in KM_PER_UNIT:
        return f"the unit {quantity.unit!r} is not a distance unit"
    if any(f is None or not math.isfinite(f) for f in figures):
        return f"the figure {quantity.text or ' to '.join(map(str, figures))!r} is not a finite number"
    low_km, high_km = sorted(quantity.km_bounds)
    if not math.isfinite(high_km):
        return f"the figure {quantity.text or format_quantity(quantity)!r} is not a finite number"
    if low_km <= 0:
        return f"the figure {format_quantity(quantity)} is not a positive distance"
    if high_km > MAX_DISTANCE_KM:
        return (
            f"the figure {format_quantity(quantity)} is longer than any distance on Earth "
            f"(at most {MAX_DISTANCE_KM:,.0f} km, half the circumference)"
        )
    return ""


# --- places --------------------------------------------------------------------------------


def extent_km(subject: Place, anchor: Place, distance_km: float = math.inf) -> float:
    """How far (km) the two places' extents can move the distance between them.

    Each radius counts up to 50 km, and the two together up to a quarter of ``distance_km``
    (the measured distance): a writer giving a distance between two places means their main
    points more than their far edges, and two cities 60 km apart are not "anything from 10 km".
    """
    radii = sum(min(max(p.radius_km, 0.0), PLACE_EXTENT_CAP_KM) for p in (subject, anchor))
    return min(radii, PLACE_EXTENT_SHARE * distance_km)


def _unresolved_reason(claim: DistanceClaim) -> str:
    for role, mention in (("subject", claim.subject), ("anchor", claim.anchor)):
        if mention.place is None:
            return f"the {role} {mention.text!r} could not be resolved to a place"
        place = mention.place
        if not (abs(place.lat) <= 90 and math.isfinite(place.lon)):
            return f"the {role} {place.name!r} has no valid coordinates"
    if claim.subject.place.place_id == claim.anchor.place.place_id:
        return f"subject and anchor are the same place ({claim.subject.place.name})"
    return ""


# --- distance ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Allowance:
    """The distances (km) a claim's wording allows, and how the tolerance was chosen."""

    low_km: float  # 0 when the wording sets no lower bound
    high_km: float  # math.inf when it sets no upper bound
    below_km: float  # slack under the figure (rounding or hedge); 0 when open below
    above_km: float  # slack over the figure, the places' extent included; 0 when open above
    words: str

    @property
    def tolerance_km(self) -> float:
        """The wider slack of the two sides (km)."""
        return max(self.below_km, self.above_km)

    def miss_km(self, measured_km: float) -> float:
        """How far (km) ``measured_km`` lies outside the allowance; 0 inside."""
        return max(self.low_km - measured_km, measured_km - self.high_km, 0.0)

    def slack_km(self, measured_km: float) -> float:
        """The slack (km) of the side ``measured_km`` lies on."""
        return self.below_km if measured_km < self.low_km else self.above_km


def _hedge_key(hedge: str) -> str:
    return " ".join(hedge.lower().split())


def hedge_sides(hedge: str) -> tuple[str, str]:
    """(below, above) for a hedge; an unknown hedge reads as approximate on both sides."""
    return HEDGE_SIDES.get(_hedge_key(hedge), (APPROXIMATE, APPROXIMATE))


def _side_slack(side: str, figure: float) -> float:
    return approximate_slack(figure) if side == APPROXIMATE else flat_slack(figure)


def _side_words(side: str, figure: float, unit: str) -> str:
    """How one side of the allowance was widened, e.g. "±10% (95 km)"."""
    slack = format_figure(round(_side_slack(side, figure), 2))
    if side == APPROXIMATE:
        return f"±{_side_slack(side, figure) / figure:.0%} ({slack} {unit})"
    step = rounding_step(figure)
    if step / 2 > APPROXIMATE_SHARE * figure:
        return f"its rounding, at most ±{APPROXIMATE_SHARE:.0%} ({slack} {unit})"
    return f"its rounding to {format_figure(step)} (±{slack} {unit})"


def _allowance_words(quantity: Quantity, hedge: str, below: str, above: str, extent: float) -> str:
    unit = quantity.unit
    low, high = _figures(quantity)
    figure = format_quantity(quantity)
    subject = f"'{_hedge_key(hedge)} {figure}'" if hedge else f"a flat {figure}"
    if below == above and quantity.is_range:
        how = "its rounding" if below == FLAT else f"±{APPROXIMATE_SHARE:.0%} or its rounding"
        slacks = " and ".join(f"±{format_figure(round(_side_slack(below, f), 2))}" for f in (low, high))
        words = f"{subject} allows its span, the ends widened by {how} ({slacks} {unit})"
    elif below == above:
        words = f"{subject} allows {_side_words(below, low, unit)}"
    elif above == OPEN:
        words = f"{subject} is a lower bound, less {_side_words(below, low, unit)}"
    elif below == OPEN:
        words = f"{subject} is an upper bound, plus {_side_words(above, high, unit)}"
    else:
        words = (
            f"{subject} allows {_side_words(below, low, unit)} below "
            f"and {_side_words(above, high, unit)} above"
        )
    if extent and above != OPEN:
        words += f", and up to {format_km(extent)} more if measured between the places' edges"
    return words


def _figures(quantity: Quantity) -> tuple[float, float]:
    """(low, high) figures of a quantity in its own unit; equal for a single figure."""
    if quantity.is_range:
        return tuple(sorted((quantity.low, quantity.high)))
    return (quantity.value, quantity.value)


def distance_allowance(quantity: Quantity, hedge: str, extent: float = 0.0) -> Allowance:
    """The span (km) of measured distances that ``hedge`` + ``quantity`` allow.

    ``extent`` (km, :func:`extent_km`) widens the upper side only: a figure measured between
    the places' nearest edges is shorter than their centres' distance, never longer, so the
    centres may lie up to ``extent`` further apart than stated.
    """
    below, above = hedge_sides(hedge)
    factor = KM_PER_UNIT[quantity.unit]
    low_fig, high_fig = _figures(quantity)
    below_km = _side_slack(below, low_fig) * factor
    above_km = _side_slack(above, high_fig) * factor + extent
    low_km = 0.0 if below == OPEN else max(low_fig * factor - below_km, 0.0)
    high_km = math.inf if above == OPEN else high_fig * factor + above_km
    words = _allowance_words(quantity, hedge, below, above, extent)
    return Allowance(
        low_km, high_km, 0.0 if below == OPEN else below_km, 0.0 if above == OPEN else above_km, words
    )


@dataclass(frozen=True)
class Judgement:
    """A stated figure judged against one measure."""

    measure: str  # "straight line" or "route"
    measured_km: float
    verdict: str  # accurate | close | inaccurate
    error_km: float  # stated - measured
    error_pct: float  # of the measured distance


def judge_distance(stated_km: float, measured_km: float, allowance: Allowance, measure: str) -> Judgement:
    """The verdict on ``stated_km`` against ``measured_km`` (km), per the module's rules."""
    miss = allowance.miss_km(measured_km)
    if miss == 0:
        verdict = "accurate"
    elif miss <= max(allowance.slack_km(measured_km), APPROXIMATE_SHARE * stated_km):
        verdict = "close"
    else:
        verdict = "inaccurate"
    error = stated_km - measured_km
    pct = 100.0 * error / measured_km if measured_km > 0 else math.inf
    return Judgement(measure, measured_km, verdict, error, pct)


# --- direction -----------------------------------------------------------------------------


def compass_words(point: str) -> str:
    """A compass point in words: "NE" -> "north-east", "NNW" -> "north-north-west"."""
    if len(point) == 3:
        return f"{_CARDINAL_WORDS[point[0]]}-{compass_words(point[1:])}"
    return "-".join(_CARDINAL_WORDS[letter] for letter in point)


def direction_sector(direction: str) -> tuple[str, float, float]:
    """(point, centre, half-width) of a stated direction, degrees clockwise from north.

    "N" or "north" -> ("N", 0, 22.5); "NE" -> ("NE", 45, 22.5); "NNE" -> ("NNE", 22.5,
    11.25); "due N" / "due north" -> ("N", 0, 11.25). Raises ``InputError`` for non-directions.
    """
    centre = compass_bearing(direction)
    point = COMPASS_POINTS[round(centre / 22.5) % 16]
    due = direction.strip().lower().startswith("due ")
    half_width = 11.25 if (due or len(point) == 3) else 22.5
    return point, centre, half_width


def _angle_between(a: float, b: float) -> float:
    return abs((a - b + 180.0) % 360.0 - 180.0)


def check_direction(direction: str, bearing: float, distance_km: float, extent: float = 0.0) -> str:
    """correct | approximate | wrong for a stated direction and a measured bearing (degrees).

    ``extent`` (km) widens the sector by the angle it subtends at ``distance_km``, at most half
    a sector. A direction that is no compass point gives "unverifiable".
    """
    try:
        _, centre, half_width = direction_sector(direction)
    except InputError:
        return "unverifiable"
    slack = min(math.degrees(math.atan2(extent, distance_km)), half_width / 2) if extent else 0.0
    off = _angle_between(bearing, centre)
    if off <= half_width + slack:
        return "correct"
    if off <= 3 * half_width + slack:
        return "approximate"
    return "wrong"


# --- units ---------------------------------------------------------------------------------


def _flat_span_km(quantity: Quantity) -> tuple[float, float]:
    """(low, high) km a figure read flat allows: its rounding, at most ±10 %."""
    factor = KM_PER_UNIT[quantity.unit]
    low, high = _figures(quantity)
    return (low - flat_slack(low)) * factor, (high + flat_slack(high)) * factor


def check_units(stated: Sequence[Quantity]) -> str:
    """consistent | inconsistent | single unit: do the stated figures convert into each other?

    Each later figure is compared with the first: they agree when the spans their flat reading
    allows (:func:`flat_slack`) overlap. Figures that are no distance count as a single unit.
    """
    if len(stated) < 2 or any(unverifiable_figure(q) for q in stated):
        return "single unit"
    first_low, first_high = _flat_span_km(stated[0])
    for other in stated[1:]:
        low, high = _flat_span_km(other)
        if low > first_high or high < first_low:
            return "inconsistent"
    return "consistent"


# --- routes --------------------------------------------------------------------------------


def judged_measure(check: Check) -> str:
    """The measure a check's verdict and error are on: "route" or "straight line".

    The route when the claim's mode names one and a known route was measured, else the line.
    """
    named_route = check.claim.mode.strip().lower() in ROUTE_MODES
    return "route" if named_route and check.route_km is not None else "straight line"


def _best(judgements: Sequence[Judgement], named: str) -> Judgement:
    """The measure the figure fits best: best verdict, then the one the wording names, then nearest."""
    return min(judgements, key=lambda j: (_VERDICT_RANK[j.verdict], j.measure != named, abs(j.error_km)))


# --- explanation ---------------------------------------------------------------------------


def _place_words(place: Place) -> str:
    return f"{place.name} ({format_latlon(place)})"


def stated_words(claim: DistanceClaim) -> str:
    """The claim's figures as stated: "about 950 km (600 mi) north (rail)"."""
    figures = [format_quantity(q) for q in claim.stated] or ["no figure"]
    words = figures[0] + "".join(f" ({f})" for f in figures[1:])
    if claim.hedge:
        words = f"{_hedge_key(claim.hedge)} {words}"
    if claim.direction:
        words += f" {direction_words(claim.direction)}"
    if claim.mode:
        words += f" ({claim.mode})"
    return words


def direction_words(direction: str) -> str:
    """A stated direction in words: "NE" -> "north-east", "due N" -> "due north"; as given if unknown."""
    try:
        point = direction_sector(direction)[0]
    except InputError:
        return direction
    due = "due " if direction.strip().lower().startswith("due ") else ""
    return due + compass_words(point)


def _span_words(allowance: Allowance) -> str:
    if math.isinf(allowance.high_km):
        return f"at least {format_km(allowance.low_km)}"
    if allowance.low_km == 0:
        return f"at most {format_km(allowance.high_km)}"
    return f"{format_km(allowance.low_km)} to {format_km(allowance.high_km)}"


def format_pct(pct: float) -> str:
    """A share in percent for prose: "6%", "0.4%" below 1 %."""
    return f"{pct:.1f}%" if abs(pct) < 1 else f"{pct:.0f}%"


def _distance_sentence(judged: Judgement, allowance: Allowance) -> str:
    if judged.error_km < 0:
        offset = f"{format_km(-judged.error_km)} ({format_pct(-judged.error_pct)}) short"
    elif judged.error_km > 0:
        offset = f"{format_km(judged.error_km)} ({format_pct(judged.error_pct)}) long"
    else:
        offset = "exact"
    where = {"accurate": "inside", "close": "just outside", "inaccurate": "outside"}[judged.verdict]
    return (
        f"Against the {judged.measure} the figure is {offset}, {where} what the wording allows: "
        f"{allowance.words} ({_span_words(allowance)})."
    )


def _direction_sentence(claim: DistanceClaim, bearing: float, verdict: str) -> str:
    subject, anchor = claim.subject.place.name, claim.anchor.place.name
    measured = f"{subject} lies {compass_words(compass_point(bearing))} (bearing {bearing:.0f}°) of {anchor}"
    stated = direction_words(claim.direction)
    judged = {
        "not stated": "",
        "correct": f", within '{stated}'",
        "approximate": f": '{stated}' is one compass point off",
        "wrong": f": '{stated}' is wrong",
        "unverifiable": f": '{stated}' is not a compass direction",
    }[verdict]
    return f"{measured}{judged}."


def _unit_sentence(claim: DistanceClaim, verdict: str) -> str:
    if verdict == "single unit":
        return ""
    figures = [format_quantity(q) + ("" if q.unit == "km" else f" ({format_km(q.km)})") for q in claim.stated]
    agree = "agree" if verdict == "consistent" else "do not agree"
    return f"{' and '.join(figures)} {agree} within their rounding."


def _route_sentence(route: Route | None, route_km: float | None, mode: str) -> str:
    if route is not None:
        return f"The known {route.mode} route ({route.name}) measures {format_km(route_km)} between them."
    if mode in ROUTE_MODES:
        return f"No {ROUTE_MODES[mode]} route between them is known to measure."
    return ""


# --- the check -----------------------------------------------------------------------------


def _unverifiable_check(claim: DistanceClaim, stated_km: float | None, reason: str) -> Check:
    unit_verdict = check_units(claim.stated)
    explanation = f"Stated {stated_words(claim)}: unverifiable, as {reason}."
    return Check(
        claim=claim,
        stated_km=stated_km,
        actual_km=None,
        bearing_deg=None,
        route_km=None,
        route_id="",
        error_km=None,
        error_pct=None,
        tolerance_km=None,
        tolerance="",
        distance_verdict="unverifiable",
        direction_verdict="unverifiable" if claim.direction else "not stated",
        unit_verdict=unit_verdict,
        matches="",
        explanation=" ".join(s for s in (explanation, _unit_sentence(claim, unit_verdict)) if s),
    )


def check_claim(claim: DistanceClaim, routes: Sequence[Route] = (), gazetteer=None) -> Check:
    """Measure and judge one distance claim (see the module's rules); never raises on bad data.

    The distance is the WGS84 geodesic between the two resolved places, the bearing the initial
    bearing from the anchor to the subject (degrees clockwise from north). ``routes`` are the
    known routes (:func:`geo.routes.load_routes`), searched when the wording names a route or
    the straight line is not accurate. ``gazetteer`` is accepted for symmetry with the other
    stages and not needed: a claim's places carry their coordinates and extents.
    """
    if not claim.stated:
        return _unverifiable_check(claim, None, "no figure is stated")
    figure = claim.stated[0]
    figure_problem = unverifiable_figure(figure)
    stated_km = None if figure_problem else figure.km
    reason = figure_problem or _unresolved_reason(claim)
    if reason:
        return _unverifiable_check(claim, stated_km, reason)

    subject, anchor = claim.subject.place, claim.anchor.place
    actual_km, bearing = inverse(anchor.lat, anchor.lon, subject.lat, subject.lon)
    if actual_km == 0:
        reason = f"{subject.name} and {anchor.name} have the same coordinates"
        return _unverifiable_check(claim, stated_km, reason)
    extent = extent_km(subject, anchor, actual_km)
    direction_verdict = (
        check_direction(claim.direction, bearing, actual_km, extent) if claim.direction else "not stated"
    )
    allowance = distance_allowance(figure, claim.hedge, extent)
    straight = judge_distance(stated_km, actual_km, allowance, "straight line")

    mode = claim.mode.strip().lower()
    named = "route" if mode in ROUTE_MODES else "straight line" if mode in STRAIGHT_MODES else ""
    found = None
    if named == "route" or straight.verdict != "accurate":
        found = find_route(routes, subject, anchor, ROUTE_MODES.get(mode, ""))
    route, route_km = found if found else (None, None)
    judgements = [straight]
    if route is not None:
        judgements.append(judge_distance(stated_km, route_km, allowance, "route"))

    # The wording's measure: the route it names when known, else the straight line.
    judged = judgements[-1] if named == "route" and route is not None else straight
    best = _best(judgements, named)
    matches = best.measure if best.verdict != "inaccurate" else "neither"
    verdict = judged.verdict
    # A named route nobody has measured: the straight line is only its lower bound.
    unmeasured = named == "route" and route is None and allowance.high_km >= actual_km

    parts = [
        f"Stated {stated_words(claim)}.",
        f"The straight-line (WGS84 geodesic) distance from {_place_words(anchor)} to "
        f"{_place_words(subject)} is {format_km(actual_km)}.",
        _route_sentence(route, route_km, mode),
    ]
    if unmeasured:
        verdict, matches = "unverifiable", ""
        parts.append(
            f"A {ROUTE_MODES[mode]} route is never shorter than the straight line; the figure "
            f"allows that ({_span_words(allowance)}) but cannot be checked without the route's length."
        )
    else:
        parts.append(_distance_sentence(judged, allowance))
        if named == "route" and route is None:
            parts.append(f"A {ROUTE_MODES[mode]} route is never shorter than the straight line.")
        if matches not in (judged.measure, "neither"):
            parts.append(f"It fits the {matches} instead.")
    parts.append(_direction_sentence(claim, bearing, direction_verdict))
    unit_verdict = check_units(claim.stated)
    parts.append(_unit_sentence(claim, unit_verdict))

    return Check(
        claim=claim,
        stated_km=stated_km,
        actual_km=actual_km,
        bearing_deg=bearing,
        route_km=route_km,
        route_id=route.route_id if route is not None else "",
        error_km=None if unmeasured else judged.error_km,
        error_pct=None if unmeasured else judged.error_pct,
        tolerance_km=allowance.tolerance_km,
        tolerance=allowance.words,
        distance_verdict=verdict,
        direction_verdict=direction_verdict,
        unit_verdict=unit_verdict,
        matches=matches,
        explanation=" ".join(p for p in parts if p),
    )
