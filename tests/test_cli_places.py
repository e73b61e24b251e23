"""`geo places` and `geo resolve`: the JSON of DESIGN.md, tables, errors."""

import json
import subprocess
import sys

import pytest

from geo.cli import main
from geo.geodesy import distance_km

MENTION_KEYS = ["text", "start", "end", "place_id", "name", "kind", "country", "lat", "lon",
                "confidence"]


def run_json(capsys, *argv):
    code = main([*argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def story_places(gazetteer):
    out = subprocess.run([sys.executable, "-m", "geo.cli", "places", "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_places_json_on_the_bundled_story(story_places, bundled):
    documents = story_places["documents"]
    assert [d["path"] for d in documents] == [d.path for d in bundled]
    for record, document in zip(documents, bundled):
        assert record["title"] == document.title
        for mention in record["mentions"]:
            assert list(mention) == MENTION_KEYS
            assert document.text[mention["start"]:mention["end"]] == mention["text"]


# Where each named feature is, from published coordinates, and how far from it a point may lie.
STORY_FEATURES = {
    "Pyongyang": (39.03, 125.75, 20), "Vladivostok": (43.12, 131.89, 20),
    "Vostochny Cosmodrome": (51.88, 128.33, 30), "Pier 33": (43.11, 131.89, 5),
    "Far Eastern Federal University": (43.03, 131.89, 5), "Fangchuan": (42.43, 130.59, 15),
    "Moscow": (55.75, 37.62, 20), "Tallinn": (59.44, 24.75, 15), "Seoul": (37.57, 126.98, 20),
    "border river": (42.45, 130.6, 60),
    "bridge connecting the countries": (42.4152, 130.6413, 2),  # Korea–Russia Friendship Bridge
}


@pytest.mark.parametrize("name", sorted(STORY_FEATURES))
def test_every_mention_of_a_story_place_is_resolved_inside_it(story_places, name):
    lat, lon, km = STORY_FEATURES[name]
    mentions = [m for d in story_places["documents"] for m in d["mentions"]
                if name.lower() in m["text"].lower()]
    assert mentions, f"{name} not found"
    for mention in mentions:
        assert mention["lat"] is not None, mention
        assert distance_km(mention["lat"], mention["lon"], lat, lon) < km, mention


def test_country_mentions_are_inside_their_country(story_places, gazetteer):
    countries = [m for d in story_places["documents"] for m in d["mentions"] if m["kind"] == "country"]
    assert {m["country"] for m in countries} >= {"KP", "RU", "UA", "CN", "US", "VN", "BY", "IR"}
    for mention in countries:
        assert gazetteer.country_at(mention["lat"], mention["lon"]) == mention["country"], mention


def test_no_person_or_day_is_a_place(story_places):
    texts = {m["text"] for d in story_places["documents"] for m in d["mentions"]}
    assert not texts & {"Kim", "Putin", "Wednesday", "Kim Jong Un", "Shoigu", "Kirby"}


def test_resolve_json(capsys, gazetteer):
    code, candidates = run_json(capsys, "resolve", "Vladivostok")
    assert code == 0
    assert list(candidates[0]) == ["place_id", "name", "kind", "country", "lat", "lon", "score"]
    assert candidates[0]["country"] == "RU"


def test_resolve_unknown_name_is_one_line_and_exit_1(capsys, gazetteer):
    assert main(["resolve", "Qwxyzzy"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Qwxyzzy" in err


def test_places_reads_stdin_and_reports_bad_files(tmp_path, gazetteer):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = subprocess.run([sys.executable, "-m", "geo.cli", "places", str(empty), "-", "--json"],
                            input="Talks in Hanoi.", capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "empty.txt" in result.stderr
    assert "Traceback" not in result.stderr
    documents = json.loads(result.stdout)["documents"]
    assert [d["path"] for d in documents] == ["-"]
    assert documents[0]["mentions"][0]["name"] == "Hanoi"


def test_places_table_output(capsys, gazetteer, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Reporters in Hanoi and Seoul.")
    assert main(["places", str(article)]) == 0
    out = capsys.readouterr().out
    assert "Hanoi" in out and "confidence" in out
