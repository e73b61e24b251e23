"""geo.downloads: every file offered is made on demand, non-empty, of the type its name says."""

import csv
import io
import json

import pytest

from geo.downloads import MIME_TYPES, downloads
from geo.story import analyse


@pytest.fixture(scope="module")
def offered(gazetteer):
    return {d.key: d for d in downloads(analyse(gazetteer=gazetteer), gazetteer, stem="kim")}


def test_every_format_is_offered_with_its_mime_type(offered):
    assert set(offered) == {"report-html", "report-md", "report-json", "report-csv", "map-png", "map-svg",
                            "map-pdf", "map-html", "places-geojson", "routes-geojson"}
    for download in offered.values():
        assert download.file_name.startswith("kim-")
        assert download.mime == MIME_TYPES["." + download.file_name.rsplit(".", 1)[1]]


def test_reports_and_geojson_hold_the_story(offered):
    report = json.loads(offered["report-json"].make())
    assert len(report["claims"]) == 3  # two distances and the two-day train trip into Vietnam
    rows = list(csv.DictReader(io.StringIO(offered["report-csv"].make().decode("utf-8"))))
    assert [r["distance_verdict"] for r in rows] == ["accurate", "unverifiable", "accurate"]
    assert offered["report-html"].make().startswith(b"<!DOCTYPE html>") or b"<html" in offered["report-html"].make()[:500]
    assert b"Vladivostok" in offered["report-md"].make()
    places = json.loads(offered["places-geojson"].make())
    assert places["type"] == "FeatureCollection" and any(f["properties"]["name"] == "Vladivostok"
                                                         for f in places["features"])
    routes = json.loads(offered["routes-geojson"].make())
    assert {f["geometry"]["type"] for f in routes["features"]} == {"LineString"}


def test_the_print_map_is_an_image(offered):
    assert offered["map-svg"].make().lstrip().startswith((b"<?xml", b"<svg"))
