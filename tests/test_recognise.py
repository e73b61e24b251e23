"""Place recognition on English news text: what is a place mention and what is not."""

import pytest

from geo.errors import DataError
from geo.resolve import resolve_mentions
from geo.text import recognise
from geo.text.recognise import find_mentions, tokenize


def places(text, gazetteer):
    """(mention text, chosen place name or None) in order."""
    mentions = resolve_mentions(text, find_mentions(text, gazetteer), gazetteer)
    return [(m.text, m.place.name if m.place else None) for m in mentions]


def test_tokens_keep_offsets_and_abbreviations():
    text = "Mr. Kim went to the U.S. on Sept. 3."
    tokens = tokenize(text)
    assert [t.text for t in tokens][:2] == ["Mr.", "Kim"]
    assert "U.S." in [t.text for t in tokens]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_offsets_point_into_the_text(gazetteer):
    text = "Talks in Vladivostok, on Russia’s Pacific coast, began on Monday."
    for mention in find_mentions(text, gazetteer):
        assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize("text, expected", [
    ("Kim Jong Un met Vladimir Putin in Vladivostok on Wednesday.", [("Vladivostok", "Vladivostok")]),
    ("Mr. Kim said on Wednesday that Putin would visit.", []),
    ("President Paris Hilton arrived in Paris.", [("Paris", "Paris")]),
    ("The Washington Post reported the talks.", []),
    ("Police said the road was closed.", []),
    ("Associated Press writers Jim Heintz in Tallinn, Estonia, contributed.",
     [("Tallinn", "Tallinn"), ("Estonia", "Estonia")]),
    ("Rail Minister Ivanov and the Justice Department met in Port Said.", [("Port Said", "Port Said")]),
])
def test_people_organisations_and_days_are_not_places(gazetteer, text, expected):
    assert places(text, gazetteer) == expected


def test_demonyms_are_mentions_of_their_country(gazetteer):
    found = places("North Korean leader Kim Jong Un met the Russian President.", gazetteer)
    assert found == [("North Korean", "North Korea"), ("Russian", "Russia")]


def test_multiword_names_and_connectors(gazetteer):
    found = places("He flew from the Isle of Man to the United States of America.", gazetteer)
    assert [name for _, name in found] == ["Isle of Man", "United States"]


def test_unknown_place_named_by_grammar_stays_unresolved(gazetteer):
    found = places("Reporters in Zzyzxville, China, saw the train.", gazetteer)
    assert ("Zzyzxville", None) in found
    assert ("China", "China") in found


def test_descriptions_from_the_story_pack(story_gazetteer):
    text = "The train stood at a station on the North Korean side of a border river."
    found = places(text, story_gazetteer)
    assert any(mention == "border river" or "river" in mention for mention, name in found
               if name and "Tumen" in name)


def test_a_numbered_pier_is_a_place_the_gazetteer_cannot_hold(gazetteer, story_gazetteer):
    """'Pier 33' is listed, unresolved, rather than read as a town called Pier; a pack that
    holds its own Pier 33 places it."""
    text = "The ferry leaves from Pier 33 and returns to Terminal 2B."
    mentions = {m.text: m for m in find_mentions(text, gazetteer)}
    assert set(mentions) >= {"Pier 33", "Terminal 2B"} and "Pier" not in mentions
    assert not mentions["Pier 33"].candidates
    [pier] = [m for m in find_mentions(text, story_gazetteer) if m.text == "Pier 33"]
    assert pier.candidates[0].place.place_id == "story:pier-33"


def test_a_story_description_is_no_place_without_its_pack(gazetteer):
    """'a border river' meant the Tumen in one story; in another text, with no pack, it is not."""
    found = places("India and Pakistan traded fire across a border river in Kashmir.", gazetteer)
    assert not any("river" in mention for mention, _ in found)


def test_the_demonym_capital_is_the_capital(gazetteer):
    found = places("The train left the North Korean capital on Sunday.", gazetteer)
    assert ("the North Korean capital", "Pyongyang") in found


def test_all_caps_dateline(gazetteer):
    assert places("SEOUL, South Korea (AP) — Talks began.", gazetteer)[:2] == [
        ("SEOUL", "Seoul"), ("South Korea", "South Korea")]


def _texts(text, gazetteer):
    return [m.text for m in find_mentions(text, gazetteer)]


def test_a_surname_that_is_also_a_small_town_is_a_person(gazetteer):
    # Welch (West Virginia) and Meredith (New Hampshire) are towns; here they are people
    text = ("Police said Tyrone Welch, 19, was stabbed near Elm Street in Dayton. Doctors said "
            "Welch was stable. Pastor Dan Meredith led the vigil; Meredith noted the crowd.")
    found = _texts(text, gazetteer)
    assert "Welch" not in found and "Meredith" not in found
    assert "Dayton" in found


def test_a_name_followed_by_a_speech_verb_is_a_person_unless_a_country_or_from_somewhere(gazetteer):
    found = _texts("Lee said the plan was sound. Russia said it disagreed. A student from "
                   "Brampton said she agreed.", gazetteer)
    assert "Lee" not in found
    assert "Russia" in found and "Brampton" in found


def test_firms_troops_and_clauses_are_not_small_towns(gazetteer):
    found = _texts("The council owes Stevens & Wilkinson money. Cub Scout Pack 122 collected "
                   "food in Omaha. Tenants used Section 8 vouchers.", gazetteer)
    assert found == ["Omaha"]


def test_issue_example_reads_french_guiana_whole(gazetteer):
    text = ("Tourists board the Alcatraz ferry at Pier 33 on San Francisco's Embarcadero. "
            "India and Pakistan traded fire across a border river in Kashmir. The rocket "
            "lifted off from a space launch centre in French Guiana.")
    resolved = dict(places(text, gazetteer))
    assert resolved.get("French Guiana") == "French Guiana"
    assert "French" not in resolved
    assert resolved.get("San Francisco") == "San Francisco"


def test_a_place_naming_a_public_body_is_a_place(gazetteer):
    found = _texts("The Dayton Public Library opened late. Springfield City Manager Ann Wells "
                   "spoke to the Toledo Historical Society.", gazetteer)
    assert "Dayton" in found and "Toledo" in found and any("Springfield" in f for f in found)
    assert "Ann Wells" not in found and "Wells" not in found


def test_a_sentence_opening_function_word_is_not_part_of_the_name(gazetteer):
    found = _texts("In Columbus, firefighters agreed to a pay freeze. From Toledo came more.",
                   gazetteer)
    assert "Columbus" in found and "Toledo" in found


def test_a_plural_role_before_a_comma_does_not_make_the_next_name_a_person(gazetteer):
    text = "He rode with officers, Mansfield's new patrol program. Mansfield police agreed."
    assert "Mansfield" in _texts(text, gazetteer)
    text = "North Korea's leader, Kim Jong Un, arrived. Later Kim met Putin."
    assert "Kim" not in _texts(text, gazetteer)


def test_a_common_word_that_only_small_towns_are_named_needs_a_preposition_of_place(gazetteer):
    # Superior (Wisconsin) and Bell (California) are small towns; here they are a word and a name
    found = _texts("Superior Court judges met. Bell pulled a gun, police said. The lake freighter "
                   "docked in Superior on Friday.", gazetteer)
    assert found.count("Superior") == 1 and "Bell" not in found
    # a sizeable city named by a common word stays a place wherever it is written
    assert "Buffalo" in _texts("Buffalo schools reopened.", gazetteer)


def test_a_middle_initial_keeps_a_person_s_name_whole(gazetteer):
    text = "Capt. Roy A. Nelson said the music was loud. Nelson said officers responded."
    assert "Nelson" not in _texts(text, gazetteer)


def test_a_word_known_only_as_a_town_s_old_or_foreign_name_needs_a_preposition(gazetteer):
    # "Passover" and "Kristina" are only alternate names of small towns in GeoNames
    found = _texts("Passover traditions spread. Kristina said she was proud.", gazetteer)
    assert found == []


def test_a_place_heading_a_longer_name_is_a_place_but_not_before_a_single_surname(gazetteer):
    found = _texts("Troopers of the Florida Highway Patrol met at Dublin Veterans Park. "
                   "Paris Hilton and the New York Yankees were not there.", gazetteer)
    assert "Florida" in found and "Dublin" in found
    assert "Paris" not in found
    # a team named by its state or city names that place (LGL annotates "Minnesota Twins",
    # "Dallas Cowboys"): a state heading a longer name is read as a place
    assert "New York" in found


def test_a_river_s_bare_name_after_the_is_the_river(gazetteer):
    text = "Barges were stuck on the Rhine for a week. The Danube was too low as well."
    found = dict(places(text, gazetteer))
    assert found.get("Rhine") == "Rhine River"
    assert found.get("Danube") == "Danube River"


def test_a_town_s_old_name_after_the_is_still_no_place(gazetteer):
    # "Passover" is only an old name of some town: "the" makes no feature of it
    assert places("Families gathered for the Passover meal.", gazetteer) == []


def test_a_strait_of_a_name_is_one_mention(gazetteer):
    found = places("Two tankers were seized in the Strait of Hormuz at dawn.", gazetteer)
    assert found == [("Strait of Hormuz", "Strait of Hormuz")]


def test_a_feature_of_a_name_the_gazetteer_lacks_is_one_unresolved_mention(gazetteer):
    found = places("Patrol boats closed the Strait of Tiran to shipping.", gazetteer)
    assert found == [("Strait of Tiran", None)]


# --- recognition quality on news: run heads, hyphens, dotted abbreviations ------------------

@pytest.mark.parametrize("text, expected", [
    # an article, a determiner or a counting word opening a run is not part of the name
    ("A Tacoma woman won the lottery.", ["Tacoma"]),
    ("Several Oregon farms flooded overnight.", ["Oregon"]),
    ("Three Nebraska teams reached the final.", ["Nebraska"]),
    # ... unless the words together are the place's name
    ("Two Rivers opened a new harbour.", ["Two Rivers"]),
])
def test_article_or_counting_word_opening_a_run(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


def test_abbreviated_street_before_a_comma_is_no_title(gazetteer):
    # "St." is a title ("St. Paul") but "Elm St., Tacoma" ends an address
    text = "She lives at 14 Elm St., Tacoma, with her sister."
    assert "Tacoma" in [m.text for m in find_mentions(text, gazetteer)]


@pytest.mark.parametrize("text, expected", [
    ("Sen. Ann Doe, R-Spokane, voted no.", ["Spokane"]),
    ("The bill came from Rep. Joe Roe (D-Tacoma) last week.", ["Tacoma"]),
    ("Peruvian-Chilean trade grew.", ["Peruvian", "Chilean"]),
    ("Fargo-Moorhead schools closed.", ["Fargo", "Moorhead"]),   # two towns the gazetteer holds
    ("The Spokane-Tacoma rivalry grew.", ["Spokane", "Tacoma"]),
    ("The Tacoma-SPU game was cancelled.", ["Tacoma"]),
    # one name that is hyphenated stays whole; a double surname is a person
    ("Flights to Winston-Salem resumed.", ["Winston-Salem"]),
    ("Coach Maria Lopez-Tacoma resigned.", []),
])
def test_hyphens_between_names(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The N.C. Highway Patrol closed the road.", ["N.C."]),
    ("He drove from Ohio to D.C. in a day.", ["Ohio", "D.C."]),
    ("Rep. Mel Watt, D-N.C., objected.", ["N.C."]),
    ("Morgantown, W. Va., is on the river.", ["Morgantown", "W. Va."]),
    # initials of a person already named
    ("The painter Ann Wyeth met N.C. Wyeth in 1910.", []),
])
def test_dotted_state_abbreviations_anywhere(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


# --- people whose names are also towns' names, told by the words around them ------------------

@pytest.mark.parametrize("text", [
    "She drove her daughter Marion to school in the snow.",       # a kin noun before the name
    "They named their second child, Tyler, after his grandfather.",
    "Beckley, 62, has coached the team for a decade.",           # an age between commas
    "\"We will rebuild,\" said Bluefield. \"Soon.\"",              # a speech verb, then the speaker
    "Marion's mother drove up from the coast.",                 # a possessive before a kin noun
    "The Madison administration signed the treaty.",            # a noun of office
    "I pray to God and thank Jesus every morning.",              # deities are no places
])
def test_person_named_like_a_town(gazetteer, text):
    assert find_mentions(text, gazetteer) == []


@pytest.mark.parametrize("text, expected", [
    ("\"The river is rising,\" the governor told Duluth.", ["Duluth"]),   # spoken to, not by
    ("The Czech presidency ended in June.", ["Czech"]),
    ("The US administration protested.", ["US"]),
    ("He said Beckley, and meant the town.", ["Beckley"]),
])
def test_person_contexts_spare_places(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


def test_dateline_before_a_person_name(gazetteer):
    # a capitalised dateline runs into the name after it; the name is still a person's
    text = "OTTAWA Margaret Houston, who wrote the report, retired. Later Houston moved to Halifax."
    assert [m.text for m in find_mentions(text, gazetteer)] == ["OTTAWA", "Halifax"]


# --- demonyms that name a language, landmarks that name an institution -------------------------

@pytest.mark.parametrize("text", [
    "The nurse speaks fluent Portuguese.",
    "The station broadcasts in Polish and Ukrainian.",
    "Night classes in German cost little; Italian lessons cost more.",
    "The new Spanish teacher starts on Monday.",
    "He learned English at night school.",
])
def test_a_demonym_naming_a_language_is_no_place(gazetteer, text):
    assert find_mentions(text, gazetteer) == []


@pytest.mark.parametrize("text, expected", [
    ("Polish farmers blocked the border.", ["Polish"]),
    ("The Italian navy sent a ship.", ["Italian"]),
    ("She sang in Ukrainian villages.", ["Ukrainian"]),
])
def test_a_demonym_before_a_noun_stays_a_place(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The Kremlin denied the report.", []),
    ("A White House aide resigned on Friday.", []),
    ("A Kremlin-backed party won seats.", []),
    ("Protesters gathered outside the Kremlin walls.", ["Kremlin"]),
    ("The medal ceremony was held at the White House.", ["White House"]),
])
def test_a_landmark_named_for_its_institution(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


def test_an_alternate_name_heading_an_institution_is_no_place(gazetteer):
    # "Wilkes" is only a county's bare name: not a place at the head of a library's name, even
    # after a preposition of place (which would make a lone old or foreign name a place)
    assert find_mentions("She read at Wilkes Public Library.", gazetteer) == []
    assert find_mentions("She read at the Wilkes Public Library.", gazetteer) == []


# --- a well-known place ending a body's or an event's name --------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The forecast came from Environment Canada on Sunday.", ["Canada"]),
    ("She told CBC Winnipeg about the storm.", ["Winnipeg"]),
    ("Tickets for Rodeo Spokane sold out.", ["Spokane"]),
    ("Only Nebraska and Iowa voted no.", ["Nebraska", "Iowa"]),
])
def test_a_prominent_place_ending_a_name(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


@pytest.mark.parametrize("text", [
    "The defendant, Maria K. Tyler, waived a hearing.",       # an initial before a surname
    "Coach Bill Chandler resigned.",                          # a title and a given name
    "Many Native Americans live nearby.",                      # a demonym after a word
    "The film Iron Man opened well.",                          # an English word
])
def test_a_surname_or_word_ending_a_name_is_no_place(gazetteer, text):
    assert find_mentions(text, gazetteer) == []


@pytest.mark.parametrize("text, expected", [
    ("Traffic slowed on the Kansas Turnpike.", ["Kansas"]),
    ("The Oregon Legislature adjourned.", ["Oregon"]),
    ("Judging starts at the Pike County Fairgrounds.", ["Pike County"]),
    # a person named like a state, once the surname is known
    ("Nevada Ruiz won. Later Carlos Ruiz said so.", []),
    ("The actress Virginia Holt will star.", []),
])
def test_a_state_or_county_heading_a_longer_name(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Ministers from the EU met in Oslo.", [("EU", "European Union"), ("Oslo", "Oslo")]),
    ("Grain prices fell across the Midwest.", [("Midwest", "Midwest")]),
    ("He grew up in the Soviet Union.", [("Soviet Union", "Soviet Union")]),
    ("Traffic in L.A. was slow.", [("L.A.", "Los Angeles")]),
])
def test_unions_former_states_and_regions(gazetteer, text, expected):
    assert places(text, gazetteer) == expected


@pytest.mark.parametrize("text, expected", [
    ("The deputy Italian foreign minister flew home.", ["Italian"]),   # a role before a demonym
    ("The base tracks Chinese missiles.", ["Chinese"]),                # a country's weapons
    ("The Tomahawk cruise missile was fired.", []),                    # a weapon's own name
])
def test_demonyms_after_a_role_or_before_a_weapon(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The state Department of Labor reported the figures.", []),     # a body's field
    ("She graduated from the College of Law in May.", []),
    ("Nurses at St. Joseph's Hospital went on strike.", []),         # a saint's institution, not the town
    ("St. Petersburg's museums reopened.", ["St. Petersburg"]),      # a city's possessive
    ("The State Duma passed the bill, Xinhua reported.", []),         # a parliament, an agency
    ("Man held after crash near Tacoma.", ["Tacoma"]),                # a headline's first word
])
def test_institutions_and_words_named_like_towns(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


def test_abbreviated_mount_and_fort_keep_their_period(gazetteer):
    found = [m.text for m in find_mentions("The Mt. Vernon band flew to Ft. Lauderdale.", gazetteer)]
    assert found == ["Mt. Vernon", "Ft. Lauderdale"]


def test_a_person_named_like_a_saint_s_town(gazetteer):
    # "St." heads the surname: a speaker, not a title before a name
    text = "\"We keep the records,\" St. Charles said. St. Charles works in Newark."
    assert [m.text for m in find_mentions(text, gazetteer)] == ["Newark"]


@pytest.mark.parametrize("text, expected", [
    ("Marion and Bob Kessler bought the farm.", []),                  # beside a full name
    ("The nurses told Kristina and Beckley to wait.", []),            # beside a given name
    ("Shops in Tacoma and Lindsay reopened.", ["Tacoma", "Lindsay"]),  # a town named like a person
])
def test_a_name_coordinated_with_a_given_name(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Beckley, the finance director, said the budget was tight.", []),   # a role in apposition
    ("Maj. Gen. Ann Beckley toured the base.", []),                       # an abbreviated rank
    ("Tacoma, the state's third-largest city, grew.", ["Tacoma"]),       # no role: a place
])
def test_a_role_in_apposition_or_a_rank(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Beckley's attorney asked for bail.", []),                            # a person's lawyer
    ("Ohio's attorney general sued.", ["Ohio"]),                           # a state's office
    ("A Tacoma mother of two was found safe.", ["Tacoma"]),                # no possessive
])
def test_a_possessive_before_a_personal_noun(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Mich. lawmakers passed the budget.", ["Mich."]),
    ("Truckers avoid the Ill. toll roads.", ["Ill."]),
    ("They celebrated Mass. The priest spoke.", []),     # a sentence's end, not Massachusetts
])
def test_a_one_part_state_abbreviation_before_a_word(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Rain is expected to miss Tacoma.", ["Tacoma"]),                 # "miss" here is a verb
    ("She was crowned Miss Nebraska. Nebraska cheered.", ["Nebraska", "Nebraska"]),  # a pageant
    ("Miss Beckley taught in Omaha.", ["Omaha"]),                      # a title before a surname
])
def test_miss_as_a_verb_a_pageant_and_a_title(gazetteer, text, expected):
    assert [m.text for m in find_mentions(text, gazetteer)] == expected


def test_a_place_before_a_body_s_initials(gazetteer):
    text = "Omaha PD said the report was a rumor; Dallas ISD closed its schools."
    assert [m.text for m in find_mentions(text, gazetteer)] == ["Omaha", "Dallas"]


def test_a_word_list_the_data_file_lacks_is_a_data_error_naming_the_file_and_the_lists():
    with pytest.raises(DataError, match=r"recognition_words\.toml: 'kinfolk' must be a list of words \(lists: .*kin"):
        recognise._words("kinfolk")
    assert "daughter" in recognise.KIN  # the lists themselves load, lower case like tokens' keys


@pytest.mark.parametrize("written", [
    "Dar es Salaam", "Port-au-Prince", "Aix-en-Provence", "Bergen op Zoom", "Sault Ste. Marie",
    "Rio de Janeiro", "Stoke-on-Trent", "Trinidad and Tobago", "Bosnia & Herzegovina",
    "Weston-super-Mare", "Villeneuve-d'Ascq", "Reggio nell'Emilia",
])
def test_a_name_with_lowercase_linking_words_is_read_whole(gazetteer, written):
    # the lower-case article or preposition inside the name does not cut it short
    text = f"A delegation flew to {written} last week."
    assert _texts(text, gazetteer) == [written]


def test_a_capitalised_linking_word_may_end_a_name(gazetteer):
    # "Van" is a linking word only in lower case ("Ludwig van ..."); a town may be named so
    assert "Van" in _texts("Floods hit the city of Van in the east.", gazetteer)


def test_an_english_word_set_in_capitals_at_the_start_is_no_place(gazetteer):
    # a lead that sets its first word in capitals: the capitals say nothing of a name
    assert _texts("HOPE remains for the stranded climbers near Denver.", gazetteer) == ["Denver"]
    assert _texts("GREEN activists marched through Bristol.", gazetteer) == ["Bristol"]


@pytest.mark.parametrize("text, first", [
    ("SPOKANE — Officials said the bridge would reopen.", "SPOKANE"),
    ("CAIRO (AP) — The talks resumed.", "CAIRO"),
    ("BOSTON: crews worked overnight.", "BOSTON"),
])
def test_a_dateline_in_capitals_stays_a_place(gazetteer, text, first):
    assert _texts(text, gazetteer)[:1] == [first]


def test_a_demonym_before_a_land_noun_is_a_local_name_not_the_nation(gazetteer):
    # "French Creek", "Dutch Harbor": local places named after a people, not France or the Netherlands
    found = places("Volunteers cleaned up French Creek while boats waited at Swedish Point.", gazetteer)
    assert ("French", "France") not in found and ("Swedish", "Sweden") not in found
    assert places("Swedish officials arrived.", gazetteer) == [("Swedish", "Sweden")]


def test_a_large_place_known_by_another_form_of_its_name_is_read(gazetteer):
    # the gazetteer names the city "Castelló de la Plana" and holds "Castellon" only as another
    # name: news writes the short Spanish form, also where no preposition comes before it
    assert places("Castellon's harbour reopened on Friday.", gazetteer) == [
        ("Castellon", "Castelló de la Plana")]


@pytest.mark.parametrize("text", [
    "Rioters threw Molotov cocktails at the police.",
    "The cleric Muqtada al-Sadr spoke on Friday.",
])
def test_another_name_of_a_large_place_still_needs_to_stand_as_a_name(gazetteer, text):
    assert _texts(text, gazetteer) == []
