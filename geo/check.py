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
    50 km: a city or an airport is not a point, but a country's radius says nothing about
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

Travel times
    A time ("a four-hour drive", "40 minutes by train") is no distance: its distance verdict is
    ``unverifiable`` and its ``time_verdict`` says whether the average speed it implies is
    ``plausible`` for its mode. The distance travelled is a known route when there is one, else
    the straight line times :data:`ROUTE_FACTORS` (road and rail distances run typically 1.2 to
    1.4 times the straight line, so 1.3). The time, widened as a figure is by its hedge and
    rounding, gives a span of average speeds; ``plausible`` when it meets the span of
    :data:`AVERAGE_SPEEDS_KMH` for the mode (road when none is named), ``implausible`` when not.

Where could it be?
    When the subject is not placed ("a town 60 km north of X") and the anchor is, the gazetteer's
    places of the kind the description names (:data:`geo.lexicon.PLACE_NOUN_KINDS`; populated
    places when it names none) are searched inside the ring of distances the wording allows and the stated
    direction's sector (:func:`search_area`), and listed best first (:func:`where_could_it_be`).

Wording
    Every sentence of an explanation comes from :mod:`geo.explain`; verdicts are the enums of
    :mod:`geo.verdicts`.

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

import numpy as np

from geo import explain, lexicon
from geo.errors import InputError
from geo.lexicon import MOVING_HOURS_PER_UNIT, ROUNDING
from geo.geodesy import COMPASS_POINTS, compass_bearing, inverse
from geo.model import (KM_PER_UNIT, Check, DistanceClaim, Mention, Place, PlaceFit, Quantity, Route,
                       SearchArea, Travel)
from geo.routes import find_route
from geo.verdicts import DirectionVerdict, DistanceVerdict, TimeVerdict, UnitVerdict

__all__ = [
    "AVERAGE_SPEEDS_KMH",
    "Allowance",
    "ROUTE_FACTORS",
    "check_claim",
    "check_direction",
    "check_travel_time",
    "check_units",
    "direction_sector",
    "distance_allowance",
    "extent_km",
    "judge_distance",
    "judged_measure",
    "rounding_step",
    "search_area",
    "unverifiable_figure",
    "where_could_it_be",
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

FLAT, APPROXIMATE, OPEN = ROUNDING, lexicon.APPROXIMATE, lexicon.OPEN
"""How a hedge extends the allowance on one side (see :func:`geo.lexicon.hedge_bounds`)."""

ROUTE_MODES = {name: mode.route for name, mode in lexicon.MODES.items() if mode.route}
"""Claim modes that name a route, with the Route.mode they match; never shorter than the line."""

STRAIGHT_MODES = tuple(name for name, mode in lexicon.MODES.items() if not mode.route and name != "foot")
"""Claim modes measured by the straight line (a flight follows the geodesic)."""

ROUTE_FACTORS = {"road": 1.3, "rail": 1.3, "foot": 1.3, "sea": 1.2, "flight": 1.0}
"""Distance travelled over the straight line, by mode, when no route is known. Road and rail
distances typically run 1.2-1.4 times the straight line (the detour or circuity index of road
networks, lower on open plains, higher in mountains and along coasts): 1.3, the middle. A
voyage keeps nearer its line (1.2); a flight follows the geodesic (1.0)."""

ROAD_FACTOR_SPAN = (1.2, 1.4)
"""Road and rail distances over the straight line, as they typically run (see ROUTE_FACTORS)."""

AVERAGE_SPEEDS_KMH = {
    "road": (10.0, 110.0),  # town traffic to an open motorway, stops included
    "rail": (20.0, 300.0),  # a mountain line to a high-speed line
    "flight": (150.0, 900.0),  # a helicopter hop to an airliner's cruise, taxiing included
    "sea": (8.0, 60.0),  # a sailing boat to a fast ferry
    "foot": (2.0, 8.0),  # a mountain trail to a brisk walk or a horse
}
"""The span of average speeds (km/h, along the way travelled, door to door) a journey keeps to."""

TIME_MODE_DEFAULT = "road"
"""The mode a travel time is read in when its wording names none ("40 minutes from downtown")."""

CANDIDATES_SHOWN = 10
"""The most candidates a "where could it be" search lists."""

OPEN_RING_FACTOR = 2.0
"""An open upper bound ("more than 60 km north") searches out to this many times the figure."""

_VERDICT_RANK = {DistanceVerdict.ACCURATE: 0, DistanceVerdict.CLOSE: 1, DistanceVerdict.INACCURATE: 2,
                 DistanceVerdict.UNVERIFIABLE: 3}


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


def unverifiable_figure(quantity: Quantity) -> str:
    """Why a stated figure is no distance on Earth ("" when it is one)."""
    figures = [quantity.value] if not quantity.is_range else [quantity.low, quantity.high]
    if quantity.unit not in KM_PER_UNIT:
        return f"the unit {quantity.unit!r} is not a distance unit"
    if any(f is None or not math.isfinite(f) for f in figures):
        return f"the figure {quantity.text or ' to '.join(map(str, figures))!r} is not a finite number"
    low_km, high_km = sorted(quantity.km_bounds)
    if not math.isfinite(high_km):
        return f"the figure {quantity.text or explain.format_quantity(quantity)!r} is not a finite number"
    if low_km <= 0:
        return f"the figure {explain.format_quantity(quantity)} is not a positive distance"
    if high_km > MAX_DISTANCE_KM:
        return (
            f"the figure {explain.format_quantity(quantity)} is longer than any distance on Earth "
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


def is_named(mention: Mention, described: bool = False) -> bool:
    """Whether a claim's end is written as a name (not a description or a pronoun).

    ``described`` (the claim's ``subject_kind`` is set) says the extractor found a description.
    A name starts with a capital letter, and its first word is no pronoun or determiner of the
    vocabulary (:data:`geo.lexicon.PRONOUNS`, :data:`geo.lexicon.DETERMINERS`): "Ambo", "Thunder
    Bay" are names; "The reserve", "a town", "it", "It's located" name no place.
    """
    words = mention.text.replace("’", "'").split()
    if described or not words or not words[0][0].isupper():
        return False
    first = words[0].lower().strip(".,;:\"'")
    return first not in lexicon.PRONOUNS and first not in lexicon.DETERMINERS


def _unresolved_reason(claim: DistanceClaim) -> str:
    described = bool(claim.subject_kind)
    for role, mention in (("subject", claim.subject), ("anchor", claim.anchor)):
        if mention.place is None:
            named = is_named(mention, described and role == "subject")
            return explain.unplaced_reason(role, mention, named)
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

    @property
    def span(self) -> str:
        """The allowed distances in words ("855 km to 1,045 km")."""
        return explain.span_words(self.low_km, self.high_km)

    def miss_km(self, measured_km: float) -> float:
        """How far (km) ``measured_km`` lies outside the allowance; 0 inside."""
        return max(self.low_km - measured_km, measured_km - self.high_km, 0.0)

    def slack_km(self, measured_km: float) -> float:
        """The slack (km) of the side ``measured_km`` lies on."""
        return self.below_km if measured_km < self.low_km else self.above_km


def hedge_sides(hedge: str) -> tuple[str, str]:
    """(below, above) for a hedge, from the one vocabulary (:func:`geo.lexicon.hedge_bounds`):
    "" is a flat figure; an unknown hedge reads as approximate on both sides."""
    return lexicon.hedge_bounds(hedge)


def mode_name(mode: str) -> str:
    """A claim's mode as a mode of the vocabulary ("road", "rail", ...): as given when it is one,
    else the mode its words name ("drive" -> "road", "train" -> "rail"), "" for none."""
    mode = " ".join(mode.lower().split())
    if not mode or mode in lexicon.MODES:
        return mode
    return lexicon.mode_of(mode) or lexicon.mode_of(f"by {mode}")


def _side_slack(side: str, figure: float) -> float:
    return approximate_slack(figure) if side == APPROXIMATE else flat_slack(figure)


def _side_words(side: str, figure: float, unit: str) -> str:
    step = rounding_step(figure)
    return explain.side_words(side == APPROXIMATE, figure, _side_slack(side, figure), step,
                              step / 2 > APPROXIMATE_SHARE * figure, unit, APPROXIMATE_SHARE)


def _figures(quantity: Quantity) -> tuple[float, float]:
    """(low, high) figures of a quantity in its own unit; equal for a single figure."""
    if quantity.is_range:
        return tuple(sorted((quantity.low, quantity.high)))
    return (quantity.value, quantity.value)


def figure_span(quantity: Quantity, hedge: str) -> tuple[float, float]:
    """(low, high) in the quantity's own unit that ``hedge`` + figure allow; 0 / inf when open."""
    below, above = hedge_sides(hedge)
    low, high = _figures(quantity)
    return (0.0 if below == OPEN else max(low - _side_slack(below, low), 0.0),
            math.inf if above == OPEN else high + _side_slack(above, high))


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
    words = explain.allowance_words(
        quantity, hedge, below, above,
        (_side_words(below, low_fig, quantity.unit), _side_words(above, high_fig, quantity.unit)),
        (_side_slack(below, low_fig), _side_slack(below, high_fig)), extent, APPROXIMATE_SHARE,
    )
    return Allowance(
        low_km, high_km, 0.0 if below == OPEN else below_km, 0.0 if above == OPEN else above_km, words
    )


@dataclass(frozen=True)
class Judgement:
    """A stated figure judged against one measure."""

    measure: str  # "straight line" or "route"
    measured_km: float
    verdict: DistanceVerdict  # accurate | close | inaccurate
    error_km: float  # stated - measured
    error_pct: float  # of the measured distance


def judge_distance(stated_km: float, measured_km: float, allowance: Allowance, measure: str) -> Judgement:
    """The verdict on ``stated_km`` against ``measured_km`` (km), per the module's rules."""
    miss = allowance.miss_km(measured_km)
    if miss == 0:
        verdict = DistanceVerdict.ACCURATE
    elif miss <= max(allowance.slack_km(measured_km), APPROXIMATE_SHARE * stated_km):
        verdict = DistanceVerdict.CLOSE
    else:
        verdict = DistanceVerdict.INACCURATE
    error = stated_km - measured_km
    pct = 100.0 * error / measured_km if measured_km > 0 else math.inf
    return Judgement(measure, measured_km, verdict, error, pct)


# --- direction -----------------------------------------------------------------------------


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


def _angle_between(a, b):
    return np.abs((np.asarray(a) - b + 180.0) % 360.0 - 180.0)


def _extent_angle(extent: float, distance_km: float, half_width: float) -> float:
    """Degrees a place's extent (km) widens a sector at ``distance_km``, at most half a sector."""
    return min(math.degrees(math.atan2(extent, distance_km)), half_width / 2) if extent else 0.0


def check_direction(direction: str, bearing: float, distance_km: float, extent: float = 0.0) -> DirectionVerdict:
    """correct | approximate | wrong for a stated direction and a measured bearing (degrees).

    ``extent`` (km) widens the sector by the angle it subtends at ``distance_km``, at most half
    a sector. A direction that is no compass point gives "unverifiable".
    """
    try:
        _, centre, half_width = direction_sector(direction)
    except InputError:
        return DirectionVerdict.UNVERIFIABLE
    slack = _extent_angle(extent, distance_km, half_width)
    off = float(_angle_between(bearing, centre))
    if off <= half_width + slack:
        return DirectionVerdict.CORRECT
    if off <= 3 * half_width + slack:
        return DirectionVerdict.APPROXIMATE
    return DirectionVerdict.WRONG


# --- units ---------------------------------------------------------------------------------


def _flat_span_km(quantity: Quantity) -> tuple[float, float]:
    """(low, high) km a figure read flat allows: its rounding, at most ±10 %."""
    factor = KM_PER_UNIT[quantity.unit]
    low, high = _figures(quantity)
    return (low - flat_slack(low)) * factor, (high + flat_slack(high)) * factor


def check_units(stated: Sequence[Quantity]) -> UnitVerdict:
    """consistent | inconsistent | single unit: do the stated figures convert into each other?

    Each later figure is compared with the first: they agree when the spans their flat reading
    allows (:func:`flat_slack`) overlap. Figures that are no distance count as a single unit.
    """
    if len(stated) < 2 or any(unverifiable_figure(q) for q in stated):
        return UnitVerdict.SINGLE_UNIT
    first_low, first_high = _flat_span_km(stated[0])
    for other in stated[1:]:
        low, high = _flat_span_km(other)
        if low > first_high or high < first_low:
            return UnitVerdict.INCONSISTENT
    return UnitVerdict.CONSISTENT


# --- routes --------------------------------------------------------------------------------


def judged_measure(check: Check) -> str:
    """The measure a check's verdict and error are on: "route" or "straight line".

    The route when the claim's mode names one and a known route was measured, else the line.
    """
    named_route = mode_name(check.claim.mode) in ROUTE_MODES
    return "route" if named_route and check.route_km is not None else "straight line"


def _best(judgements: Sequence[Judgement], named: str) -> Judgement:
    """The measure the figure fits best: best verdict, then the one the wording names, then nearest."""
    return min(judgements, key=lambda j: (_VERDICT_RANK[j.verdict], j.measure != named, abs(j.error_km)))


def fits_a_road(allowance: Allowance, actual_km: float, named: str, route: Route | None,
                verdict: DistanceVerdict) -> bool:
    """Whether a figure too long for the straight line fits a road distance: no route is named or
    known, and what the wording allows meets :data:`ROAD_FACTOR_SPAN` times the straight line.
    Many published distances between towns are road distances that do not say so; this is said
    in the explanation, the verdict stays on the straight line."""
    if named or route is not None or verdict == DistanceVerdict.ACCURATE or allowance.low_km <= actual_km:
        return False
    low, high = (factor * actual_km for factor in ROAD_FACTOR_SPAN)
    return allowance.low_km <= high and allowance.high_km >= low


# --- where could it be? --------------------------------------------------------------------


def description_noun(claim: DistanceClaim) -> str:
    """The head noun of a described subject ("a town" -> "town", "crater-lake" -> "crater-lake");
    the claim's ``subject_kind`` when the extractor gives one, "" for a name or a pronoun."""
    kind = claim.subject_kind
    if kind:
        return kind.lower()
    if is_named(claim.subject):
        return ""
    words = claim.subject.text.lower().replace("’", "'").split()
    return words[-1].strip(".,;:'\"") if len(words) > 1 else ""


def _kinds_for(noun: str, gazetteer) -> tuple[str, ...]:
    """The gazetteer kinds a noun may name, of those the gazetteer has; populated places for none."""
    if not noun:
        wanted = lexicon.POPULATED_KINDS
    else:
        nouns = lexicon.PLACE_NOUN_KINDS
        wanted = nouns.get(noun) or nouns.get(noun.rsplit("-", 1)[-1], ())
    present = gazetteer.kinds() if gazetteer is not None else set(wanted)
    return tuple(kind for kind in wanted if kind in present)


def search_area(claim: DistanceClaim, gazetteer=None) -> SearchArea | None:
    """Where the claim puts its subject around its placed anchor, or None when it cannot say.

    The ring is what the wording allows (:func:`distance_allowance`, the anchor's extent added
    above; an open upper bound searches to :data:`OPEN_RING_FACTOR` times the figure); the
    sector is the stated direction's (:func:`direction_sector`, widened by the anchor's extent),
    the whole circle when none is stated. None for a figure that is no distance, or an anchor
    that is not placed.
    """
    anchor = claim.anchor.place
    if anchor is None or not claim.stated or not (abs(anchor.lat) <= 90 and math.isfinite(anchor.lon)):
        return None
    quantity = claim.stated[0]
    if unverifiable_figure(quantity):
        return None
    extent = min(max(anchor.radius_km, 0.0), PLACE_EXTENT_CAP_KM)
    allowance = distance_allowance(quantity, claim.hedge, extent)
    high = allowance.high_km
    if math.isinf(high):
        high = OPEN_RING_FACTOR * quantity.km_bounds[1]
    centre, half_width = 0.0, 180.0
    if claim.direction:
        try:
            _, centre, half_width = direction_sector(claim.direction)
            half_width += _extent_angle(extent, max(quantity.km, 1e-9), half_width)
        except InputError:
            centre, half_width = 0.0, 180.0
    noun = description_noun(claim)
    return SearchArea(anchor.lat, anchor.lon, allowance.low_km, high, centre, half_width,
                      _kinds_for(noun, gazetteer), noun)


def where_could_it_be(claim: DistanceClaim, gazetteer, limit: int = CANDIDATES_SHOWN,
                      area: SearchArea | None = None) -> tuple[SearchArea | None, tuple[PlaceFit, ...]]:
    """The search area of an unplaced subject and the gazetteer places inside it, best first.

    Only a subject that names no place ("a town", "it") gets candidates: a name the gazetteer
    lacks ("Nala") is its own place, not one of the gazetteer's; its area is still given, to pin
    it by hand.

    Each place's score (0..1) weighs how near it lies to the stated distance (0.4) and to the
    direction's centre line (0.4; without a direction, 0.6 on the distance) and how populous it
    is (0.2, log scale up to 10 million). At most ``limit`` places.
    """
    area = area or search_area(claim, gazetteer)
    described = bool(claim.subject_kind)
    if area is None or gazetteer is None or not area.kinds or is_named(claim.subject, described):
        return area, ()
    sector = (area.centre_deg, area.half_width_deg) if area.half_width_deg < 180 else None
    stated_km = claim.stated[0].km
    half_ring = max(stated_km - area.min_km, area.max_km - stated_km, 1e-9)

    def score(km, bearing, population):
        near_distance = 1.0 - np.clip(np.abs(km - stated_km) / half_ring, 0, 1)
        importance = np.clip(np.log10(population.astype(float) + 1.0) / 7.0, 0, 1)
        if sector is None:
            return 0.6 * near_distance + 0.2 * importance + 0.2
        near_line = 1.0 - np.clip(_angle_between(bearing, area.centre_deg) / area.half_width_deg, 0, 1)
        return 0.4 * near_distance + 0.4 * near_line + 0.2 * importance

    found = gazetteer.within(area.lat, area.lon, area.max_km, min_km=area.min_km, kinds=area.kinds,
                             sector=sector, rank=score, limit=limit)
    if not found:
        return area, ()
    km = np.array([d for _, d, _ in found])
    bearing = np.array([b for _, _, b in found])
    population = np.array([place.population for place, _, _ in found])
    scores = score(km, bearing, population)
    return area, tuple(PlaceFit(place, d, b, round(float(s), 3))
                       for (place, d, b), s in zip(found, scores))


# --- travel times --------------------------------------------------------------------------


def _time_mode(claim: DistanceClaim) -> str:
    mode = mode_name(claim.mode)
    return mode if mode in AVERAGE_SPEEDS_KMH else TIME_MODE_DEFAULT


def check_travel_time(claim: DistanceClaim, straight_km: float, route: Route | None = None,
                      route_km: float | None = None) -> Travel:
    """The speeds a travel time implies over ``straight_km`` (or a known route's ``route_km``).

    The time's span is its figure widened by its hedge and rounding (:func:`figure_span`), in
    hours; the distance travelled is the route when known, else the straight line times the
    mode's :data:`ROUTE_FACTORS`.
    """
    quantity = claim.stated[0]
    mode = _time_mode(claim)
    low, high = figure_span(quantity, claim.hedge)
    fewest, most = MOVING_HOURS_PER_UNIT[quantity.unit]  # "a day's drive" is 6 to 24 hours on the move
    hours_low, hours_high = low * fewest, high * most
    factor = 1.0 if route is not None else ROUTE_FACTORS.get(mode, ROUTE_FACTORS[TIME_MODE_DEFAULT])
    distance = route_km if route is not None else straight_km * factor
    speed_low = distance / hours_high if hours_high > 0 else math.inf
    speed_high = distance / hours_low if hours_low > 0 else math.inf
    return Travel(mode, hours_low, hours_high, distance, factor, speed_low, speed_high, AVERAGE_SPEEDS_KMH[mode])


def time_verdict(travel: Travel) -> TimeVerdict:
    """plausible when the implied speeds meet the mode's span of average speeds, else implausible."""
    low, high = travel.plausible_kmh
    if travel.speed_low_kmh <= high and travel.speed_high_kmh >= low:
        return TimeVerdict.PLAUSIBLE
    return TimeVerdict.IMPLAUSIBLE


def _time_problem(quantity: Quantity) -> str:
    figures = [quantity.value] if not quantity.is_range else [quantity.low, quantity.high]
    if any(f is None or not math.isfinite(f) or f <= 0 for f in figures):
        return f"the time {quantity.text or explain.format_quantity(quantity)!r} is not a positive number"
    most = MOVING_HOURS_PER_UNIT.get(quantity.unit, (1.0, 1.0))[1]
    if not all(math.isfinite(f * most * 60 * 2) for f in figures):  # minutes, with a hedge's widening
        return f"the time {quantity.text or explain.format_quantity(quantity)!r} is too large to be a journey"
    return ""


# --- the check -----------------------------------------------------------------------------


def _unverifiable_check(claim: DistanceClaim, stated_km: float | None, reason: str, gazetteer=None,
                        is_time: bool = False) -> Check:
    unit_verdict = check_units(claim.stated)
    if is_time:
        explanation = explain.time_unverifiable_sentence(reason)
    else:
        explanation = explain.unverifiable_explanation(claim, reason)
    area, fits = None, ()
    if claim.subject.place is None and claim.anchor.place is not None and not is_time:
        area, fits = where_could_it_be(claim, gazetteer)
    parts = [explanation, explain.unit_sentence(claim.stated, unit_verdict)]
    if area is not None and claim.anchor.place is not None:
        named = claim.subject.text if is_named(claim.subject, bool(claim.subject_kind)) else ""
        parts.append(explain.candidates_sentence(area, fits, claim.anchor.place, area.noun, named))
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
        distance_verdict=DistanceVerdict.UNVERIFIABLE,
        direction_verdict=DirectionVerdict.UNVERIFIABLE if claim.direction else DirectionVerdict.NOT_STATED,
        unit_verdict=unit_verdict,
        matches="",
        explanation=" ".join(s for s in parts if s),
        time_verdict=TimeVerdict.UNVERIFIABLE if is_time else None,
        search_area=area,
        candidates=fits,
    )


def _direction(claim: DistanceClaim, bearing: float, actual_km: float, extent: float) -> DirectionVerdict:
    if not claim.direction:
        return DirectionVerdict.NOT_STATED
    return check_direction(claim.direction, bearing, actual_km, extent)


def _time_check(claim: DistanceClaim, routes: Sequence[Route]) -> Check:
    """A travel time: the distance verdict is unverifiable (it is no distance), the time verdict
    says whether the implied average speed is plausible for the mode."""
    subject, anchor = claim.subject.place, claim.anchor.place
    actual_km, bearing = inverse(anchor.lat, anchor.lon, subject.lat, subject.lon)
    extent = extent_km(subject, anchor, actual_km)
    direction_verdict = _direction(claim, bearing, actual_km, extent)
    mode = _time_mode(claim)
    found = find_route(routes, subject, anchor, ROUTE_MODES[mode]) if mode in ROUTE_MODES else None
    route, route_km = found if found else (None, None)
    travel = check_travel_time(claim, actual_km, route, route_km)
    verdict = time_verdict(travel)
    mode_words = explain.MODE_WORDS.get(mode, mode)
    parts = [
        f"Stated {explain.stated_words(claim)}.",
        explain.straight_sentence(anchor, subject, actual_km),
        explain.moving_sentence(claim.stated[0].unit),
        explain.time_sentence(travel.hours_low, travel.hours_high, mode_words, actual_km,
                              travel.route_factor, explain.route_factor_reason(mode, ROAD_FACTOR_SPAN),
                              route_km, travel.speed_low_kmh, travel.speed_high_kmh, travel.plausible_kmh,
                              verdict),
        explain.direction_sentence(subject.name, anchor.name, bearing, claim.direction, direction_verdict),
    ]
    return Check(
        claim=claim, stated_km=None, actual_km=actual_km, bearing_deg=bearing, route_km=route_km,
        route_id=route.route_id if route is not None else "", error_km=None, error_pct=None,
        tolerance_km=None, tolerance="", distance_verdict=DistanceVerdict.UNVERIFIABLE,
        direction_verdict=direction_verdict, unit_verdict=UnitVerdict.SINGLE_UNIT, matches="",
        explanation=" ".join(p for p in parts if p), time_verdict=verdict, travel=travel,
    )


def check_claim(claim: DistanceClaim, routes: Sequence[Route] = (), gazetteer=None) -> Check:
    """Measure and judge one distance claim (see the module's rules); never raises on bad data.

    The distance is the WGS84 geodesic between the two resolved places, the bearing the initial
    bearing from the anchor to the subject (degrees clockwise from north). ``routes`` are the
    known routes (:func:`geo.routes.load_routes`), searched when the wording names a route or
    the straight line is not accurate. ``gazetteer`` is searched for the places an unplaced
    subject could be (:func:`where_could_it_be`); without it there are no candidates.
    """
    if not claim.stated:
        return _unverifiable_check(claim, None, "no figure is stated")
    figure = claim.stated[0]
    if figure.is_time:
        reason = _time_problem(figure) or _unresolved_reason(claim)
        if reason:
            return _unverifiable_check(claim, None, reason, gazetteer, is_time=True)
        subject, anchor = claim.subject.place, claim.anchor.place
        if inverse(anchor.lat, anchor.lon, subject.lat, subject.lon)[0] == 0:
            reason = f"{subject.name} and {anchor.name} have the same coordinates"
            return _unverifiable_check(claim, None, reason, gazetteer, is_time=True)
        return _time_check(claim, routes)
    figure_problem = unverifiable_figure(figure)
    stated_km = None if figure_problem else figure.km
    reason = figure_problem or _unresolved_reason(claim)
    if reason:
        return _unverifiable_check(claim, stated_km, reason, gazetteer)

    subject, anchor = claim.subject.place, claim.anchor.place
    actual_km, bearing = inverse(anchor.lat, anchor.lon, subject.lat, subject.lon)
    if actual_km == 0:
        reason = f"{subject.name} and {anchor.name} have the same coordinates"
        return _unverifiable_check(claim, stated_km, reason)
    extent = extent_km(subject, anchor, actual_km)
    direction_verdict = _direction(claim, bearing, actual_km, extent)
    allowance = distance_allowance(figure, claim.hedge, extent)
    straight = judge_distance(stated_km, actual_km, allowance, "straight line")

    mode = mode_name(claim.mode)
    named = "route" if mode in ROUTE_MODES else "straight line" if mode in STRAIGHT_MODES else ""
    found = None
    if named == "route" or straight.verdict != DistanceVerdict.ACCURATE:
        found = find_route(routes, subject, anchor, ROUTE_MODES.get(mode, ""))
    route, route_km = found if found else (None, None)
    judgements = [straight]
    if route is not None:
        judgements.append(judge_distance(stated_km, route_km, allowance, "route"))

    # The wording's measure: the route it names when known, else the straight line.
    judged = judgements[-1] if named == "route" and route is not None else straight
    best = _best(judgements, named)
    matches = best.measure if best.verdict != DistanceVerdict.INACCURATE else "neither"
    verdict = judged.verdict
    # A named route nobody has measured: the straight line is only its lower bound.
    unmeasured = named == "route" and route is None and allowance.high_km >= actual_km

    parts = [
        f"Stated {explain.stated_words(claim)}.",
        explain.straight_sentence(anchor, subject, actual_km),
        explain.route_sentence(route, route_km, ROUTE_MODES.get(mode, "")),
    ]
    if unmeasured:
        verdict, matches = DistanceVerdict.UNVERIFIABLE, ""
        parts.append(explain.unmeasured_route_sentence(ROUTE_MODES[mode], allowance.span))
    else:
        parts.append(explain.distance_sentence(judged.measure, judged.verdict, judged.error_km,
                                               judged.error_pct, allowance.words, allowance.span))
        if named == "route" and route is None:
            parts.append(explain.never_shorter_sentence(ROUTE_MODES[mode]))
        if matches not in (judged.measure, "neither"):
            parts.append(explain.fits_instead_sentence(matches))
        if fits_a_road(allowance, actual_km, named, route, verdict):
            parts.append(explain.fits_a_road_sentence(stated_km / actual_km, ROAD_FACTOR_SPAN))
    parts.append(explain.direction_sentence(subject.name, anchor.name, bearing, claim.direction, direction_verdict))
    unit_verdict = check_units(claim.stated)
    parts.append(explain.unit_sentence(claim.stated, unit_verdict))

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
