"""Cold `geo places` on the bundled story: wall time from process start to exit.

The first run uses an empty temporary cache folder (``$GEO_CACHE_DIR``), so it builds the
gazetteer cache as a fresh install does; the following runs find the cache warm. The user's own
cache is not touched. A bare interpreter start is timed for comparison.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from common import PYTHON, ROOT, load_average, median, section, table, timed

TITLE = "Cold start: `geo places` on the bundled story"
WARM_RUNS = 5


def geo_command() -> list[str]:
    """The installed `geo` script next to this interpreter, else ``python -m geo.cli``."""
    script = Path(PYTHON).parent / "geo"
    return [str(script)] if script.exists() else [PYTHON, "-m", "geo.cli"]


def run_timed(command: list[str], cache: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of ``command``, start to exit; a non-zero exit raises."""
    env = {**os.environ, "GEO_CACHE_DIR": cache}
    return timed(
        lambda: subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    )


def measure() -> str:
    load = load_average()
    command = [*geo_command(), "places"]
    with tempfile.TemporaryDirectory(prefix="geo-bench-cache-") as cache:
        first_wall, first_cpu = run_timed(command, cache)
        warm = [run_timed(command, cache) for _ in range(WARM_RUNS)]
        bare = [run_timed([PYTHON, "-c", "pass"], cache) for _ in range(WARM_RUNS)]
    warm_walls = [wall for wall, _ in warm]

    def medians(runs):
        return f"{median([cpu for _, cpu in runs]):.2f} s", f"{median([w for w, _ in runs]):.2f} s"

    rows = [
        (f"`geo places`, gazetteer cache warm (median of {WARM_RUNS})", *medians(warm),
         f"{min(warm_walls):.2f}–{max(warm_walls):.2f} s"),
        ("`geo places`, first run after install (builds the cache)", f"{first_cpu:.2f} s",
         f"{first_wall:.2f} s", ""),
        (f"bare `python -c pass`, for comparison (median of {WARM_RUNS})", *medians(bare), ""),
    ]  # fmt: skip
    body = table(("run", "CPU time", "wall time", "wall range"), rows)
    body += (
        f"\n\nCommand: `{' '.join(Path(c).name if i == 0 else c for i, c in enumerate(command))}` "
        "(the five bundled articles), from process start to exit, output discarded; the first "
        "run uses an empty cache folder. CPU time is the child process's user + system time."
    )
    return section(TITLE, "bench_cli.py", body, load)


if __name__ == "__main__":
    print(measure())
