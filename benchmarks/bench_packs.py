"""What a story pack costs: reading and checking it, laying it over the world's gazetteer, and
reading news with it.

The bundled pack is read cold (every file parsed and checked, the routes drawn along their
track) and laid over the loaded world gazetteer; then the first LGL documents (news the pack
knows nothing about: lgl.xml in $GEO_CORPORA_DIR or ../shared/benchmarks, read from there) go through
``analyse_document`` without a pack and with the bundled one, in alternating passes, CPU time.
"""

from __future__ import annotations

import os
import time

from common import ROOT, load_average, section, table

from geo.evaluate import read_corpus
from geo.gazetteer import default_gazetteer
from geo.gazetteer.overlay import StoryGazetteer
from geo.model import Document
from geo.packs import _read_pack
from geo.paths import BUNDLED_STORY
from geo.story import analyse_document

TITLE = "Story packs"
CORPORA = os.environ.get("GEO_CORPORA_DIR") or str(ROOT.parent / "shared" / "benchmarks")
"""The folder of the benchmark corpora, as for bench_geoparsing.py ($GEO_CORPORA_DIR)."""
DOCUMENTS = 200
PASSES = 3


def _cpu(action) -> float:
    started = time.process_time()
    action()
    return time.process_time() - started


def measure() -> str:
    load = load_average()
    gazetteer = default_gazetteer()
    read_ms = min(_cpu(lambda: _read_pack(BUNDLED_STORY.resolve())) for _ in range(3)) * 1000
    pack = _read_pack(BUNDLED_STORY.resolve())
    overlay_ms = min(_cpu(lambda: StoryGazetteer(gazetteer, pack)) for _ in range(3)) * 1000
    documents = [Document(path=g.doc_id, text=g.text) for g in read_corpus(os.path.join(CORPORA, "lgl.xml"))[:DOCUMENTS]]
    for document in documents:  # warm-up: every lazy table and cache (capitals, names, candidates)
        analyse_document(document, gazetteer=gazetteer)
        analyse_document(document, gazetteer=gazetteer, pack=pack)
    without = with_pack = 0.0
    for _ in range(PASSES):
        without += _cpu(lambda: [analyse_document(d, gazetteer=gazetteer) for d in documents])
        with_pack += _cpu(lambda: [analyse_document(d, gazetteer=gazetteer, pack=pack) for d in documents])
    count = len(documents) * PASSES
    body = table(("step", "CPU"), [
        ("read and check the bundled pack (places, descriptions, 6 routes along 2 tracks, meetings)",
         f"{read_ms:,.0f} ms"),
        ("lay it over the loaded world gazetteer", f"{overlay_ms:,.1f} ms"),
    ])
    body += "\n\n" + table(("LGL news, first documents", "documents per CPU second"), [
        ("world gazetteer alone (no pack)", f"{count / without:,.1f}"),
        ("with the bundled pack laid over it", f"{count / with_pack:,.1f}"),
    ])
    body += (f"\n\n{len(documents)} LGL documents, {PASSES} alternating passes each way, one process, "
             "gazetteer loaded beforehand; `analyse_document` whole (recognition, resolution, claims, "
             "checks). Without a pack the world gazetteer is used directly, so a story's pack costs "
             "nothing to readers of other news.")
    return section(TITLE, "bench_packs.py", body, load)


if __name__ == "__main__":
    print(measure())
