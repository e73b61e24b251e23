"""geo.timeline: dates read from ISO days, months, years and ranges; items in order with their map extent."""

import datetime as dt

from geo.maps.content import extent_bounds
from geo.model import Analysis, Document, Meeting, Route, Story, Waypoint
from geo.story import analyse
from geo.timeline import date_span, timeline


def test_date_spans():
    assert date_span("2023-09-13") == (dt.date(2023, 9, 13), dt.date(2023, 9, 13))
    assert date_span("2023-09") == (dt.date(2023, 9, 1), dt.date(2023, 9, 30))
    assert date_span("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_span("2019") == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    assert date_span("2019-02-23/2019-02-26") == (dt.date(2019, 2, 23), dt.date(2019, 2, 26))
    for bad in ("", "soon", "2019-13", "2019-02-30", "2019-02-26/2019-02-23", "2019/2020/2021"):
        assert date_span(bad) is None


def test_items_in_time_order_with_what_shows_them():
    route = Route("r1", "The line", "rail", (Waypoint("A", 39.0, 125.7), Waypoint("B", 43.1, 131.9)),
                  date="2023-09-10/2023-09-12", status="planned")
    undated = Route("r2", "Undated", "road", (Waypoint("A", 1.0, 1.0), Waypoint("B", 2.0, 2.0)))
    meeting = Meeting("m1", "Summit", "2023-09-13", ("X", "Y"), "Cosmodrome", 51.88, 128.33, "planned")
    article = Document(path="a.txt", text="t", title="Headline", outlet="Wire", date="2023-09-11")
    story = Story((Analysis(article),), routes=(route, undated), meetings=(meeting,))
    items = timeline(story)
    assert [(i.kind, i.item_id) for i in items] == [("journey", "r1"), ("article", "a.txt"), ("meeting", "m1")]
    journey, published, summit = items
    assert journey.when == "10–12 September 2023" and journey.where == "A – B" and journey.focus == "route:r1"
    assert (published.title, published.where, published.focus) == ("Headline", "Wire", "")
    lon_min, lat_min, lon_max, lat_max = extent_bounds(story, summit.focus)
    assert lat_min < 51.88 < lat_max and lon_min < 128.33 < lon_max and lat_max - lat_min < 1.0


def test_the_bundled_story_has_its_meetings_and_journeys(gazetteer):
    items = timeline(analyse(gazetteer=gazetteer))
    kinds = {i.kind for i in items}
    assert kinds == {"meeting", "journey", "article"}
    assert [i.start for i in items] == sorted(i.start for i in items)
    assert sum(1 for i in items if i.kind == "article") == 5
