"""Article text and a reader's place names are data in every output, never template source.

Regression: folium/branca rendered each map element's script, then compiled that output as a
new Jinja template and rendered it again, so ``{{ 7*7 }}`` in an article became ``49`` in the
saved map, ``{{ lipsum.__globals__.os... }}`` ran Python in the process drawing the map (the CLI,
the dashboard's server), and ``{% raw %}`` made ``geo map`` crash with a TemplateSyntaxError.
Every output here is made from a story whose article and corrected place name carry Jinja
syntax (and a matplotlib maths string), and must show it literally.
"""

from __future__ import annotations

import csv
import html
import io
import json
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from geo.corrections import Correction, apply_corrections, save_corrections
from geo.documents import document_from_bytes
from geo.downloads import downloads
from geo.maps.interactive import save_html, story_map
from geo.maps.static import static_figure
from geo.story import analyse

# Each payload creates a folder named after it in the working directory if it is ever evaluated.
TITLE = "Title{{ 6*7 }}Here {% raw %}"
SENTENCE = ("Marker{{ 7*7 }}End {# note {% raw %} {{ lipsum.__globals__.os.mkdir(dict(geo_pwned_text=1)|first) }}"
            " $\\geo$ Hue is about 100 km north of Da Nang.")
ARTICLE = f"{TITLE}\n\n{SENTENCE}\n"
PLACE_NAME = "Corr{{ 8*8 }}Place {% endraw %}{# {{ cycler.__init__.__globals__.os.mkdir(dict(geo_pwned_name=1)|first) }} $\\geo$"
EVALUATED = ("Title42Here", "Marker49End", "Corr64Place")
LITERALS = ("Marker{{ 7*7 }}End", "{{ lipsum.__globals__.os.mkdir(dict(geo_pwned_text=1)|first) }}",
            "Corr{{ 8*8 }}Place", "{% endraw %}{#", "$\\geo$")


@pytest.fixture(autouse=True)
def in_a_scratch_folder(tmp_path, monkeypatch):
    """Run in an empty folder: an evaluated payload would leave a folder there."""
    monkeypatch.chdir(tmp_path)
    yield
    assert not list(tmp_path.glob("geo_pwned*")), "article text was run as code"


@pytest.fixture(scope="module")
def document():
    return document_from_bytes("hostile.txt", ARTICLE.encode("utf-8"))


def _correction(story) -> Correction:
    analysis = story.analyses[0]
    mention = next(m for m in analysis.mentions if m.text == "Da Nang")
    return Correction.for_mention(analysis.document, mention, lat=16.07, lon=108.22, name=PLACE_NAME)


@pytest.fixture(scope="module")
def story(document, gazetteer):
    plain = analyse([document], gazetteer)
    return apply_corrections(plain, [_correction(plain)], gazetteer)


def test_the_story_carries_the_payloads(story):
    """The rest of the test is only meaningful if the text reaches a claim and a place."""
    (check,) = story.checks
    assert "Marker{{ 7*7 }}End" in check.claim.sentence
    assert check.claim.anchor.place.name == PLACE_NAME


def _script_strings(page: str) -> str:
    """Every JSON string literal of a page's scripts, decoded, then HTML-unescaped."""
    found = []
    for literal in re.findall(r'"(?:[^"\\\n]|\\.)*"', page):
        try:
            value = json.loads(literal)
        except ValueError:
            continue
        found.append(html.unescape(value))
    return "\n".join(found)


def _assert_literal(text: str, literals=LITERALS) -> None:
    for literal in literals:
        assert literal in text, f"{literal!r} not shown as written"
    for evaluated in EVALUATED:
        assert evaluated not in text


def _assert_map_page(page: str) -> None:
    _assert_literal(_script_strings(page))
    for evaluated in EVALUATED:
        assert evaluated not in page
    # nothing in the page's scripts could be read as template syntax again
    scripts = "".join(re.findall(r"<script>(.*?)</script>", page, re.S)[1:])  # [0] is Leaflet
    assert not re.search(r"\{\{|\{%|\{#", scripts)


def test_saved_map_shows_the_text_literally(story, gazetteer, tmp_path):
    page = save_html(story_map(story, gazetteer, title=TITLE), tmp_path / "map.html").read_text(encoding="utf-8")
    _assert_map_page(page)
    assert "<title>Title{{ 6*7 }}Here {% raw %}</title>" in page


def test_dashboard_map_rendered_pickled_and_rendered_again(story, gazetteer):
    """The dashboard renders the map once, caches it pickled, and renders copies of it."""
    folium_map = story_map(story, gazetteer)
    first = folium_map.get_root().render()
    copy = pickle.loads(pickle.dumps(folium_map))
    _assert_map_page(first)
    _assert_map_page(copy.get_root().render())


def test_dashboard_live_map_script(story, gazetteer):
    """streamlit-folium builds the live map's script from each element's macro."""
    from streamlit_folium import generate_leaflet_string

    folium_map = story_map(story, gazetteer)
    folium_map.get_root().render()
    script = generate_leaflet_string(pickle.loads(pickle.dumps(folium_map)))
    _assert_literal(_script_strings(script), LITERALS)


def test_every_download_shows_the_text_literally(story, gazetteer):
    offered = {d.key: d for d in downloads(story, gazetteer)}
    _assert_map_page(offered["map-html"].make().decode("utf-8"))

    report_html = offered["report-html"].make().decode("utf-8")
    _assert_literal(html.unescape(report_html))

    markdown = offered["report-md"].make().decode("utf-8")
    _assert_literal(re.sub(r"\\(.)", r"\1", markdown))

    report = json.dumps(json.loads(offered["report-json"].make()), ensure_ascii=False)
    _assert_literal(json.loads(json.dumps(report)).replace("\\\\", "\\"))

    rows = list(csv.reader(io.StringIO(offered["report-csv"].make().decode("utf-8"))))
    _assert_literal("\n".join(cell for row in rows for cell in row))

    places = json.loads(offered["places-geojson"].make())
    names = [f["properties"]["name"] for f in places["features"]]
    assert PLACE_NAME in names and not any(e in n for n in names for e in EVALUATED)

    assert offered["map-svg"].make().lstrip().startswith((b"<?xml", b"<svg"))


def test_static_map_draws_names_as_written(story, gazetteer, tmp_path):
    """A "$...$" is not matplotlib maths (an unknown command there stops the drawing)."""
    from matplotlib.text import Text

    figure = static_figure(story, title=TITLE, subtitle=SENTENCE, gazetteer=gazetteer, dpi=72)
    figure.savefig(tmp_path / "map.png", dpi=72)
    texts = [t for t in figure.findobj(Text) if t.get_text()]
    drawn = "\n".join(t.get_text() for t in texts)
    assert TITLE in drawn and "$\\geo$" in drawn
    assert not any(t.get_parse_math() for t in texts if "$" in t.get_text())


def test_cli_map_with_a_hostile_article_and_correction(story, tmp_path, monkeypatch):
    """`geo map` and `geo report` from the command line, with the correction saved on disk."""
    folder = tmp_path / "user"
    monkeypatch.setenv("GEO_DATA_DIR", str(folder))
    save_corrections([_correction(story)], folder / "corrections.json")
    article = tmp_path / "hostile.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    for output in ("map.html", "report.html"):
        command = "map" if output.startswith("map") else "report"
        run = subprocess.run([sys.executable, "-m", "geo.cli", command, str(article), "-o", output],
                             capture_output=True, text=True, timeout=300, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        assert "Traceback" not in run.stderr
        page = Path(tmp_path / output).read_text(encoding="utf-8")
        if command == "map":
            _assert_map_page(page)
        else:
            _assert_literal(html.unescape(page))


@pytest.mark.parametrize("value", [
    "</script><script>alert(1)</script>", "{{ 7*7 }}", "{% raw %}", "{#", "a\u2028b'c&d",
    {"popup": "<b>{{x}}</b>", "n": [1, 2.5, None, True]}, "100% #1 {x}",
])
def test_js_value_is_json_with_no_markup_or_template_syntax(value):
    from geo.maps.elements import js_value

    literal = js_value(value)
    assert json.loads(literal) == value
    assert not re.search(r"[<>&'\u2028\u2029]|\{\{|\{%|\{#", literal)


def test_verbatim_survives_pickling_as_text():
    from geo.maps.elements import Verbatim

    part = pickle.loads(pickle.dumps(Verbatim("{{ 7*7 }} {% raw %}")))
    assert part.render() == "{{ 7*7 }} {% raw %}"
