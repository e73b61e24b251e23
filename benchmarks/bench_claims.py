"""Distance-claim extraction: quality on the real-sentence dev set, and time on 1 MB inputs.

Quality: `geo evaluate claims distance_claims_dev.jsonl --json` (the set is read from
``../shared/benchmarks/`` or the folder given as the first argument, never copied into the
project). Time: :func:`geo.text.claims.extract_claims` (sentence splitting, figures, grammar)
on 100 kB and 1 MB of thirteen text shapes, the mentions being every capitalised word; the goal
is at most 1 s of CPU per 100 kB on 1 MB of any shape (issue 12).

Usage: ``.venv/bin/python benchmarks/bench_claims.py [FOLDER]``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from common import PYTHON, ROOT, load_average, section, table

from geo.model import Document, Mention
from geo.text.claims import extract_claims

TITLE = "Distance claims (issue 12)"
SET_NAME = "distance_claims_dev.jsonl"
GOALS = {"f1": 0.90, "anchor_share": 0.90, "unit_share": 0.95, "direction_share": 0.95, "lookalikes": 6}
SHAPES = {
    "claims, repeated": "Ardent lies about 30 km (19 miles) north of Belmont, a 2½-hour drive from Corvale. ",
    "figures only": "30 km 40 km 1 200 km 2½ miles three-quarters of a mile ",
    "one endless sentence": "the town of Ardent 30 km from Belmont and ",
    "nested brackets of figures": "(30 km (40 km (50 km [60 km ",
    "punctuation runs": "......!!!???,,,;;;",
    "hedges": "about some roughly nearly almost more than ",
    "number words": "one two three four five six seven eight nine ten twenty thirty ",
    "from chains": "from Ardent from Belmont from Corvale to ",
    "hard-wrapped lines": "Ardent 30\nkm from\nBelmont of\n",
    "capitals": "Ardent Belmont Corvale Dunmore Eastport ",
    "digits": "1234567890 ",
    "days and weeks": "a two-day trek from Ardent, two days by train to Belmont, a week's sail (3 days by bus) ",
    "questions and brackets": "How far is it to Ardent? About 30 km. Walk to Belmont (15 minutes by car or ",
}
_NAME = re.compile(r"\b[A-Z][a-z]+\b")


def set_path() -> Path | None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(
        os.environ.get("GEO_CORPORA_DIR") or ROOT.parent / "shared" / "benchmarks"
    )
    path = folder / SET_NAME
    return path if path.exists() else None


def extraction_seconds(text: str) -> float:
    mentions = [Mention(m.group(), m.start(), m.end()) for m in _NAME.finditer(text)]
    begin = time.process_time()
    extract_claims(Document(path="bench", text=text), mentions)
    return time.process_time() - begin


def measure() -> str:
    load = load_average()
    parts = []
    path = set_path()
    if path is None:
        parts.append(f"The dev set ({SET_NAME}) was not found; pass its folder as the first argument.")
    else:
        done = subprocess.run(
            [PYTHON, "-m", "geo.cli", "evaluate", "claims", str(path), "--json"],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"geo evaluate claims failed: {done.stderr.strip()}")
        r = json.loads(done.stdout)
        rows = [
            ("claims found (recall)", f"{r['found']} of {r['gold_claims']} ({r['recall']:.3f})", ""),
            ("precision", f"{r['right_returned']} of {r['returned_claims']} ({r['precision']:.3f})", ""),
            ("F1", f"{r['f1']:.3f}", f"≥ {GOALS['f1']:.2f}"),
            ("right anchor, of found", f"{r['anchor_share']:.3f}", f"≥ {GOALS['anchor_share']:.2f}"),
            ("right unit, of found", f"{r['unit_share']:.3f}", f"≥ {GOALS['unit_share']:.2f}"),
            ("right direction, of found", f"{r['direction_share']:.3f}", f"≥ {GOALS['direction_share']:.2f}"),
            ("look-alikes giving a claim", f"{r['lookalikes_claimed']} of {r['lookalikes']}", f"≤ {GOALS['lookalikes']}"),
            ("pipeline CPU time for the set", f"{r['cpu_seconds']:.2f} s", ""),
        ]
        parts.append(
            f"`geo evaluate claims {SET_NAME}` (the whole pipeline on each item, its context sentence "
            "before it; a claim is found when one of its numbers is returned):\n\n"
            + table(("measure", "value", "goal"), rows)
        )
    rows = []
    worst = 0.0
    for name, unit in SHAPES.items():
        small = extraction_seconds(unit * (100_000 // len(unit)))
        large = extraction_seconds(unit * (1_000_000 // len(unit)))
        worst = max(worst, large / 10)
        rows.append((name, f"{small:.2f}", f"{large:.2f}", f"{large / 10:.2f}", f"{large / max(small, 1e-3):.1f}"))
    parts.append(
        "Extraction time (`extract_claims`, CPU seconds, one process) on text of each shape:\n\n"
        + table(("shape", "100 kB, s", "1 MB, s", "s per 100 kB at 1 MB", "1 MB / 100 kB"), rows)
        + f"\n\nGoal ≤ 1 s per 100 kB on 1 MB of any shape: worst {worst:.2f} s "
        + ("(met)." if worst <= 1.0 else "(NOT met).")
    )
    return section(TITLE, "bench_claims.py", "\n\n".join(parts), load)


if __name__ == "__main__":
    print(measure())
