"""geo.report: every format written, HTML escaped and self-contained, Markdown and tables complete.

The story is built by hand (two articles, one of them carrying a <script> in its title and in the
quoted sentence) and checked by the real geo.check, so the report shows real verdicts.
"""

import csv
import io
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from geo.batch import claim_row
from geo.check import check_claim
from geo.errors import InputError
from geo.model import Analysis, DistanceClaim, Document, Mention, Place, Quantity, Story
from geo.records import claim_record
from geo.report import FORMATS, render_csv, render_html, render_json, render_markdown, write_report
from geo.report.content import quote_segments, summary
from geo.report.tables import CSV_COLUMNS
from geo.report.thumbnail import claim_map_svg

SCRIPT = '<script>alert("pwned")</script>'

HARBOUR = Place("t:harbour", "Harbourton", "city", "RU", 43.1, 131.9, radius_km=12.0, source="made up")
CAPITAL = Place("t:capital", "Capitalia", "capital", "KP", 39.0, 125.75, radius_km=15.0, source="made up")
PAD = Place("t:pad", "Launch Pad", "spaceport", "RU", 51.9, 128.3, radius_km=5.0)


def _mention(text: str, place: Place | None, document: str) -> tuple[Mention, int]:
    start = document.index(text)
    return Mention(text, start, start + len(text), place, 0.9 if place else 0.0), start


def _claim(document: Document, sentence: str, subject, anchor, stated, hedge="about", direction=""):
    offset = document.text.index(sentence)
    subject_mention, _ = _mention(subject[0], subject[1], document.text)
    anchor_mention, _ = _mention(anchor[0], anchor[1], document.text)
    return DistanceClaim(document.path, sentence, offset, subject_mention, anchor_mention, tuple(stated),
                         hedge, direction)


def make_story() -> Story:
    first_sentence = f"The pad lies about 950 kilometres (600 miles) north of Harbourton {SCRIPT}."
    first = Document(
        "articles/one.txt",
        f"Kim went to Harbourton. {first_sentence} Then he left.",
        title=f"A trip {SCRIPT} east",
        outlet="The Daily <b>Test</b>",
        date="2023-09-05",
        url="https://example.org/trip",
    )
    second_sentences = (
        "Harbourton is about 425 miles (680 kilometers) north of Capitalia.",
        "Atlantis is 1e308 km from Capitalia.",
    )
    second = Document("-", " ".join(second_sentences), title="Wire | copy", outlet="Wire", date="2023-09-11")
    claims_one = (
        _claim(first, first_sentence, ("The pad", PAD), ("Harbourton", HARBOUR),
               [Quantity("km", 950.0), Quantity("mi", 600.0)], direction="N"),
    )
    claims_two = (
        _claim(second, second_sentences[0], ("Harbourton", HARBOUR), ("Capitalia", CAPITAL),
               [Quantity("mi", 425.0), Quantity("km", 680.0)], direction="N"),
        _claim(second, second_sentences[1], ("Atlantis", None), ("Capitalia", CAPITAL),
               [Quantity("km", 1e308)], hedge=""),
    )
    return Story(
        analyses=(
            Analysis(first, checks=tuple(check_claim(c) for c in claims_one)),
            Analysis(second, checks=tuple(check_claim(c) for c in claims_two)),
        ),
        errors=("missing.txt: no such file",),
    )


@pytest.fixture(scope="module")
def story():
    return make_story()


@pytest.fixture(scope="module")
def html_report(story, gazetteer):
    return render_html(story, gazetteer=gazetteer, generated="2024-01-02")


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text outside tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> _Elements:
    parser = _Elements()
    parser.feed(markup)
    parser.close()
    return parser


# --- writing -------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".html", ".md", ".json", ".csv"])
def test_write_report_by_extension(story, gazetteer, tmp_path, suffix):
    path = write_report(story, tmp_path / f"report{suffix}", gazetteer=gazetteer)
    assert path.read_text(encoding="utf-8").strip()
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"report{suffix}"]  # no temporary file left
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # readable like any new file, not 0600


def test_unknown_extension_is_a_clear_error(story, tmp_path):
    with pytest.raises(InputError, match=r"report\.pdf.*unknown extension '\.pdf'.*\.csv"):
        write_report(story, tmp_path / "report.pdf")
    with pytest.raises(InputError, match="unknown extension '\\(none\\)'"):
        write_report(story, tmp_path / "report")
    assert not list(tmp_path.iterdir())


def test_missing_folder_is_a_clear_error(story, tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        write_report(story, tmp_path / "nowhere" / "report.md")


def test_failed_render_leaves_the_old_report(story, tmp_path, monkeypatch):
    path = tmp_path / "report.md"
    path.write_text("the previous report", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("render failed")

    import geo.report.markdown

    monkeypatch.setattr(geo.report.markdown, "render_markdown", broken)
    with pytest.raises(RuntimeError):
        write_report(story, path)
    assert path.read_text(encoding="utf-8") == "the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_every_extension_has_a_format():
    assert set(FORMATS.values()) == {"html", "markdown", "json", "csv"}


# --- HTML ----------------------------------------------------------------------------------


def test_html_escapes_article_text(html_report):
    elements = parse(html_report)
    scripts = [attrs for tag, attrs in elements.tags if tag == "script"]
    assert scripts == [{"type": "application/ld+json"}]  # data for machines, never a script that runs
    assert not [tag for tag, _ in elements.tags if tag == "b"]  # nor the outlet's markup
    text = "".join(elements.text)
    assert SCRIPT in text  # shown as text
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in html_report


def test_html_requests_nothing_from_the_network(html_report):
    loading = {"src", "href", "srcset", "data", "poster", "action", "formaction", "xlink:href", "background"}
    for tag, attributes in parse(html_report).tags:
        for name, value in attributes.items():
            if name in loading and tag != "a":
                assert not value or value.startswith(("#", "data:")), (tag, name, value)
    embedding = ("link", "img", "iframe", "object", "embed", "audio", "video")
    assert not [tag for tag, _ in parse(html_report).tags if tag in embedding]
    assert "url(" not in html_report and "@import" not in html_report
    links = [a.get("href", "") for tag, a in parse(html_report).tags if tag == "a"]
    assert all(href.startswith("#") for href in links)  # in-page links only


def test_html_names_every_source_article(html_report, story):
    text = " ".join(parse(html_report).text)
    for document in story.documents:
        assert document.title in text and document.outlet in text and document.date in text
        assert document.path.rsplit("/", 1)[-1] in text  # named by its file name
    assert "articles/one.txt" not in text  # never by the folders it is in
    assert "https://example.org/trip" in text  # the article's address, as text
    assert "missing.txt: no such file" in text


def test_html_has_summary_claims_method_and_sources(html_report, story):
    text = " ".join(" ".join(parse(html_report).text).split())
    headings = [t for t in ("Summary", "Claims, one by one", "Method", "Data sources and licences")]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    for check in story.checks:
        assert " ".join(check.explanation.split()) in text
    assert "accurate: 2" in text and "unverifiable: 1" in text
    assert "CC-BY 4.0" in text and "Natural Earth" in text and "public domain" in text
    assert "WGS84" in text


def test_html_draws_a_map_per_placed_claim_with_countries(html_report):
    elements = parse(html_report)
    svgs = [a for tag, a in elements.tags if tag == "svg"]
    assert len(svgs) == 2  # the third claim has an unresolved place
    paths = [a for tag, a in elements.tags if tag == "path"]
    assert len(paths) >= 4  # land around both claims
    assert [a for tag, a in elements.tags if tag == "polyline"]


def test_html_marks_the_places_in_the_quote(story):
    check = story.checks[1]
    segments = quote_segments(check)
    assert ("Harbourton", "subject") in segments and ("Capitalia", "anchor") in segments
    assert "".join(text for text, _ in segments) == check.claim.sentence


def test_html_is_printable(html_report):
    assert "@media print" in html_report and "break-inside: avoid" in html_report


def test_claim_map_across_the_antimeridian(gazetteer):
    west = Place("t:w", "Westend", "city", "RU", 65.0, 179.5)
    east = Place("t:e", "Eastend", "city", "US", 65.5, -168.0)
    claim = DistanceClaim("x", "s", 0, Mention("Eastend", 0, 7, east), Mention("Westend", 0, 7, west),
                          (Quantity("km", 600.0),), "about")
    svg = claim_map_svg(check_claim(claim), gazetteer.countries("50m"))
    elements = parse(svg)
    assert [t for t, _ in elements.tags].count("path") >= 2  # Russia's and Alaska's coasts both drawn
    xs = [float(a["cx"]) for t, a in elements.tags if t == "circle"]
    assert all(0 <= x <= 360 for x in xs)


# --- Markdown ------------------------------------------------------------------------------


def test_markdown_has_the_summary_table_and_every_claim(story):
    markdown = render_markdown(story, generated="2024-01-02")
    assert "| Verdict on | Counts |" in markdown
    assert "| Distance | accurate: 2, close: 0, inaccurate: 0, unverifiable: 1 |" in markdown
    assert "| # | Claim | Stated | Measured | Error | Verdict | Direction | Units |" in markdown
    sections = ["## Source articles", "## Summary", "## Claims, one by one", "## Method", "## Data sources"]
    assert [markdown.index(s) for s in sections] == sorted(markdown.index(s) for s in sections)
    assert markdown.count("\n### ") >= len(story.checks) + 3
    assert "north-east (bearing 47°)" in markdown
    assert "## Data sources and licences" in markdown and "CC-BY 4.0" in markdown


def test_markdown_escapes_markup(story):
    markdown = render_markdown(story)
    assert SCRIPT not in markdown and "<b>" not in markdown
    assert r"\<script\>" in markdown
    (wire_row,) = [line for line in markdown.splitlines() if line.startswith("| 2 | Wire")]
    assert len(re.split(r"(?<!\\)\|", wire_row)) == 7  # five cells: the "|" in the title is escaped


# --- JSON and CSV --------------------------------------------------------------------------


def test_json_report_carries_claim_records(story):
    report = json.loads(render_json(story))
    assert [r for r in report["claims"]] == [
        json.loads(json.dumps({**claim_record(c), "document": c.claim.document.rsplit("/", 1)[-1]}))
        for c in story.checks]
    assert [d["file"] for d in report["documents"]] == ["one.txt", "-"]
    assert "articles/" not in render_json(story) and "articles/" not in render_csv(story)
    assert report["documents"][0]["title"] == f"A trip {SCRIPT} east"
    assert report["summary"] == summary(story)
    assert report["summary"]["units"]["consistent"] == 2
    assert report["errors"] == ["missing.txt: no such file"]
    assert {"method", "data_sources"} <= set(report)


def test_csv_has_one_row_per_claim_with_flattened_keys(story):
    rows = list(csv.DictReader(io.StringIO(render_csv(story))))
    assert len(rows) == len(story.checks)
    assert tuple(rows[0]) == CSV_COLUMNS
    assert tuple(claim_row(claim_record(story.checks[0]))) == CSV_COLUMNS  # the header cannot drift
    assert float(rows[1]["subject_lat"]) == HARBOUR.lat
    assert json.loads(rows[0]["stated"]) == [{"value": 950.0, "unit": "km"}, {"value": 600.0, "unit": "mi"}]
    assert rows[2]["anchor_name"] == "Capitalia" and rows[2]["subject_name"] == ""


def test_csv_without_claims_still_has_its_header():
    empty = Story(analyses=(Analysis(Document("a.txt", "No distances here.")),))
    assert render_csv(empty).splitlines() == [",".join(CSV_COLUMNS)]


# --- in a browser --------------------------------------------------------------------------


@pytest.mark.browser
def test_html_in_chromium_runs_no_script_and_fetches_nothing(html_report, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("needs /usr/bin/chromium")
    path = tmp_path / "report.html"
    path.write_text(html_report, encoding="utf-8")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        try:
            page = browser.new_page()
            requests, dialogs = [], []
            page.on("request", lambda request: requests.append(request.url))
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            assert requests == [path.as_uri()]
            assert dialogs == []
            assert page.locator("svg.claim-map").count() == 2
            assert SCRIPT in page.inner_text("body")
        finally:
            browser.close()
