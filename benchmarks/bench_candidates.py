""""Where could it be?": the time of the candidate search over the whole gazetteer.

For claims "a town N km <direction> of X" with X a random populated place of the gazetteer
(seeded), N from 10 to 1,000 km and one of the eight winds, times ``geo.check.check_claim``
with the gazetteer (the ring, the sector, the kind filter, the vectorised WGS84 geodesics over
the rows a latitude band and a longitude window leave, the scores) and, apart, the gazetteer's
``within`` alone. The first call builds the latitude index; it is timed on its own.
"""

from __future__ import annotations

import time

import numpy as np
from common import load_average, section, table

from geo.check import check_claim
from geo.gazetteer import default_gazetteer
from geo.model import DistanceClaim, Mention, Quantity

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
    return section(TITLE, "bench_candidates.py", body, load)


if __name__ == "__main__":
    print(measure())
