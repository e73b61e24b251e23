"""The gazetteer's layers, alias folding and geometry, on the real data."""

import pytest

from geo.errors import PlaceNotFound
from geo.gazetteer import fold
from geo.geodesy import distance_km


@pytest.mark.parametrize("written, key", [
    ("Đồng Đăng", "dong dang"),
    ("VLADIVOSTOK", "vladivostok"),
    ("Kim Jong-un", "kim jong un"),
    ("U.S.", "us"),
    ("Côte d’Ivoire", "cote divoire"),
    ("São Paulo", "sao paulo"),
    ("  Pier   33 ", "pier 33"),
    ("Tromsø", "tromso"),          # letters NFKD cannot decompose are transliterated, not lost
    ("Kırıkkale", "kirikkale"),
    ("Ærøskøbing", "aeroskobing"),
    ("Łódź", "lodz"),
])
def test_fold_removes_case_diacritics_and_punctuation(written, key):
    assert fold(written) == key


def test_a_name_written_with_or_without_its_letters_finds_the_same_city(gazetteer):
    assert gazetteer.lookup("Tromsø")[0] == gazetteer.lookup("Tromso")[0]
    assert gazetteer.lookup("Tromso")[0].kind == "city"


@pytest.mark.parametrize("iso2, lat, lon", [
    ("RU", 60.0, 100.0),          # GeoNames' point, not the middle of the polygon (66 N, 94 E)
    ("CA", 60.10867, -113.64258),
    ("BR", -10.0, -55.0),
])
def test_sovereign_states_sit_at_geonames_point(gazetteer, iso2, lat, lon):
    country = gazetteer.country(iso2)
    assert (country.lat, country.lon) == (lat, lon)
    assert "GeoNames" in country.source
    assert gazetteer.country_at(lat, lon) == iso2  # the polygon still answers country_at


def test_a_territory_drawn_within_another_country_is_still_a_country(gazetteer):
    guiana = gazetteer.lookup("French Guiana")[0]
    assert (guiana.kind, guiana.country) == ("country", "GF")
    assert distance_km(guiana.lat, guiana.lon, 4.93, -52.33) < 250  # Cayenne


@pytest.mark.parametrize("name, kind, lat, lon, within_km", [
    ("Gulf of Aden", "gulf", 12.5, 47.5, 300),
    ("Strait of Gibraltar", "strait", 35.95, -5.6, 100),
    ("Lake Baikal", "lake", 53.5, 108.0, 300),
    ("Volga River", "river", 50.0, 46.0, 900),
    ("Himalayas", "range", 29.0, 84.0, 1200),
    ("Sahara", "desert", 23.0, 13.0, 1500),
    ("Mount Everest", "mountain", 27.99, 86.93, 10),
    ("Heathrow Airport", "airport", 51.47, -0.45, 5),
])
def test_world_features_layer_names_kinds_and_points(gazetteer, name, kind, lat, lon, within_km):
    place = next(p for p in gazetteer.lookup(name) if p.layer == "features")
    assert place.kind == kind
    assert distance_km(place.lat, place.lon, lat, lon) < within_km
    assert place.radius_km >= 0 and "Natural Earth" in place.source


def test_a_river_s_bare_name_comes_after_a_town_of_that_name(gazetteer):
    kinds = [p.kind for p in gazetteer.lookup("Volga")]
    assert "river" in kinds and kinds[0] == "city"


def test_populated_places_layer_has_geonames_cities500(gazetteer):
    assert len(gazetteer) > 230_000
    vladivostok = gazetteer.get("geonames:2013348")
    assert (vladivostok.name, vladivostok.country, vladivostok.kind) == ("Vladivostok", "RU", "city")
    assert vladivostok.population > 500_000
    assert "CC-BY" in vladivostok.source


def test_capitals_are_marked(gazetteer):
    assert [p.name for p in gazetteer.capitals("KP")] == ["Pyongyang"]
    assert gazetteer.lookup("Pyongyang")[0].kind == "capital"


@pytest.mark.parametrize("lat, lon, iso2", [
    (39.03, 125.75, "KP"),    # Pyongyang
    (43.13, 131.92, "RU"),    # Vladivostok
    (37.57, 126.98, "KR"),    # Seoul
    (59.44, 24.75, "EE"),     # Tallinn
    (21.03, 105.85, "VN"),    # Hanoi
    (40.0, -30.0, ""),        # the Atlantic
])
def test_country_layer_answers_which_country_a_point_is_in(gazetteer, lat, lon, iso2):
    assert gazetteer.country_at(lat, lon) == iso2


def test_country_layer_has_polygons_names_and_demonyms(gazetteer):
    korea = gazetteer.country("KP")
    assert korea.name == "North Korea" and korea.kind == "country"
    assert gazetteer.extent(korea).geom_type in ("Polygon", "MultiPolygon")
    assert gazetteer.country_at(korea.lat, korea.lon) == "KP"  # its point lies inside it
    for alias in ("DPRK", "North Korean", "Democratic People's Republic of Korea"):
        assert gazetteer.lookup(alias)[0] == korea, alias


def test_north_korea_russia_border_is_their_shared_boundary(gazetteer):
    border = gazetteer.border("KP", "RU")
    assert border.geom_type in ("LineString", "MultiLineString")
    lon_min, lat_min, lon_max, lat_max = border.bounds
    # the Tumen's last stretch, some 17 km long, near 42.3-42.6 N, 130.5-130.7 E
    assert 42.2 < lat_min < lat_max < 42.7 and 130.4 < lon_min < lon_max < 130.8
    length = sum(distance_km(a[1], a[0], b[1], b[0])
                 for line in getattr(border, "geoms", [border])
                 for a, b in zip(line.coords, line.coords[1:]))
    assert 12 < length < 40
    assert gazetteer.border("KP", "US").is_empty


def test_us_admin_layer(gazetteer):
    texas = next(p for p in gazetteer.lookup("Texas") if p.kind == "admin1")
    assert texas.country == "US" and 28 < texas.lat < 34 and -103 < texas.lon < -95
    cook = [p for p in gazetteer.lookup("Cook County") if p.kind == "admin2"]
    assert len(cook) >= 3  # Illinois, Minnesota, Georgia


def test_a_story_pack_holds_what_no_populated_place_list_has(story_gazetteer):
    gazetteer = story_gazetteer
    cosmodrome = gazetteer.lookup("Vostochny Cosmodrome")[0]
    assert cosmodrome.layer == "story" and cosmodrome.kind == "spaceport"
    assert 10 <= cosmodrome.radius_km <= 25  # some 30 km across
    pier = gazetteer.lookup("Pier 33")[0]
    assert pier.layer == "story" and pier.radius_km < 1  # a pier is a point
    assert distance_km(pier.lat, pier.lon, 43.11, 131.89) < 5  # Golden Horn Bay, Vladivostok
    tumen = next(p for p in gazetteer.lookup("Tumen River") if p.layer == "story")
    assert gazetteer.extent(tumen).geom_type in ("LineString", "MultiLineString")  # a line
    assert gazetteer.get(tumen.place_id) == tumen
    for place in (cosmodrome, pier, tumen):
        assert place.source


def test_the_world_gazetteer_holds_no_story(gazetteer):
    """Without a pack no story's places, descriptions or priors: Pier 33 is not a Russian pier."""
    assert not any(p.layer == "story" for name in ("Pier 33", "Vostochny Cosmodrome", "Tumen River")
                   for p in gazetteer.lookup(name))
    assert not gazetteer.lookup("a border river") and not gazetteer.lookup("a space launch centre")
    assert not gazetteer.description_keys
    with pytest.raises(PlaceNotFound):
        gazetteer.get("story:pier-33")


def test_a_packs_descriptions_are_aliases_of_its_own_places(story_gazetteer):
    assert [p.place_id for p in story_gazetteer.lookup("the border river")] == ["story:tumen-river"]
    assert "the border river" in story_gazetteer.description_keys


def test_the_overlay_leaves_the_world_index_as_it_is(gazetteer, story_gazetteer):
    """The pack is laid over the cached index at lookup time, not compiled into it."""
    assert story_gazetteer.world is gazetteer
    assert len(story_gazetteer) == len(gazetteer) + len(story_gazetteer.pack.places)
    assert story_gazetteer.lookup("Vladivostok")[0] == gazetteer.lookup("Vladivostok")[0]


def test_get_unknown_id_raises_place_not_found(gazetteer):
    with pytest.raises(PlaceNotFound, match="nowhere:1"):
        gazetteer.get("nowhere:1")
    with pytest.raises(LookupError):  # PlaceNotFound is also a LookupError
        gazetteer.get("nowhere:1")


def test_warm_load_reads_the_cache_without_rebuilding(gazetteer):
    from geo.gazetteer import Gazetteer
    from geo.paths import cache_dir

    before = {p.name: p.stat().st_mtime_ns for p in cache_dir().glob("gazetteer-*")}
    loaded = Gazetteer.load()
    after = {p.name: p.stat().st_mtime_ns for p in cache_dir().glob("gazetteer-*")}
    assert before and after == before
    assert loaded.lookup("Hanoi")[0].country == "VN"


@pytest.mark.parametrize("name, country, lat, lon", [
    ("Ontario", "CA", 50.0, -85.0),       # its towns crowd the south; its land runs to Hudson Bay
    ("Queensland", "AU", -21.0, 145.0),   # its towns crowd the east coast
    ("Western Australia", "AU", -25.5, 122.0),
    # few towns, all in the south: cells of nearest town ran into the territories' empty north
    ("British Columbia", "CA", 54.3, -124.8),
    ("Saskatchewan", "CA", 54.5, -105.9),
    ("South Australia", "AU", -30.5, 135.5),  # a long arm to the south-east pulls its box
])
def test_a_province_sits_at_the_middle_of_its_land_not_of_its_towns(gazetteer, name, country, lat, lon):
    province = next(p for p in gazetteer.lookup(name) if p.kind == "admin1" and p.country == country)
    assert distance_km(province.lat, province.lon, lat, lon) < 200


def test_an_airport_named_after_a_person_answers_only_to_its_airport_name(gazetteer):
    assert not any(p.kind == "airport" for p in gazetteer.lookup("Charles de Gaulle"))
    assert any(p.kind == "airport" for p in gazetteer.lookup("Charles de Gaulle Airport"))
    assert any(p.kind == "airport" for p in gazetteer.lookup("Heathrow"))


@pytest.mark.parametrize("name, lat, lon", [
    ("Hawaii", 20.8, -156.4),    # between its islands, not on the Big Island alone
    ("Michigan", 44.3, -85.4),   # between its two peninsulas
])
def test_a_us_state_in_parts_sits_between_its_parts(gazetteer, name, lat, lon):
    state = next(p for p in gazetteer.lookup(name) if p.kind == "admin1" and p.country == "US")
    assert distance_km(state.lat, state.lon, lat, lon) < 80


def test_a_us_county_answers_to_its_bare_name_after_the_towns_of_that_name(gazetteer):
    # local news writes "Licking" or "DeKalb" for the county; its town, if any, comes first
    entries = gazetteer.entries(fold("Licking"))
    counties = [(p.name, kind) for p, kind in entries if p.kind == "admin2"]
    assert ("Licking County", "alternate") in counties
    dekalb = [(p.kind, kind) for p, kind in gazetteer.entries(fold("DeKalb"))]
    assert dekalb[0] == ("city", "name") and ("admin2", "alternate") in dekalb
    assert len([k for k, _ in dekalb if k == "admin2"]) >= 4  # Georgia, Illinois, Indiana, ...


@pytest.mark.parametrize("name, lat, lon, within_km", [
    ("Mississippi River", 29.15, -89.25, 60),   # at the Gulf of Mexico
    ("Ohio River", 37.0, -89.15, 30),           # where it meets the Mississippi, not Pittsburgh
    ("Volga River", 46.0, 48.5, 100),           # at the Caspian, not in a reservoir upstream
    ("Amur River", 53.0, 141.0, 100),           # its source meets the Argun, as big as itself
])
def test_a_river_sits_at_its_mouth_as_geonames_places_a_stream(gazetteer, name, lat, lon, within_km):
    river = next(p for p in gazetteer.lookup(name) if p.kind == "river")
    assert distance_km(river.lat, river.lon, lat, lon) < within_km
    assert river.radius_km > 300  # the extent still reaches back to its source


def test_a_small_town_answers_only_to_spellings_of_its_name_a_city_to_all(gazetteer):
    def names(alias):
        return {p.name for p in gazetteer.lookup(alias) if p.layer == "geonames"}

    # a city's former and foreign names stay: the news writes them
    assert "Mumbai" in names("Bombay") and "Beijing" in names("Peking")
    assert "Kharkiv" in names("Kharkov")  # a spelling of the name, whatever the size
    # a small town's wholly other alternate name (a former name, a station's) is not its alias
    assert "Suttons Bay" not in names("Pleasant City")
    assert "New Providence" not in names("Turkey")


def test_second_level_divisions_of_the_world_are_places(gazetteer):
    # England's counties have no town of their name: without this layer "Essex" was only US towns
    essex = [p for p in gazetteer.lookup("Essex") if p.kind == "admin2" and p.country == "GB"]
    assert len(essex) == 1 and distance_km(essex[0].lat, essex[0].lon, 51.77, 0.6) < 40
    # "County Cork" also answers to "Cork", after the city of that name
    cork = [(p.kind, kind) for p, kind in gazetteer.entries(fold("Cork"))]
    assert cork[0][0] in ("city", "capital") and ("admin2", "alternate") in cork
    # a division named like a given name is left out ("Casey", a council of Melbourne)
    assert not any(p.kind == "admin2" and p.country == "AU" for p in gazetteer.lookup("Casey"))


def test_a_division_named_like_a_town_of_its_country_is_left_to_the_town(gazetteer):
    # the department of Paris and the City of Brisbane are named after their seat
    assert not any(p.kind == "admin2" and p.country == "FR" for p in gazetteer.lookup("Paris"))
    assert not any(p.kind == "admin2" and p.country == "AU" for p in gazetteer.lookup("Brisbane"))


def test_a_us_county_counts_the_people_of_its_towns_and_leaves_its_seat_s_name_to_the_seat(gazetteer):
    cook = {p.population for p in gazetteer.lookup("Cook County") if p.kind == "admin2"}
    assert max(cook) > 5_000_000  # Chicago's county; the others are small
    # Athens County, Ohio, is around the town of Athens: "Athens" names the town, not the county
    assert any("Ohio" in p.source for p in gazetteer.lookup("Athens County"))
    assert not any(p.kind == "admin2" for p in gazetteer.lookup("Athens"))
