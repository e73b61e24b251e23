"""Cold `geo places` on the bundled story: wall time from process start to exit.

The first run uses an empty temporary cache folder (``$GEO_CACHE_DIR``), so it builds the
gazetteer cache as a fresh install does; the following runs find the cache warm. The user's own
cache is not touched. A bare interpreter start is timed for comparison.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from common import PYTHON, ROOT, load_average, median, section, table

TITLE = "Cold start: `geo places` on the bundled story"
WARM_RUNS = 5


def geo_command() -> list[str]:
    """The installed `geo` script next to this interpreter, else ``python -m geo.cli``."""
    script = Path(PYTHON).parent / "geo"
    return [str(script)] if script.exists() else [PYTHON, "-m", "geo.cli"]


def run_seconds(command: list[str], cache: str) -> float:
    """Wall time in s of one run of ``command``, start to exit; fails loudly on a non-zero exit."""
    env = {**os.environ, "GEO_CACHE_DIR": cache}
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def measure() -> str:
    load = load_average()
    command = [*geo_command(), "places"]
    with tempfile.TemporaryDirectory(prefix="geo-bench-cache-") as cache:
        first = run_seconds(command, cache)
        warm = [run_seconds(command, cache) for _ in range(WARM_RUNS)]
        bare = median([run_seconds([PYTHON, "-c", "pass"], cache) for _ in range(WARM_RUNS)])
    rows = [
        (f"`geo places`, gazetteer cache warm (median of {WARM_RUNS})", f"{median(warm):.2f} s",
         f"{min(warm):.2f}–{max(warm):.2f} s"),
        ("`geo places`, first run after install (builds the cache)", f"{first:.2f} s", ""),
        ("bare `python -c pass`, for comparison", f"{bare:.3f} s", ""),
    ]  # fmt: skip
    body = table(("run", "wall time", "range"), rows)
    body += (
        f"\n\nCommand: `{' '.join(Path(c).name if i == 0 else c for i, c in enumerate(command))}` "
        "(the five bundled articles), from process start to exit, output discarded."
    )
    return section(TITLE, "bench_cli.py", body, load)


if __name__ == "__main__":
    print(measure())
