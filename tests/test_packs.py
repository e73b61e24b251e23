"""Story packs (geo.packs): the bundled one, a user's own, checked on load, laid over the world.

The world's gazetteer knows no story: a text about San Francisco, Kashmir and French Guiana must
not borrow the bundled story's pier, border river or cosmodrome.
"""

import io
import json
import shutil
import sys

import pytest

from geo.cli import main
from geo.errors import DataError, StoryPackError
from geo.gazetteer.overlay import with_pack
from geo.model import Document
from geo.packs import PLACE_KINDS, available_packs, load_pack
from geo.paths import BUNDLED_STORY
from geo.story import analyse, analyse_document

ELSEWHERE = ("Tourists board the Alcatraz ferry at Pier 33 on San Francisco's Embarcadero. India and "
             "Pakistan traded fire across a border river in Kashmir. The rocket lifted off from a "
             "space launch centre in French Guiana.")

PLACES_HEADER = "place_id,name,aliases,kind,country,lat,lon,radius_km,geometry_wkt,source,note\n"


def places_of(capsys, monkeypatch, text, *argv):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["places", "-", "--json", *argv]) == 0
    return json.loads(capsys.readouterr().out)["documents"][0]["mentions"]


def write_pack(folder, places="", descriptions="", pack='title = "Harbour walk"\n'):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.toml").write_text(pack, encoding="utf-8")
    (folder / "places.csv").write_text(PLACES_HEADER + places, encoding="utf-8")
    if descriptions:
        (folder / "descriptions.csv").write_text("phrase,place_id,source\n" + descriptions,
                                                 encoding="utf-8")
    return folder


# --- the bundled pack -------------------------------------------------------------------------

def test_the_bundled_pack_holds_the_story(pack):
    assert pack.name == BUNDLED_STORY.name and pack.name in available_packs()
    assert pack.title and pack.sources
    ids = {p.place_id for p in pack.places}
    assert {"story:pier-33", "story:tumen-river", "story:vostochny-cosmodrome"} <= ids
    assert all(p.layer == "story" and p.source for p in pack.places)
    assert ("a border river", "story:tumen-river") in {(d[0], d[1]) for d in pack.descriptions}
    assert {r.route_id for r in pack.routes} >= {"kim-2023-pyongyang-vladivostok"}
    assert {m.meeting_id for m in pack.meetings} >= {"kim-putin-2023"}
    assert [d.path.rsplit("/", 1)[-1][:4] for d in pack.documents()] == ["000_", "001_", "002_", "003_", "004_"]
    assert all(d.outlet and d.date for d in pack.documents())  # metadata from the pack's articles.csv


def test_a_bundled_pack_is_named_or_given_by_its_folder(pack):
    assert load_pack(pack.name) is load_pack(BUNDLED_STORY) is pack  # read once while unchanged


# --- without a pack: the world's gazetteer, no story's priors --------------------------------

def test_another_story_borrows_nothing_from_the_bundled_one(capsys, monkeypatch, gazetteer):
    mentions = places_of(capsys, monkeypatch, ELSEWHERE)
    names = {m["name"] for m in mentions}
    assert not {"Tumen River", "Vostochny Cosmodrome", "Tumangang station"} & names
    assert not any(m["place_id"] and m["place_id"].startswith("story:") for m in mentions)
    [pier] = [m for m in mentions if "Pier" in m["text"]]  # visibly unresolved, not Vladivostok's
    assert (pier["text"], pier["place_id"], pier["lat"]) == ("Pier 33", None, None)
    assert "French Guiana" in names  # the whole name, not "French"
    assert {"San Francisco", "India", "Pakistan"} <= names


def test_the_same_text_with_the_bundled_pack_uses_its_places(capsys, monkeypatch, gazetteer):
    """Naming the pack is what lets its descriptions and places in."""
    mentions = places_of(capsys, monkeypatch, ELSEWHERE, "--story", "kim-jong-un-2023")
    assert "Tumen River" in {m["name"] for m in mentions}


def test_analyse_reads_files_without_a_pack_and_the_bundled_story_with_it(gazetteer):
    other = analyse([Document(path="x.txt", text="Fangchuan is a village on the border river.")],
                    gazetteer)
    assert other.pack is None and not other.routes and not other.meetings
    assert not any(m.place and m.place.layer == "story" for m in other.mentions)
    bundled = analyse(gazetteer=gazetteer)
    assert bundled.pack is not None and bundled.routes and bundled.meetings


# --- a user's own pack --------------------------------------------------------------------------

def test_a_users_pack_adds_its_places_and_descriptions(tmp_path, gazetteer):
    folder = write_pack(tmp_path / "harbour",
                        "fort-point,Fort Point,Fort Point National Historic Site,building,US,"
                        "37.8106,-122.4771,0.2,,NPS 'Fort Point' page,\n",
                        "the old fort,fort-point,my notes\n")
    pack = load_pack(folder)
    document = Document(path="walk.txt", text="We walked to the old fort. Fort Point was closed. "
                                              "A border river was in the news.")
    analysis = analyse_document(document, gazetteer=gazetteer, pack=pack)
    found = {m.text: m.place for m in analysis.mentions}
    assert found["the old fort"].place_id == "story:fort-point"
    assert found["Fort Point"].place_id == "story:fort-point"
    assert not any("river" in text for text in found)  # another story's description stays out
    without = analyse_document(document, gazetteer=gazetteer)
    assert not any(m.place and m.place.layer == "story" for m in without.mentions)


def test_the_overlay_is_made_once_per_pack(tmp_path, gazetteer, pack):
    assert with_pack(gazetteer, pack) is with_pack(gazetteer, pack)
    assert with_pack(gazetteer, None) is gazetteer
    assert with_pack(with_pack(gazetteer, pack), pack) is with_pack(gazetteer, pack)


def test_the_cli_reads_a_packs_own_articles(tmp_path, capsys, gazetteer):
    folder = write_pack(tmp_path / "harbour",
                        "fort-point,Fort Point,,building,US,37.8106,-122.4771,0.2,,NPS,\n")
    (folder / "articles").mkdir()
    (folder / "articles" / "a.txt").write_text("Tourists found Fort Point closed on Monday.", encoding="utf-8")
    assert main(["places", "--story", str(folder), "--json"]) == 0
    [document] = json.loads(capsys.readouterr().out)["documents"]
    assert [m["place_id"] for m in document["mentions"]] == ["story:fort-point"]


# --- checked on load: one line per bad row --------------------------------------------------------

def test_every_bad_row_is_one_line_naming_file_row_column_and_what_is_allowed(tmp_path):
    folder = write_pack(
        tmp_path / "bad",
        "fort-point,Fort Point,,fortress,US,37.81,-122.48,0.2,,NPS,\n"   # row 2: unknown kind
        "Bad Id,Pier 39,,pier,US,95,-122.41,0.1,,map,\n"                  # row 3: slug and lat
        "pier-39,Pier 39,,pier,XX,37.81,-122.41,0.1,,,\n",                 # row 4: country, source
        "The Fort,fort-point,notes\nthe bridge,golden-gate,notes\n")
    with pytest.raises(StoryPackError) as caught:
        load_pack(folder)
    error = caught.value
    assert isinstance(error, ValueError) and isinstance(error, DataError)
    lines = error.problems
    places, descriptions = folder / "places.csv", folder / "descriptions.csv"
    assert lines[0].startswith(f"{places}, row 2, column 'kind': 'fortress' is not one of ")
    assert all(kind in lines[0] for kind in PLACE_KINDS)
    assert any(line.startswith(f"{places}, row 3, column 'place_id': 'Bad Id'") for line in lines)
    assert any(line.startswith(f"{places}, row 3, column 'lat': '95' is not a latitude") for line in lines)
    assert any(line.startswith(f"{places}, row 4, column 'country': 'XX'") for line in lines)
    assert any(line.startswith(f"{places}, row 4, column 'source'") for line in lines)
    assert any(line.startswith(f"{descriptions}, row 2, column 'phrase': 'The Fort'") for line in lines)
    assert any(line.startswith(f"{descriptions}, row 3, column 'place_id': 'golden-gate' is not a place "
                               "of this pack's places.csv") for line in lines)
    assert len(lines) == 7 and str(error).splitlines() == list(lines)


def test_the_cli_prints_each_problem_on_its_own_line(tmp_path, capsys):
    folder = write_pack(tmp_path / "bad", "x,X,,castle,,1,2,0,,src,\n", pack='titel = "typo"\n')
    assert main(["places", "--story", str(folder), "-"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"geo: {folder / 'pack.toml'}: unknown key 'titel'; allowed: description, licence, sources, title",
        f"geo: {folder / 'pack.toml'}: 'title' must be a non-empty string, got None",
        f"geo: {folder / 'places.csv'}, row 2, column 'kind': 'castle' is not one of {', '.join(PLACE_KINDS)}",
    ]


def test_a_missing_pack_names_the_bundled_ones(tmp_path, capsys):
    assert main(["claims", "--story", str(tmp_path / "nowhere")]) == 1
    assert f"{tmp_path / 'nowhere'}: no such story pack" in capsys.readouterr().err
    with pytest.raises(StoryPackError, match="kim-jong-un-2023"):
        load_pack("no-such-story")


def test_a_bad_routes_file_is_reported_with_the_pack(tmp_path):
    folder = write_pack(tmp_path / "trip")
    (folder / "routes.toml").write_text('[[route]]\nid = "r"\nname = "R"\nmode = "canoe"\n'
                                        'waypoints = [{name = "a", lat = 1, lon = 2}, '
                                        '{name = "b", lat = 1, lon = 3}]\n', encoding="utf-8")
    with pytest.raises(StoryPackError, match=r"routes.toml: route 1 \('r'\): mode 'canoe' is not one of"):
        load_pack(folder)


def test_a_copy_of_the_bundled_pack_loads_as_a_users_pack(tmp_path, pack):
    copy = shutil.copytree(BUNDLED_STORY, tmp_path / "my-copy")
    mine = load_pack(copy)
    assert mine is not pack and mine.name == "my-copy"
    assert [p.place_id for p in mine.places] == [p.place_id for p in pack.places]


# --- a pack's routes drawn along its own track --------------------------------------------------

TRACK = {"type": "FeatureCollection", "features": [{
    "type": "Feature", "properties": {"id": "harbour-line", "source": "my survey", "licence": "CC0"},
    "geometry": {"type": "LineString", "coordinates": [[0.0, 0.0], [0.05, 0.02], [0.1, 0.0], [0.15, 0.02],
                                                        [0.2, 0.0]]}}]}


def route_pack(folder, track="harbour-line", far_lat=0.0):
    write_pack(folder)
    (folder / "tracks.geojson").write_text(json.dumps(TRACK), encoding="utf-8")
    (folder / "routes.toml").write_text(f"""
[[route]]
id = "harbour"
name = "Harbour line"
mode = "rail"
tracks = [{{ from = "West", to = "East", track = "{track}" }}]
waypoints = [{{ name = "West", lat = 0.0, lon = 0.0 }}, {{ name = "Middle", lat = 0.001, lon = 0.1 }},
             {{ name = "East", lat = {far_lat}, lon = 0.2 }}, {{ name = "Pier", lat = 0.1, lon = 0.3 }}]
""", encoding="utf-8")
    return folder


def test_a_route_follows_its_packs_track_between_two_stations(tmp_path):
    [route] = load_pack(route_pack(tmp_path / "line")).routes
    assert [w.name for w in route.waypoints] == ["West", "", "Middle", "", "East", "Pier"]
    assert route.waypoints[2].lat == 0.0  # the named stop moved onto the track
    assert route.tracks == (("West", "East", "my survey; CC0"),)


def test_a_missing_track_or_a_station_off_it_is_one_clear_line(tmp_path):
    with pytest.raises(StoryPackError, match=r"track 'tram' is not in tracks.geojson \(its tracks: harbour-line\)"):
        load_pack(route_pack(tmp_path / "a", track="tram"))
    with pytest.raises(StoryPackError, match=r"'East' is 10\d\.\d km from track 'harbour-line'"):
        load_pack(route_pack(tmp_path / "b", far_lat=1.0))


def test_the_report_says_which_sections_are_drawn_along_track(gazetteer):
    from geo.report import render_markdown

    text = render_markdown(analyse(gazetteer=gazetteer))
    assert ("Drawn along real track between Khasan station and Baranovsky station and between "
            "Baranovsky station and Vladivostok station; elsewhere straight between its stations") in text
    assert "OpenStreetMap contributors, ODbL" in text
    assert "Drawn straight between its stations (no track geometry)" in text  # the 2019 train


def test_a_rail_claim_is_judged_against_the_published_sections(gazetteer, pack):
    """'238 km by rail' from Khasan to Baranovsky is the railway's own figure: the check's route
    length is the published one, whatever the drawn line measures."""
    document = Document(path="rail.txt", text="Khasan is 238 km by rail from Baranovsky. Khasan is "
                                              "about 330 kilometres by rail from Vladivostok.")
    checks = analyse_document(document, gazetteer=gazetteer, pack=pack).checks
    assert [(c.route_km, c.distance_verdict) for c in checks] == [(pytest.approx(238), "accurate"),
                                                                  (pytest.approx(327), "accurate")]
