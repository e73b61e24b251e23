"""Gazetteer build time (cold, from its sources), warm load time and resident memory.

Each measure runs in a fresh interpreter with its own temporary cache folder
(``$GEO_CACHE_DIR``), so the user's cache is neither used nor touched. Resident memory is the
growth of the process's RSS (/proc/self/status VmRSS) across the load, after the imports.
"""

from __future__ import annotations

import tempfile

from common import load_average, median, rss_mib_snippet, run_python, section, table

TITLE = "Gazetteer: build, load, memory"
WARM_RUNS = 5
RSS_GOAL_MIB = 500

_BUILD = """
import json, resource, time
from geo.gazetteer import Gazetteer
from geo.paths import cache_dir
directory = cache_dir()
started, started_cpu = time.perf_counter(), time.process_time()
Gazetteer.build(directory)
seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
size = sum(p.stat().st_size for p in directory.glob("gazetteer-*.pkl"))
peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "cpu": cpu, "bytes": size, "peak_mib": peak_mib}))
"""

_LOAD = (
    rss_mib_snippet()
    + """
import json, time
from geo.gazetteer import Gazetteer
before = rss_mib()
started, started_cpu = time.perf_counter(), time.process_time()
gazetteer = Gazetteer.load()
load_seconds, load_cpu = time.perf_counter() - started, time.process_time() - started_cpu
after_load = rss_mib()
started = time.perf_counter()
gazetteer.country_at(48.85, 2.35)
shapes_seconds = time.perf_counter() - started
after_shapes = rss_mib()
print(json.dumps({"load_seconds": load_seconds, "load_cpu": load_cpu,
                  "shapes_seconds": shapes_seconds,
                  "places": len(gazetteer), "index_mib": after_load - before,
                  "with_shapes_mib": after_shapes - before, "base_mib": before}))
"""
)


def measure() -> str:
    load = load_average()
    with tempfile.TemporaryDirectory(prefix="geo-bench-cache-") as cache:
        env = {"GEO_CACHE_DIR": cache}
        build = run_python(_BUILD, env)
        loads = [run_python(_LOAD, env) for _ in range(WARM_RUNS)]
    load_seconds = median([r["load_seconds"] for r in loads])
    load_cpu = median([r["load_cpu"] for r in loads])
    shapes_seconds = median([r["shapes_seconds"] for r in loads])
    index_mib = median([r["index_mib"] for r in loads])
    shapes_mib = median([r["with_shapes_mib"] for r in loads])
    rows = [
        ("places in the gazetteer", f"{loads[0]['places']:,}", ""),
        ("cold build from sources (`Gazetteer.build`)",
         f"{build['cpu']:.1f} s CPU, {build['seconds']:.1f} s wall", ""),
        ("peak resident memory of the building process", f"{build['peak_mib']:,.0f} MiB", ""),
        ("cache files on disk", f"{build['bytes'] / 1024**2:.0f} MiB", ""),
        (f"warm load of the index (`Gazetteer.load`, median of {WARM_RUNS})",
         f"{load_cpu:.2f} s CPU, {load_seconds:.2f} s wall", ""),
        ("first shape query (`country_at`, loads the polygons)",
         f"{shapes_seconds:.2f} s wall", ""),
        ("resident memory added by the loaded index", f"{index_mib:.0f} MiB",
         f"< {RSS_GOAL_MIB} MiB: {'met' if index_mib < RSS_GOAL_MIB else 'not met'}"),
        ("resident memory with the polygons loaded too", f"{shapes_mib:.0f} MiB",
         f"< {RSS_GOAL_MIB} MiB: {'met' if shapes_mib < RSS_GOAL_MIB else 'not met'}"),
        ("interpreter with `geo.gazetteer` imported, before loading",
         f"{median([r['base_mib'] for r in loads]):.0f} MiB", ""),
    ]  # fmt: skip
    body = table(("measure", "value", "goal"), rows)
    body += (
        "\n\nEach figure comes from a fresh interpreter using a temporary cache folder "
        "(`GEO_CACHE_DIR`); memory is the growth of VmRSS across the call."
    )
    return section(TITLE, "bench_gazetteer.py", body, load)


if __name__ == "__main__":
    print(measure())
