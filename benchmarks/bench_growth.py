"""Seconds per MB of text, for real news and for the shapes that once made reading super-linear.

Usage: ``.venv/bin/python benchmarks/bench_growth.py [LGL_XML]`` (default
``$GEO_CORPORA_DIR/lgl.xml``, else ``../shared/benchmarks/lgl.xml``: the corpus is read where it
is, never copied into the project).

For each text: CPU seconds per MB (one core, this process, gazetteer loaded beforehand) of
reading (bytes to Document), recognition + resolution, claim extraction, and the whole
pipeline (``geo.story.analyse_document``), at 100 kB and 1 MB; the ratio 1 MB / 100 kB shows
the growth (10 is linear). Real news: the bundled articles and the LGL corpus's 588 articles,
each read as the separate document it is, and the bundled articles repeated to 9.5 MB as one
document (the size just under the 10 MB limit).
"""

from __future__ import annotations

import os
import sys
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from common import ROOT, load_average, section, table

sys.path.insert(0, str(ROOT / "tests"))  # the shapes are the growth test's (tests/growth_shapes.py)

from growth_shapes import TEXT_SHAPES, bundled  # noqa: E402

from geo.documents import document_from_bytes  # noqa: E402
from geo.gazetteer import default_gazetteer  # noqa: E402
from geo.resolve import resolve_mentions  # noqa: E402
from geo.story import analyse_document  # noqa: E402
from geo.text.claims import extract_claims  # noqa: E402
from geo.text.recognise import find_mentions  # noqa: E402

TITLE = "Growth: seconds per MB of text, real and pathological"
BEFORE = """Before issue 11 (main at f2f67cb, 2026-11-28, same machine): the recogniser alone took 20.8 s
on 100 kB of 'Hue ' repeated, 19.8 s on 100 kB of runs of punctuation and 6.6 s on 100 kB of
repeated sentences (a search of the whole text per sentence-initial word, an `any()` over the
rest of a capitalised run per word); reading an HTML page of 100 kB of unclosed comments
(`"<!--" * 25,000`) did not finish in 100 s (Python 3.11's html.parser); the issue's audit
measured `geo claims` on the 9.5 MB file still running after 500 s, 80 kB of hard-wrapped lines
50 s, 20,000 dots 12 s and 1 MB of repeated sentences through `geo places` over 300 s. Later
growth found and removed by this benchmark: numbered places ('Pier 33') matched every match
against every mention (38 s of 61 on 3 MB of news), and resolution counted the evidence's
countries again for every name and measured every ambiguous candidate against every anchor
place (1 MB of LGL + TR-News as one document: resolution 0.6 s at 100 kB, 3.7 s at 300 kB and
10.4 s at 1 MB after the first fix; the LGL row above, as one document, is the figure now)."""
SIZES = (100_000, 1_000_000)
BIG = 9_500_000


def _lgl_path() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    return Path(os.environ.get("GEO_CORPORA_DIR") or ROOT.parent / "shared" / "benchmarks") / "lgl.xml"


def _cpu(action) -> float:
    began = time.process_time()
    action()
    return time.process_time() - began


def _stages(texts: list[str], gazetteer) -> dict[str, float]:
    """CPU seconds of each stage over ``texts`` (each its own document)."""
    times = {"read": 0.0, "places": 0.0, "claims": 0.0, "whole": 0.0}
    for number, text in enumerate(texts):
        data = text.encode("utf-8")
        name = f"text-{number}.txt"
        times["read"] += _cpu(lambda: document_from_bytes(name, data))
        document = document_from_bytes(name, data)
        found = {}
        times["places"] += _cpu(lambda: found.setdefault(
            "m", resolve_mentions(document.text, find_mentions(document.text, gazetteer), gazetteer)))
        times["claims"] += _cpu(lambda: extract_claims(document, found["m"]))
        times["whole"] += _cpu(lambda: analyse_document(document, gazetteer=gazetteer))
    return times


def _per_mb(seconds: float, characters: int) -> str:
    return f"{seconds / (characters / 1e6):.2f}"


def measure() -> str:
    load = load_average()
    gazetteer = default_gazetteer()
    _stages([bundled(20_000)], gazetteer)  # warm-up: caches, lazy imports

    rows = []
    for name, make in TEXT_SHAPES.items():
        small, large = (_stages([make(size)], gazetteer) for size in SIZES)
        rows.append((name, *(_per_mb(large[s], SIZES[1]) for s in ("read", "places", "claims", "whole")),
                     f"{large['whole'] / max(small['whole'], 1e-3):.1f}"))
    body = table(("text (1 MB, one document)", "reading s/MB", "recognise + resolve s/MB", "claims s/MB",
                  "whole pipeline s/MB", "growth 100 kB → 1 MB (10 = linear)"), rows)

    real = []
    lgl = _lgl_path()
    if lgl.exists():
        texts = [a.findtext("text") or "" for a in ElementTree.parse(lgl).getroot()]
        texts = [t for t in texts if t.strip()]
        times = _stages(texts, gazetteer)
        characters = sum(len(t) for t in texts)
        real.append((f"LGL, {len(texts)} articles ({characters / 1e6:.2f} MB), each its own document",
                     *(_per_mb(times[s], characters) for s in ("read", "places", "claims", "whole"))))
        joined = "\n\n".join(texts)
        times = _stages([joined], gazetteer)
        real.append((f"LGL's articles joined into one document ({len(joined) / 1e6:.2f} MB)",
                     *(_per_mb(times[s], len(joined)) for s in ("read", "places", "claims", "whole"))))
    big = bundled(BIG)
    times = _stages([big], gazetteer)
    real.append((f"bundled articles repeated to {BIG / 1e6:.1f} MB, one document",
                 *(_per_mb(times[s], BIG) for s in ("read", "places", "claims", "whole"))))
    body += "\n\n" + table(("real news", "reading s/MB", "recognise + resolve s/MB", "claims s/MB",
                            "whole pipeline s/MB"), real)
    body += (
        f"\n\nThe {BIG / 1e6:.1f} MB document goes through the whole pipeline in "
        f"**{times['whole']:.1f} CPU s**. CPU time of this process (one core), so it holds when "
        "other work shares the machine. tests/test_growth.py guards the growth (1 MB at most 15 "
        "times 100 kB, every stage and shape); the shapes are tests/growth_shapes.py."
    )
    body += "\n\n" + BEFORE
    return section(TITLE, "bench_growth.py", body, load)


if __name__ == "__main__":
    print(measure())
