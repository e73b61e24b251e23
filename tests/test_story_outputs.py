"""A Story in a notebook (short repr, HTML summary, GeoDataFrames) and the data layers that
`geo map -o` writes beside a map (GeoJSON, GeoPackage)."""

import json
import subprocess
import sys

import geopandas as gpd
import pyogrio
import pytest

import geo
from geo.batch import CLAIM_COLUMNS, MENTION_COLUMNS, analyse_partition, plan_partitions
from geo.model import Document

HOSTILE = "<img src=x onerror=alert(1)>"
TEXT = ("Hue is about 100 km north of Da Nang, officials in Hanoi said. "
        f"The road to Da Nang {HOSTILE} was closed.")


@pytest.fixture(scope="module")
def story(gazetteer):
    return geo.analyse([Document("/home/someone/private/hue.txt", TEXT, title=f"Roads {HOSTILE}")], gazetteer)


def test_repr_is_one_short_line_of_counts(story):
    text = repr(story)
    assert text.startswith("<Story: 1 article, ") and "1 distance claim" in text
    assert "\n" not in text and TEXT not in text and len(text) < 200


def test_html_summary_escapes_article_text_and_carries_the_map(story):
    page = story._repr_html_()
    assert HOSTILE not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "hue.txt" in page and "/home/someone" not in page
    assert "<iframe" in page  # folium's map, its page escaped into the frame


def test_geodataframes_are_the_batch_tables(story, tmp_path):
    mentions, claims = story.to_geodataframe("mentions"), story.to_geodataframe("claims")
    assert isinstance(mentions, gpd.GeoDataFrame) and mentions.crs == "EPSG:4326"
    assert list(mentions.columns) == [*MENTION_COLUMNS, "geometry"]
    assert list(claims.columns) == [*CLAIM_COLUMNS, "geometry"]
    assert set(mentions["name"]) >= {"Huế", "Da Nang", "Hanoi"}
    hue = mentions[mentions["name"] == "Huế"].iloc[0]
    assert (hue.geometry.x, hue.geometry.y) == (hue["lon"], hue["lat"])  # (lon, lat) in shapely
    # the same rows the batch writes for the same article
    (tmp_path / "hue.txt").write_text(TEXT, encoding="utf-8")
    batch_mentions, batch_claims, _, _ = analyse_partition(plan_partitions([str(tmp_path)])[0])
    assert list(batch_mentions["name"]) == list(mentions["name"])
    assert list(batch_claims["actual_km"]) == list(claims["actual_km"])
    with pytest.raises(ValueError, match="'mentions' and 'claims'"):
        story.to_geodataframe("places")


def test_geo_map_writes_geojson_and_geopackage_beside_the_picture(tmp_path):
    article = tmp_path / "hue.txt"
    article.write_text(TEXT, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "geo", "map", str(article), "-o", str(tmp_path / "m.png")],
                          capture_output=True, text=True, check=True)
    assert done.stdout.split() == [str(tmp_path / f"m{s}") for s in (".png", ".geojson", ".gpkg")]
    collection = json.loads((tmp_path / "m.geojson").read_text(encoding="utf-8"))
    layers = {f["properties"]["layer"] for f in collection["features"]}
    assert layers == {"places", "claims"}
    assert str(tmp_path) not in (tmp_path / "m.geojson").read_text(encoding="utf-8")
    tables = {name for name, _ in pyogrio.list_layers(tmp_path / "m.gpkg")}
    assert tables == {"places", "mentions", "claims"}  # no routes in this story: no empty table
    mentions = gpd.read_file(tmp_path / "m.gpkg", layer="mentions")
    assert set(mentions["path"]) == {"hue.txt"} and mentions.crs == "EPSG:4326"
