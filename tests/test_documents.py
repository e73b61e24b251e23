"""Reading inputs: every bad input gets one line naming it, and the others still go through."""

import pytest

from geo.documents import MAX_BYTES, decode, html_to_text, read_documents
from geo.errors import InputError


@pytest.fixture
def inputs(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Talks were held in Vladivostok.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 10)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Côte d'Ivoire".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # 50 MB (sparse)
    folder = tmp_path / "folder"
    folder.mkdir()
    return {"good": good, "empty": empty, "binary": binary, "latin1": latin1, "huge": huge,
            "folder": folder, "missing": tmp_path / "missing.txt"}


@pytest.mark.parametrize("name, problem", [
    ("empty", "empty"), ("binary", "binary"), ("latin1", "not UTF-8"), ("huge", "too large"),
    ("folder", "directory"), ("missing", "no such file"),
])
def test_each_bad_input_gets_one_line_and_the_good_one_is_read(inputs, name, problem):
    documents, errors = read_documents([inputs[name], inputs["good"]])
    assert [d.text for d in documents] == ["Talks were held in Vladivostok."]
    assert len(errors) == 1 and "\n" not in errors[0]
    assert str(inputs[name]) in errors[0] and problem in errors[0]


def test_input_error_is_a_value_error():
    with pytest.raises(ValueError):
        decode("x.txt", b"")
    assert issubclass(InputError, ValueError)


def test_too_large_bytes_are_refused():
    with pytest.raises(InputError, match="too large"):
        decode("big.txt", b"a" * (MAX_BYTES + 1))


def test_html_gives_its_visible_text():
    markup = ("<html><head><title>T</title><script>alert(1)</script></head>"
              "<body><p>In <b>Hanoi</b> &amp; Hue.</p><p>Second</p></body></html>")
    assert html_to_text(markup) == "T\nIn Hanoi & Hue.\nSecond"


def test_bundled_story_has_five_articles_with_metadata():
    documents, errors = read_documents()
    assert errors == [] and len(documents) == 5
    associated = documents[4]
    assert associated.outlet == "Associated Press" and associated.date == "2023-09-11"
    assert all(d.title and d.date.startswith("2023-09") for d in documents)


def test_html_comments_and_entities_are_read_once():
    assert html_to_text("<p>Hue<!-- a note -->, Vietnam &amp;lt;</p>") == "Hue, Vietnam &lt;"


def test_html_nested_too_deep_is_one_line_not_lost_text():
    markup = "<html><p>Hue" + "<div>" * 5000 + "deep" + "</div>" * 5000
    with pytest.raises(InputError, match=r"^deep\.html: HTML nested more than 2048 elements deep$"):
        decode("deep.html", markup.encode())


# --- web pages: the article, not the page around it ------------------------------------------

PAGE = """<html><head><title>Kim heads to Russia | Example News</title>
<meta property="og:site_name" content="Example News"><meta name="date" content="2023-09-11">
<link rel="canonical" href="https://example.org/kim"></head>
<body><nav><a href="/">Home</a> <a href="/paris">Paris</a> <a href="/london">London</a></nav>
<article><h1>Kim heads to Russia</h1>
<p>North Korean leader Kim Jong Un left Pyongyang by armoured train for Vladivostok, officials said on Monday.</p>
<p>Vladivostok is about 680 km north-east of Pyongyang. The trip takes about 20 hours by train.</p>
<p>He is expected to meet President Vladimir Putin at a site in the Russian Far East.</p></article>
<aside><h3>Related</h3><ul><li><a href="/a">Floods in Tokyo</a></li><li><a href="/b">Elections in Berlin</a></li></ul></aside>
<footer>Example News, Madrid office. Contact us in Lisbon.</footer></body></html>"""


def test_a_web_page_is_read_as_its_article_with_its_metadata():
    from geo.documents import document_from_bytes

    document = document_from_bytes("kim.html", PAGE.encode())
    assert "Vladivostok is about 680 km north-east of Pyongyang." in document.text
    for outside in ("Paris", "London", "Tokyo", "Berlin", "Madrid", "Lisbon"):  # menu, related box, footer
        assert outside not in document.text
    assert (document.title, document.date, document.outlet, document.url) == (
        "Kim heads to Russia", "2023-09-11", "Example News", "https://example.org/kim")


def test_offsets_point_into_the_extracted_text(gazetteer):
    import geo
    from geo.documents import document_from_bytes

    story = geo.analyse([document_from_bytes("kim.html", PAGE.encode())], gazetteer)
    (analysis,) = story.analyses
    names = {m.text for m in analysis.mentions}
    assert {"Pyongyang", "Vladivostok"} <= names and not names & {"Paris", "Tokyo", "Madrid"}
    for mention in analysis.mentions:
        assert analysis.document.text[mention.start:mention.end] == mention.text
    assert [c.distance_verdict for c in story.checks] == ["accurate"]


def test_given_metadata_wins_over_the_page():
    from geo.documents import document_from_bytes

    document = document_from_bytes("kim.html", PAGE.encode(), title="Our title", outlet="")
    assert document.title == "Our title" and document.outlet == "Example News"


def test_a_page_with_no_article_is_read_whole_with_a_warning():
    from geo.documents import ExtractionWarning, read_text

    with pytest.warns(ExtractionWarning, match=r"^links\.html: no article found"):
        text, metadata = read_text("links.html", b"<html><body><footer>Hanoi office</footer></body></html>")
    assert text == "Hanoi office" and metadata == {}
