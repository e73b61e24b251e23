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

from geo import explain
from geo.check import judged_measure
from geo.explain import compass_words, direction_words, format_km, format_latlon, format_pct, stated_words
from geo.geodesy import compass_point
from geo.model import Check, Document, Mention, Place, Story
from geo.records import document_name
from geo.verdicts import VERDICTS as ALL_VERDICTS

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

VERDICTS = {kind: tuple(str(v) for v in values) for kind, values in ALL_VERDICTS.items()}
"""Each verdict a check gives, by kind, in the order the summary lists them (travel times'
only when the story has one: see :func:`summary`)."""

_VERDICT_FIELD = {"distance": "distance_verdict", "direction": "direction_verdict", "units": "unit_verdict",
                  "time": "time_verdict"}

METHOD = explain.method()
"""(heading, paragraph) pairs explaining how the claims were checked; worded by geo.explain."""


def _data_sources() -> tuple[tuple[str, str], ...]:
    from geo.gazetteer.layers import CENSUS_CREDIT, GEONAMES_CREDIT, NATURAL_EARTH_CREDIT

    return (
        ("Populated places", f"{GEONAMES_CREDIT}. Credit GeoNames when republishing."),
        ("Country shapes and the report's maps", f"{NATURAL_EARTH_CREDIT}."),
        ("US states and counties", f"{CENSUS_CREDIT}."),
        (
            "Story pack",
            "Places, aliases, descriptions, routes and meetings curated for the story in its pack "
            "(data/stories/<name>/ for a bundled story), each row with its source (publication, "
            "Wikipedia, OpenStreetMap); read only with that story.",
        ),
        ("Geodesy", "pyproj (PROJ, MIT licence) with GeographicLib's geodesic algorithms."),
    )


DATA_SOURCES = _data_sources()
"""(what, source and licence) pairs the report credits."""


def route_sources(story: Story) -> tuple[tuple[str, str], ...]:
    """(what, source) pairs for the story's routes: how each is drawn (which sections along real
    track, which from station to station), its source, and the track's licence."""
    from geo.gazetteer.layers import OSM_TRACK_CREDIT
    from geo.routes import route_drawing

    def sentence(text: str) -> str:
        return text[:1].upper() + text[1:]

    pairs = tuple((f"Route: {route.name}", f"{sentence(route_drawing(route))}. {route.source}")
                  for route in story.routes)
    if any(route.tracks for route in story.routes):
        pairs += (("Railway track", f"{OSM_TRACK_CREDIT}; the simplified track "
                                    "in the story pack is a derived database under the same licence."),)
    return pairs


def jinja_environment(autoescape: bool) -> jinja2.Environment:
    """The report templates' environment; HTML and SVG templates must use ``autoescape=True``.
    Its filter ``file_name`` names an article by its file name (:func:`geo.records.document_name`)."""
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("geo.report", "templates"),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["file_name"] = document_name
    return environment


def document_record(document: Document) -> dict:
    """A source article as the report names it: file (its name, not where it is kept), title,
    outlet, date, url."""
    return {
        "file": document_name(document.path),
        "title": document.title,
        "outlet": document.outlet,
        "date": document.date,
        "url": document.url,
    }


def summary(story: Story) -> dict:
    """Counts of each verdict over the story's claims: ``{"claims": n, "distance": {...}, ...}``."""
    counts = {"claims": len(story.checks)}
    timed = any(check.time_verdict is not None for check in story.checks)
    for kind, verdicts in VERDICTS.items():
        if kind == "time" and not timed:  # only a travel time has one
            continue
        seen = Counter(str(getattr(check, _VERDICT_FIELD[kind])) for check in story.checks
                       if getattr(check, _VERDICT_FIELD[kind]) is not None)
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
    verdicts: str = ""  # "distance accurate, direction correct, units consistent"
    verdict: str = ""  # the one verdict to show first: a travel time's, else the distance's
    travel: str = ""  # how a travel time was checked; "" for a distance
    area: str = ""  # where an unplaced subject could be: "63 km to 88 km from Bukavu, bearing ..."
    candidates: tuple[str, ...] = ()  # the places it could be, best first, one line each

    @property
    def title(self) -> str:
        return explain.claim_title(self.check.claim)


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
        verdicts=explain.verdict_words(check),
        verdict=explain.headline(check),
        travel=explain.travel_words(check.travel),
        area=(explain.area_from(check.search_area, claim.anchor.place.name)
              if check.search_area is not None and claim.anchor.place is not None else ""),
        candidates=tuple(explain.candidate_words(rank, fit) for rank, fit in enumerate(check.candidates, start=1)),
    )


def claim_views(story: Story) -> list[ClaimView]:
    """Every checked claim of the story, numbered from 1 in the order of ``geo claims``."""
    documents = {d.path: d for d in story.documents}
    return [claim_view(n, check, documents) for n, check in enumerate(story.checks, start=1)]


def versions() -> dict:
    """The versions of geo and of its bundled data (:func:`geo.paths.data_version`) that made a report."""
    from geo import __version__
    from geo.paths import data_version

    return {"geo": __version__, "data": data_version()}


def report_content(story: Story, generated: str | None = None) -> dict:
    """The template context both the HTML and the Markdown report render.

    ``generated`` is the report's date (ISO 8601); today when None.
    """
    counts = summary(story)
    return {
        "title": "Distance claims: validation report",
        "generated": generated or _dt.date.today().isoformat(),
        "documents": story.documents,
        "errors": story.errors,
        "summary": counts,
        "verdicts": {kind: values for kind, values in counts.items() if kind != "claims"},
        "claims": claim_views(story),
        "method": METHOD,
        "data_sources": DATA_SOURCES + route_sources(story),
        "versions": versions(),
        "latlon": format_latlon,
        "direction_words": direction_words,
    }
