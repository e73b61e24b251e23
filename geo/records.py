"""Mentions and checks as flat JSON-ready records, with the keys other tools read.

The keys follow ../shared/DESIGN.md ("The CLI's JSON"); the CLI, the report and the batch
tables all build their rows here so that the three never drift apart.
"""

from __future__ import annotations

from geo.model import Check, Mention, Quantity


def mention_record(mention: Mention) -> dict:
    """A mention as `geo places --json` prints it; place fields are null when unresolved."""
    place = mention.place
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "place_id": place.place_id if place else None,
        "name": place.name if place else None,
        "kind": place.kind if place else None,
        "country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "confidence": round(mention.confidence, 3),
    }


def _end_record(mention: Mention) -> dict:
    place = mention.place
    return {
        "text": mention.text,
        "place_id": place.place_id if place else None,
        "name": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
    }


def quantity_record(quantity: Quantity) -> dict:
    """A stated figure: ``{value, unit}`` or, for a range, ``{low, high, unit}``."""
    if quantity.is_range:
        return {"low": quantity.low, "high": quantity.high, "unit": quantity.unit}
    return {"value": quantity.value, "unit": quantity.unit}


def _rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def claim_record(check: Check) -> dict:
    """A checked claim as `geo claims --json` prints it."""
    claim = check.claim
    return {
        "document": claim.document,
        "sentence": claim.sentence,
        "subject": _end_record(claim.subject),
        "anchor": _end_record(claim.anchor),
        "stated": [quantity_record(q) for q in claim.stated],
        "stated_km": _rounded(check.stated_km),
        "hedge": claim.hedge or None,
        "direction": claim.direction or None,
        "mode": claim.mode or None,
        "actual_km": _rounded(check.actual_km),
        "bearing_deg": _rounded(check.bearing_deg),
        "route_km": _rounded(check.route_km),
        "distance_verdict": check.distance_verdict,
        "direction_verdict": check.direction_verdict,
        "unit_verdict": check.unit_verdict,
        "explanation": check.explanation,
    }
