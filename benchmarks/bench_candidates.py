""""Where could it be?": the time of the candidate search over the whole gazetteer.

For claims "a town N km <direction> of X" with X a random populated place of the gazetteer
(seeded), N from 10 to 1,000 km and one of the eight winds, times ``geo.check.check_claim``
with the gazetteer (the ring, the sector, the kind filter, the vectorised WGS84 geodesics over
the rows a latitude band and a longitude window leave, the scores) and, apart, the gazetteer's
``within`` alone. The first call builds the latitude index; it is timed on its own.

Then, on the distance-claims dev set (``distance_claims_dev.jsonl`` in ``$GEO_CORPORA_DIR`` or
``../shared/benchmarks``, read in place), how the checks of the sentences that state a claim
come out: verdicts, why the unverifiable ones are, how many travel times, search areas and
candidates. Usage: ``bench_candidates.py [CORPORA_DIR]``.
"""

from __future__ import annotations

import collections
import json
import re
import time

import numpy as np
from common import load_average, section, table

from bench_geoparsing import corpora_dir

from geo.check import check_claim
from geo.gazetteer import default_gazetteer
from geo.model import DistanceClaim, Document, Mention, Quantity
from geo.story import analyse_document

TITLE = "Where could it be? The candidate search"
CLAIMS_PER_DISTANCE = 200
DISTANCES_KM = (10, 60, 200, 1000)
WINDS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")


def _claims(gazetteer, km: float, rng) -> list[DistanceClaim]:
    kinds = np.asarray(gazetteer._columns["kind"], dtype=object)
    populated = np.flatnonzero(np.isin(kinds, ["city", "capital"]))
    rows = rng.choice(populated, CLAIMS_PER_DISTANCE, replace=False)
    claims = []
    for row in rows:
        anchor = gazetteer._place(int(row))
        claims.append(DistanceClaim(
            "bench", "A town N km from X.", 0, Mention("a town", 0, 6), Mention(anchor.name, 0, 1, anchor),
            (Quantity("km", float(km)),), hedge="about", direction=str(rng.choice(WINDS)), subject_kind="town"))
    return claims


def measure() -> str:
    load = load_average()
    gazetteer = default_gazetteer()
    start = time.perf_counter()
    gazetteer.kinds()  # builds the latitude index once
    index_s = time.perf_counter() - start
    rng = np.random.default_rng(12)
    rows = []
    for km in DISTANCES_KM:
        claims = _claims(gazetteer, km, rng)
        times, found = [], []
        for claim in claims:
            start = time.perf_counter()
            check = check_claim(claim, (), gazetteer)
            times.append(time.perf_counter() - start)
            found.append(len(check.candidates))
        ms = np.array(times) * 1000
        rows.append((f"about {km:,} km", CLAIMS_PER_DISTANCE, f"{np.median(ms):.2f}", f"{np.percentile(ms, 95):.2f}",
                     f"{ms.max():.2f}", f"{np.mean(np.array(found) > 0):.0%}", f"{np.median(found):.0f}"))
    body = table(("claim", "claims", "median ms", "95th pct ms", "max ms", "with a candidate", "median candidates"),
                 rows)
    body += (f"\n\nEach claim: `check_claim` with the gazetteer ({len(gazetteer):,} places), a random populated "
             f"anchor (seeded), the figure hedged with 'about', one of the eight winds, subject kind 'town' "
             f"(populated places; at most 10 candidates kept). Building the latitude index the search cuts "
             f"its bounding box from (once per process): {index_s * 1000:.0f} ms. One process, one core; "
             "wall times.")
    body += "\n\n" + dev_set_verdicts(gazetteer)
    return section(TITLE, "bench_candidates.py", body, load)


def dev_set_verdicts(gazetteer) -> str:
    """How the checks of the dev set's claim sentences come out, as a Markdown paragraph + table."""
    path = corpora_dir() / "distance_claims_dev.jsonl"
    if not path.exists():
        return f"(The dev set {path} is not there: no verdict counts.)"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    verdicts, reasons = collections.Counter(), collections.Counter()
    areas = fits = checks = 0
    for number, row in enumerate(rows):
        if not row["is_claim"]:
            continue
        text = f"{row['context']}\n\n{row['text']}" if row.get("context") else row["text"]
        for check in analyse_document(Document(f"dev-{number}", text), gazetteer=gazetteer).checks:
            checks += 1
            time_claim = check.time_verdict is not None
            verdicts[f"travel time {check.time_verdict}" if time_claim else f"distance {check.distance_verdict}"] += 1
            areas += check.search_area is not None
            fits += bool(check.candidates)
            if not time_claim and check.distance_verdict == "unverifiable":
                found = re.search(r"as the (subject|anchor) .*? (is not named|is not in the gazetteer|could mean)",
                                  check.explanation)
                reasons[f"the {found.group(1)} {found.group(2)}" if found else "other (figure, route, same place)"] += 1
    table_rows = [(name, count) for name, count in sorted(verdicts.items())]
    table_rows += [(f"unverifiable distance: {why}", count) for why, count in reasons.most_common()]
    return (f"The dev set's {sum(r['is_claim'] for r in rows)} claim sentences, read by the whole pipeline "
            f"(`analyse_document`, no story pack), give {checks} checks; {areas} carry a search area "
            f"(unplaced subject, placed anchor), {fits} of them candidates (a subject that names no place).\n\n"
            + table(("checks of claim sentences", "count"), table_rows))


if __name__ == "__main__":
    print(measure())
