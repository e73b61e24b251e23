"""One pipeline: the CLI, the batch, the corrections and the API all read a document through
geo.story.analyse_document, so they say the same thing about it.

The document is the AP article of the bundled story, read with its pack and with a reader's
correction that moves "Vladivostok" (the subject of one of its claims) somewhere else, so that
a place and a claim differ from what the gazetteer alone would say.
"""

import json

import pytest

from geo.batch import analyse_partition, plan_partitions
from geo.cli import main
from geo.corrections import Correction, apply_corrections, save_corrections
from geo.records import claim_record, mention_record
from geo.story import analyse, analyse_document

ARTICLE = "004_"


@pytest.fixture()
def setting(bundled, pack, gazetteer):
    document = next(d for d in bundled if ARTICLE in d.path)
    plain = analyse_document(document, gazetteer=gazetteer, pack=pack)
    mention = next(m for m in plain.mentions if m.text == "Vladivostok")
    correction = Correction.for_mention(document, mention, lat=48.48, lon=135.07, name="Khabarovsk point",
                                        every_mention=True)
    save_corrections([correction])  # in this test's own user data folder (conftest)
    expected = analyse_document(document, gazetteer=gazetteer, pack=pack, corrections=[correction])
    return document, correction, plain, expected


def test_the_correction_changes_places_and_claims(setting):
    _, _, plain, expected = setting
    assert expected.mentions != plain.mentions
    assert [c.distance_verdict for c in expected.checks] != [c.distance_verdict for c in plain.checks]


def test_cli_places_and_claims_say_what_the_pipeline_says(setting, capsys):
    document, _, _, expected = setting
    assert main(["places", document.path, "--story", "kim-jong-un-2023", "--json"]) == 0
    [record] = json.loads(capsys.readouterr().out)["documents"]
    assert record["mentions"] == [mention_record(m) for m in expected.mentions]
    assert main(["claims", document.path, "--story", "kim-jong-un-2023", "--json"]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert [c["actual_km"] for c in claims] == [claim_record(c)["actual_km"] for c in expected.checks]
    assert [c["distance_verdict"] for c in claims] == [c.distance_verdict for c in expected.checks]


def test_the_batch_says_what_the_pipeline_says(setting, pack):
    document, correction, _, expected = setting
    [partition] = plan_partitions([document.path])
    mentions, claims, errors, count = analyse_partition(partition, pack.routes, (correction,),
                                                        str(pack.path))
    assert count == 1 and errors.empty
    assert list(zip(mentions["text"], mentions["start"], mentions["place_id"], mentions["name"])) == [
        (m.text, m.start, m.place.place_id if m.place else None, m.place.name if m.place else None)
        for m in expected.mentions]
    assert list(claims["distance_verdict"]) == [c.distance_verdict for c in expected.checks]


def test_corrections_applied_to_a_story_are_those_of_the_pipeline(setting, pack, gazetteer):
    document, correction, _, expected = setting
    story = analyse([document], gazetteer, story=pack)
    corrected = apply_corrections(story, [correction], gazetteer)
    assert corrected.analyses[0] == expected
    assert analyse([document], gazetteer, story=pack, corrections=[correction]).analyses[0] == expected
