"""geo.corrections: saved atomically in the user's data folder, applied to a Story, undone.

The story is the bundled one read through the real pipeline; corrections change what it says
about places and, through the claims checked again, about distances.
"""

import json

import pytest

from geo.corrections import (Correction, CorrectionIndex, add_correction, apply_corrections, corrected_place,
                             corrections_path, load_corrections, matching_mentions, read_corrections,
                             save_corrections, index_corrections,
                             text_digest, undo_all, undo_correction)
from geo.errors import DataError, InputError
from geo.story import analyse, analyse_document


@pytest.fixture(scope="module")
def story(gazetteer):
    return analyse(gazetteer=gazetteer)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def first_mention(story, words, document_index=0):
    analysis = story.analyses[document_index]
    return analysis.document, next(m for m in analysis.mentions if m.text == words)


def test_the_file_lives_in_the_user_data_folder(data_dir):
    assert corrections_path() == data_dir / "corrections.json"
    assert load_corrections() == ()


def test_save_and_load_round_trip_without_leftovers(story, data_dir):
    document, mention = first_mention(story, "Pacific")
    other = next(c.place for c in mention.candidates if c.place.kind == "ocean" or c.place.name == "Pacific Ocean")
    saved = (Correction.for_mention(document, mention, place=other),
             Correction.for_mention(document, mention, lat=10.5, lon=-150.25, name="Mid-ocean", every_mention=True))
    save_corrections(saved)
    assert load_corrections() == saved
    # no temporary file left (the lock file stays: removing it would race with another saver)
    assert sorted(p.name for p in data_dir.iterdir()) == [".corrections.json.lock", "corrections.json"]
    content = json.loads((data_dir / "corrections.json").read_text(encoding="utf-8"))
    assert content["corrections"][1]["start"] is None and content["corrections"][1]["lat"] == 10.5


def test_a_newer_correction_of_the_same_mention_replaces_the_older(story):
    document, mention = first_mention(story, "Pacific")
    first, second = (c.place for c in mention.candidates[1:3])
    add_correction(Correction.for_mention(document, mention, place=first))
    kept = add_correction(Correction.for_mention(document, mention, place=second))
    assert [c.place_id for c in kept] == [second.place_id]
    assert load_corrections() == kept


def test_undo_one_and_undo_all(story):
    document, pacific = first_mention(story, "Pacific")
    _, moscow = first_mention(story, "Moscow")
    a = Correction.for_mention(document, pacific, lat=0.0, lon=-160.0)
    b = Correction.for_mention(document, moscow, lat=55.75, lon=37.62)
    add_correction(a)
    add_correction(b)
    assert undo_correction(a.key) == (b,)
    assert load_corrections() == (b,)
    assert undo_all() == () and load_corrections() == ()


@pytest.mark.parametrize("content, problem", [
    ("not json", "not a readable corrections file"),
    ('{"corrections": 3}', "list of 'corrections'"),
])
def test_a_malformed_file_is_a_data_error_naming_it(data_dir, content, problem):
    data_dir.mkdir(parents=True)
    (data_dir / "corrections.json").write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=problem) as error:
        load_corrections()
    assert "corrections.json" in str(error.value)


@pytest.mark.parametrize("content, problem", [
    ('{"corrections": [{"document": "a"}]}', "missing"),
    ('{"corrections": [{"document": "a", "digest": "x", "text": "t", "start": 1, "lat": 91, "lon": 0}]}',
     "not a latitude"),
])
def test_a_malformed_entry_is_left_out_naming_the_file_and_the_entry(data_dir, content, problem):
    data_dir.mkdir(parents=True)
    (data_dir / "corrections.json").write_text(content, encoding="utf-8")
    saved = read_corrections()
    assert saved.corrections == () and len(saved.problems) == 1
    assert "corrections.json: correction 1: " in saved.problems[0] and problem in saved.problems[0]


def test_coordinates_off_the_globe_are_refused(story):
    document, mention = first_mention(story, "Pacific")
    with pytest.raises(InputError, match="not a latitude"):
        Correction.for_mention(document, mention, lat=12.0, lon=200.0)
    with pytest.raises(InputError, match="give a place or both coordinates"):
        Correction.for_mention(document, mention, lat=12.0)


def test_a_chosen_candidate_replaces_the_place_of_that_mention_only(story, gazetteer):
    document, mention = first_mention(story, "Pacific")
    ocean = next(c.place for c in mention.candidates if c.place.name == "Pacific Ocean")
    correction = Correction.for_mention(document, mention, place=ocean)
    corrected = apply_corrections(story, [correction], gazetteer)
    changed = next(m for m in corrected.analyses[0].mentions if m.start == mention.start)
    assert changed.place == ocean and changed.confidence == 1.0
    assert changed.candidates[0].place == ocean
    assert {c.place.place_id for c in changed.candidates} == {c.place.place_id for c in mention.candidates}
    assert corrected.analyses[1:] == story.analyses[1:]
    assert all(a is b for a, b in zip(corrected.analyses[1:], story.analyses[1:]))  # untouched, not rebuilt
    assert matching_mentions(corrected, correction) == [(document, changed)]


def test_every_mention_of_the_words_in_the_article(story, gazetteer):
    document, mention = first_mention(story, "Vladivostok")
    count = sum(1 for m in story.analyses[0].mentions if m.text == "Vladivostok")
    correction = Correction.for_mention(document, mention, lat=48.48, lon=135.07, name="Khabarovsk?",
                                        every_mention=True)
    corrected = apply_corrections(story, [correction], gazetteer)
    moved = [m for m in corrected.analyses[0].mentions if m.text == "Vladivostok"]
    assert len(moved) == count > 1
    assert {(m.place.name, m.place.layer, m.place.country) for m in moved} == {("Khabarovsk?", "user", "RU")}
    # another article naming Vladivostok is another text: not corrected
    assert all(m.place.name == "Vladivostok" for a in corrected.analyses[1:] for m in a.mentions
               if m.text == "Vladivostok")


def test_a_correction_of_one_mention_wins_over_one_of_every_mention(story, gazetteer):
    document, mention = first_mention(story, "Vladivostok")
    everywhere = Correction.for_mention(document, mention, lat=48.48, lon=135.07, every_mention=True)
    here = Correction.for_mention(document, mention, lat=43.0, lon=132.0, name="here")
    corrected = apply_corrections(story, [here, everywhere], gazetteer)
    places = {m.start: m.place.name for m in corrected.analyses[0].mentions if m.text == "Vladivostok"}
    assert places[mention.start] == "here"
    assert {name for start, name in places.items() if start != mention.start} == {"Vladivostok"}


def test_claims_are_checked_again_with_the_corrected_places(story, gazetteer):
    check = story.checks[0]
    assert check.distance_verdict == "accurate"
    document = next(d for d in story.documents if d.path == check.claim.document)
    moscow = gazetteer.get(next(m.place.place_id for m in story.mentions if m.text == "Moscow"))
    correction = Correction.for_mention(document, check.claim.anchor, place=moscow)
    corrected = apply_corrections(story, [correction], gazetteer)
    again = corrected.checks[0]
    assert again.claim.anchor.place == moscow
    assert again.actual_km > 4000 and again.distance_verdict == "inaccurate"
    assert corrected.checks[1] == story.checks[1]


def test_corrections_for_other_texts_or_lost_places_change_nothing(story, gazetteer):
    document, mention = first_mention(story, "Pacific")
    elsewhere = Correction(document="other.txt", digest=text_digest("another text"), text="Pacific",
                           start=mention.start, lat=1.0, lon=2.0)
    lost = Correction(document=document.path, digest=text_digest(document.text), text="Pacific",
                      start=mention.start, place_id="geonames:-1", name="gone")
    assert apply_corrections(story, [elsewhere, lost], gazetteer) == story
    assert apply_corrections(story, [], gazetteer) is story


def test_corrections_are_indexed_once_by_the_text_of_their_article(story, gazetteer):
    document, mention = first_mention(story, "Vladivostok")
    here = Correction.for_mention(document, mention, lat=43.0, lon=132.0, name="here")
    also = Correction.for_mention(document, mention, lat=44.0, lon=133.0, name="also", every_mention=True)
    elsewhere = Correction(document="other.txt", digest=text_digest("another text"), text="Vladivostok",
                           start=mention.start, lat=1.0, lon=2.0)
    index = CorrectionIndex([here, elsewhere, also])
    assert index.of(text_digest(document.text)) == (here, also)  # in their order
    assert index.of(text_digest("no such text")) == () and not CorrectionIndex()
    assert index_corrections(index) is index
    options = dict(gazetteer=gazetteer, pack=story.pack, routes=story.routes)
    indexed = analyse_document(document, corrections=index, **options)
    assert indexed == analyse_document(document, corrections=[elsewhere, here, also], **options)
    assert next(m for m in indexed.mentions if m.start == mention.start).place.name == "here"


def test_a_point_from_coordinates_is_a_user_place_with_its_country(gazetteer):
    correction = Correction(document="a.txt", digest="0" * 16, text="the camp", start=5, lat=42.43, lon=130.64,
                            name="", created="2026-01-01T00:00:00+00:00")
    place = corrected_place(correction, gazetteer)
    assert (place.name, place.layer, place.kind, place.lat, place.lon) == ("the camp", "user", "point", 42.43, 130.64)
    assert place.country in ("RU", "KP")
    assert place.place_id == "user:42.43000,130.64000"


def test_a_claim_end_that_names_no_place_is_pinned_like_a_mention(gazetteer):
    from geo.check import check_claim
    from geo.model import Analysis, DistanceClaim, Document, Mention, Quantity, Story

    text = "The reserve lies about 30 km west of Seoul."
    document = Document("reserve.txt", text)
    seoul = gazetteer.lookup("Seoul")[0]
    subject = Mention("The reserve", 0, 11, None)
    claim = DistanceClaim("reserve.txt", text, 0, subject, Mention("Seoul", 37, 42, seoul, 0.9),
                          (Quantity("km", 30.0),), hedge="about", direction="W", subject_kind="reserve")
    story = Story((Analysis(document, (), (check_claim(claim, (), gazetteer),)),))
    assert story.checks[0].distance_verdict == "unverifiable"

    incheon = next(p for p in gazetteer.lookup("Incheon") if p.country == "KR")
    correction = Correction.for_mention(document, subject, place=incheon)
    add_correction(correction)
    corrected = apply_corrections(story, load_corrections(), gazetteer)
    (check,) = corrected.checks
    assert check.claim.subject.place == incheon and check.claim.subject.text == "The reserve"
    assert check.distance_verdict in ("accurate", "close") and check.actual_km is not None
    assert matching_mentions(corrected, correction) == [(document, check.claim.subject)]
