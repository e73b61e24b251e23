"""A small story built by hand for the map tests: three documents, places, routes, meetings, claims.

Coordinates are rounded public values (GeoNames, OpenStreetMap) for the test's own use; the map
code reads nothing of them but what the Story carries.
"""

from __future__ import annotations

from geo.model import (
    Analysis,
    Check,
    DistanceClaim,
    Document,
    Meeting,
    Mention,
    Place,
    Quantity,
    Route,
    Story,
    Waypoint,
)

PLACES = {
    "pyongyang": Place("t:pyongyang", "Pyongyang", "capital", "KP", 39.0339, 125.7543, 3_222_000),
    "vladivostok": Place("t:vladivostok", "Vladivostok", "city", "RU", 43.1056, 131.8735, 604_901),
    "khasan": Place("t:khasan", "Khasan", "station", "RU", 42.4297, 130.6447),
    "tumangang": Place("t:tumangang", "Tumangang", "station", "KP", 42.4167, 130.6333),
    "vostochny": Place("t:vostochny", "Vostochny Cosmodrome", "spaceport", "RU", 51.8844, 128.3336),
    "hanoi": Place("t:hanoi", "Hanoi", "capital", "VN", 21.0245, 105.8412, 8_053_663),
    "dong-dang": Place("t:dong-dang", "Dong Dang", "city", "VN", 21.9411, 106.7053),
    "moscow": Place("t:moscow", "Moscow", "capital", "RU", 55.7522, 37.6156, 10_381_222),
    "russia": Place("country:RU", "Russia", "country", "RU", 61.98, 96.69),
    "north-korea": Place("country:KP", "North Korea", "country", "KP", 40.15, 127.19),
    "primorsky": Place("t:primorsky", "Primorsky Krai", "admin1", "RU", 45.0, 134.0),
}

TEXTS = (
    "Kim Jong Un left Pyongyang, officials said <script>alert(1)</script>, on his armoured "
    "train. The train crossed from Tumangang to Khasan in Russia. It reached Vladivostok, about "
    "950 kilometres (600 miles) north of Pyongyang.",
    "The leaders met at the Vostochny Cosmodrome in Russia's Far East, far from Moscow. "
    "Mr. Kim had travelled from Pyongyang via Khasan. North Korea called it a success.",
    "In 2019 the train went from Pyongyang to Dong Dang, then by road to Hanoi. "
    "Vladivostok lies 100 km from Khasan. Primorsky Krai welcomed him.",
)


def _mentions(text: str, names: list[tuple[str, str]]) -> tuple[Mention, ...]:
    found = []
    for written, key in names:
        start = text.index(written)
        found.append(Mention(written, start, start + len(written), PLACES[key], 0.9))
    return tuple(found)


def _claim(document: Document, mentions, subject: str, anchor: str, km: float, unit: str = "km"):
    subject_mention = next(m for m in mentions if m.text == subject)
    anchor_mention = next(m for m in mentions if m.text == anchor)
    sentence_start = document.text.rfind(".", 0, subject_mention.start) + 1
    sentence_end = document.text.index(".", subject_mention.end) + 1
    return DistanceClaim(
        document=document.path,
        sentence=document.text[sentence_start:sentence_end].strip(),
        sentence_start=sentence_start,
        subject=subject_mention,
        anchor=anchor_mention,
        stated=(Quantity(unit, value=km, text=f"{km} {unit}"),),
        hedge="about",
    )


def _check(claim: DistanceClaim, actual_km: float, verdict: str) -> Check:
    stated = claim.stated[0].km
    return Check(
        claim=claim, stated_km=stated, actual_km=actual_km, bearing_deg=45.0, route_km=None,
        route_id="", error_km=stated - actual_km, error_pct=100 * (stated - actual_km) / actual_km,
        tolerance_km=50.0, tolerance="test", distance_verdict=verdict, direction_verdict="correct",
        unit_verdict="single unit", matches="straight line", explanation="A test explanation.",
    )


def _waypoints(*keys: str) -> tuple[Waypoint, ...]:
    return tuple(Waypoint(PLACES[k].name, PLACES[k].lat, PLACES[k].lon, PLACES[k].place_id) for k in keys)


ROUTES = (
    Route("train-2023", "2023 train: Pyongyang to Vladivostok", "rail",
          _waypoints("pyongyang", "tumangang", "khasan", "vladivostok"), "2023-09-10/2023-09-12",
          "travelled", 1177.0, "test publication", "test source",
          (("Pyongyang", "Khasan", 850.0, "test"),)),
    Route("train-2019", "2019 train: Pyongyang to Hanoi", "rail",
          _waypoints("pyongyang", "dong-dang", "hanoi"), "2019-02-23/2019-02-26", "travelled",
          None, "", "test source"),
    Route("moscow-flight", "Possible flight to Moscow", "flight",
          _waypoints("vladivostok", "moscow"), "", "possible", None, "", "test source"),
)

MEETINGS = (
    Meeting("kim-putin-2023", "Kim–Putin summit", "2023-09-13", ("Kim Jong Un", "Vladimir Putin"),
            "Vostochny Cosmodrome", 51.8844, 128.3336, "held", "t:vostochny", "test"),
    Meeting("putin-lukashenko-2022", "Putin–Lukashenko meeting", "2022-04-12",
            ("Vladimir Putin", "Alexander Lukashenko"), "Vostochny Cosmodrome", 51.8844, 128.3336,
            "held", "t:vostochny", "test"),
    Meeting("kim-trump-2019", "Kim–Trump summit", "2019-02-27/2019-02-28",
            ("Kim Jong Un", "Donald Trump"), "Hanoi", 21.0245, 105.8412, "held", "t:hanoi", "test"),
)


def small_story() -> Story:
    """Three documents naming the places above, two checked claims, three routes, three meetings."""
    names = (
        [("Pyongyang", "pyongyang"), ("Tumangang", "tumangang"), ("Khasan", "khasan"),
         ("Russia", "russia"), ("Vladivostok", "vladivostok")],
        [("Vostochny Cosmodrome", "vostochny"), ("Moscow", "moscow"), ("Pyongyang", "pyongyang"),
         ("Khasan", "khasan"), ("North Korea", "north-korea")],
        [("Pyongyang", "pyongyang"), ("Dong Dang", "dong-dang"), ("Hanoi", "hanoi"),
         ("Vladivostok", "vladivostok"), ("Khasan", "khasan"), ("Primorsky Krai", "primorsky")],
    )
    analyses = []
    for number, (text, doc_names) in enumerate(zip(TEXTS, names)):
        document = Document(f"doc{number}.txt", text, f"Title {number}", f"Outlet {number}", "2023-09-05")
        mentions = _mentions(text, doc_names)
        checks = ()
        if number == 0:
            claim = _claim(document, mentions, "Vladivostok", "Pyongyang", 950.0)
            checks = (_check(claim, 676.0, "inaccurate"),)
        elif number == 2:
            claim = _claim(document, mentions, "Vladivostok", "Khasan", 100.0)
            checks = (_check(claim, 104.0, "accurate"),)
        analyses.append(Analysis(document, mentions, checks))
    return Story(tuple(analyses), ROUTES, MEETINGS)
