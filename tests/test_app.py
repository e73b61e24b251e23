"""The dashboard (app.py) driven by Streamlit's AppTest: default run, upload, paste, correction
and undo, map focus, and every download made and typed as it says.

Streamlit's caches live for the whole test process, so only the first run pays for the
gazetteer, the analysis and the map. Corrections go to a temporary data folder.
"""

import json
from pathlib import Path

import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from geo.corrections import load_corrections
from geo.downloads import MIME_TYPES
from geo.story import analyse

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 300  # s; the first run loads the gazetteer and draws the map

ARTICLE = (
    "Border talks\n\n"
    "Officials met in Harbin on Tuesday. Harbin lies about 500 kilometres north-west of "
    "Vladivostok, across the border.\n"
)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def managers(monkeypatch):
    """The media file managers AppTest makes, one per run, so downloads can be fetched."""
    made = []

    class Recording(MediaFileManager):
        def __init__(self, storage):
            super().__init__(storage)
            self.storage = storage
            made.append(self)

    monkeypatch.setattr(app_test_module, "MediaFileManager", Recording)
    return made


def run(target) -> AppTest:
    """Run the app (an AppTest, or a widget just set) and check it raised nothing."""
    at = target.run(timeout=TIMEOUT)
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def app():
    return run(AppTest.from_file(APP, default_timeout=TIMEOUT))


def texts(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption]
                     + [h.value for h in at.subheader] + [h.value for h in at.header])


def mentions_table(at: AppTest):
    """The Places tab's table of every mention."""
    return next(d.value for d in at.dataframe if "Mention" in d.value.columns)


def map_view(at: AppTest) -> dict:
    """The arguments the map component was given (its centre, zoom, script)."""
    def find(block):
        for child in getattr(block, "children", {}).values():
            if child.type == "component_instance":
                return json.loads(child.proto.json_args)
            found = find(child)
            if found:
                return found
        return None

    return find(at.main)


def test_the_bundled_story_on_one_page(app):
    assert "North Korean leader Kim Jong Un will visit Russia" in app.subheader[0].value
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Articles"] == "5" and metrics["Distance claims"] == "3"
    claims = app.dataframe[0].value
    assert list(claims["Verdict"]) == ["accurate", "plausible", "accurate"]
    assert list(claims["Claim"]) == ["Vostochny Cosmodrome from Vladivostok", "Vietnam from Pyongyang",
                                     "Vladivostok from Pyongyang"]
    assert {"Stated", "Measured", "Error", "Direction", "Explanation", "Quote"} <= set(claims.columns)
    view = map_view(app)
    assert "/app/static/leaflet/leaflet.js" in view["js_links"]
    assert not [link for link in view["js_links"] + view["css_links"] if link.startswith("http")]
    assert "Claim 1: Vostochny Cosmodrome from Vladivostok" in texts(app)
    assert [t.label for t in app.tabs] == ["Places", "Sources", "Timeline", "Downloads"]
    assert not app.download_button, "only the open tab (Places) runs"
    app.session_state["tab"] = "Sources"
    app.run()
    assert "Travel by air" in texts(app)  # one article says Kim would fly
    assert (Path(APP).parent / "static" / "leaflet" / "leaflet.js").is_file()


def test_choosing_a_claim_or_a_journey_moves_the_map(app):
    whole = map_view(app)
    run(app.selectbox(key="focus").set_value("claim:1"))
    claim = map_view(app)
    lat, lon = claim["center"]
    assert abs(lat - 47.5) < 5 and abs(lon - 130.1) < 5  # near the middle of Vladivostok–Vostochny
    assert claim["zoom"] > whole["zoom"]
    assert claim["script"] == whole["script"]  # the same map, moved, not drawn again
    run(app.selectbox(key="focus").set_value("journey:kim-2019-dong-dang-hanoi"))
    lat, lon = map_view(app)["center"]
    assert abs(lat - 21.5) < 2 and abs(lon - 106.3) < 2  # Dong Dang – Hanoi


def test_an_upload_is_read_and_a_bad_one_reported(app):
    uploader = app.file_uploader(key="upload")
    uploader.upload("talks.txt", ARTICLE.encode("utf-8"), "text/plain")
    uploader.upload("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00binary", "text/plain")
    run(app)
    assert app.subheader[0].value == "Border talks"
    assert [e.value for e in app.sidebar.error] == ["photo.txt: binary file, not text"]
    assert {m.label: m.value for m in app.metric}["Articles"] == "1"
    claims = app.dataframe[0].value
    assert list(claims["Claim"]) == ["Harbin from Vladivostok"]
    assert "your articles" in texts(app)


def test_only_bad_uploads_keep_the_bundled_story(app):
    app.file_uploader(key="upload").upload("empty.md", b"   \n", "text/markdown")
    run(app)
    assert [e.value for e in app.sidebar.error] == ["empty.md: empty file, nothing to read"]
    assert "showing the bundled story" in app.sidebar.warning[0].value
    assert {m.label: m.value for m in app.metric}["Articles"] == "5"


def test_pasted_text_is_read_and_can_be_removed(app):
    app.text_area(key="paste_text").input(ARTICLE)
    run(next(b for b in app.button if b.label == "Read pasted text").click())
    assert app.subheader[0].value == "Border talks"
    assert list(app.dataframe[0].value["Verdict"]) == ["accurate"]
    run(app.button(key="paste_drop").click())
    assert {m.label: m.value for m in app.metric}["Articles"] == "5"


@pytest.fixture(scope="module")
def story(gazetteer):
    return analyse(gazetteer=gazetteer)


def test_a_correction_is_saved_applied_and_undone(app, story, data_dir):
    entries = [m for a in story.analyses for m in a.mentions]
    index, pacific = next((i, m) for i, m in enumerate(entries) if m.text == "Pacific")
    # another reading than the resolver's (the resolver now reads it as the ocean itself)
    ocean = next(c.place for c in pacific.candidates if c.place.place_id != pacific.place.place_id)
    assert pacific.place != ocean
    run(app.selectbox(key="fix_mention").set_value(index))
    run(app.radio(key="fix_choice").set_value(ocean.place_id))
    run(app.button(key="fix_save").click())
    saved = load_corrections()
    assert [(c.text, c.start, c.place_id) for c in saved] == [("Pacific", pacific.start, ocean.place_id)]
    assert (data_dir / "corrections.json").is_file()
    mentions = mentions_table(app)
    row = mentions[mentions["Mention"] == "Pacific"].iloc[0]
    assert (row["Place"], bool(row["Corrected"]), row["Confidence"]) == (ocean.name, True, 1.0)
    assert "Saved corrections (1)" in texts(app)
    # a new session reads the saved correction: applied on the next run
    again = run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    mentions = mentions_table(again)
    assert mentions[mentions["Mention"] == "Pacific"].iloc[0]["Place"] == ocean.name
    run(again.button(key="undo_0").click())
    assert load_corrections() == ()
    mentions = mentions_table(again)
    assert mentions[mentions["Mention"] == "Pacific"].iloc[0]["Place"] == pacific.place.name
    assert "Saved corrections (0)" in texts(again)


def test_a_point_given_by_coordinates_and_undo_all(app, story):
    entries = [m for a in story.analyses for m in a.mentions]
    index = next(i for i, m in enumerate(entries) if m.text == "Moscow")
    run(app.selectbox(key="fix_mention").set_value(index))
    run(app.radio(key="fix_choice").set_value("coordinates"))
    app.number_input(key="fix_lat").set_value(55.7558)
    app.number_input(key="fix_lon").set_value(37.6173)
    app.text_input(key="fix_name").input("Moscow (Kremlin)")
    app.checkbox(key="fix_every").check()
    run(app)
    run(app.button(key="fix_save").click())
    [saved] = load_corrections()
    assert (saved.name, saved.start, saved.lat, saved.lon) == ("Moscow (Kremlin)", None, 55.7558, 37.6173)
    mentions = mentions_table(app)
    first = mentions[mentions["Source"] == mentions["Source"].iloc[0]]
    assert set(first[first["Mention"] == "Moscow"]["Place"]) == {"Moscow (Kremlin)"}
    run(app.button(key="undo_all").click())
    assert load_corrections() == ()


def test_every_download_is_made_and_typed(managers):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["tab"] = "Downloads"
    run(at)
    storage_manager = managers[-1]
    buttons = {b.key: b for b in at.download_button}
    assert set(buttons) == {f"download_{key}" for key in (
        "report-html", "report-md", "report-json", "report-csv", "map-png", "map-svg", "map-pdf", "map-html",
        "places-geojson", "routes-geojson")}
    for key, button in buttons.items():
        url = storage_manager.execute_deferred(button.proto.deferred_file_id)
        made = storage_manager.storage.get_file(url.rsplit("/", 1)[1])
        suffix = "." + made.filename.rsplit(".", 1)[1]
        assert made.content, key
        assert made.mimetype == MIME_TYPES[suffix], key
        assert made.filename.startswith("story-"), key
    report = json.loads(storage_manager.storage.get_file(
        storage_manager.execute_deferred(buttons["download_report-json"].proto.deferred_file_id).rsplit("/", 1)[1]
    ).content)
    assert len(report["claims"]) == 3


def test_article_text_is_shown_as_text_never_as_markup(app):
    title = "<img src=x onerror=alert(1)> *Harbin* talks cost $5 [more](http://example.com)"
    app.file_uploader(key="upload").upload("evil.txt", (title + "\n\n" + ARTICLE).encode("utf-8"), "text/plain")
    run(app)
    shown = app.subheader[0].value
    assert r"\<img src=x onerror=alert(1)\>" in shown
    assert r"\*Harbin\*" in shown and r"\$5" in shown and r"\[more\]" in shown
    assert not [element for element in app.main if element.type == "html" and "onerror" in str(element.proto)]


def test_the_dashboard_reads_through_the_one_pipeline(app, story):
    """The Places tab shows what geo.analyse says (the bundled pack, the same pipeline); with no
    pack chosen, the story's own places are gone."""
    table = mentions_table(app)
    assert list(table["Mention"]) == [m.text for m in story.mentions]
    assert list(table["Place"]) == [m.place.name if m.place else "— not found" for m in story.mentions]
    run(app.selectbox(key="story_pack").set_value("-"))
    places = set(mentions_table(app)["Place"])
    assert "Vostochny Cosmodrome" not in places and "Tumen River" not in places


def test_an_unplaced_subject_is_listed_with_where_it_could_be_and_pinned(app):
    from unplaced_story import ARTICLE as UNPLACED

    app.file_uploader(key="upload").upload("bukavu.txt", UNPLACED.read_bytes(), "text/plain")
    run(app)
    claims = app.dataframe[0].value
    assert list(claims["Verdict"]) == ["unverifiable", "plausible", "unverifiable"]
    assert list(claims["Claim"])[0] == "A town from Bukavu"
    shown = texts(app)
    assert "Where could “A town” be?" in shown
    assert "the subject 'A town' is not named" in " ".join(shown.split())
    assert "1\\. Buganda (city, BI)" in shown or "1. Buganda (city, BI)" in shown
    assert "Claim 1: A town from Bukavu" in app.selectbox(key="focus").options  # its ring and sector can be shown
    assert app.selectbox(key="pin_place_1").value == "geonames:430086"
    run(app.button(key="pin_save_1").click())
    [saved] = load_corrections()
    assert (saved.text, saved.place_id) == ("A town", "geonames:430086")
    claims = app.dataframe[0].value
    assert list(claims["Claim"])[0] == "Buganda from Bukavu"
    assert list(claims["Verdict"])[0] in ("accurate", "close")
    mentions = mentions_table(app)
    pinned = mentions[mentions["Mention"] == "A town"].iloc[0]
    assert (pinned["Place"], bool(pinned["Corrected"])) == ("Buganda", True)


def test_app_has_no_bare_string_that_streamlit_would_print():
    """Streamlit's magic writes every bare expression of app.py onto the page: a string after an
    assignment, meant as its docstring, showed at the top of the dashboard."""
    import ast
    from pathlib import Path

    tree = ast.parse((Path(__file__).resolve().parent.parent / "app.py").read_text(encoding="utf-8"))
    bare = [node.lineno for node in tree.body[1:]
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)]
    assert bare == [], f"app.py lines {bare}: a bare string is printed by Streamlit; make it a comment"
