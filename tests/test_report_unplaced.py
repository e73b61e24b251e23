"""The report lists every claim: one whose subject names no place, with the places it could be,
and a travel time, with the speed it implies; in HTML, Markdown, JSON and CSV."""

import csv
import io
import json

import pytest

from geo.report import render_csv, render_html, render_json, render_markdown
from geo.report.content import summary
from unplaced_story import unplaced_story


@pytest.fixture(scope="module")
def story(gazetteer):
    return unplaced_story(gazetteer)


def test_summary_counts_travel_times_only_when_there_are_some(story):
    counts = summary(story)
    assert counts["distance"]["unverifiable"] == 2
    assert counts["time"] == {"plausible": 1, "implausible": 0, "unverifiable": 0}


def test_html_lists_the_candidates_and_the_travel_time(story, gazetteer):
    page = render_html(story, gazetteer=gazetteer, generated="2026-01-01")
    best = story.checks[0].candidates[0].place.name
    assert "a town from Bukavu" in page and "Could be" in page
    assert f'<ol class="candidates"><li>{best} (city,' in page
    assert '<span class="badge v-plausible">plausible</span>' in page  # the claims table shows the time verdict
    assert "travel time: plausible" in page and "by road over 130 km (the straight line × 1.3)" in page
    assert "the subject &#39;a town&#39; is not named" in page
    assert "Where could it be?" in page  # the method explains the search


def test_markdown_lists_the_candidates_and_the_travel_time(story):
    text = render_markdown(story, generated="2026-01-01")
    best = story.checks[0].candidates[0].place.name
    assert "* **Could be** (of the kind named, 63 km to 88 km from Bukavu, bearing 103° to 167°):" in text
    assert f"    * 1\\. {best} (city, " in text or f"    * 1. {best} (city, " in text
    assert "* **Travel time:** 3 h 30 min to 4 h 30 min by road" in text
    assert "* **Verdicts:** travel time plausible, distance unverifiable" in text


def test_json_and_csv_carry_the_candidates(story):
    record = json.loads(render_json(story))
    town = record["claims"][0]
    assert town["subject"]["lat"] is None and town["candidates"][0]["name"] == story.checks[0].candidates[0].place.name
    rows = list(csv.DictReader(io.StringIO(render_csv(story))))
    assert json.loads(rows[0]["candidates"])[0]["place_id"] == story.checks[0].candidates[0].place.place_id
    assert rows[0]["subject_lat"] == "" and rows[1]["time_verdict"] == "plausible"


def test_html_draws_the_search_area_with_its_candidates(story, gazetteer):
    from geo.report.thumbnail import claim_map_svg

    town = story.checks[0]
    svg = claim_map_svg(town, gazetteer.countries("50m"))
    assert 'fill-rule="evenodd"' in svg and 'stroke-dasharray="5 4"' in svg  # the shaded sector
    assert f"1. {town.candidates[0].place.name}" in svg and ">Bukavu</text>" in svg
    assert "the shaded area is where the claim puts &#39;a town&#39;" in svg  # its text alternative
    page = render_html(story, gazetteer=gazetteer, generated="2026-01-01")
    assert page.count('<svg class="claim-map"') == 2  # the search area and the travel time
