"""Distance claims: which sentences state that one place lies some distance from another.

Most tests use sentences of our own making with hand-placed mentions (``mentions_of``), so
they test the claim grammar alone; the last ones run the real recogniser and resolver on the
bundled story.
"""

import random
import re
from dataclasses import dataclass

import pytest

from geo.model import Document, Mention, Place
from geo.text.claims import extract_claims, split_sentences

# Place kinds for the names the sentences below use; every other capitalised word is no place.
KINDS = {
    "Ardent": "city", "Belmont": "city", "Corvale": "city", "Dunmore": "city",
    "Eastport": "port", "Fenwick Base": "base", "Glenrock": "country", "Harlow": "city",
    "Isola": "island", "Juniper Station": "station", "Kestrel": "capital",
}  # fmt: skip


def place(name: str) -> Place:
    return Place(place_id=f"test:{name.lower().replace(' ', '-')}", name=name, kind=KINDS[name],
                 country="", lat=0.0, lon=0.0)


def mentions_of(text: str, unresolved: tuple[str, ...] = ()) -> list[Mention]:
    """A mention at every occurrence of a KINDS name, resolved to a hand-made place (or not)."""
    found = []
    for name in KINDS:
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            resolved = None if name in unresolved else place(name)
            found.append(Mention(name, match.start(), match.end(), resolved, 0.9))
    return sorted(found, key=lambda m: m.start)


def claims_in(text: str, unresolved: tuple[str, ...] = ()):
    return extract_claims(Document(path="test.txt", text=text), mentions_of(text, unresolved))


@dataclass(frozen=True)
class Expect:
    subject: str  # the subject's place name
    anchor: str
    stated: tuple  # (value, unit) or (low, high, unit) per figure
    hedge: str = ""
    direction: str = ""
    mode: str = ""


def summary(claim) -> Expect:
    stated = tuple((q.low, q.high, q.unit) if q.is_range else (q.value, q.unit) for q in claim.stated)
    return Expect(claim.subject.place.name, claim.anchor.place.name, stated, claim.hedge, claim.direction, claim.mode)


def one(text):
    claims = claims_in(text)
    assert len(claims) == 1, [summary(c) for c in claims]
    return claims[0]


UNITS_AND_NUMBERS = [
    ("Ardent is 30 km from Belmont.", Expect("Ardent", "Belmont", ((30, "km"),))),
    ("Ardent is 30 kms from Belmont.", Expect("Ardent", "Belmont", ((30, "km"),))),
    ("Ardent is 30 kilometres from Belmont.", Expect("Ardent", "Belmont", ((30, "km"),))),
    ("Ardent is 30 kilometers from Belmont.", Expect("Ardent", "Belmont", ((30, "km"),))),
    ("Ardent is 18 miles from Belmont.", Expect("Ardent", "Belmont", ((18, "mi"),))),
    ("Ardent is 18 mi from Belmont.", Expect("Ardent", "Belmont", ((18, "mi"),))),
    ("Isola lies 40 nautical miles from Eastport.", Expect("Isola", "Eastport", ((40, "nmi"),))),
    ("Isola lies 40 NM from Eastport.", Expect("Isola", "Eastport", ((40, "nmi"),))),
    ("Ardent is 1,180 km from Belmont.", Expect("Ardent", "Belmont", ((1180, "km"),))),
    ("Ardent is 2.5 km from Belmont.", Expect("Ardent", "Belmont", ((2.5, "km"),))),
    ("Ardent is two miles from Belmont.", Expect("Ardent", "Belmont", ((2, "mi"),))),
    ("Ardent is a dozen kilometres from Belmont.", Expect("Ardent", "Belmont", ((12, "km"),))),
    ("Ardent is one and a half miles from Belmont.", Expect("Ardent", "Belmont", ((1.5, "mi"),))),
    ("Ardent is half a mile from Belmont.", Expect("Ardent", "Belmont", ((0.5, "mi"),))),
    ("Ardent is a mile from Belmont.", Expect("Ardent", "Belmont", ((1, "mi"),))),
    ("Ardent is 950 kilometres (600 miles) from Belmont.", Expect("Ardent", "Belmont", ((950, "km"), (600, "mi")))),
    ("Ardent is 425 miles (680 km) from Belmont.", Expect("Ardent", "Belmont", ((425, "mi"), (680, "km")))),
    ("Ardent is 600 miles/950 km from Belmont.", Expect("Ardent", "Belmont", ((600, "mi"), (950, "km")))),
    ("Ardent is 950 km, or 600 miles, from Belmont.", Expect("Ardent", "Belmont", ((950, "km"), (600, "mi")))),
    ("Ardent is 20 to 30 km from Belmont.", Expect("Ardent", "Belmont", ((20, 30, "km"),))),
    ("Ardent is 50-60 km from Belmont.", Expect("Ardent", "Belmont", ((50, 60, "km"),))),
    ("Ardent is between 20 and 30 km from Belmont.", Expect("Ardent", "Belmont", ((20, 30, "km"),))),
    ("Ardent is 20-30km from Belmont.", Expect("Ardent", "Belmont", ((20, 30, "km"),))),
    ("Ardent is two to three miles from Belmont.", Expect("Ardent", "Belmont", ((2, 3, "mi"),))),
]  # fmt: skip


@pytest.mark.parametrize("text, expected", UNITS_AND_NUMBERS, ids=[t for t, _ in UNITS_AND_NUMBERS])
def test_units_numbers_and_ranges(text, expected):
    assert summary(one(text)) == expected


HEDGES = [
    "about", "some", "roughly", "around", "approximately", "nearly", "almost", "more than", "over",
    "less than", "under", "just under", "just over", "only", "up to", "at least", "close to",
    "an estimated",
]  # fmt: skip


@pytest.mark.parametrize("hedge", HEDGES)
def test_hedges(hedge):
    claim = one(f"Ardent lies {hedge} 40 km from Belmont.")
    assert claim.hedge == hedge
    assert summary(claim).stated == ((40, "km"),)


def test_hedge_after_the_figure():
    assert one("Ardent lies 40 km or so from Belmont.").hedge == "about"


DIRECTIONS = [
    ("north of", "N"), ("North of", "N"), ("north-east of", "NE"), ("northeast of", "NE"),
    ("north east of", "NE"), ("south-west of", "SW"), ("southwest of", "SW"), ("due east of", "due E"),
    ("NNW of", "NNW"), ("ENE of", "ENE"), ("north-northwest of", "NNW"), ("to the north of", "N"),
    ("to the south-east of", "SE"), ("west from", "W"), ("from", ""), ("away from", ""),
    ("outside", ""), ("inland from", ""), ("up the coast from", ""),
]  # fmt: skip


@pytest.mark.parametrize("words, direction", DIRECTIONS)
def test_directions_and_relations(words, direction):
    claim = one(f"Ardent is 30 km {words} Belmont.")
    assert claim.direction == direction
    assert (claim.subject.place.name, claim.anchor.place.name) == ("Ardent", "Belmont")


MODES = [
    ("Ardent is 30 km from Belmont by road.", "road"),
    ("Ardent is 30 km by road from Belmont.", "road"),
    ("Ardent is 900 km from Belmont by rail.", "rail"),
    ("By train, Ardent is 900 km from Belmont.", "rail"),
    ("Ardent is 30 km from Belmont as the crow flies.", "straight"),
    ("Ardent is 30 km, as the crow flies, from Belmont.", "straight"),
    ("Ardent is 30 km from Belmont in a straight line.", "straight"),
    ("Ardent is a 40 km drive from Belmont.", "road"),
    ("Ardent is a 40-km drive from Belmont.", "road"),
    ("Ardent lies 2,000 km from Belmont by air.", "flight"),
    ("The 1,900 km flight from Belmont to Ardent was cancelled.", "flight"),
    ("The president flew 1,900 km from Belmont to Ardent.", "flight"),
    ("The leader's train travelled 1,100 km by rail from Belmont to Ardent.", "rail"),
    ("Isola is 40 nautical miles from Eastport by boat.", "sea"),
    ("Ardent is 30 km from Belmont.", ""),
]  # fmt: skip


@pytest.mark.parametrize("text, mode", MODES, ids=[t for t, _ in MODES])
def test_modes(text, mode):
    assert one(text).mode == mode


def test_a_travel_time_is_a_claim_in_hours():
    (claim,) = claims_in("Ardent is a three-hour drive from Belmont.")
    assert claim.stated[0].is_time and claim.stated[0].hours == 3
    assert (claim.subject.text, claim.anchor.text, claim.mode) == ("Ardent", "Belmont", "road")


SUBJECTS = [
    # a place joined to the figure by a copula, a locative verb, a relative clause or apposition
    ("Ardent lies 30 km north of Belmont.", "Ardent", "Belmont"),
    ("Ardent is located about 30 km north of Belmont.", "Ardent", "Belmont"),
    ("Ardent, which sits 30 km north of Belmont, flooded.", "Ardent", "Belmont"),
    ("Ardent, situated 30 km north of Belmont, flooded.", "Ardent", "Belmont"),
    ("Fighting reached Ardent, 30 km north of Belmont, on Monday.", "Ardent", "Belmont"),
    ("The town of Ardent, some 30 km from Belmont, was evacuated.", "Ardent", "Belmont"),
    ("Ardent, a farming town 30 km north of Belmont, flooded.", "Ardent", "Belmont"),
    ("Ardent, the capital of Glenrock, is 80 km from Belmont.", "Ardent", "Belmont"),
    ("Ardent (population 5,000) is 80 km from Belmont.", "Ardent", "Belmont"),
    ("Ardent sits on the river, 400 km north of Belmont.", "Ardent", "Belmont"),
    ("Ardent, a Glenrock town just a mile from Belmont, was hit.", "Ardent", "Belmont"),
    ("Ardent is at a distance of 80 km from Belmont.", "Ardent", "Belmont"),
    ("A journey of 1,000 km from Ardent to Belmont lies ahead.", "Belmont", "Ardent"),
    ("Police said Ardent is 30 km from Belmont.", "Ardent", "Belmont"),
    ("Ardent is 30 km from the city of Belmont.", "Ardent", "Belmont"),
    ("Ardent is 30 km from Glenrock's capital, Kestrel.", "Ardent", "Kestrel"),
    # the anchor first: inversions and fronted figures
    ("Some 40 km south of Belmont lies Ardent.", "Ardent", "Belmont"),
    ("Some 40 km south of Belmont lies the town of Ardent.", "Ardent", "Belmont"),
    ("Located 30 km from Belmont, Ardent is a market town.", "Ardent", "Belmont"),
    ("Just 30 km from Belmont, the village of Ardent has no road.", "Ardent", "Belmont"),
    # a direction first, the figure after the anchor
    ("Ardent is due east of Belmont, 30 km away.", "Ardent", "Belmont"),
    # two places, one figure
    ("Ardent and Belmont are 12 miles apart.", "Ardent", "Belmont"),
    ("The distance between Ardent and Belmont is about 40 km.", "Belmont", "Ardent"),
    ("The distance from Ardent to Belmont is 40 km.", "Belmont", "Ardent"),
    ("It is 25 km from Ardent to Belmont.", "Belmont", "Ardent"),
    ("The 1,000 km journey from Ardent to Belmont is a hard one.", "Belmont", "Ardent"),
    ("The train travelled 1,100 km from Ardent to Belmont.", "Belmont", "Ardent"),
]  # fmt: skip


@pytest.mark.parametrize("text, subject, anchor", SUBJECTS, ids=[t for t, _, _ in SUBJECTS])
def test_subject_and_anchor(text, subject, anchor):
    claim = one(text)
    assert (claim.subject.place.name, claim.anchor.place.name) == (subject, anchor)
    assert text[claim.subject.start : claim.subject.end] == claim.subject.text
    assert text[claim.anchor.start : claim.anchor.end] == claim.anchor.text


def test_a_journey_with_its_length_and_its_days_gives_two_claims():
    found = claims_in("The 1,000 km journey from Ardent to Belmont takes two days.")
    assert [(c.subject.text, c.anchor.text, c.stated[0].unit) for c in found] == [
        ("Belmont", "Ardent", "km"), ("Belmont", "Ardent", "d")]


DESCRIBED = [
    # (text, words of the subject as written, referent)
    ("Rescuers reached the eastern city of Ardent. The city is about 200 miles (320 km) west of Belmont.",
     "The city", "Ardent"),
    ("Fenwick Base, a secret missile site, opened in 1990. About 60 km east of Belmont lies the site.",
     "the site", "Fenwick Base"),
    ("Fenwick Base opened in 1990. The base is 60 km east of Belmont.", "The base", "Fenwick Base"),
    ("Talks moved to Harlow. The town lies 30 km north of Belmont.", "The town", "Harlow"),
    ("Juniper Station was rebuilt. The station is 5 km from Belmont.", "The station", "Juniper Station"),
    ("Ardent was shelled on Monday. It lies 30 km north of Belmont.", "It", "Ardent"),
    ("In Glenrock, Ardent was shelled. It lies 30 km north of Belmont.", "It", "Ardent"),
    ("Harlow is a quiet port city, officials said the city is 30 km from Belmont.", "the city", "Harlow"),
]  # fmt: skip


@pytest.mark.parametrize("text, words, referent", DESCRIBED, ids=[t[-45:] for t, _, _ in DESCRIBED])
def test_description_and_pronoun_subjects(text, words, referent):
    claim = one(text)
    assert claim.subject.text == words
    assert text[claim.subject.start : claim.subject.end] == words
    assert claim.subject.place.name == referent
    assert 0 < claim.subject.confidence < 0.9  # lower than the referent's own


def test_description_prefers_the_place_described_with_that_noun():
    text = "Ardent, a space launch centre, is busy, and Harlow is calm. The centre is 80 km from Belmont."
    assert one(text).subject.place.name == "Ardent"


def test_description_without_referent_is_an_unresolved_subject():
    (claim,) = claims_in("The quarry is 30 km from Belmont.")
    assert (claim.subject.text, claim.subject.place, claim.subject_kind) == ("The quarry", None, "quarry")
    (claim,) = claims_in("The city is 30 km from Belmont.")  # no earlier city to refer to
    assert claim.subject.place is None and claim.anchor.place.name == "Belmont"


def test_description_does_not_reach_across_paragraphs():
    (claim,) = claims_in("Talks moved to Harlow.\n\nThe town lies 30 km north of Belmont.")
    assert (claim.subject.text, claim.subject.place, claim.direction) == ("The town", None, "N")


def test_description_anchor_is_never_the_subject_itself():
    assert claims_in("Harlow grew. Harlow is 30 km from the city.") == []


def test_description_anchor():
    claim = one("Kestrel is the capital of Glenrock. Ardent is 30 km north of the capital.")
    assert (claim.subject.place.name, claim.anchor.place.name, claim.anchor.text) == ("Ardent", "Kestrel", "the capital")


TWO_CLAIMS = [
    ("Ardent is 30 km from Belmont and 50 km from Corvale.",
     [("Ardent", "Belmont", 30), ("Ardent", "Corvale", 50)]),
    ("Ardent lies 30 km north of Belmont, and 60 km south of Corvale.",
     [("Ardent", "Belmont", 30), ("Ardent", "Corvale", 60)]),
    ("Ardent lies 30 km north of Belmont, while Corvale is 45 km south of Dunmore.",
     [("Ardent", "Belmont", 30), ("Corvale", "Dunmore", 45)]),
    ("Ardent is 30 km from Belmont; Harlow is 12 miles from Corvale.",
     [("Ardent", "Belmont", 30), ("Harlow", "Corvale", 12)]),
]  # fmt: skip


@pytest.mark.parametrize("text, expected", TWO_CLAIMS, ids=[t for t, _ in TWO_CLAIMS])
def test_two_claims_in_one_sentence(text, expected):
    claims = claims_in(text)
    found = [(c.subject.place.name, c.anchor.place.name, c.stated[0].value) for c in claims]
    assert found == expected
    assert claims[0].sentence == claims[1].sentence == text


LOOK_ALIKES = [
    # weapon ranges and other "<noun> of N km"
    "Missiles with a range of 1,500 km could reach Belmont from Ardent.",
    "Ardent's rockets have a range of 300 km from Belmont.",
    "The radar in Ardent has a radius of 400 km around Belmont.",
    # zones
    "Troops were deployed within 50 km of Belmont.",
    "Ardent lies within a 30 km radius of Belmont.",
    # altitudes, depths, heights
    "The satellite passed over Ardent at an altitude of 400 km.",
    "Ardent sits 10 km deep inside Belmont.",
    "The quake struck Belmont at a depth of 10 km.",
    "A cloud rose 12 km above Ardent.",
    # lengths of borders, roads, runs, rivers
    "The 17-km border between Ardent and Belmont is closed.",
    "A 40-km road links Ardent with Belmont.",
    "A 40 km road links Ardent with Belmont.",
    "Runners in Ardent finished a 3 km run near Belmont.",
    "The river runs 300 km from Ardent.",
    "The bridge at Ardent is 2 km long.",
    # event positions
    "An earthquake struck 30 km off the coast of Belmont.",
    "A plane crashed 30 km from Belmont.",
    "Shells landed 5 km from Ardent, Belmont officials said.",
    # journeys without their two ends
    "Kim travelled 2,000 km to reach Belmont.",
    "From Ardent the convoy drove 300 km.",
    # lengths of lines between two places
    "The pipeline runs 1,224 km from Ardent to Belmont.",
    "The road stretches for 300 km from Ardent to Belmont.",
    # areas, speeds, comparisons
    "Ardent covers 500 square kilometres near Belmont.",
    "Ardent covers 500 km2 north of Belmont.",
    "Trains from Ardent run at 90 km/h to Belmont.",
    "Ardent is 30 km closer to Belmont than Corvale is.",
    # no unit: times, durations, dates, counts
    "At 7 p.m. the train left Ardent for Belmont.",
    "Ardent has been 17 months without power, Belmont says.",
    "For three years Ardent and Belmont argued.",
    "On September 10-13 Ardent hosts Belmont.",
    "Route 66 runs from Ardent to Belmont.",
    # vague amounts
    "Ardent is a few miles from Belmont.",
    "Ardent is hundreds of kilometres from Belmont.",
    # one place only, or none
    "Ardent is 30 km from Ardent.",
    "Prices rose 30 km from here.",
]  # fmt: skip


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_are_not_claims(text):
    assert claims_in(text) == []


UNRESOLVED_ENDS = [
    # a part of a place as anchor: a claim, its anchor the words as written, unplaced
    ("Ardent is 30 km from the border with Belmont.", "Ardent", "the border", None),
    ("Ardent is 55 km from the Glenrock border.", "Ardent", "the Glenrock border", None),
    ("Ardent lies 160 km off the coast of Glenrock.", "Ardent", "the coast of Glenrock", None),
    # an unstated anchor ("away"): a claim all the same
    ("Ardent is 30 km away.", "Ardent", "", None),
    # descriptions nobody names
    ("The camp is 30 km from the front line.", "The camp", "the front line", None),
    ("It is 30 km to the nearest hospital.", "It", "the nearest hospital", None),
    # a place right before its figure, no link word
    ("Fighters crossed into Ardent 2 km from Belmont.", "Ardent", "Belmont", "Belmont"),
]  # fmt: skip


@pytest.mark.parametrize("text, subject, anchor, anchor_place", UNRESOLVED_ENDS, ids=[t[0] for t in UNRESOLVED_ENDS])
def test_claims_with_unplaced_ends(text, subject, anchor, anchor_place):
    (claim,) = claims_in(text)
    assert (claim.subject.text, claim.anchor.text) == (subject, anchor)
    assert (claim.anchor.place.name if claim.anchor.place else None) == anchor_place


BAD_SENTENCES = [
    "",
    "   \n\n  ",
    "30 km.",
    "Ardent is 1e308 km from Belmont.",
    "Ardent is 10^308 km from Belmont.",
    "Ardent is " + "9" * 400 + " km from Belmont.",
    "Ardent is 1" + "0" * 5000 + " km from Belmont.",
    "Ardent is NaN km from Belmont.",
    "Ardent is inf km from Belmont.",
    "Ardent is -30 km from Belmont.",
    "km km km miles from from north of of Belmont Ardent.",
    "Ardent is 30 km from Belmont" + " and 30 km from Belmont" * 200 + ".",
    "\x00\ufffd Ardent \u202e is 30 km from Belmont \U0001f680.",
]  # fmt: skip


@pytest.mark.parametrize("text", BAD_SENTENCES, ids=range(len(BAD_SENTENCES)))
def test_bad_sentences_never_crash(text):
    for claim in claims_in(text):
        assert all(q.km >= 0 for q in claim.stated)
        assert text[claim.sentence_start :].startswith(claim.sentence)


FUZZ_SLOTS = (
    ("Ardent", "The city", "It", "Ardent, a town", "The distance between Ardent and Corvale", "Some"),
    ("is", "lies", ",", "and Belmont are", "which sits", ""),
    ("about", "just under", "more than", "between 20 and", "", "within", "a range of"),
    ("30", "1,180", "2.5", "two", "a dozen", "1e308", "9" * 400, "20-"),
    ("km", "miles", "NM", "kilometres (600 miles)", "km/h", "square km", ""),
    ("north of", "due east of", "NNW of", "from", "away", "apart", "by road from", "deep", "long"),
    ("Belmont", "the capital", "the border with Belmont", "Belmont's border", "Belmont to Dunmore", ""),
    (".", " as the crow flies.", "; Harlow is 5 km from Dunmore.", ", 20 km away.", ""),
)  # fmt: skip


def test_random_sentences_never_crash():
    rng = random.Random(20230911)
    found = 0
    for _ in range(400):
        words = [rng.choice(slot) for slot in FUZZ_SLOTS]
        if rng.random() < 0.5:  # damage the sentence: drop, repeat or swap words
            i, j = rng.randrange(len(words)), rng.randrange(len(words))
            words[i], words[j] = words[j], rng.choice((words[i], "", words[i] + " " + words[i]))
        text = "Kestrel is the capital. " + " ".join(words)
        for claim in claims_in(text):
            found += 1
            assert text[claim.sentence_start : claim.sentence_start + len(claim.sentence)] == claim.sentence
            for mention in (claim.subject, claim.anchor):
                assert text[mention.start : mention.end] == mention.text
            assert claim.stated and all(q.unit in ("km", "mi", "nmi") for q in claim.stated)
    assert found > 50  # the grammar is exercised, not only the rejections


def test_absurd_but_finite_figure_is_left_to_the_checker():
    claim = one("Ardent is 1,000,000,000 km from Belmont.")
    assert claim.stated[0].km == 1e9  # the checker marks figures beyond any distance on Earth


def test_unresolved_places_still_make_claims():
    claim = claims_in("Ardent is 30 km from Belmont.", unresolved=("Belmont",))[0]
    assert claim.anchor.text == "Belmont" and claim.anchor.place is None


def test_mentions_with_bad_offsets_are_ignored():
    text = "Ardent is 30 km from Belmont."
    mentions = mentions_of(text) + [Mention("Ghost", 500, 505, None, 0.5), Mention("Bad", 10, 5, None, 0.5)]
    assert len(extract_claims(Document(path="x", text=text), mentions)) == 1


def test_nested_mentions_use_the_outer_one():
    text = "Ardent is 30 km from Fenwick Base."
    mentions = mentions_of(text) + [Mention("Fenwick", 21, 28, None, 0.5)]
    (claim,) = extract_claims(Document(path="x", text=text), mentions)
    assert claim.anchor.text == "Fenwick Base"


def test_claim_records_document_and_sentence_offsets():
    text = "Ardent was quiet. Officials said Ardent is 30 km from Belmont. Nothing else."
    (claim,) = extract_claims(Document(path="a/b.txt", text=text), mentions_of(text))
    assert claim.document == "a/b.txt"
    assert claim.sentence == "Officials said Ardent is 30 km from Belmont."
    assert text[claim.sentence_start : claim.sentence_start + len(claim.sentence)] == claim.sentence


def test_long_text_is_fast():
    text = "Ardent is 30 km from Belmont. The weather was fine and nobody came. " * 2000
    assert len(claims_in(text)) == 2000


# --- sentences -------------------------------------------------------------------------------

SENTENCES = [
    ("Mr. Smith went to Ardent. He left.", ["Mr. Smith went to Ardent.", "He left."]),
    ("The U.S. Navy sailed. It returned.", ["The U.S. Navy sailed.", "It returned."]),
    ("They met on St. Mark's Square. Then they left.", ["They met on St. Mark's Square.", "Then they left."]),
    ("It left at 7 a.m. Monday. It arrived.", ["It left at 7 a.m. Monday.", "It arrived."]),
    ("John F. Kennedy spoke. Crowds cheered!", ["John F. Kennedy spoke.", "Crowds cheered!"]),
    ("Gen. Lee won. Did he? Yes.", ["Gen. Lee won.", "Did he?", "Yes."]),
    ("Ardent is 30 km. Belmont is 40 km.", ["Ardent is 30 km.", "Belmont is 40 km."]),
    ("He said “it is far.” Then he left.", ["He said “it is far.”", "Then he left."]),
    ("Pier No. 5 is old. It is 2.5 km long.", ["Pier No. 5 is old.", "It is 2.5 km long."]),
    ("A headline\n\nA first paragraph. A second sentence.",
     ["A headline", "A first paragraph.", "A second sentence."]),
    ("A title line\nThe body starts here.", ["A title line", "The body starts here."]),
    ("A hard-wrapped line that ends in the middle of\na sentence goes on.",
     ["A hard-wrapped line that ends in the middle of\na sentence goes on."]),
    ("", []),
]  # fmt: skip


@pytest.mark.parametrize("text, expected", SENTENCES, ids=[t[:30] for t, _ in SENTENCES])
def test_split_sentences_keeps_offsets(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected


# --- the bundled story through the real recogniser and resolver ------------------------------


@pytest.fixture(scope="module")
def story_claims(bundled, story_gazetteer):
    from geo.resolve import resolve_mentions
    from geo.text.recognise import find_mentions

    gazetteer = story_gazetteer  # the bundled story is read with its pack
    found = {}
    for document in bundled:
        mentions = resolve_mentions(document.text, find_mentions(document.text, gazetteer), gazetteer)
        found[document.path] = (document, extract_claims(document, mentions))
    return found


def _claims_of(story_claims, prefix):
    (key,) = [k for k in story_claims if k.split("/")[-1].startswith(prefix)]
    return story_claims[key]


def test_story_vostochny_is_north_of_vladivostok(story_claims):
    document, claims = _claims_of(story_claims, "000_")
    claim, train = claims
    assert claim.sentence.startswith("About 950 kilometres (600 miles) north of Vladivostok lies the centre")
    assert claim.subject.text == "the centre"
    assert document.text[claim.subject.start : claim.subject.end] == "the centre"
    assert claim.subject.place.name == "Vostochny Cosmodrome"
    assert claim.anchor.place.name == "Vladivostok"
    assert [(q.value, q.unit) for q in claim.stated] == [(950, "km"), (600, "mi")]
    assert (claim.hedge, claim.direction, claim.mode) == ("about", "N", "")
    # "Mr. Kim took a two-day trip in an armoured train from Pyongyang via China and over the
    # tropical border into Vietnam": a travel time in days, the journey's destination after its way
    assert (train.subject.text, train.anchor.text) == ("Vietnam", "Pyongyang")
    assert [(q.value, q.unit) for q in train.stated] == [(2, "d")]


def test_story_vladivostok_is_north_of_pyongyang(story_claims):
    document, claims = _claims_of(story_claims, "004_")
    (claim,) = claims
    assert claim.sentence.startswith("The city is about 425 miles (680 kilometers) north of Pyongyang")
    assert claim.subject.text == "The city"
    assert claim.subject.place.name == "Vladivostok"
    assert claim.anchor.place.name == "Pyongyang"
    assert [(q.value, q.unit) for q in claim.stated] == [(425, "mi"), (680, "km")]
    assert (claim.hedge, claim.direction, claim.mode) == ("about", "N", "")


def test_story_has_no_other_claims(story_claims):
    counts = {path.split("/")[-1][:4]: len(claims) for path, (_, claims) in story_claims.items()}
    assert counts == {"000_": 2, "001_": 0, "002_": 0, "003_": 0, "004_": 1}


def test_an_open_travel_time_is_checked_without_crashing():
    """'less than an hour' leaves the implied speed open above; the check must still explain it."""
    from geo.check import check_claim

    (claim,) = claims_in("Ardent is less than an hour from Belmont by train.")
    place_a = Place("test:a", "Ardent", "city", "", 0.0, 0.0)
    place_b = Place("test:b", "Belmont", "city", "", 0.0, 0.5)
    from dataclasses import replace

    claim = replace(claim, subject=replace(claim.subject, place=place_a), anchor=replace(claim.anchor, place=place_b))
    check = check_claim(claim, ())
    assert "at least" in check.explanation
