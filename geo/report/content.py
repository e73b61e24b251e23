"""What the validation report says, whatever its format: sources, summary, claims, method, data.

The HTML and Markdown templates render the same :func:`report_content`; the JSON and CSV
tables build their rows from :func:`geo.records.claim_record`. Numbers are formatted here once
(km, degrees clockwise from north, percent) so every format reads alike.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass

import jinja2

from geo.check import (
    APPROXIMATE_CAP,
    APPROXIMATE_SHARE,
    MAX_DISTANCE_KM,
    PLACE_EXTENT_CAP_KM,
    PLACE_EXTENT_SHARE,
    compass_words,
    direction_words,
    format_km,
    format_latlon,
    format_pct,
    judged_measure,
    stated_words,
)
from geo.geodesy import compass_point
from geo.model import Check, Document, Mention, Place, Story

__all__ = [
    "DATA_SOURCES",
    "METHOD",
    "VERDICTS",
    "ClaimView",
    "claim_view",
    "claim_views",
    "document_record",
    "jinja_environment",
    "quote_segments",
    "report_content",
    "summary",
]

VERDICTS = {
    "distance": ("accurate", "close", "inaccurate", "unverifiable"),
    "direction": ("correct", "approximate", "wrong", "not stated", "unverifiable"),
    "units": ("consistent", "inconsistent", "single unit"),
}
"""Each verdict a check gives, in the order the summary lists them."""

_VERDICT_FIELD = {"distance": "distance_verdict", "direction": "direction_verdict", "units": "unit_verdict"}

METHOD = (
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
        f"and allows half that step, at most ±{APPROXIMATE_SHARE:.0%}. 'About', 'some', 'roughly' "
        f"and the like allow ±{APPROXIMATE_SHARE:.0%} or the rounding, whichever is larger, at most "
        f"±{APPROXIMATE_CAP:.0%}. 'More than', 'over', 'at least' make the figure a lower bound and "
        "'less than', 'under', 'up to' an upper bound, each less or plus its rounding; 'nearly', "
        f"'almost', 'just under' an upper bound that allows {APPROXIMATE_SHARE:.0%} below, 'just over' "
        "the reverse. A range allows its span. The extent of each place (its radius in the "
        f"gazetteer, counted up to {PLACE_EXTENT_CAP_KM:,.0f} km, the two together up to "
        f"{PLACE_EXTENT_SHARE:.0%} of their distance) widens the upper side: a city or a cosmodrome "
        "is not a point, and a figure taken between the places' nearest edges is shorter than the "
        "distance between their centres, which is what is measured.",
    ),
    (
        "Distance verdicts",
        "Accurate: the measured distance lies inside what the wording allows. Close: outside it by "
        f"no more than that side's slack again or {APPROXIMATE_SHARE:.0%} of the figure, whichever "
        "is larger. Inaccurate: further off. Unverifiable: a place could not be resolved, both ends "
        "are the same place, or the figure is no distance on Earth (not a finite positive number, "
        f"or more than {MAX_DISTANCE_KM:,.0f} km, half the Earth's circumference).",
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
        "A road or railway is never shorter than the straight line.",
    ),
)
"""(heading, paragraph) pairs explaining how the claims were checked; from geo.check's rules."""


def _data_sources() -> tuple[tuple[str, str], ...]:
    from geo.gazetteer.layers import CENSUS_CREDIT, GEONAMES_CREDIT, NATURAL_EARTH_CREDIT

    return (
        ("Populated places", f"{GEONAMES_CREDIT}. Credit GeoNames when republishing."),
        ("Country shapes and the report's maps", f"{NATURAL_EARTH_CREDIT}."),
        ("US states and counties", f"{CENSUS_CREDIT}."),
        (
            "Story layer",
            "Places, aliases and descriptions curated for the story in data/gazetteer/, each row "
            "with its source (publication, Wikidata, OpenStreetMap); routes and meetings in "
            "data/routes/, each with its source.",
        ),
        ("Geodesy", "pyproj (PROJ, MIT licence) with GeographicLib's geodesic algorithms."),
    )


DATA_SOURCES = _data_sources()
"""(what, source and licence) pairs the report credits."""


def jinja_environment(autoescape: bool) -> jinja2.Environment:
    """The report templates' environment; HTML and SVG templates must use ``autoescape=True``."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("geo.report", "templates"),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def document_record(document: Document) -> dict:
    """A source article as the report names it: path, title, outlet, date, url."""
    return {
        "path": document.path,
        "title": document.title,
        "outlet": document.outlet,
        "date": document.date,
        "url": document.url,
    }


def summary(story: Story) -> dict:
    """Counts of each verdict over the story's claims: ``{"claims": n, "distance": {...}, ...}``."""
    counts = {"claims": len(story.checks)}
    for kind, verdicts in VERDICTS.items():
        seen = Counter(getattr(check, _VERDICT_FIELD[kind]) for check in story.checks)
        counts[kind] = {verdict: seen.get(verdict, 0) for verdict in verdicts}
        counts[kind].update({v: n for v, n in seen.items() if v not in verdicts})
    return counts


def quote_segments(check: Check) -> list[tuple[str, str]]:
    """The claim's sentence cut into (text, role) pieces; role "subject", "anchor" or "".

    A mention is marked only where it lies inside the sentence (a subject named in an earlier
    sentence is not).
    """
    claim = check.claim
    sentence, offset = claim.sentence, claim.sentence_start
    marks = []
    for role, mention in (("subject", claim.subject), ("anchor", claim.anchor)):
        start, end = mention.start - offset, mention.end - offset
        if 0 <= start < end <= len(sentence) and sentence[start:end] == mention.text:
            marks.append((start, end, role))
    segments, cursor = [], 0
    for start, end, role in sorted(marks):
        if start < cursor:
            continue
        segments += [(sentence[cursor:start], ""), (sentence[start:end], role)]
        cursor = end
    segments.append((sentence[cursor:], ""))
    return [(text, role) for text, role in segments if text]


@dataclass(frozen=True)
class ClaimView:
    """One checked claim, formatted for a report."""

    number: int
    check: Check
    document: Document | None
    stated: str  # "about 950 km (600 mi) north"
    stated_km: str
    straight: str  # the straight line, "1,011 km"
    measured: str  # the straight line and a measured route: "684 km; route 966 km"
    route: str  # "" when no route was measured
    error: str  # "−61 km (−6%)" against the judged measure, "... vs route" for a route
    bearing: str  # "346° (north-north-west)"
    places: tuple[tuple[str, Place | None, Mention], ...]  # (role, place, mention)

    @property
    def title(self) -> str:
        claim = self.check.claim
        return f"{_place_name(claim.subject)} from {_place_name(claim.anchor)}"


def _place_name(mention: Mention) -> str:
    return mention.place.name if mention.place else mention.text


def _signed_km(km: float) -> str:
    return ("+" if km > 0 else "−" if km < 0 else "") + format_km(abs(km))


def _signed_pct(pct: float) -> str:
    return ("+" if pct > 0 else "−" if pct < 0 else "") + format_pct(abs(pct))


def claim_view(number: int, check: Check, documents: dict[str, Document]) -> ClaimView:
    """The formatted view of claim ``number`` (from 1)."""
    claim = check.claim
    error = "—"
    if check.error_km is not None:
        error = f"{_signed_km(check.error_km)} ({_signed_pct(check.error_pct)})"
        if judged_measure(check) == "route":
            error += " vs route"
    straight = format_km(check.actual_km) if check.actual_km is not None else "—"
    measured = straight
    if check.route_km is not None:
        measured += f"; route {format_km(check.route_km)}"
    bearing = (
        f"{check.bearing_deg:.0f}° ({compass_words(compass_point(check.bearing_deg))})"
        if check.bearing_deg is not None
        else "—"
    )
    return ClaimView(
        number=number,
        check=check,
        document=documents.get(claim.document),
        stated=stated_words(claim),
        stated_km=format_km(check.stated_km) if check.stated_km is not None else "—",
        straight=straight,
        measured=measured,
        route=format_km(check.route_km) if check.route_km is not None else "",
        error=error,
        bearing=bearing,
        places=(("subject", claim.subject.place, claim.subject),
                ("anchor", claim.anchor.place, claim.anchor)),
    )


def claim_views(story: Story) -> list[ClaimView]:
    """Every checked claim of the story, numbered from 1 in the order of ``geo claims``."""
    documents = {d.path: d for d in story.documents}
    return [claim_view(n, check, documents) for n, check in enumerate(story.checks, start=1)]


def report_content(story: Story, generated: str | None = None) -> dict:
    """The template context both the HTML and the Markdown report render.

    ``generated`` is the report's date (ISO 8601); today when None.
    """
    return {
        "title": "Distance claims: validation report",
        "generated": generated or _dt.date.today().isoformat(),
        "documents": story.documents,
        "errors": story.errors,
        "summary": summary(story),
        "verdicts": VERDICTS,
        "claims": claim_views(story),
        "method": METHOD,
        "data_sources": DATA_SOURCES,
        "latlon": format_latlon,
        "direction_words": direction_words,
    }
