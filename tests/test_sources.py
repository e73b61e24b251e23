"""geo.sources: what each article names, and where articles differ, on made-up and bundled text."""

import pytest

from geo.model import Analysis, Check, DistanceClaim, Document, Mention, Place, Quantity, Story, Route, Waypoint
from geo.sources import (differences, mentions_of_place, named_dates, place_at, place_table, source_labels,
                         source_summaries, travel_sentences)
from geo.story import analyse

PORT = Place("t:port", "Portville", "city", "XX", 10.0, 20.0, radius_km=5.0)
HILL = Place("t:hill", "Hilltown", "town", "XX", 11.0, 20.0, radius_km=3.0)
HILL_RIVER = Place("t:hill-river", "Hilltown", "river", "YY", 30.0, 40.0)


def document(path, text, outlet="", date=""):
    return Document(path=path, text=text, outlet=outlet, date=date, title=path)


def mentions_of(text, *pairs):
    found = []
    for words, place in pairs:
        start = text.index(words)
        found.append(Mention(words, start, start + len(words), place, 1.0))
    return tuple(found)


def check(doc, subject, anchor, km):
    claim = DistanceClaim(doc.path, "sentence", 0, subject, anchor, (Quantity("km", km),))
    return Check(claim, km, 111.0, 0.0, None, "", 0.0, 0.0, 5.0, "", "accurate", "correct", "single unit", "", "")


@pytest.fixture(scope="module")
def made_up():
    a_text = "The minister will fly to Portville on Monday. Hilltown lies 120 km from Portville."
    b_text = "He will travel by armoured train to Portville on 13 September 2023. Hilltown is 150 km away."
    c_text = "Officials in Hilltown said little about Portville."
    a = document("a.txt", a_text, "Daily A", "2023-09-04")
    b = document("b.txt", b_text, "Daily B", "2023-09-05")
    c = document("c.txt", c_text, "Daily A", "2023-09-06")
    a_mentions = mentions_of(a_text, ("Portville", PORT), ("Hilltown", HILL))
    b_mentions = mentions_of(b_text, ("Portville", PORT), ("Hilltown", HILL))
    c_mentions = mentions_of(c_text, ("Hilltown", HILL_RIVER), ("Portville", PORT))
    route = Route("r1", "Portville – Hilltown line", "rail", (Waypoint("P", 10.0, 20.05), Waypoint("H", 11.0, 20.0)))
    return Story(
        (Analysis(a, a_mentions, (check(a, a_mentions[1], a_mentions[0], 120.0),)),
         Analysis(b, b_mentions, (check(b, b_mentions[1], b_mentions[0], 150.0),)),
         Analysis(c, c_mentions, ())),
        routes=(route,),
    )


def test_labels_are_short_and_distinct(made_up):
    assert source_labels(made_up.documents) == ["Daily A (2023-09-04)", "Daily B", "Daily A (2023-09-06)"]
    same_day = [document("x.txt", "t", "Wire", "2023-09-05"), document("y.txt", "t", "Wire", "2023-09-05")]
    assert source_labels(same_day) == ["Wire (2023-09-05) #1", "Wire (2023-09-05) #2"]
    untitled = [Document(path="x/one.txt", text="t"), Document(path="y/two.txt", text="t")]
    assert source_labels(untitled) == ["one.txt", "two.txt"]


def test_dates_as_written():
    text = "On Monday, 13 September 2023, and again on September 14, 2023; not in May it may rain. April of 2019."
    assert named_dates(text) == ("Monday", "13 September 2023", "September 14, 2023", "April of 2019")


def test_travel_is_read_from_the_words_of_travelling(made_up):
    a, b, c = made_up.analyses
    assert [mode for mode, _ in travel_sentences(a.document, a.mentions)] == ["flight"]
    assert [mode for mode, _ in travel_sentences(b.document, b.mentions)] == ["rail"]
    assert travel_sentences(c.document, c.mentions) == ()
    station = document("d.txt", "A train station in Portville; ships dock at Portville.")
    assert travel_sentences(station, mentions_of(station.text, ("Portville", PORT))) == ()


def test_summaries_count_places_and_find_routes_by_their_ends(made_up):
    a, b, c = source_summaries(made_up)
    assert [(p.name, n) for p, n in a.places] == [("Hilltown", 1), ("Portville", 1)]
    assert [r.route_id for r in a.routes] == ["r1"] and c.routes == ()  # c's Hilltown is a far river
    assert b.dates == ("13 September 2023",)


def test_differences_in_travel_distance_and_place_readings(made_up):
    found = {d.topic: d for d in differences(made_up)}
    assert set(found) == {"travel", "distance", "place"}
    assert "by air" in found["travel"].summary and "1 of 2 sources" in found["travel"].summary
    assert [says for _, says, _ in found["distance"].positions] == ["120 km", "150 km"]
    assert "Hilltown" in found["place"].summary
    assert {label for label, _, _ in found["place"].positions} == {"Daily A (2023-09-04)", "Daily B",
                                                                    "Daily A (2023-09-06)"}


def test_close_figures_and_single_articles_are_no_difference(made_up):
    a, b, _ = made_up.analyses
    near = Story((a, Analysis(b.document, b.mentions, (check(b.document, b.mentions[1], b.mentions[0], 125.0),))))
    assert [d.topic for d in differences(near)] == ["travel"]
    assert differences(Story((a,))) == []


def test_place_table_and_mentions_of_a_place(made_up):
    rows = place_table(made_up)
    assert rows[0]["place"] == "Portville" and rows[0]["sources"] == 3
    assert rows[0]["Daily B"] == 1
    quotes = mentions_of_place(made_up, "t:port")
    assert [label for label, _, _ in quotes] == ["Daily A (2023-09-04)", "Daily B", "Daily A (2023-09-06)"]
    assert quotes[1][2].startswith("He will travel by armoured train")


def test_place_at_a_click(made_up):
    assert place_at(made_up, 10.001, 20.001, "Portville (3 sources)") == PORT
    assert place_at(made_up, 10.001, 20.001, "Claim 1: a line") is None
    assert place_at(made_up, 11.0, 20.0) == HILL
    assert place_at(made_up, -40.0, 100.0) is None


def test_the_bundled_story_shows_the_fly_or_train_difference(gazetteer):
    story = analyse(gazetteer=gazetteer)
    travel = [d for d in differences(story) if d.topic == "travel"]
    assert travel and "by air" in travel[0].summary
    says = {label: stance for label, stance, _ in travel[0].positions}
    assert sum(1 for stance in says.values() if stance == "by rail") >= 3
    summaries = source_summaries(story)
    assert all(any(r.route_id == "kim-2023-pyongyang-vladivostok" for r in s.routes) for s in summaries)
