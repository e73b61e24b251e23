"""The dashboard: one story on one page, for a reader who has never seen the code.

    python app.py [--server.port 8501 ...]    # what `make run` does: warm, then serve
    streamlit run app.py                      # also works; the first reader then waits for the caches

`python app.py` first runs the page once in this process, with no reader, so that every cache
the readers share (the gazetteer, the bundled story analysed, its views and its map) is full,
then starts the Streamlit server in the same process: the first reader is served from the
caches. Options are Streamlit's (`--server.port`, `--server.address`…).

Opens on the bundled story; upload .txt / .md / .html articles or paste text in the sidebar to
read another. Widgets and layout only: every figure, list and file comes from ``geo``.

Offline: the map's Leaflet files are copied at start from the ``xstatic-leaflet`` package into
``./static/leaflet`` (generated, git-ignored) and served by Streamlit's static file serving
(``[server] enableStaticServing = true`` in .streamlit/config.toml) at /app/static/leaflet;
each map's Natural Earth basemap is published as JSON in ``./static/data`` and fetched from
there, so the page Streamlit sends is small.
Corrections of place resolutions are saved in ``corrections.json`` in the user's data folder
($GEO_DATA_DIR, default ~/.local/share/geo) and applied on every run until undone.
"""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pandas as pd
import streamlit as st

if __name__ == "__main__" and not st.runtime.exists():  # `python app.py`: no page runs until serve()
    import logging

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage())

from streamlit_folium import st_folium  # noqa: E402

from geo.corrections import (Correction, CorrectionIndex, add_correction, corrections_path,
                             read_corrections, matching_mentions, text_digest, undo_all,
                             undo_correction)
from geo.budget import run_with_budget
from geo.documents import bundled_documents, document_from_bytes
from geo.downloads import downloads
from geo.errors import GeoError, InputError, TimeBudgetExceeded
from geo.gazetteer import default_gazetteer
from geo.maps.assets import StaticFolder
from geo import explain
from geo.maps.content import LAYERS, drawable_checks, extent_bounds, format_date
from geo.maps.elements import Verbatim
from geo.maps.interactive import story_map
from geo.maps.style import BADGE_COLOURS, MEETING, MUTED_INK, ROUTE_COLOURS
from geo.maps.view import fit_view
from geo.model import Analysis, Story
from geo.report.content import claim_views
from geo.report.markdown import escape_markdown
from geo.report.tables import spreadsheet_safe_rows
from geo.resolve import resolve_name
from geo.packs import available_packs, load_pack
from geo.paths import BUNDLED_STORY
from geo.sources import differences, mentions_of_place, place_at, place_table, source_labels, source_summaries
from geo.story import analyse_document
from geo.timeline import timeline
from geo.verdicts import DistanceVerdict, TimeVerdict

STATIC = StaticFolder(Path(__file__).resolve().parent / "static", "/app/static")
MAP_HEIGHT_PX = 560
MAP_WIDTH_PX = 760  # the map column's width on a laptop screen, to fit views into
MAP_PADDING_TOP_LEFT = (40, 40)  # px of room around a view for the rings of claims
MAP_PADDING_BOTTOM_RIGHT = (110, 40)  # and, on the right, for the labels the map puts right of places
# The map's legend (bottom right) shows only its title until the pointer is over it.
MAP_CSS = ("<style>.geo-legend:not(:hover) details > :not(summary) { display: none; }"
           ".geo-legend { max-height: 420px; overflow-y: auto; }</style>")
TABS = ["Places", "Sources", "Timeline", "Downloads"]
UPLOAD_TYPES = ["txt", "md", "html", "htm"]
PASTED_NAME = "pasted text"
DOCUMENT_BUDGET_S = 60.0  # s a reader waits for one article before it is failed (one line, the others go on)
SIDE_BY_SIDE = 5  # articles per row in the Sources tab
TIMELINE_BEFORE = dt.timedelta(days=60)  # "around the articles": from two months before the first
TIMELINE_AFTER = dt.timedelta(days=14)  # to two weeks after the last
TIMELINE_COLOURS = {"meeting": MEETING, "journey": ROUTE_COLOURS[0], "article": MUTED_INK}

_STREAMLIT_NAMES = {BADGE_COLOURS[DistanceVerdict.ACCURATE]: "green", BADGE_COLOURS[DistanceVerdict.CLOSE]: "orange",
                    BADGE_COLOURS[DistanceVerdict.INACCURATE]: "red"}
# a verdict's Streamlit badge colour, from its colour in geo.maps.style (grey: gray, the default);
# a comment, not a docstring: Streamlit's magic writes a bare string of app.py onto the page
STREAMLIT_COLOURS = {verdict: _STREAMLIT_NAMES[colour] for verdict, colour in BADGE_COLOURS.items()
                     if colour in _STREAMLIT_NAMES}
LAYER_LABELS = {"places": "Places", "routes": "Routes", "meetings": "Meetings", "claims": "Claims"}
PAGE_CSS = """<style>
.block-container { padding-top: 3.2rem; padding-bottom: 2rem; }
h2 { padding-top: 0.2rem; }
</style>"""

st.set_page_config(page_title="geo: the story on a map", page_icon="🗺️", layout="wide",
                   initial_sidebar_state="collapsed")


# --- cached: built once per server process, shared by every session ------------------------

@st.cache_resource(show_spinner="Loading the gazetteer…")
def gazetteer():
    return default_gazetteer()


@st.cache_resource(show_spinner=False)
def static_folder() -> StaticFolder:
    STATIC.prepare()
    return STATIC


PACK_AUTOMATIC = ""
PACK_NONE = "-"
PACK_LABELS = {PACK_AUTOMATIC: "Automatic", PACK_NONE: "None: the world's places only"}
PACK_HELP = ("A story pack holds one story's own places, descriptions, routes and meetings. Automatic: "
             "the bundled story is read with its pack, your own articles with none.")


@st.cache_resource(show_spinner=False)
def pack_named(name: str):
    """The story pack of that name (geo.packs), or None for no pack."""
    return load_pack(name) if name else None


@st.cache_resource(show_spinner=False)
def bundled() -> tuple:
    return tuple(bundled_documents())


def own_corrections(document, corrections: CorrectionIndex) -> tuple:
    """The document's own corrections (the cache key of its analysis)."""
    return corrections.of(text_digest(document.text))


@st.cache_resource(show_spinner=False, max_entries=256)
def analysed(document, pack: str, corrections: tuple):
    """One document through geo's one pipeline, with the pack and its own corrections; one
    that takes longer than :data:`DOCUMENT_BUDGET_S` comes back failed (``Analysis.error``)."""
    places, story_pack = gazetteer(), pack_named(pack)  # loaded (or built) outside the document's budget
    try:
        return run_with_budget(lambda: analyse_document(document, gazetteer=places, pack=story_pack,
                                                        corrections=corrections),
                               DOCUMENT_BUDGET_S, document.path)
    except TimeBudgetExceeded as error:
        return Analysis(document=document, error=str(error))


@st.cache_resource(show_spinner=False, max_entries=16)
def story_of(documents: tuple, errors: tuple, corrections: tuple, pack: str) -> Story:
    """The story of ``documents`` read with the story pack ``pack`` ("" for none) and the
    corrections; the pack's routes and meetings, as ``geo.story.analyse`` does."""
    story_pack = pack_named(pack)
    routes, meetings = (story_pack.routes, story_pack.meetings) if story_pack else ((), ())
    index = CorrectionIndex(corrections)
    analyses = tuple(analysed(d, pack, own_corrections(d, index)) for d in documents)
    failed = tuple(a.error for a in analyses if a.error)  # over the time budget: one line each
    return Story(tuple(a for a in analyses if not a.error), routes, meetings, errors + failed, pack=story_pack)


@st.cache_resource(show_spinner=False, max_entries=16)
def views_of(key: tuple) -> dict:
    story = story_of(*key)
    return {
        "claims": claim_views(story),
        "headline": explain.headline_counts(story.checks),  # claims per headline verdict
        "sources": source_summaries(story),
        "labels": source_labels(story.documents),
        "differences": differences(story),
        "places": place_table(story),
        "timeline": timeline(story),
        "drawable": {n for n, _ in drawable_checks(story)},
    }


@st.cache_resource(show_spinner="Drawing the map…", max_entries=16)
def pickled_map(key: tuple, layers: tuple) -> bytes:
    folium_map = story_map(story_of(*key), gazetteer(), layers=layers, static=static_folder())
    folium_map.get_root().header.add_child(Verbatim(MAP_CSS), name="dashboard_css")
    folium_map.get_root().render()  # once here: st_folium is then called with render=False
    return pickle.dumps(folium_map)


@st.cache_resource(show_spinner=False, max_entries=256)
def quotes_of(key: tuple, place_id: str) -> tuple[int, dict[str, list[str]]]:
    """How often the place is named, and the sentences naming it by source (each sentence once)."""
    mentions = mentions_of_place(story_of(*key), place_id)
    by_source: dict[str, list[str]] = {}
    for label, _, sentence in mentions:
        quotes = by_source.setdefault(label, [])
        if sentence not in quotes:
            quotes.append(sentence)
    return len(mentions), by_source


def map_of(key: tuple, layers: tuple):
    """A fresh copy of the cached map: st_folium renames the map's parts, so each run needs its own."""
    return pickle.loads(pickled_map(key, layers))


# --- small helpers of the layout ------------------------------------------------------------

def plain(text) -> str:
    """Article text as inert Markdown: no markup, links, HTML or maths."""
    return escape_markdown(text).replace("$", "\\$")


def badge(verdict: str) -> str:
    return f":{STREAMLIT_COLOURS.get(verdict, 'gray')}-badge[{verdict}]"


def verdict_style(value) -> str:
    colour = BADGE_COLOURS.get(str(value))
    return f"background-color: {colour}; color: white; font-weight: 600" if colour else ""


def period(documents) -> str:
    dates = sorted(d.date for d in documents if d.date)
    if not dates:
        return ""
    return format_date(dates[0] if dates[0] == dates[-1] else f"{dates[0]}/{dates[-1]}")


def describe_place(place) -> str:
    facts = ", ".join(f for f in (place.kind, place.country, f"{place.lat:.3f}, {place.lon:.3f}") if f)
    return f"{place.name} ({facts})"


def focus_on(key: str) -> None:
    st.session_state["focus"] = key


def focus_from_table(table_key: str, keys: list[str]) -> None:
    rows = st.session_state[table_key].selection.rows
    if rows and keys[rows[0]]:
        focus_on(keys[rows[0]])


# --- input: the bundled story, uploads, pasted text -----------------------------------------

def keep_pasted() -> None:
    st.session_state["pasted"] = st.session_state.get("paste_text", "")


def drop_pasted() -> None:
    st.session_state["pasted"] = ""
    st.session_state["paste_text"] = ""


def chosen_documents() -> tuple[tuple, tuple, str, str]:
    """The documents to read, the one-line errors of bad inputs, "yours" or "bundled", and the
    name of the story pack to read them with ("" for none)."""
    with st.sidebar:
        st.header("Articles", anchor=False)
        st.caption("The page shows the bundled story until you give it articles of your own. "
                   "Close this panel (‹) for a wider map.")
        uploads = st.file_uploader("Upload articles (.txt, .md, .html)", type=UPLOAD_TYPES,
                                   accept_multiple_files=True, key="upload")
        with st.form("paste_form", border=False):
            st.text_area("…or paste an article", key="paste_text", height=140,
                         placeholder="Paste the text of a news article here")
            st.form_submit_button("Read pasted text", on_click=keep_pasted)
        if st.session_state.get("pasted"):
            st.button("Remove pasted text", on_click=drop_pasted, key="paste_drop")
        choice = st.selectbox("Story pack", [PACK_AUTOMATIC, PACK_NONE, *available_packs()],
                              key="story_pack", help=PACK_HELP,
                              format_func=lambda name: PACK_LABELS.get(name) or pack_named(name).title)
    documents, errors = [], []
    for upload in uploads or ():
        try:
            documents.append(document_from_bytes(upload.name, upload.getvalue()))
        except InputError as error:
            errors.append(str(error))
    pasted = st.session_state.get("pasted", "")
    if pasted:
        try:
            documents.append(document_from_bytes(PASTED_NAME, pasted.encode("utf-8")))
        except InputError as error:
            errors.append(str(error))
    if documents:
        return tuple(documents), tuple(errors), "yours", "" if choice in PACK_LABELS else choice
    chosen = pack_named(choice) if choice not in PACK_LABELS else None
    if chosen is not None and chosen.has_articles:
        return tuple(chosen.documents()), tuple(errors), "bundled", choice
    pack = BUNDLED_STORY.name if choice == PACK_AUTOMATIC else choice
    return bundled(), tuple(errors), "bundled", "" if pack == PACK_NONE else pack


def analyse_with_progress(documents, pack: str, corrections: tuple) -> None:
    """Read the documents this session has not read yet, with a progress bar.

    The bar's slot is made on every run, so that the page's later elements keep their places
    (and the map is not drawn again when the next run needs no bar).
    """
    slot = st.empty()
    done = st.session_state.setdefault("analysed", set())
    waiting = [d for d in documents if (hash(d), pack) not in done]
    index = CorrectionIndex(corrections)
    for number, document in enumerate(waiting, start=1):
        slot.progress((number - 1) / len(waiting),
                      text=f"Reading {document.title or document.path} ({number} of {len(waiting)})…")
        analysed(document, pack, own_corrections(document, index))
        done.add((hash(document), pack))
    slot.empty()


def current_corrections() -> tuple[Correction, ...]:
    try:
        saved = read_corrections()
    except GeoError as error:
        st.sidebar.error(plain(f"Corrections not applied: {error}"))
        return ()
    for problem in saved.problems:
        st.sidebar.warning(plain(problem))
    return saved.corrections


# --- above the fold: what the story is, the map, the claims ---------------------------------

def header(story: Story, views: dict, origin: str) -> None:
    documents = story.documents
    latest = max(documents, key=lambda d: d.date or "")
    st.subheader(plain(latest.title or "The story on a map"), anchor=False)
    outlets = ", ".join(dict.fromkeys(d.outlet for d in documents if d.outlet))
    facts = [f"{len(documents)} article{'s' if len(documents) != 1 else ''}", period(documents), outlets,
             "the bundled story (open the sidebar › to read your own articles)" if origin == "bundled"
             else "your articles"]
    st.caption(plain(" · ".join(f for f in facts if f)))
    verdicts = views["headline"]
    off = sum(verdicts.get(v, 0) for v in (DistanceVerdict.INACCURATE, DistanceVerdict.CLOSE, TimeVerdict.IMPLAUSIBLE))
    held = verdicts.get(DistanceVerdict.ACCURATE, 0) + verdicts.get(TimeVerdict.PLAUSIBLE, 0)
    columns = st.columns(4)
    columns[0].metric("Articles", len(documents), border=True)
    columns[1].metric("Places named", len(views["places"]), border=True)
    columns[2].metric("Distance claims", len(story.checks), border=True,
                      delta=(f"{held} hold, {off} off" if off else f"{held} hold") if story.checks else None,
                      delta_color="red" if off else "green", delta_arrow="off")
    topics = ", ".join(dict.fromkeys(d.topic for d in views["differences"]))
    columns[3].metric("Points where sources differ", len(views["differences"]), border=True,
                      delta=topics or None, delta_color="orange", delta_arrow="off")


def focus_options(views: dict) -> dict[str, tuple[str, str]]:
    """Focus key -> (label, map extent) for the map's "Show" box."""
    options = {"story": ("The whole story", "")}
    for view in views["claims"]:
        if view.number in views["drawable"]:
            options[f"claim:{view.number}"] = (f"Claim {view.number}: {view.title}", f"claim:{view.number}")
    for item in views["timeline"]:
        if item.focus:
            options[f"{item.kind}:{item.item_id}"] = (f"{item.kind.title()}: {item.title} ({item.when})", item.focus)
    return options


def map_panel(story: Story, views: dict, key: tuple) -> None:
    options = focus_options(views)
    if st.session_state.get("focus") not in options:
        st.session_state["focus"] = "story"
    top = st.columns([3, 2])
    focus = top[0].selectbox("Show on the map", list(options), format_func=lambda k: options[k][0], key="focus")
    chosen = top[1].pills("Layers", LAYERS, selection_mode="multi", default=list(LAYERS),
                          format_func=LAYER_LABELS.get, key="layers")
    layers = tuple(layer for layer in LAYERS if layer in (chosen or ())) or LAYERS
    try:
        centre, zoom = fit_view(extent_bounds(story, options[focus][1] or None, layers), MAP_WIDTH_PX, MAP_HEIGHT_PX,
                                padding_top_left=MAP_PADDING_TOP_LEFT, padding_bottom_right=MAP_PADDING_BOTTOM_RIGHT)
    except InputError:
        centre, zoom = None, None
    clicked = st_folium(map_of(key, layers), key="map", height=MAP_HEIGHT_PX, use_container_width=True,
                        center=centre, zoom=zoom, render=False,
                        returned_objects=["last_object_clicked", "last_object_clicked_tooltip"])
    click = (clicked or {}).get("last_object_clicked")
    if click and click != st.session_state.get("last_click"):
        st.session_state["last_click"] = click
        place = place_at(story, click["lat"], click["lng"], clicked.get("last_object_clicked_tooltip") or "")
        if place is not None:
            st.session_state["place"] = place.place_id
    place_panel(story, views, key)


def place_panel(story: Story, views: dict, key: tuple) -> None:
    """What each source says about one place: the place clicked on the map, or chosen."""
    places = {m.place.place_id: m.place for m in story.mentions if m.place is not None}
    order = [row["place_id"] for row in views["places"]]
    if not order:
        return
    if st.session_state.get("place") not in order:
        st.session_state["place"] = next((pid for pid in order if places[pid].kind not in ("country", "continent")),
                                         order[0])
    place_id = st.selectbox("Click a place on the map (or choose one) to see what each source says about it",
                            order, format_func=lambda pid: places[pid].name, key="place")
    count, by_source = quotes_of(key, place_id)
    place = places[place_id]
    with st.container(border=True):
        facts = " · ".join(plain(f) for f in (place.kind, place.country, f"{place.lat:.4f}, {place.lon:.4f}") if f)
        st.markdown(f"**{plain(place.name)}** · {facts} — named {count} time{'s' if count != 1 else ''} "
                    f"by {len(by_source)} of {len(story.documents)} sources")
        for label, quotes in by_source.items():
            st.markdown(f"**{plain(label)}**: " + " … ".join(f"“{plain(q)}”" for q in quotes[:2]))


def claims_panel(story: Story, views: dict) -> None:
    st.subheader("Distance claims", anchor=False)
    claims = views["claims"]
    if not claims:
        st.info("No distance claims in these articles (a claim reads like "
                "“Hue is about 100 km north of Da Nang”).")
        return
    st.markdown("  ".join(f"{badge(v)} **{n}**" for v, n in views["headline"].items()))
    labels = dict(zip((d.path for d in story.documents), views["labels"]))
    table = pd.DataFrame(spreadsheet_safe_rows({  # a table's toolbar saves it as CSV
        "Verdict": view.verdict,
        "Claim": view.title,
        "Stated": view.stated,
        "Measured": view.measured + (f" (route {view.route})" if view.route else ""),
        "Error": view.error,
        "Direction": str(view.check.direction_verdict),
        "Source": labels.get(view.check.claim.document, view.check.claim.document),
        "Explanation": view.check.explanation,
        "Quote": view.check.claim.sentence,
    } for view in claims), index=[view.number for view in claims])
    keys = [f"claim:{view.number}" if view.number in views["drawable"] else "" for view in claims]
    st.dataframe(table.style.map(verdict_style, subset=["Verdict", "Direction"]), key="claims_table",
                 on_select=lambda: focus_from_table("claims_table", keys), selection_mode="single-row",
                 width="stretch", column_config={"_index": st.column_config.NumberColumn("#", width=40),
                                                 "Verdict": st.column_config.TextColumn(width=95),
                                                 "Claim": st.column_config.TextColumn(width="medium")})
    focus = st.session_state.get("focus", "")
    number = int(focus.split(":")[1]) if focus.startswith("claim:") else claims[0].number
    view = claims[number - 1]
    check = view.check
    with st.container(border=True):
        st.markdown(f"{badge(view.verdict)} **Claim {view.number}: {plain(view.title)}**")
        st.markdown(f"> {plain(check.claim.sentence)}  \n> — {plain(labels.get(check.claim.document, ''))}")
        st.markdown(f"**Stated** {plain(view.stated)} · **measured** {plain(view.measured)}"
                    + (f" · **by route** {plain(view.route)}" if view.route else "")
                    + f" · **error** {plain(view.error)} · **direction** {badge(check.direction_verdict)}")
        if view.travel:
            st.markdown(f"**Travel time** {plain(view.travel)}")
        st.caption(plain(check.explanation))
        if keys[number - 1] and focus != keys[number - 1]:
            st.button("Show this claim on the map", on_click=focus_on, args=(keys[number - 1],), key="claim_focus")
        if check.search_area is not None:
            where_could_it_be(story, view)


def where_could_it_be(story: Story, view) -> None:
    """The places an unplaced subject could be, best first, and a button to pin it to one."""
    check = view.check
    subject = check.claim.subject
    st.markdown(f"**Where could “{plain(subject.text)}” be?** {plain(view.area)}")
    if not check.candidates:
        st.caption("No place of that kind in the gazetteer lies there; pin it in the Places tab "
                   "(a place from the gazetteer or coordinates).")
        return
    st.markdown("  \n".join(plain(line) for line in view.candidates))
    fits = {fit.place.place_id: fit.place for fit in check.candidates}
    document = next(a.document for a in story.analyses if check in a.checks)
    cols = st.columns([3, 2])
    chosen = cols[0].selectbox(f"Pin “{plain(subject.text)}” to", list(fits), key=f"pin_place_{view.number}",
                               format_func=lambda pid: describe_place(fits[pid]))
    cols[1].button("Pin it", key=f"pin_save_{view.number}", on_click=save_correction,
                   args=(document, subject, fits[chosen], None, None, "", False))


# --- tabs -----------------------------------------------------------------------------------

@st.fragment
def places_tab(story: Story, views: dict, corrections: tuple) -> None:
    if st.session_state.pop("corrections_changed", False):
        st.rerun(scope="app")  # only this fragment ran, but a saved or undone correction changes the story
    labels = views["labels"]
    corrected = {(d.path, m.start) for c in corrections for d, m in matching_mentions(story, c)}
    entries = [(label, analysis.document, mention, ())
               for analysis, label in zip(story.analyses, labels) for mention in analysis.mentions]
    entries += claim_ends(story, labels, {(e[1].path, e[2].start, e[2].text) for e in entries}, corrected)
    st.markdown(f"**{len(entries)} mentions of places** in {len(story.documents)} articles, with the place "
                "each was read as, the other places the name could mean, and how sure the reading is.")
    rows = [{
        "Source": label,
        "Mention": mention.text,
        "Place": mention.place.name if mention.place else "— not found",
        "Kind": mention.place.kind if mention.place else "",
        "Country": mention.place.country if mention.place else "",
        "Lat": round(mention.place.lat, 4) if mention.place else None,
        "Lon": round(mention.place.lon, 4) if mention.place else None,
        "Confidence": mention.confidence,
        "Alternatives": "; ".join(f"{c.place.name} ({c.place.kind}, {c.place.country})"
                                  for c in mention.candidates
                                  if not mention.place or c.place.place_id != mention.place.place_id)[:300],
        "Corrected": (document.path, mention.start) in corrected,
    } for label, document, mention, _ in entries]
    st.dataframe(spreadsheet_safe_rows(rows), hide_index=True, width="stretch", height=320, key="mentions_table",
                 column_config={"Confidence": st.column_config.ProgressColumn(min_value=0.0, max_value=1.0,
                                                                              format="%.2f"),
                                "Corrected": st.column_config.CheckboxColumn()})
    correction_form(story, entries)
    saved_corrections(story, corrections)


def claim_ends(story: Story, labels: list, known: set, corrected: set) -> list:
    """The ends of claims that no place mention covers and that are not placed, or were pinned by
    a correction ("The reserve", "a town"), as entries of the correction form: (label, document,
    mention, places it could be)."""
    ends, number = [], 0
    for analysis, label in zip(story.analyses, labels):
        for check in analysis.checks:
            number += 1
            for role, mention in (("subject", check.claim.subject), ("anchor", check.claim.anchor)):
                where = (analysis.document.path, mention.start, mention.text)
                pinned = (analysis.document.path, mention.start) in corrected
                if where in known or (mention.place is not None and not pinned):
                    continue
                known.add(where)
                fits = tuple(fit.place for fit in check.candidates) if role == "subject" else ()
                ends.append((f"{label}, {role} of claim {number}", analysis.document, mention, fits))
    return ends


def correction_form(story: Story, entries: list) -> None:
    st.subheader("Correct a resolution", anchor=False)
    order = sorted(range(len(entries)), key=lambda i: (entries[i][2].confidence, i))
    if not order:
        return
    if st.session_state.get("fix_mention") not in order:
        st.session_state["fix_mention"] = order[0]

    def describe(i: int) -> str:
        label, _, mention, _ = entries[i]
        place = describe_place(mention.place) if mention.place else "not found"
        return f"“{mention.text}” in {label} (character {mention.start}) → {place}, confidence {mention.confidence:.0%}"

    index = st.selectbox("Mention (least sure first)", order, format_func=describe, key="fix_mention")
    _, document, mention, could_be = entries[index]
    candidates = {c.place.place_id: c.place for c in mention.candidates} | {p.place_id: p for p in could_be}
    names = {"search": "Another place from the gazetteer…", "coordinates": "Coordinates…"}

    def describe_choice(choice: str) -> str:
        if choice in names:
            return names[choice]
        current = " — current" if mention.place and choice == mention.place.place_id else ""
        return plain(describe_place(candidates[choice]) + current)  # radio labels are Markdown

    left, right = st.columns([3, 2])
    with left:
        choice = st.radio("Resolve to", list(candidates) + list(names), key="fix_choice", format_func=describe_choice)
        place, lat, lon, name = None, None, None, ""
        if choice == "search":
            query = st.text_input("Name to look up", value=mention.text, key="fix_query")
            found = {c.place.place_id: c.place for c in resolve_name(query, gazetteer(), document.text)}
            if found:
                pid = st.selectbox("Place", list(found), key="fix_found", format_func=lambda p: describe_place(found[p]))
                place = found[pid]
            else:
                st.warning(f"No place called {plain(query)} in the gazetteer: enter coordinates instead.")
        elif choice == "coordinates":
            cols = st.columns(3)
            lat = cols[0].number_input("Latitude (° north)", -90.0, 90.0, format="%.5f", key="fix_lat",
                                       value=mention.place.lat if mention.place else 0.0)
            lon = cols[1].number_input("Longitude (° east)", -180.0, 180.0, format="%.5f", key="fix_lon",
                                       value=mention.place.lon if mention.place else 0.0)
            name = cols[2].text_input("Name", value=mention.text, key="fix_name")
        else:
            place = candidates[choice]
    with right:
        every = st.checkbox(f"Every mention of “{plain(mention.text)}” in this article", key="fix_every")
        ready = place is not None or (lat is not None and lon is not None)
        st.button("Save correction", type="primary", disabled=not ready, key="fix_save",
                  on_click=save_correction, args=(document, mention, place, lat, lon, name, every))
        st.caption(f"Saved in {plain(str(corrections_path()))} and applied on every run until undone.")


def save_correction(document, mention, place, lat, lon, name, every) -> None:
    try:
        add_correction(Correction.for_mention(document, mention, place=place, lat=lat, lon=lon, name=name,
                                              every_mention=every))
        st.session_state["correction_message"] = f"Saved: “{mention.text}” → {place.name if place else name}"
    except GeoError as error:
        st.session_state["correction_message"] = f"Not saved: {error}"
    st.session_state["corrections_changed"] = True


def undo(key: str | None) -> None:
    undo_all() if key is None else undo_correction(key)
    st.session_state["correction_message"] = "All corrections undone" if key is None else "Correction undone"
    st.session_state["corrections_changed"] = True


def saved_corrections(story: Story, corrections: tuple) -> None:
    message = st.session_state.pop("correction_message", "")
    if message:
        st.toast(plain(message))
    st.subheader(f"Saved corrections ({len(corrections)})", anchor=False)
    if not corrections:
        st.caption("None yet.")
        return
    for number, correction in enumerate(corrections):
        matched = len(matching_mentions(story, correction))
        where = "every mention" if correction.start is None else f"character {correction.start}"
        target = correction.name or correction.place_id
        cols = st.columns([6, 1])
        cols[0].markdown(f"“{plain(correction.text)}” ({where}) in {plain(correction.document)} → "
                         f"**{plain(target)}** ({correction.lat:.4f}, {correction.lon:.4f}) · applied to "
                         f"{matched} mention{'s' if matched != 1 else ''}")
        cols[1].button("Undo", key=f"undo_{number}", on_click=undo, args=(correction.key,))
    st.button("Undo all corrections", key="undo_all", on_click=undo, args=(None,))


def sources_tab(views: dict) -> None:
    found = views["differences"]
    st.subheader("Where the sources differ", anchor=False)
    if not found:
        st.caption("No travel, distance figure or place reading on which the sources differ.")
    for difference in found:
        with st.container(border=True):
            st.markdown(f":blue-badge[{difference.topic}] **{plain(difference.summary)}**")
            st.markdown("\n".join(f"- **{plain(label)}** ({plain(says)}): “{plain(words)}”"
                                   for label, says, words in difference.positions))
    st.subheader("The articles side by side", anchor=False)
    summaries = views["sources"]
    for first in range(0, len(summaries), SIDE_BY_SIDE):
        for column, source in zip(st.columns(SIDE_BY_SIDE), summaries[first:first + SIDE_BY_SIDE]):
            with column.container(border=True):
                document = source.document
                st.markdown(f"**{plain(source.label)}**  \n{plain(format_date(document.date) or 'date unknown')}")
                st.caption(plain(document.title))
                shown = source.places[:15]
                st.markdown(f"**Places ({len(source.places)})**: "
                            + plain(", ".join(f"{p.name} ×{n}" if n > 1 else p.name for p, n in shown)
                                    + (" …" if len(source.places) > len(shown) else "")))
                claims = "  \n".join(f"{plain(c.claim.subject.text)} from {plain(c.claim.anchor.text)} "
                                     f"{badge(explain.headline(c))}" for c in source.checks)
                st.markdown(f"**Claims**: {claims or 'none'}")
                st.markdown("**Routes**: " + (plain("; ".join(r.name for r in source.routes)) or "none"))
                st.markdown("**Dates**: " + (plain(", ".join(source.dates)) or "none"))
                st.markdown("**Travel**: " + (plain(", ".join(m for m, _ in source.travel)) or "none"))
    st.subheader("Which source names which place", anchor=False)
    st.dataframe(spreadsheet_safe_rows(views["places"]), hide_index=True, width="stretch", height=320,
                 column_config={"place_id": None, "lat": None, "lon": None})


def timeline_tab(views: dict) -> None:
    items = views["timeline"]
    if not items:
        st.caption("No dated meetings, journeys or articles.")
        return
    articles = [i for i in items if i.kind == "article"]
    spans = {"all": "The whole story"}
    if articles and len(articles) < len(items):
        first, last = min(a.start for a in articles), max(a.end for a in articles)
        published = format_date(first.isoformat() if first == last else f"{first}/{last}")
        spans["articles"] = f"Around the articles (published {published})"
    span = st.segmented_control("Time span", list(spans), format_func=spans.get, default="all", key="time_span")
    if span == "articles":
        first = min(a.start for a in articles) - TIMELINE_BEFORE
        last = max(a.end for a in articles) + TIMELINE_AFTER
        items = [i for i in items if i.end >= first and i.start <= last]
    data = [{"title": i.title, "kind": i.kind, "start": i.start.isoformat(),
             "end": (i.end + dt.timedelta(days=1)).isoformat(),  # a bar covers its last day
             "when": i.when, "status": i.status, "where": i.where} for i in items]
    st.vega_lite_chart(data, {
        "height": {"step": 24},
        "layer": [{"mark": {"type": "bar", "cornerRadius": 2, "height": 12}},
                  {"mark": {"type": "point", "filled": True, "size": 60, "opacity": 1}}],
        "encoding": {
            "y": {"field": "title", "type": "nominal", "sort": None, "title": None, "axis": {"labelLimit": 520}},
            "x": {"field": "start", "type": "temporal", "title": None, "axis": {"grid": True, "format": "%b %Y", "labelOverlap": True}},
            "x2": {"field": "end"},
            "color": {"field": "kind", "type": "nominal", "title": None, "legend": {"orient": "top"},
                      "scale": {"domain": list(TIMELINE_COLOURS), "range": list(TIMELINE_COLOURS.values())}},
            "tooltip": [{"field": "title"}, {"field": "when"}, {"field": "status"}, {"field": "where"}],
        },
    }, width="stretch")
    keys = [f"{i.kind}:{i.item_id}" if i.focus else "" for i in items]
    st.caption("Select a meeting or a journey to show it on the map.")
    st.dataframe(spreadsheet_safe_rows({"When": i.when, "What": i.kind, "Title": i.title, "Status": i.status,
                                        "Where": i.where} for i in items), hide_index=True, width="stretch", key="timeline_table",
                 on_select=lambda: focus_from_table("timeline_table", keys), selection_mode="single-row")


def downloads_tab(story: Story) -> None:
    st.caption("Each file is made when you click (a print map takes a few seconds).")
    offered = downloads(story, gazetteer())
    groups = list(dict.fromkeys(d.group for d in offered))
    for column, group in zip(st.columns(len(groups)), groups):
        with column:
            st.markdown(f"**{group}**")
            for download in (d for d in offered if d.group == group):
                st.download_button(download.label, data=download.make, file_name=download.file_name,
                                   mime=download.mime, key=f"download_{download.key}", on_click="ignore",
                                   width="stretch")


def main() -> None:
    st.session_state.pop("corrections_changed", None)  # a full run reads the corrections anyway
    st.html(PAGE_CSS)
    static_folder()
    documents, errors, origin, pack = chosen_documents()
    for error in errors:
        st.sidebar.error(plain(error))
    if errors and origin == "bundled":
        st.sidebar.warning("Nothing readable was given: showing the bundled story.")
    corrections = current_corrections()
    analyse_with_progress(documents, pack, corrections)
    key = (documents, errors, corrections, pack)
    story = story_of(*key)
    for error in story.errors[len(errors):]:  # documents over the time budget
        st.sidebar.error(plain(error))
    if not story.analyses:
        st.info("No article could be read within the time budget: remove it, or give shorter ones.")
        return
    views = views_of(key)
    header(story, views, origin)
    left, right = st.columns([3, 2], gap="medium")
    with left:
        map_panel(story, views, key)
    with right:
        claims_panel(story, views)
    # only the open tab runs: the page a reader opens carries one tab's tables, not four
    places, sources, when, files = st.tabs(TABS, key="tab", on_change="rerun")
    if places.open:
        with places:
            places_tab(story, views, corrections)
    if sources.open:
        with sources:
            sources_tab(views)
    if when.open:
        with when:
            timeline_tab(views)
    if files.open:
        with files:
            downloads_tab(story)


def serve(argv: list[str]) -> None:
    """`python app.py [--section.option VALUE ...]`: fill the shared caches by running the page
    once here, with no reader, then start Streamlit's server in this process (its caches are
    this process's)."""
    import logging
    import sys
    import time

    from streamlit.web import bootstrap

    if len(argv) % 2 or not all(a.startswith("--") and "." in a for a in argv[::2]):
        sys.exit(f"usage: python app.py [--server.port 8501 ...] (Streamlit options in pairs); got {argv}")
    def typed(value: str):
        lowered = value.lower()
        return int(value) if value.isdigit() else {"true": True, "false": False}.get(lowered, value)

    options = {name[2:]: typed(value) for name, value in zip(argv[::2], argv[1::2])}
    # before the warm-up, and before any server: its "restart to apply [server] options" note is moot
    logging.getLogger("streamlit.config").addFilter(lambda record: "please restart" not in record.getMessage())
    bootstrap.load_config_options(flag_options=options)
    started = time.perf_counter()
    print("dashboard: warming the caches (gazetteer, bundled story, its map)…", file=sys.stderr, flush=True)
    # The page, run once by Streamlit's own script runner with no browser: every st.cache_resource
    # below is process-wide and keyed by the function's module, name and source, so the server
    # started next in this process finds them full.
    from streamlit.testing.v1 import AppTest

    warm = AppTest.from_file(__file__, default_timeout=600)
    warm.run()
    if warm.exception:
        print(f"dashboard: the warm-up run failed ({warm.exception[0].message}); "
              "the first reader will fill the caches", file=sys.stderr, flush=True)
    # A component registers itself with the running server when its module is imported during a
    # page run; imported here, with no server yet, it would never be: the first reader's run
    # imports it again.
    for name in [m for m in sys.modules if m.split(".")[0] == "streamlit_folium"]:
        del sys.modules[name]
    print(f"dashboard: caches warm in {time.perf_counter() - started:.1f} s; starting the server",
          file=sys.stderr, flush=True)
    bootstrap.run(__file__, False, [], options)


if __name__ == "__main__" and not st.runtime.exists():
    serve(__import__("sys").argv[1:])
else:
    main()
