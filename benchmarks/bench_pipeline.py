"""Warm per-document pipeline time on the bundled articles, and documents per second per core.

The gazetteer is loaded and one warm-up pass made before timing; then every article goes
through ``geo.story.analyse_document`` (recognition, resolution, claims, checks) again and again
in one process (one core). Recognition plus resolution alone is timed too.
"""

from __future__ import annotations

import time

from common import load_average, median, section, table

from geo.documents import bundled_documents
from geo.gazetteer import default_gazetteer
from geo.resolve import resolve_mentions
from geo.gazetteer.overlay import with_pack
from geo.packs import bundled_pack
from geo.story import analyse_document
from geo.text.recognise import find_mentions

TITLE = "Warm pipeline, per document"
MIN_SECONDS = 5.0  # keep repeating whole passes until at least this long
MIN_PASSES = 20
GOAL_DOCS_PER_SECOND = 200


def _passes(step, documents) -> tuple[dict[str, list[float]], float, float, int]:
    """Per-document CPU times (s) over repeated passes, the total wall and CPU time (s) and
    the number of passes."""
    times: dict[str, list[float]] = {d.path: [] for d in documents}
    wall = cpu = 0.0
    passes = 0
    while passes < MIN_PASSES or wall < MIN_SECONDS:
        for document in documents:
            started, started_cpu = time.perf_counter(), time.process_time()
            step(document)
            elapsed_cpu = time.process_time() - started_cpu
            wall += time.perf_counter() - started
            cpu += elapsed_cpu
            times[document.path].append(elapsed_cpu)
        passes += 1
    return times, wall, cpu, passes


def measure() -> str:
    load = load_average()
    gazetteer = default_gazetteer()
    documents = bundled_documents()

    pack = bundled_pack()  # the bundled story is read with its pack, as `geo claims` reads it
    lookup = with_pack(gazetteer, pack)

    def whole(document):
        return analyse_document(document, gazetteer=gazetteer, pack=pack)

    def places_only(document):
        return resolve_mentions(document.text, find_mentions(document.text, lookup), lookup)

    mentions = {d.path: len(whole(d).mentions) for d in documents}  # also the warm-up pass
    for document in documents:
        places_only(document)
    whole_times, whole_total, whole_cpu, passes = _passes(whole, documents)
    places_times, places_total, places_cpu, places_passes = _passes(places_only, documents)

    rows = [
        (d.path.rsplit("/", 1)[-1], f"{len(d.text):,}", mentions[d.path],
         f"{median(whole_times[d.path]) * 1000:.1f}", f"{median(places_times[d.path]) * 1000:.1f}")
        for d in documents
    ]  # fmt: skip
    whole_count = len(documents) * passes
    places_count = len(documents) * places_passes
    whole_rate = whole_count / whole_cpu
    characters = sum(len(d.text) for d in documents)
    body = table(
        ("article", "characters", "mentions", "analyse_document, CPU ms (median)",
         "recognise + resolve, CPU ms (median)"),
        rows,
    )  # fmt: skip
    verdict = "met" if whole_rate >= GOAL_DOCS_PER_SECOND else "not met"
    body += "\n\n" + table(
        ("pipeline", "documents per CPU second (one core)", "documents per wall second"),
        [
            ("whole (`analyse_document`)", f"**{whole_rate:,.1f}**",
             f"{whole_count / whole_total:,.1f}"),
            ("recognition + resolution only", f"{places_count / places_cpu:,.1f}",
             f"{places_count / places_total:,.1f}"),
        ],
    )  # fmt: skip
    body += (
        f"\n\nGoal ≥ {GOAL_DOCS_PER_SECOND} documents per second per core for the whole "
        f"pipeline: {verdict}. {passes} and {places_passes} passes over the {len(documents)} "
        f"bundled articles (mean {characters / len(documents):,.0f} characters; "
        f"{characters * passes / whole_cpu / 1000:,.0f} thousand characters per CPU second), "
        "one process, gazetteer loaded beforehand. CPU time is the process's own, so it holds "
        "when other work shares the machine; wall time does not."
    )
    return section(TITLE, "bench_pipeline.py", body, load)


if __name__ == "__main__":
    print(measure())
