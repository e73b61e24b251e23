"""The CLI applies the corrections saved from the dashboard, unless told not to."""

import json

import pytest

from geo.cli import main
from geo.corrections import Correction, add_correction, corrections_path
from geo.records import claim_record
from geo.story import analyse


@pytest.fixture(scope="module")
def story(gazetteer):
    return analyse(None, gazetteer)


def _first_mention(story, text):
    for analysis in story.analyses:
        for mention in analysis.mentions:
            if mention.text == text:
                return analysis.document, mention
    raise AssertionError(f"no mention {text!r}")


def _places(capsys, *argv):
    return _places_and_warnings(capsys, *argv)[0]


def _places_and_warnings(capsys, *argv):
    assert main(["places", *argv, "--json"]) == 0
    printed = capsys.readouterr()
    return json.loads(printed.out)["documents"], printed.err


def test_places_applies_a_saved_correction_and_can_ignore_it(story, capsys):
    document, mention = _first_mention(story, "Vladivostok")
    add_correction(Correction.for_mention(document, mention, lat=43.0, lon=132.0, name="Elsewhere"))
    corrected = {(d["path"], m["start"]): m for d in _places(capsys) for m in d["mentions"]}
    record = corrected[(document.path, mention.start)]
    assert (record["name"], record["lat"], record["lon"], record["confidence"]) == ("Elsewhere", 43.0, 132.0, 1.0)
    others = [m for (path, start), m in corrected.items() if m["text"] == "Vladivostok" and start != mention.start]
    assert others and all(m["name"] != "Elsewhere" for m in others), "only that mention is corrected"
    ignored = {(d["path"], m["start"]): m for d in _places(capsys, "--no-corrections") for m in d["mentions"]}
    assert ignored[(document.path, mention.start)]["name"] == mention.place.name


def test_claims_are_checked_again_with_the_corrected_place(story, capsys):
    check = story.checks[0]
    [document] = [a.document for a in story.analyses if a.document.path == check.claim.document]
    add_correction(Correction.for_mention(document, check.claim.anchor, lat=48.0, lon=130.0, name="Nearer"))
    assert main(["claims", "--json"]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert len(claims) == len(story.checks)
    assert claims[0]["anchor"]["name"] == "Nearer"
    assert claims[0]["actual_km"] < check.actual_km - 100
    assert claims[1:] == [json.loads(json.dumps(claim_record(c))) for c in story.checks[1:]]


def test_an_unreadable_corrections_file_is_named_and_the_articles_still_read(capsys):
    corrections_path().parent.mkdir(parents=True, exist_ok=True)
    corrections_path().write_text("{not json", encoding="utf-8")
    documents, warning = _places_and_warnings(capsys)
    assert len(documents) == 5
    assert str(corrections_path()) in warning and "going on without corrections" in warning
