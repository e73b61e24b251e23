"""The story in time: meetings, journeys and the articles themselves, each with its dates.

:func:`timeline` turns a Story's meetings, routes (with dates) and documents (publication
dates) into :class:`TimelineItem` rows a chart or a table can show, each with the map extent
that shows it (see ``geo.maps.content.extent_bounds``).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

from geo.maps.content import format_date
from geo.model import Story
from geo.sources import source_labels

__all__ = ["KINDS", "TimelineItem", "date_span", "timeline"]

KINDS = ("meeting", "journey", "article")
"""The kinds of item on the timeline."""

VENUE_MARGIN_DEG = 0.3
"""Half the side (degrees of latitude) of the map area shown around a meeting's venue."""


@dataclass(frozen=True)
class TimelineItem:
    """A dated thing of the story: a meeting, a journey (route) or an article."""

    kind: str  # one of KINDS
    item_id: str  # meeting_id, route_id or the document's path
    title: str
    start: _dt.date
    end: _dt.date  # the last day, inclusive
    when: str  # the dates in words, e.g. "10–13 September 2023"
    status: str  # held / planned, travelled / planned / possible, published
    where: str  # the venue or the route's ends; the outlet for an article
    focus: str  # the map extent ("route:ID", "bbox:..."), "" when there is nothing to show


def _day_span(text: str) -> tuple[_dt.date, _dt.date] | None:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            day_date = _dt.date(year, month, day)
            return day_date, day_date
        if month is not None:
            return _dt.date(year, month, 1), _dt.date(year, month, calendar.monthrange(year, month)[1])
        return _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    except ValueError:
        return None


def date_span(iso: str) -> tuple[_dt.date, _dt.date] | None:
    """(first day, last day) of an ISO date ("2023-09-13"), month ("2023-09"), year or range
    ("2019-02-23/2019-02-26"); None for anything else or a range that ends before it starts."""
    parts = [_day_span(part) for part in iso.split("/")] if iso else [None]
    if None in parts or len(parts) > 2:
        return None
    start, end = parts[0][0], parts[-1][1]
    return (start, end) if start <= end else None


def _venue_box(lat: float, lon: float) -> str:
    """A bbox extent around a point: VENUE_MARGIN_DEG of latitude each side, twice that of longitude."""
    dlat, dlon = VENUE_MARGIN_DEG, 2 * VENUE_MARGIN_DEG
    return (f"bbox:{max(-180.0, lon - dlon):.4f},{max(-90.0, lat - dlat):.4f},"
            f"{min(180.0, lon + dlon):.4f},{min(90.0, lat + dlat):.4f}")


def timeline(story: Story) -> list[TimelineItem]:
    """The story's dated meetings, routes and articles, earliest first (undated ones left out)."""
    items = []
    for meeting in story.meetings:
        span = date_span(meeting.date)
        if span:
            items.append(TimelineItem("meeting", meeting.meeting_id, meeting.title, *span,
                                      format_date(meeting.date), meeting.status, meeting.venue,
                                      _venue_box(meeting.lat, meeting.lon)))
    for route in story.routes:
        span = date_span(route.date)
        if span and route.waypoints:
            ends = f"{route.waypoints[0].name} – {route.waypoints[-1].name}"
            items.append(TimelineItem("journey", route.route_id, route.name, *span, format_date(route.date),
                                      route.status, ends, f"route:{route.route_id}"))
    for document, label in zip(story.documents, source_labels(story.documents)):
        span = date_span(document.date)
        if span:
            items.append(TimelineItem("article", document.path, document.title or label, *span,
                                      format_date(document.date), "published", label, ""))
    return sorted(items, key=lambda item: (item.start, KINDS.index(item.kind), item.end, item.title))
