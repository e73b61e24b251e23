"""`geo claims`: the JSON keys of ../shared/DESIGN.md, standard input, bad inputs, the bundled story."""

import io
import json
import sys

import pytest

from geo.cli import main

CLAIM_KEYS = [
    "document", "sentence", "subject", "anchor", "stated", "stated_km", "hedge", "direction", "mode",
    "actual_km", "bearing_deg", "route_km", "distance_verdict", "direction_verdict", "unit_verdict",
    "explanation",
]  # fmt: skip
NEW_KEYS = ["time_verdict", "travel", "search_area", "candidates"]  # added after the design's keys
END_KEYS = ["text", "place_id", "name", "lat", "lon"]

SENTENCE = "Busan lies some 325 km (200 miles) south-east of Seoul."


def run_claims(capsys, *argv) -> tuple[int, str, str]:
    code = main(["claims", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(f"The leaders met in Seoul. {SENTENCE}\n", encoding="utf-8")
    return path


def test_json_keys_are_exactly_the_design(capsys, article):
    code, out, err = run_claims(capsys, "--json", str(article))
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert list(result) == ["claims"]
    (claim,) = result["claims"]
    assert list(claim) == CLAIM_KEYS + NEW_KEYS
    assert (claim["time_verdict"], claim["travel"], claim["search_area"], claim["candidates"]) == (None, None, None, [])
    assert list(claim["subject"]) == END_KEYS and list(claim["anchor"]) == END_KEYS
    assert [list(q) for q in claim["stated"]] == [["value", "unit"], ["value", "unit"]]
    assert claim["document"] == str(article)
    assert claim["sentence"] == SENTENCE
    assert (claim["subject"]["name"], claim["anchor"]["name"]) == ("Busan", "Seoul")
    assert claim["stated"] == [{"value": 325, "unit": "km"}, {"value": 200, "unit": "mi"}]
    assert claim["distance_verdict"] == "accurate" and claim["unit_verdict"] == "consistent"
    assert claim["direction_verdict"] == "correct"
    assert "Seoul (37." in claim["explanation"]


def test_range_is_low_high_unit(capsys, tmp_path):
    path = tmp_path / "range.txt"
    path.write_text("Incheon is 20 to 30 km west of Seoul.", encoding="utf-8")
    code, out, _ = run_claims(capsys, "--json", str(path))
    (claim,) = json.loads(out)["claims"]
    assert claim["stated"] == [{"low": 20, "high": 30, "unit": "km"}]


def test_stdin_reads_a_pasted_sentence(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SENTENCE.encode("utf-8"))))
    code, out, err = run_claims(capsys, "--json", "-")
    assert (code, err) == (0, "")
    (claim,) = json.loads(out)["claims"]
    assert claim["document"] == "-"


def test_bad_inputs_are_reported_and_the_rest_still_checked(capsys, tmp_path, article):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    missing = tmp_path / "missing.txt"
    folder = tmp_path / "folder"
    folder.mkdir()
    inputs = [str(p) for p in (missing, empty, article, binary, folder)]
    code, out, err = run_claims(capsys, "--json", *inputs)
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 4
    for bad, line in zip((missing, empty, binary, folder), lines):
        assert line.startswith("geo: ") and str(bad) in line
    assert len(json.loads(out)["claims"]) == 1  # the good article between the bad ones


def test_readable_table(capsys, article):
    code, out, _ = run_claims(capsys, str(article))
    assert code == 0
    header, rule, row = out.splitlines()[:3]
    assert set(rule.replace(" ", "")) == {"-"}
    assert header.split()[:3] == ["#", "Claim", "Stated"]
    assert "Busan from Seoul" in row and "accurate" in row and "consistent" in row
    assert "south-east (bearing" in out


def test_no_claims_says_so(capsys, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("The leaders met in Seoul on Monday.", encoding="utf-8")
    code, out, _ = run_claims(capsys, str(path))
    assert code == 0 and "No distance claims" in out
    code, out, _ = run_claims(capsys, "--json", str(path))
    assert json.loads(out) == {"claims": []}


def test_absurd_figure_is_unverifiable_not_a_crash(capsys, tmp_path):
    path = tmp_path / "absurd.txt"
    path.write_text("Busan is 10^308 km from Seoul. Busan is 1e308 km south of Seoul.", encoding="utf-8")
    code, out, _ = run_claims(capsys, "--json", str(path))
    assert code == 0
    assert all(c["distance_verdict"] == "unverifiable" for c in json.loads(out)["claims"])


# --- the bundled story, end to end ---------------------------------------------------------


@pytest.fixture(scope="module")
def bundled_claims():
    from geo.records import claim_record
    from geo.story import analyse

    return [claim_record(check) for check in analyse().checks]


def _claim(claims, subject, anchor):
    found = [c for c in claims if c["subject"]["name"] == subject and c["anchor"]["name"] == anchor]
    assert len(found) == 1, [(c["subject"]["name"], c["anchor"]["name"]) for c in claims]
    return found[0]


def test_bundled_vostochny_claim(bundled_claims):
    claim = _claim(bundled_claims, "Vostochny Cosmodrome", "Vladivostok")
    assert claim["actual_km"] == pytest.approx(1010, rel=0.01)
    assert claim["stated"] == [{"value": 950, "unit": "km"}, {"value": 600, "unit": "mi"}]
    assert claim["distance_verdict"] == "accurate"  # 6 % short, inside the 10 % "about" allows
    assert "(6%) short, inside what the wording allows: 'about 950 km' allows ±10%" in claim["explanation"]
    assert claim["unit_verdict"] == "consistent"


def test_bundled_ap_claim(bundled_claims):
    claim = _claim(bundled_claims, "Vladivostok", "Pyongyang")
    assert claim["actual_km"] == pytest.approx(685, rel=0.01)
    assert claim["stated"] == [{"value": 425, "unit": "mi"}, {"value": 680, "unit": "km"}]
    assert claim["bearing_deg"] == pytest.approx(47, abs=1)
    assert claim["direction"] == "N"
    assert claim["direction_verdict"] == "approximate"
    assert "north-east (bearing 47°)" in claim["explanation"]
    assert claim["distance_verdict"] == "accurate"
    assert claim["unit_verdict"] == "consistent"


# --- claims that cannot be placed, travel times, "where could it be" -------------------------


def test_unplaced_ends_and_travel_times_are_listed_with_honest_verdicts(capsys):
    from unplaced_story import ARTICLE

    code, out, err = run_claims(capsys, "--json", str(ARTICLE))
    assert (code, err) == (0, "")
    town, drive, reserve = json.loads(out)["claims"]
    for claim in (town, drive, reserve):
        assert list(claim) == CLAIM_KEYS + NEW_KEYS
    assert town["subject"] == {"text": "A town", "place_id": None, "name": None, "lat": None, "lon": None}
    assert town["distance_verdict"] == "unverifiable" and town["actual_km"] is None
    assert "the subject 'A town' is not named" in town["explanation"]
    assert town["search_area"]["noun"] == "town" and town["search_area"]["centre_deg"] == 135.0
    assert town["candidates"], "a place lies in the ring and sector south-east of Bukavu"
    first = town["candidates"][0]
    assert list(first) == ["place_id", "name", "kind", "country", "lat", "lon", "distance_km", "bearing_deg", "score"]
    area = town["search_area"]
    assert area["min_km"] <= first["distance_km"] <= area["max_km"]
    assert abs((first["bearing_deg"] - area["centre_deg"] + 180) % 360 - 180) <= area["half_width_deg"]
    assert drive["stated"] == [{"value": 4, "unit": "h"}] and drive["time_verdict"] == "plausible"
    assert drive["distance_verdict"] == "unverifiable" and drive["travel"]["route_factor"] == 1.3
    assert "travel time, not a distance" in drive["explanation"]
    assert reserve["candidates"] == [] and "is not named" in reserve["explanation"]

    code, out, _ = run_claims(capsys, str(ARTICLE))
    header, _, *rows = out.splitlines()
    assert "Verdict" in header.split()
    assert "A town from Bukavu" in rows[0] and "unverifiable" in rows[0]
    assert "plausible" in rows[1]
    assert "Where could it be?" in " ".join(out.split())  # the explanation, wrapped
