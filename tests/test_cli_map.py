"""`geo map`: interactive and print maps from the command line, and its one-line errors."""

import json

import pytest
from PIL import Image

from geo.cli import main

ARTICLE = "The leaders met in Seoul. Busan lies some 325 km (200 miles) south-east of Seoul.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run_map(capsys, *argv) -> tuple[int, str, str]:
    code = main(["map", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_html_map_of_an_article(capsys, article, tmp_path):
    output = tmp_path / "map.html"
    code, out, err = run_map(capsys, str(article), "-o", str(output), "--title", "Seoul <and> Busan")
    assert (code, err) == (0, "")
    assert out.split() == [str(output), str(output.with_suffix(".geojson")), str(output.with_suffix(".gpkg"))]
    page = output.read_text(encoding="utf-8")
    assert "L.map(" in page and "Busan" in page
    assert "<title>Seoul &lt;and&gt; Busan</title>" in page and "<and>" not in page


def test_print_map_of_one_claim(capsys, article, tmp_path):
    output = tmp_path / "claim.png"
    code, _, err = run_map(capsys, str(article), "-o", str(output), "--extent", "claim:1", "--dpi", "150")
    assert (code, err) == (0, "")
    with Image.open(output) as image:
        assert image.info["dpi"][0] == pytest.approx(150, abs=0.5)


def test_own_routes_replace_the_bundled_ones(capsys, article, tmp_path):
    routes = tmp_path / "routes.geojson"
    routes.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [[126.98, 37.57], [127.38, 36.35], [129.04, 35.18]]},
        "properties": {"id": "ktx", "name": "KTX Seoul to Busan", "mode": "rail", "source": "test"},
    }]}), encoding="utf-8")
    output = tmp_path / "map.html"
    code, _, err = run_map(capsys, str(article), "-o", str(output), "--routes", str(routes),
                           "--extent", "route:ktx")
    assert (code, err) == (0, "")
    page = output.read_text(encoding="utf-8")
    assert "KTX Seoul to Busan" in page and "armoured train" not in page


@pytest.mark.parametrize("argv, message", [
    (["-o", "map.jpg"], "map.jpg: write the map as .html or .png, .svg, .pdf"),
    (["-o", "map.png", "--web-tiles"], "--web-tiles: only for .html maps"),
    (["-o", "map.png", "--dpi", "10"], "--dpi 10: use 72 to 1200 dots per inch"),
])
def test_bad_options_are_one_line_errors(capsys, tmp_path, argv, message):
    argv = [str(tmp_path / a) if a.startswith("map.") else a for a in argv]
    code, out, err = run_map(capsys, *argv)
    assert code == 1 and out == ""
    assert err.startswith("geo: ") and message in err and err.count("\n") == 1
