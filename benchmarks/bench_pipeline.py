"""Warm per-document pipeline time on the bundled articles, and documents per second per core.

The gazetteer is loaded and one warm-up pass made before timing; then every article goes
through ``geo.story.analyse_document`` (recognition, resolution, claims, checks) again and again
in one process (one core). Recognition plus resolution alone is timed too.
"""

from __future__ import annotations

import time

from common import median, section, table

from geo.gazetteer import default_gazetteer
from geo.resolve import resolve_mentions
from geo.documents import bundled_documents
from geo.story import analyse_document
from geo.text.recognise import find_mentions

TITLE = "Warm pipeline, per document"
MIN_SECONDS = 5.0  # keep repeating whole passes until at least this long
MIN_PASSES = 20
GOAL_DOCS_PER_SECOND = 200


def _passes(step, documents) -> tuple[dict[str, list[float]], float, int]:
    """Per-document times (s) over repeated passes, the total time (s) and the number of passes."""
    times: dict[str, list[float]] = {d.path: [] for d in documents}
    total = 0.0
    passes = 0
    while passes < MIN_PASSES or total < MIN_SECONDS:
        for document in documents:
            started = time.perf_counter()
            step(document)
            elapsed = time.perf_counter() - started
            times[document.path].append(elapsed)
            total += elapsed
        passes += 1
    return times, total, passes


def measure() -> str:
    gazetteer = default_gazetteer()
    documents = bundled_documents()

    def whole(document):
        return analyse_document(document, gazetteer=gazetteer)

    def places_only(document):
        return resolve_mentions(
            document.text, find_mentions(document.text, gazetteer), gazetteer
        )

    mentions = {d.path: len(whole(d).mentions) for d in documents}  # also the warm-up pass
    for document in documents:
        places_only(document)
    whole_times, whole_total, passes = _passes(whole, documents)
    places_times, places_total, places_passes = _passes(places_only, documents)

    rows = [
        (d.path.rsplit("/", 1)[-1], f"{len(d.text):,}", mentions[d.path],
         f"{median(whole_times[d.path]) * 1000:.1f}", f"{median(places_times[d.path]) * 1000:.1f}")
        for d in documents
    ]  # fmt: skip
    whole_rate = len(documents) * passes / whole_total
    places_rate = len(documents) * places_passes / places_total
    body = table(
        ("article", "characters", "mentions", "analyse_document, ms (median)",
         "recognise + resolve, ms (median)"),
        rows,
    )  # fmt: skip
    verdict = "met" if whole_rate >= GOAL_DOCS_PER_SECOND else "not met"
    body += (
        f"\n\n**{whole_rate:,.1f} documents per second per core** for the whole pipeline "
        f"(`analyse_document`; goal ≥ {GOAL_DOCS_PER_SECOND}: {verdict}); "
        f"{places_rate:,.1f} per second for recognition and resolution alone. "
        f"{passes} and {places_passes} passes over the {len(documents)} bundled articles "
        f"(mean {sum(len(d.text) for d in documents) / len(documents):,.0f} characters), one "
        "process, gazetteer loaded beforehand."
    )
    return section(TITLE, "bench_pipeline.py", body)


if __name__ == "__main__":
    print(measure())
