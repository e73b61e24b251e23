"""The verdicts a check gives, defined once.

Each verdict is a ``StrEnum``: it compares equal to its value (``DistanceVerdict.ACCURATE ==
"accurate"``), prints as its value and serialises to JSON as its value, so the CLI's JSON, the
report's tables and the batch tables read exactly as before. :mod:`geo.check` decides them,
:mod:`geo.explain` words them, :mod:`geo.maps.style` colours them.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["DirectionVerdict", "DistanceVerdict", "TimeVerdict", "UnitVerdict", "VERDICTS"]


class DistanceVerdict(StrEnum):
    """A stated distance against the measured one (the straight line, or the route it names)."""

    ACCURATE = "accurate"  # inside what the wording allows
    CLOSE = "close"  # just outside it
    INACCURATE = "inaccurate"  # further off
    UNVERIFIABLE = "unverifiable"  # a place is not placed, the figure is no distance, or it is a time


class DirectionVerdict(StrEnum):
    """A stated compass direction against the measured bearing."""

    CORRECT = "correct"
    APPROXIMATE = "approximate"  # one compass point off
    WRONG = "wrong"
    NOT_STATED = "not stated"
    UNVERIFIABLE = "unverifiable"


class UnitVerdict(StrEnum):
    """Two figures of one claim ("950 km (600 miles)") against each other."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    SINGLE_UNIT = "single unit"


class TimeVerdict(StrEnum):
    """A stated travel time ("a four-hour drive") against the speed it implies for its mode."""

    PLAUSIBLE = "plausible"
    IMPLAUSIBLE = "implausible"
    UNVERIFIABLE = "unverifiable"


VERDICTS = {
    "distance": tuple(DistanceVerdict),
    "direction": tuple(DirectionVerdict),
    "units": tuple(UnitVerdict),
    "time": tuple(TimeVerdict),
}
"""Each kind of verdict with its values, in the order summaries list them."""
