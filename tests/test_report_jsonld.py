"""The HTML report's schema.org ClaimReview records and the versions it names."""

import json
import re

import pytest

import geo
from geo.model import Document
from geo.paths import data_version
from geo.report import render_html
from geo.report.jsonld import claim_reviews, script_json

HOSTILE = "Trip</script><script>alert(1)</script><!--"


@pytest.fixture(scope="module")
def story(gazetteer):
    text = ("Vladivostok is about 680 km north-east of Pyongyang, officials said. "
            "Hue is about 400 km north of Da Nang. " + HOSTILE)
    document = Document("/home/reporter/secret-folder/trip.txt", text, title=HOSTILE,
                        outlet="Wire", date="2023-09-11", url="https://example.org/trip")
    return geo.analyse([document], gazetteer)


def _ld(html: str) -> list[dict]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_each_judged_claim_has_a_claim_review(story, gazetteer):
    html = render_html(story, gazetteer, generated="2026-11-28")
    reviews = _ld(html)
    judged = [c for c in story.checks if c.distance_verdict != "unverifiable"]
    assert len(reviews) == len(judged) == 2
    for review, check in zip(reviews, judged):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == check.claim.sentence
        assert review["reviewRating"]["alternateName"] == check.distance_verdict
        assert 1 <= review["reviewRating"]["ratingValue"] <= review["reviewRating"]["bestRating"] == 3
        assert review["itemReviewed"]["appearance"]["headline"] == HOSTILE  # decoded intact
        assert review["itemReviewed"]["appearance"]["publisher"]["name"] == "Wire"
        assert review["datePublished"] == "2026-11-28" and geo.__version__ in review["author"]["name"]
    accurate, inaccurate = (r["reviewRating"]["ratingValue"] for r in reviews)
    assert [c.distance_verdict for c in judged] == ["accurate", "inaccurate"]
    assert accurate == 3 and inaccurate == 1  # 680 km for 684 holds; 400 km for 80 does not


def test_article_text_cannot_close_the_script_element(story, gazetteer):
    html = render_html(story, gazetteer)
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block  # no "</script>" nor "<!--" can end or hide it
    assert "\\u003c/script\\u003e" in block
    assert html.count("<script") == 1  # the article's script tags are text, escaped


def test_script_json_round_trips_every_character():
    data = {"text": "a </script> & <!-- b \u2028 c"}
    text = script_json(data)
    assert "<" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == data


def test_report_names_the_versions_of_geo_and_its_data(story, gazetteer):
    html = render_html(story, gazetteer)
    assert f"by geo {geo.__version__} (data {data_version()})" in html
    assert "secret-folder" not in html and "trip.txt" in html  # the file's name, not where it is kept


def test_no_review_without_a_judged_claim(gazetteer):
    story = geo.analyse([Document("a.txt", "Nothing about distances here.")], gazetteer)
    assert claim_reviews(story, "2026-11-28", geo.__version__) == []
    assert "application/ld+json" not in render_html(story, gazetteer)
