"""Tests of geo.evaluate and `geo evaluate`: every metric checked against a hand computation.

The corpus tests/data/tiny_corpus.xml is hand-made (see tests/data/README.md). Its gold points
lie on the equator, where the WGS84 geodesic between two points is a * Δλ (a = 6378.137 km), so
each error below is known in closed form without calling the code under test.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from geo.cli import main
from geo.errors import InputError
from geo.evaluate import (
    MAX_ERROR_KM,
    Evaluation,
    accuracy_within,
    auc_log_error,
    evaluation_record,
    match_spans,
    precision_recall_f1,
    read_corpus,
    score_document,
    summarise,
)
from geo.model import Mention, Place

TINY = Path(__file__).parent / "data" / "tiny_corpus.xml"
KM_PER_EQUATOR_DEGREE = 6378.137 * math.pi / 180  # WGS84 semi-major axis times 1 degree, km


def _mention(text: str, body: str, lat=None, lon=None) -> Mention:
    """A mention of the first ``body`` in ``text``, on a point (degrees) or unresolved."""
    start = text.index(body)
    place = None
    if lat is not None:
        place = Place(place_id=f"test:{body}", name=body, kind="city", country="", lat=lat, lon=lon)
    return Mention(text=body, start=start, end=start + len(body), place=place)


@pytest.fixture(scope="module")
def corpus():
    return {d.doc_id: d for d in read_corpus(TINY)}


@pytest.fixture(scope="module")
def predictions(corpus):
    """Fixed predictions for the tiny corpus, independent of the recogniser."""
    d1, d2, d3 = corpus["d1"].text, corpus["d2"].text, corpus["d3"].text
    return {
        "d1": [
            _mention(d1, "Quito", 0.0, -78.5),  # exact point: 0 km
            _mention(d1, "Ecuador", 0.0, -77.25),  # 1 degree east: 111.3 km
            _mention(d1, "Monday"),  # spurious; Macapá is missed
        ],
        "d2": [
            _mention(d2, "Kampala, Uganda", 0.0, 34.5),  # one span over Kampala (7) and Uganda (6)
            _mention(d2, "Victoria", 1.0, 1.0),  # inside "Lake Victoria", which has no gold point
            _mention(d2, "Entebbe"),  # matched but unresolved: MAX_ERROR_KM
            _mention(d2, "Nairobi", -1.28, 36.82),  # spurious
        ],
        "d3": [
            _mention(d3, "Libreville", 0.0, 99.5),  # 90 degrees east: a * pi / 2
            _mention(d3, "São Tomé", 0.0, 6.75),  # gold offsets are 2 characters off; 0 km
            _mention(d3, "New"),  # second prediction over "New York": spurious
            _mention(d3, "New York", 40.7143, -74.006),  # the same point: 0 km
        ],
        "d4": [],
    }


def test_reads_every_article_and_toponym(corpus):
    assert list(corpus) == ["d1", "d2", "d3", "d4"]
    assert [len(d.toponyms) for d in corpus.values()] == [3, 4, 3, 0]
    lake = corpus["d2"].toponyms[2]
    assert (lake.phrase, lake.has_coordinates, lake.feature) == ("Lake Victoria", False, "")
    assert corpus["d1"].toponyms[1].feature == "A.PCLI"
    assert corpus["d1"].toponyms[0].lat == 0.0 and corpus["d1"].toponyms[0].lon == -78.5
    assert corpus["d1"].title == "Floods on the equator"


def test_offsets_off_by_a_few_characters_are_realigned_to_the_phrase(corpus):
    text = corpus["d3"].text
    sao_tome = corpus["d3"].toponyms[1]
    assert (sao_tome.start, sao_tome.end) == (36, 44)  # the file says 34..42
    assert text[sao_tome.start : sao_tome.end] == "São Tomé"
    assert all(d.text[t.start : t.end] == t.phrase for d in corpus.values() for t in d.toponyms)


def test_overlapping_spans_match_one_to_one_by_longest_overlap():
    # gold "Kampala" 0..7 and "Uganda" 9..15; one prediction 0..15 takes the longer overlap
    assert match_spans([(0, 7), (9, 15)], [(0, 15)]) == [(0, 0)]
    # two predictions over gold "New York" 57..65: "New York" (8) beats "New" (3)
    assert match_spans([(57, 65)], [(57, 60), (57, 65)]) == [(0, 1)]
    # touching is not overlapping (end is exclusive); a partial overlap is
    assert match_spans([(0, 5)], [(5, 9)]) == []
    assert match_spans([(24, 37)], [(29, 37)]) == [(0, 0)]
    # a chain: p0 overlaps g0 by 3 and g1 by 2; p1 overlaps g1 by 4: both gold spans match
    assert match_spans([(0, 5), (6, 10)], [(2, 8), (6, 10)]) == [(0, 0), (1, 1)]
    # equal overlaps: the earlier gold span wins
    assert match_spans([(0, 4), (5, 9)], [(2, 7)]) == [(0, 0)]


def test_document_score_splits_matches_misses_and_spurious(corpus, predictions):
    score = score_document(corpus["d2"], predictions["d2"])
    assert [(g.phrase, m.text) for g, m in score.matches] == [
        ("Kampala", "Kampala, Uganda"),
        ("Lake Victoria", "Victoria"),
        ("Entebbe", "Entebbe"),
    ]
    assert [t.phrase for t in score.missed] == ["Uganda"]
    assert [m.text for m in score.spurious] == ["Nairobi"]


def test_every_metric_equals_the_hand_computation(corpus, predictions):
    scores = summarise([score_document(corpus[d], predictions[d]) for d in corpus])

    # Detection: gold 3 + 4 + 3 + 0 = 10; predicted 3 + 4 + 4 + 0 = 11; matched: Quito, Ecuador;
    # Kampala, Lake Victoria, Entebbe; Libreville, São Tomé, New York = 8.
    assert (scores.documents, scores.gold, scores.predicted, scores.matched) == (4, 10, 11, 8)
    assert scores.gold_with_coordinates == 9
    assert scores.precision == pytest.approx(8 / 11)
    assert scores.recall == pytest.approx(8 / 10)
    assert scores.f1 == pytest.approx(2 * 8 / (11 + 10))
    assert dict(scores.missed) == {"Macapá": 1, "Uganda": 1}
    assert dict(scores.spurious) == {"Monday": 1, "Nairobi": 1, "New": 1}

    # Resolution: the 7 matched toponyms with gold points (Lake Victoria has none).
    degree = KM_PER_EQUATOR_DEGREE
    expected = {
        "Quito": 0.0,
        "Ecuador": 1 * degree,
        "Kampala": 2 * degree,  # predicted at 34.5 E, gold 32.5 E
        "Entebbe": MAX_ERROR_KM,  # unresolved
        "Libreville": 90 * degree,
        "São Tomé": 0.0,
        "New York": 0.0,
    }
    errors = {r.gold.phrase: r.error_km for r in scores.resolutions}
    assert errors == pytest.approx(expected, abs=1e-6)
    assert scores.unresolved == 1

    values = list(expected.values())
    assert scores.accuracy_161 == pytest.approx(4 / 7)  # 0, 111.3, 0, 0 km
    assert scores.mean_error_km == pytest.approx(sum(values) / 7)
    assert scores.median_error_km == pytest.approx(degree)  # 0 0 0 [111.3] 222.6 10018.8 20039

    # AUC: sorted errors, y = ln(1 + e), trapezoids of unit width, over ln(20039) * (n - 1).
    y = [math.log(1 + e) for e in sorted(values)]
    area = sum((y[i] + y[i + 1]) / 2 for i in range(6))
    assert scores.auc == pytest.approx(area / (math.log(20039) * 6))


def test_metric_functions_at_their_edges():
    assert precision_recall_f1(0, 0, 0) == (0.0, 0.0, 0.0)
    assert precision_recall_f1(3, 4, 6) == pytest.approx((0.75, 0.5, 0.6))
    assert accuracy_within([161.0, 161.5]) == 0.5  # 161 km itself counts as within
    assert accuracy_within([]) == 0.0
    assert auc_log_error([]) == 0.0
    assert auc_log_error([0.0, 0.0, 0.0]) == 0.0
    assert auc_log_error([MAX_ERROR_KM] * 4) == pytest.approx(math.log(20040) / math.log(20039))
    assert auc_log_error([99.0]) == pytest.approx(math.log(100) / math.log(20039))
    assert auc_log_error([5.0, 0.0]) == auc_log_error([0.0, 5.0])  # order does not matter


def test_record_keeps_the_figures_and_lists_the_worst(corpus, predictions):
    scores = summarise([score_document(corpus[d], predictions[d]) for d in corpus])
    evaluation = Evaluation(
        corpus="lgl", path=str(TINY), scores=scores, pipeline_seconds=2.0,
        pipeline_cpu_seconds=1.0, gazetteer_seconds=0.5, peak_rss_mib=100.0,
    )  # fmt: skip
    record = evaluation_record(evaluation, worst=2)
    assert record["documents_per_second"] == 2.0  # 4 documents in 2 s
    assert record["documents_per_cpu_second"] == 4.0
    assert record["f1"] == round(16 / 21, 4)
    # the largest errors of resolved mentions; the unresolved one is listed apart
    assert [w["phrase"] for w in record["worst_errors"]] == ["Libreville", "Kampala"]
    assert record["worst_errors"][0]["error_km"] == round(90 * KM_PER_EQUATOR_DEGREE, 1)
    assert record["worst_errors"][1]["predicted"]["lon"] == 34.5
    assert record["most_unresolved"] == [{"text": "Entebbe", "count": 1}]
    assert record["most_missed"] == [
        {"phrase": "Macapá", "count": 1},
        {"phrase": "Uganda", "count": 1},
    ]
    json.dumps(record)


@pytest.mark.parametrize(
    "content, problem",
    [(None, "no such corpus file"), ("<articles><art", "not readable"), ("<a/>", "no <article>")],
)
def test_unreadable_corpora_raise_one_line(tmp_path, content, problem):
    path = tmp_path / "corpus.xml"
    if content is not None:
        path.write_text(content)
    with pytest.raises(InputError, match=problem) as raised:
        read_corpus(path)
    assert "\n" not in str(raised.value) and str(path) in str(raised.value)


def test_cli_missing_file_gives_one_line_and_exit_1(tmp_path, capsys):
    missing = tmp_path / "lgl.xml"
    assert main(["evaluate", "lgl", str(missing)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and str(missing) in err and err.startswith("geo: ")
    assert main(["evaluate", "lgl", str(TINY), "--worst", "-1"]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_cli_runs_the_pipeline_end_to_end(capsys):
    assert main(["evaluate", "trnews", str(TINY), "--json", "--worst", "3"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["corpus"], record["documents"], record["gold_toponyms"]) == ("trnews", 4, 10)
    assert 0 <= record["matched"] <= min(record["predicted"], 10)
    assert 0.0 <= record["f1"] <= 1.0 and 0.0 <= record["auc"] <= 1.0
    assert record["documents_per_second"] > 0 and record["peak_rss_mib"] > 0
    assert len(record["worst_errors"]) <= 3

    assert main(["evaluate", "lgl", str(TINY), "--limit", "2"]) == 0
    table = capsys.readouterr().out
    assert "precision" in table and "accuracy within 161 km" in table
    assert re.search(r"^documents +2$", table, re.MULTILINE)
