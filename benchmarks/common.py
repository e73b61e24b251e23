"""Helpers shared by the benchmark scripts: the machine, timing, fresh interpreters, sections.

Every ``benchmarks/bench_*.py`` prints one Markdown section of docs/benchmarks.md on stdout,
starting with its ``## `` heading; ``benchmarks/run.py`` runs them all and rewrites the file.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def _meminfo_gib() -> float:
    """Total RAM in GiB from /proc/meminfo (0.0 where there is none)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return 0.0


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> str:
    """The machine in one line: cores, RAM (GiB), CPU model, OS, Python."""
    return (
        f"{os.cpu_count()} CPU cores ({_cpu_model()}), {_meminfo_gib():.1f} GiB RAM, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def cpu_seconds() -> float:
    """CPU time (user + system, s) of this process and of the children it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of one call of ``action``, subprocesses it runs included.

    On a machine shared with other work the wall time grows; the CPU time much less.
    """
    wall, cpu = time.perf_counter(), cpu_seconds()
    action()
    return time.perf_counter() - wall, cpu_seconds() - cpu


def repeat_timed(action: Callable[[], object], repeats: int) -> tuple[list[float], list[float]]:
    """Wall times and CPU times (s) of ``repeats`` calls of ``action``."""
    runs = [timed(action) for _ in range(repeats)]
    return [wall for wall, _ in runs], [cpu for _, cpu in runs]


def median(values: list[float]) -> float:
    return statistics.median(values)


def run_python(code: str, env: dict | None = None) -> dict:
    """Run ``code`` in a fresh interpreter at the project root; its last stdout line is JSON."""
    done = subprocess.run(
        [PYTHON, "-c", code],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmark subprocess failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def rss_mib_snippet() -> str:
    """Python source defining ``rss_mib()``: this process's resident memory now, MiB."""
    return (
        "def rss_mib():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmRSS:'):\n"
        "            return int(line.split()[1]) / 1024\n"
    )


def load_average() -> float:
    """The 1-minute load average: above the core count, other work competed for the CPU."""
    return os.getloadavg()[0]


def section(title: str, script: str, body: str, load: float) -> str:
    """A Markdown section: heading, when/where/how it was measured, then ``body``.

    ``load`` is the load average seen when the measurement began.
    """
    stamp = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (
        f"## {title}\n\n"
        f"Measured {stamp} on {machine()}, with `.venv/bin/python benchmarks/{script}`; "
        f"load average {load:.1f} when it began.\n\n"
        f"{body.strip()}\n"
    )


def table(header: tuple[str, ...], rows: list[tuple]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)
