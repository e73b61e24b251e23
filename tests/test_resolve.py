"""Resolution: the right place among same-named ones, using context."""

import pytest

from geo.geodesy import distance_km
from geo.resolve import resolve_mentions, resolve_name
from geo.text.recognise import find_mentions


def chosen(text, name, gazetteer):
    mentions = resolve_mentions(text, find_mentions(text, gazetteer), gazetteer)
    return next(m for m in mentions if m.text == name)


@pytest.mark.parametrize("name, lat, lon, km", [
    ("Pyongyang", 39.03, 125.75, 20),
    ("Vladivostok", 43.12, 131.89, 20),
    ("Vostochny", 51.88, 128.33, 30),
    ("Hanoi", 21.03, 105.85, 20),
    ("Pier 33", 43.11, 131.89, 5),
    ("Far Eastern Federal University", 43.03, 131.89, 5),
    ("Fangchuan", 42.43, 130.59, 15),
    ("Moscow", 55.75, 37.62, 20),
    ("Tallinn", 59.44, 24.75, 15),
    ("Seoul", 37.57, 126.98, 20),
    ("Tumen River", 42.5, 130.5, 150),
])
def test_resolve_ranks_the_story_places_first(story_gazetteer, name, lat, lon, km):
    best = resolve_name(name, story_gazetteer)[0].place
    assert distance_km(best.lat, best.lon, lat, lon) < km, best


def test_georgia_in_a_kremlin_story_is_the_country(gazetteer):
    text = "The Kremlin said Russia would talk to Georgia about the border with Moscow's troops."
    assert chosen(text, "Georgia", gazetteer).place.kind == "country"


def test_georgia_beside_atlanta_is_the_state(gazetteer):
    text = "Storms hit Atlanta and Savannah, Georgia, and Charleston in South Carolina."
    assert chosen(text, "Georgia", gazetteer).place.place_id == "admin:US-GA"


def test_washington_in_the_news_is_the_capital(gazetteer):
    text = "North Korea repeatedly blamed Washington for the crisis in Ukraine."
    assert chosen(text, "Washington", gazetteer).place.kind == "capital"


def test_washington_beside_seattle_and_spokane_is_the_state(gazetteer):
    text = "Wildfires spread across Washington, from Spokane to the hills east of Seattle and Yakima."
    assert chosen(text, "Washington", gazetteer).place.kind == "admin1"


def test_context_picks_among_same_named_cities(gazetteer):
    assert chosen("He left Paris for Lyon and Marseille.", "Paris", gazetteer).place.country == "FR"
    texas = chosen("Paris is a small town near Dallas and Sherman in Texas.", "Paris", gazetteer)
    assert texas.place.country == "US"


def test_resolve_name_uses_the_context_argument(gazetteer):
    plain = resolve_name("Moscow", gazetteer)[0].place
    assert plain.country == "RU"
    idaho = resolve_name("Moscow", gazetteer, context="Moscow is near Pullman and Lewiston, Idaho.")
    assert idaho[0].place.country == "US"


def test_confidence_and_candidates(gazetteer):
    mention = chosen("Officials in Moscow and Kyiv spoke.", "Moscow", gazetteer)
    assert 0.5 < mention.confidence <= 1.0
    assert mention.candidates[0].place == mention.place
    assert len(mention.candidates) > 1
    assert [c.score for c in mention.candidates] == sorted((c.score for c in mention.candidates),
                                                            reverse=True)


def test_unknown_name_has_no_candidates(gazetteer):
    assert resolve_name("Qwxyzzy", gazetteer) == []


def test_confidence_grows_with_score_and_lead():
    from geo.resolve import confidence

    assert confidence(8.0, 1.0) > confidence(4.0, 1.0) > confidence(1.0, 1.0)
    assert confidence(6.0, 4.0) > confidence(6.0, 1.0) > confidence(6.0, 0.0)
    assert 0.0 < confidence(-50.0, 0.0) < confidence(50.0, 50.0) < 1.0


def test_a_single_candidate_is_not_certain_whatever_its_context(gazetteer):
    from geo.resolve import resolve_mentions
    from geo.text.recognise import find_mentions

    def sure(text, name):
        mentions = resolve_mentions(text, find_mentions(text, gazetteer), gazetteer)
        return next(m for m in mentions if m.text == name).confidence

    # a country named in full is near certain; a name only one village holds is not
    assert sure("Talks resumed in Kazakhstan.", "Kazakhstan") > 0.8
    village = next(p for p in gazetteer.lookup("Ristiina"))
    assert len(gazetteer.lookup("Ristiina")) == 1 and village.population < 10_000
    assert sure("Officials met in Ristiina.", "Ristiina") < 0.6


def test_a_generic_word_is_not_a_province(gazetteer):
    text = "Ministers discussed security in the Gulf. Eastern and Central Europe buy more fruit."
    mentions = resolve_mentions(text, find_mentions(text, gazetteer), gazetteer)
    assert not any(m.place and m.place.kind == "admin1" for m in mentions)


def test_a_country_beats_a_same_named_us_state_in_foreign_news(gazetteer):
    text = "Russian troops crossed into Georgia, and Azerbaijan closed its border."
    assert chosen(text, "Georgia", gazetteer).place.kind == "country"
    text = "Storms crossed Alabama, Georgia and South Carolina overnight."
    assert chosen(text, "Georgia", gazetteer).place.kind == "admin1"


def test_an_ocean_is_not_the_small_town_named_after_it(gazetteer):
    text = "The storm formed over the Atlantic and moved toward Bermuda."
    assert chosen(text, "Atlantic", gazetteer).place.kind == "ocean"


@pytest.mark.parametrize("text, name, state", [
    ("Flights resumed to Richmond, Virginia, and to Nashville.", "Richmond", "Virginia"),
    ("A fire broke out in Paris, Tenn., on Friday.", "Paris", "Tennessee"),
    ("A rally was held in London, Ontario, on Sunday.", "London", "Ontario"),
])
def test_a_name_written_before_its_state_lies_in_that_state(gazetteer, text, name, state):
    place = chosen(text, name, gazetteer).place
    container = next(p for p in gazetteer.lookup(state) if p.kind == "admin1")
    assert place.country == container.country
    assert distance_km(place.lat, place.lon, container.lat, container.lon) < container.radius_km + 300


def test_ambiguous_names_read_together_settle_in_one_area(gazetteer):
    # four states have a Lamar County; only Texas's has a Roxton and a Paris in it
    text = "Sales tax receipts rose in Paris and Roxton, and across Lamar County."
    county = chosen(text, "Lamar County", gazetteer).place
    assert county.country == "US" and distance_km(county.lat, county.lon, 33.66, -95.56) < 60


def test_ambiguous_names_that_all_lie_in_one_country_name_that_country(gazetteer):
    # every Columbus, Grove City and Franklin County is American, though none is clear alone:
    # the Dublin among them is the Ohio suburb, not Ireland's capital
    text = ("Columbus, Grove City and Madison townships share the sirens; Dublin operates its own. "
            "Franklin County pays for the rest.")
    place = chosen(text, "Dublin", gazetteer).place
    assert place.country == "US"


def test_the_city_of_a_name_is_a_town_not_the_country(gazetteer):
    text = "Residents of the city of Jordan voted on Tuesday to expand the park."
    place = chosen(text, "Jordan", gazetteer).place
    assert place.kind == "city"
    assert chosen("Jordan and Egypt signed the deal.", "Jordan", gazetteer).place.kind == "country"


def test_an_ocean_beats_a_town_of_its_name_even_among_that_country_s_towns(gazetteer):
    # the towns around make the text American; the Pacific is still the ocean, not Missouri's
    text = ("Sailors from Norfolk, Richmond and Charleston served in the South Pacific and the "
            "Aleutian Islands during the war.")
    assert chosen(text, "Pacific", gazetteer).place.kind == "ocean"


def test_a_province_s_name_alone_is_the_town_it_is_named_after(gazetteer):
    text = "Artillery hit Kharkiv at dawn, and trains from Kyiv were cancelled."
    assert chosen(text, "Kharkiv", gazetteer).place.kind == "city"


def test_a_name_followed_by_region_or_oblast_is_the_province(gazetteer):
    text = "Villages across the Kharkiv region lost power, officials in Kyiv said."
    assert chosen(text, "Kharkiv", gazetteer).place.kind == "admin1"


def test_a_small_namesake_needs_a_neighbour_not_just_the_country(gazetteer):
    # the text is about the US (Houston), but nothing near either small Paris or London is named
    text = "After the summit, the Houston delegation flew on to Paris and then to London."
    assert chosen(text, "Paris", gazetteer).place.country == "FR"
    assert chosen(text, "London", gazetteer).place.country == "GB"


def test_a_small_namesake_with_a_place_nearby_keeps_its_reading(gazetteer):
    text = "The fire in Paris spread toward Lamar County before crews from Texarkana arrived."
    place = chosen(text, "Paris", gazetteer).place
    assert (place.country, round(place.lat)) == ("US", 34)


def test_a_sea_beats_the_province_named_after_it(gazetteer):
    text = "Cargo ships avoided the Red Sea after the attacks, insurers in London said."
    assert chosen(text, "Red Sea", gazetteer).place.kind == "sea"


def test_ambiguous_names_that_may_all_lie_in_one_country_settle_there(gazetteer):
    # Queenstown's largest namesake is South African; Dunedin and Christchurch each have a
    # namesake abroad too, but New Zealand is the one country where all three may lie
    text = "Snow closed the passes near Queenstown, and flights from Dunedin and Christchurch were delayed."
    assert {chosen(text, name, gazetteer).place.country
            for name in ("Queenstown", "Dunedin", "Christchurch")} == {"NZ"}


def test_a_larger_namesake_in_the_small_town_s_country_wins_only_on_its_own_evidence(gazetteer):
    # the US has a small Athens in Texas and a larger one in Georgia; neither is near anything
    # the text names, so the capital of Greece is meant
    text = "The Texas governor said the protests in Cairo and Athens were worrying."
    assert chosen(text, "Athens", gazetteer).place.country == "GR"
    text = "The Georgia governor visited Athens and Atlanta on Friday."
    assert chosen(text, "Athens", gazetteer).place.country == "US"


def test_a_province_s_seat_under_another_spelling_is_still_the_town(gazetteer):
    # GeoNames spells the port Chattogram; the division keeps the older spelling
    text = "Container ships queued outside the port of Chittagong for a week."
    assert chosen(text, "Chittagong", gazetteer).place.kind == "city"


@pytest.mark.parametrize("text, name, country, beside, km", [
    # a town named like a country, beside the county it lies in
    ("Deputies from Lebanon and Wilson County searched the lake.", "Lebanon", "US", "Wilson County", 60),
    # a London district named like a Canadian city, beside its neighbouring district
    ("Shops in Edmonton and Enfield closed early.", "Edmonton", "GB", None, None),
    # neither name is clear alone; together they are the Georgia pair
    ("The bus ran from Athens to Clarke County.", "Athens", "US", "Clarke County", 60),
])
def test_two_names_that_can_be_neighbours_are_read_as_neighbours(gazetteer, text, name, country, beside, km):
    place = chosen(text, name, gazetteer).place
    assert place.country == country, place
    if beside:
        other = chosen(text, beside, gazetteer).place
        assert distance_km(place.lat, place.lon, other.lat, other.lon) < km, (place, other)


def test_a_neighbouring_name_does_not_pull_a_capital_abroad(gazetteer):
    text = "The mayor of Chicago flew to Paris to meet officials from Versailles."
    assert chosen(text, "Paris", gazetteer).place.country == "FR"


def test_the_world_knows_the_famous_namesake_of_a_size(gazetteer):
    """Renown (the names a place has across languages) separates towns of a similar size: the
    Greek town of Sparta before the American towns of that name, without any context."""
    best = resolve_name("Sparta", gazetteer)[0].place
    assert best.country == "GR", best
    assert best.renown > 10
