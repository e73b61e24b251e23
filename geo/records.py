"""Mentions and checks as flat JSON-ready records, with the keys other tools read.

The keys follow ../shared/DESIGN.md ("The CLI's JSON"); the CLI, the report and the batch
tables all build their rows here so that the three never drift apart.
"""

from __future__ import annotations

import math
import re

from geo.model import Check, Mention, PlaceFit, Quantity, SearchArea, Travel


def document_name(path: str) -> str:
    """How exports name an article: its file name, never the folders above it (which would
    tell where a user keeps their files); ``-`` (standard input) stays ``-``."""
    return re.split(r"[\\/]", path.rstrip("\\/"))[-1] or path


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
        return {"low": _figure(quantity.low), "high": _figure(quantity.high), "unit": quantity.unit}
    return {"value": _figure(quantity.value), "unit": quantity.unit}


def _figure(value: float | None) -> float | None:
    """A stated figure as JSON can hold it: None for a figure that is no finite number."""
    return value if value is None or math.isfinite(value) else None


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
        "distance_verdict": str(check.distance_verdict),
        "direction_verdict": str(check.direction_verdict),
        "unit_verdict": str(check.unit_verdict),
        "explanation": check.explanation,
        "time_verdict": None if check.time_verdict is None else str(check.time_verdict),
        "travel": travel_record(check.travel),
        "search_area": search_area_record(check.search_area),
        "candidates": [candidate_record(fit) for fit in check.candidates],
    }


def travel_record(travel: Travel | None) -> dict | None:
    """How a travel time was checked: hours, distance travelled (km), speeds (km/h); None for a distance."""
    if travel is None:
        return None
    return {
        "mode": travel.mode,
        "hours_low": round(travel.hours_low, 3),
        "hours_high": _finite(travel.hours_high, 3),
        "distance_km": round(travel.distance_km, 1),
        "route_factor": travel.route_factor,
        "speed_low_kmh": _finite(travel.speed_low_kmh, 1),
        "speed_high_kmh": _finite(travel.speed_high_kmh, 1),
        "plausible_kmh": list(travel.plausible_kmh),
    }


def search_area_record(area: SearchArea | None) -> dict | None:
    """Where an unplaced subject could be: ring (km) and sector (degrees) around the anchor."""
    if area is None:
        return None
    return {
        "lat": area.lat, "lon": area.lon, "min_km": round(area.min_km, 1), "max_km": round(area.max_km, 1),
        "centre_deg": round(area.centre_deg, 2), "half_width_deg": round(area.half_width_deg, 2),
        "kinds": list(area.kinds), "noun": area.noun or None,
    }


def candidate_record(fit: PlaceFit) -> dict:
    """A place an unplaced subject could be: place fields, distance (km), bearing (degrees), score."""
    place = fit.place
    return {
        "place_id": place.place_id, "name": place.name, "kind": place.kind, "country": place.country,
        "lat": place.lat, "lon": place.lon, "distance_km": round(fit.distance_km, 1),
        "bearing_deg": round(fit.bearing_deg, 1), "score": fit.score,
    }


def _finite(value: float, digits: int) -> float | None:
    """``value`` rounded, None when infinite (JSON has no infinity)."""
    return round(value, digits) if math.isfinite(value) else None
