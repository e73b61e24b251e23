"""The sources of a story side by side: what each article names, and where the articles differ.

For each article: the places it names, its distance claims, the story's routes whose two ends
it names, the dates it names and the ways of travelling it speaks of. Across articles: the
differences a reporter should look at (:func:`differences`):

- travel: a way of travelling (by air, rail, road, sea) that some articles name in a sentence
  about a place and others do not ("planned to fly" against "by armoured train");
- distance: two articles giving figures for the same pair of places that differ by more than
  :data:`DISTANCE_SPREAD` of the smaller;
- place: the same words read as different places in different articles.

Nothing here knows a story: the vocabulary is ordinary English for travel and dates.
Distances are in km (WGS84 geodesics via geo.geodesy).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from geo import lexicon
from geo.geodesy import distance_km
from geo.maps.content import format_km, sentence_at
from geo.maps.style import NOT_POINTS
from geo.model import Check, Document, Mention, Place, Route, Story
from geo.text.sentences import sentences, split_sentences

__all__ = [
    "DISTANCE_SPREAD",
    "TRAVEL_MODES",
    "Difference",
    "SourceSummary",
    "differences",
    "mentions_of_place",
    "named_dates",
    "place_at",
    "place_table",
    "source_labels",
    "source_summaries",
    "travel_sentences",
]

TRAVEL_MODES = {
    name: (mode.reader, lexicon.alternation(mode.travel_words), lexicon.alternation(mode.vehicles))
    for name, mode in lexicon.MODES.items()
    if mode.vehicles
}
"""Ways of travelling, from the lexicon (data/lexicon.toml): mode (as in ``Route.mode``) ->
(words for a reader, words of travelling that way, vehicles), the last two as regex alternations. A vehicle counts after a word of travelling in it ("by armoured train",
"aboard a plane", "took the ferry"), not on its own ("a train station", "ships dock there")."""

_TRAVEL_BY = r"by|on|aboard|in|into|onto|using|via|take|takes|took|taking|ride|rides|rode|riding|board|boards|boarded"


def _travel_pattern(verbs: str, vehicles: str) -> re.Pattern:
    by_vehicle = rf"\b(?:{_TRAVEL_BY})\s+(?:[\w’'-]+\s+){{0,3}}?(?:{vehicles})\b"
    verb = rf"|(?<![\w-])(?:{verbs})\b" if verbs else ""
    return re.compile(by_vehicle + verb, re.IGNORECASE)


_TRAVEL_RES = {mode: _travel_pattern(verbs, vehicles) for mode, (_, verbs, vehicles) in TRAVEL_MODES.items()}

DISTANCE_SPREAD = 0.10
"""Figures for the same two places differ when they are further apart than this share of the smaller."""

ROUTE_END_KM = 25.0
"""A place names a route's end when it lies within this distance (km) of it, or within its own
radius (``Place.radius_km``) up to twice this distance."""

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?"  # 13 September 2023
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?!\d)"  # September 13, 2023
    rf"|(?:(?:early|mid|late)-?\s*)?{_MONTH}\s+(?:of\s+)?\d{{4}}"  # February 2019, April of 2019
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)


@dataclass(frozen=True)
class SourceSummary:
    """What one article names: places (with how often), claims, routes, dates, travel."""

    document: Document
    label: str  # a short name of the source for tables (outlet, title or file name)
    places: tuple[tuple[Place, int], ...]  # resolved places, most often named first
    unresolved: tuple[str, ...]  # place names that found no place
    checks: tuple[Check, ...]
    routes: tuple[Route, ...]  # the story's routes whose two ends the article names
    dates: tuple[str, ...]  # date expressions as written, in text order
    travel: tuple[tuple[str, str], ...]  # (mode, sentence) for each way of travelling named


@dataclass(frozen=True)
class Difference:
    """A point on which the sources differ, and what each of them says."""

    topic: str  # "travel", "distance" or "place"
    summary: str  # one line for a reader
    positions: tuple[tuple[str, str, str], ...]  # (source label, its position in brief, its words)


def source_labels(documents) -> list[str]:
    """A short, distinct label per document: its outlet, else its title, else its file name.

    Repeated labels get the article's date or a number, e.g. "Associated Press (2023-09-11)".
    """
    base = [d.outlet or d.title or Path(d.path).name for d in documents]
    counts = Counter(base)
    labels, seen = [], Counter()
    for document, label in zip(documents, base):
        if counts[label] > 1:
            seen[label] += 1
            label = f"{label} ({document.date or seen[label]})"
        labels.append(label)
    if len(set(labels)) < len(labels):  # same outlet and date: number them
        labels = [f"{label} #{n}" for n, label in enumerate(labels, start=1)]
    return labels


def named_dates(text: str) -> tuple[str, ...]:
    """The date expressions of ``text`` as written ("13 September", "April 2019", "Monday"),
    each once, in text order."""
    return tuple(dict.fromkeys(" ".join(m.group(0).split()) for m in _DATE_RE.finditer(text)))


def travel_sentences(document: Document, mentions) -> tuple[tuple[str, str], ...]:
    """(mode, sentence) for each way of travelling the article names in a sentence naming a place.

    One sentence per mode: the first. Modes are the keys of :data:`TRAVEL_MODES`.
    """
    text = document.text
    placed = sorted(m.start for m in mentions if m.place is not None)
    found: dict[str, str] = {}
    for start, end in split_sentences(text):
        if not any(start <= offset < end for offset in placed):
            continue
        sentence = text[start:end]
        for mode, pattern in _TRAVEL_RES.items():
            if mode not in found and pattern.search(sentence):
                found[mode] = " ".join(sentence.split())
    return tuple((mode, found[mode]) for mode in TRAVEL_MODES if mode in found)


def _near(place: Place, lat: float, lon: float) -> bool:
    return distance_km(place.lat, place.lon, lat, lon) <= max(ROUTE_END_KM, min(place.radius_km, ROUTE_END_KM * 2))


def _routes_named(places: list[Place], routes) -> tuple[Route, ...]:
    points = [p for p in places if p.kind not in NOT_POINTS]
    named = []
    for route in routes:
        if len(route.waypoints) < 2:
            continue
        first, last = route.waypoints[0], route.waypoints[-1]
        if any(_near(p, first.lat, first.lon) for p in points) and any(_near(p, last.lat, last.lon) for p in points):
            named.append(route)
    return tuple(named)


def source_summaries(story: Story) -> list[SourceSummary]:
    """One summary per article of ``story``, in the story's order."""
    summaries = []
    for analysis, label in zip(story.analyses, source_labels(story.documents)):
        counts = Counter(m.place.place_id for m in analysis.mentions if m.place is not None)
        places = {m.place.place_id: m.place for m in analysis.mentions if m.place is not None}
        ranked = sorted(places.values(), key=lambda p: (-counts[p.place_id], p.name))
        summaries.append(SourceSummary(
            document=analysis.document,
            label=label,
            places=tuple((p, counts[p.place_id]) for p in ranked),
            unresolved=tuple(dict.fromkeys(m.text for m in analysis.mentions if m.place is None)),
            checks=analysis.checks,
            routes=_routes_named(ranked, story.routes),
            dates=named_dates(analysis.document.text),
            travel=travel_sentences(analysis.document, analysis.mentions),
        ))
    return summaries


def _travel_differences(summaries: list[SourceSummary]) -> list[Difference]:
    """A difference for each way of travelling that at most half the articles speaking of
    travel name (the rarer view; of two equal halves, the first mode)."""
    speaking = [s for s in summaries if s.travel]
    naming = {mode: [s for s in speaking if any(m == mode for m, _ in s.travel)] for mode in TRAVEL_MODES}
    differences, reported = [], []
    for mode in sorted(TRAVEL_MODES, key=lambda m: len(naming[m])):
        named_by = naming[mode]
        if not named_by or 2 * len(named_by) > len(speaking):
            continue
        labels = {s.label for s in named_by}
        if any(labels == {s.label for s in speaking} - done for done in reported):
            continue  # the other half of a split already shown
        reported.append(labels)
        words = TRAVEL_MODES[mode][0]
        others = sorted({m for s in speaking if s not in named_by for m, _ in s.travel})
        other_words = " or ".join(TRAVEL_MODES[m][0] for m in others)
        summary = (f"Travel {words}: named by {len(named_by)} of {len(speaking)} sources "
                   f"({', '.join(s.label for s in named_by)}); the others name only travel {other_words}.")
        positions = tuple(
            (s.label, words, dict(s.travel)[mode]) if s in named_by
            else (s.label, " and ".join(TRAVEL_MODES[m][0] for m, _ in s.travel), s.travel[0][1])
            for s in speaking
        )
        differences.append(Difference("travel", summary, positions))
    return differences


def _pair(check: Check) -> tuple[str, str] | None:
    subject, anchor = check.claim.subject.place, check.claim.anchor.place
    if subject is None or anchor is None or check.stated_km is None:
        return None
    return tuple(sorted((subject.place_id, anchor.place_id)))


def _distance_differences(summaries: list[SourceSummary]) -> list[Difference]:
    by_pair: dict[tuple[str, str], list[tuple[SourceSummary, Check]]] = {}
    for summary in summaries:
        for check in summary.checks:
            pair = _pair(check)
            if pair is not None:
                by_pair.setdefault(pair, []).append((summary, check))
    differences = []
    for stated in by_pair.values():
        figures = [check.stated_km for _, check in stated]
        if len({s.label for s, _ in stated}) < 2 or max(figures) <= min(figures) * (1 + DISTANCE_SPREAD):
            continue
        claim = stated[0][1].claim
        names = f"{claim.subject.place.name} – {claim.anchor.place.name}"
        summary = (f"Distance {names}: the sources give {format_km(min(figures))} to "
                   f"{format_km(max(figures))}.")
        positions = tuple((s.label, format_km(c.stated_km), c.claim.sentence) for s, c in stated)
        differences.append(Difference("distance", summary, positions))
    return differences


def _place_differences(story: Story, labels: list[str]) -> list[Difference]:
    readings: dict[str, dict[tuple[str, str], tuple[Place, str]]] = {}  # words -> (label, place) -> first
    for analysis, label in zip(story.analyses, labels):
        text, spans = analysis.document.text, None
        for mention in analysis.mentions:
            if mention.place is not None:
                seen = readings.setdefault(mention.text.casefold(), {})
                if (label, mention.place.place_id) not in seen:
                    spans = sentences(text) if spans is None else spans  # split once per text
                    sentence = sentence_at(text, mention.start, mention.end, spans)
                    seen[(label, mention.place.place_id)] = (mention.place, sentence)
    differences = []
    for words, seen in readings.items():
        places = {place.place_id: place for place, _ in seen.values()}
        if len(places) < 2:
            continue
        shown = next(m.text for m in story.mentions if m.text.casefold() == words)
        listed = "; ".join(f"{p.name} ({p.kind}, {p.country or 'no country'})" for p in places.values())
        summary = f"Place “{shown}” is read as different places: {listed}."
        positions = tuple((label, f"{place.name} ({place.kind}, {place.lat:.3f}, {place.lon:.3f})", sentence)
                          for (label, _), (place, sentence) in seen.items())
        differences.append(Difference("place", summary, positions))
    return differences


def differences(story: Story) -> list[Difference]:
    """Where the articles of ``story`` differ: travel, distance figures, place readings (see the
    module docstring). Empty for a story of one article."""
    summaries = source_summaries(story)
    if len(summaries) < 2:
        return []
    labels = [s.label for s in summaries]
    return (_travel_differences(summaries) + _distance_differences(summaries)
            + _place_differences(story, labels))


def place_table(story: Story) -> list[dict]:
    """One row per resolved place: place_id, name, kind, country, lat, lon (degrees), how many sources
    name it, and how often each source does (a column per source label); most-named first."""
    labels = source_labels(story.documents)
    rows: dict[str, dict] = {}
    for analysis, label in zip(story.analyses, labels):
        for mention in analysis.mentions:
            place = mention.place
            if place is None:
                continue
            row = rows.setdefault(place.place_id, {
                "place_id": place.place_id, "place": place.name, "kind": place.kind, "country": place.country,
                "lat": place.lat, "lon": place.lon, "sources": 0, **{lab: 0 for lab in labels},
            })
            row[label] += 1
    for row in rows.values():
        row["sources"] = sum(1 for label in labels if row[label])
    return sorted(rows.values(), key=lambda r: (-r["sources"], -sum(r[lab] for lab in labels), r["place"]))


def mentions_of_place(story: Story, place_id: str) -> list[tuple[str, Mention, str]]:
    """(source label, mention, sentence) for each mention of the place, in story order."""
    found = []
    for analysis, label in zip(story.analyses, source_labels(story.documents)):
        text, spans = analysis.document.text, None
        for mention in analysis.mentions:
            if mention.place is not None and mention.place.place_id == place_id:
                spans = sentences(text) if spans is None else spans  # split once per text
                found.append((label, mention, sentence_at(text, mention.start, mention.end, spans)))
    return found


def place_at(story: Story, lat: float, lon: float, label: str = "", within_km: float = 50.0) -> Place | None:
    """The story's place nearest (lat, lon) in degrees, as a map click reports it.

    ``label`` is the clicked feature's tooltip: when given, only places whose name starts it
    count (a click on a route or a claim line then finds no place); otherwise the nearest place
    within ``within_km`` km. None when nothing fits.
    """
    places = {m.place.place_id: m.place for m in story.mentions if m.place is not None}
    if label:
        fitting = [p for p in places.values() if label.strip().startswith(p.name)]
    else:
        fitting = [p for p in places.values() if distance_km(p.lat, p.lon, lat, lon) <= within_km]
    if not fitting:
        return None
    return min(fitting, key=lambda p: (distance_km(p.lat, p.lon, lat, lon), -len(p.name)))
