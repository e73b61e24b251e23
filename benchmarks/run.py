"""Run the benchmarks and rewrite their sections of docs/benchmarks.md.

Usage: ``.venv/bin/python benchmarks/run.py [NAME ...]`` runs every ``benchmarks/bench_*.py``
(or only ``bench_NAME.py`` for each NAME given), each in its own process. A benchmark script
prints one Markdown section starting with its ``## `` heading; that section replaces the one
with the same heading in docs/benchmarks.md, or is added at the end. Sections no script printed
this time are kept as they are, as is the section of a script that prints plain text instead. A
script that fails leaves its old section in place, and the run exits 1 after the others ran.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import PYTHON, ROOT

BENCHMARKS = Path(__file__).resolve().parent
DOC = ROOT / "docs" / "benchmarks.md"

PREAMBLE = """# Benchmarks

What `geo` costs and how well it reads, measured. Each section names its machine, its date and
the command that produced it. `.venv/bin/python benchmarks/run.py` re-measures everything and
rewrites the measured sections of this file (`benchmarks/run.py geodesy pipeline` runs only
`bench_geodesy.py` and `bench_pipeline.py`); each `benchmarks/bench_*.py` also runs alone and
prints its section.
"""


def split_sections(markdown: str) -> dict[str, str]:
    """The ``## `` sections of a Markdown text by heading, in order, each with its heading line."""
    sections: dict[str, str] = {}
    heading = None
    for line in markdown.splitlines(keepends=True):
        if line.startswith("## "):
            heading = line[3:].strip()
            sections[heading] = ""
        if heading is not None:
            sections[heading] += line
    return sections


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


FIRST = ("geoparsing", "pipeline", "cli", "gazetteer", "static_map", "geodesy", "dashboard")
"""Benchmarks run (and, on a new page, shown) in this order; any others follow by name."""


def scripts(names: list[str]) -> list[Path]:
    if not names:
        rank = {f"bench_{name}.py": i for i, name in enumerate(FIRST)}
        found = BENCHMARKS.glob("bench_*.py")
        return sorted(found, key=lambda p: (rank.get(p.name, len(FIRST)), p.name))
    chosen = [BENCHMARKS / f"bench_{name.removeprefix('bench_').removesuffix('.py')}.py"
              for name in names]  # fmt: skip
    unknown = [p.name for p in chosen if not p.exists()]
    if unknown:
        sys.exit(f"run.py: no such benchmark: {', '.join(unknown)}")
    return chosen


def main(names: list[str]) -> int:
    measured: dict[str, str] = {}
    failed = []
    for script in scripts(names):
        print(f"running {script.name} ...", file=sys.stderr, flush=True)
        done = subprocess.run(
            [PYTHON, str(script)], cwd=ROOT, capture_output=True, text=True, check=False
        )
        print(done.stdout)
        if done.returncode != 0:
            failed.append(script.name)
            print(f"{script.name} failed:\n{done.stderr.strip()}", file=sys.stderr)
        elif not done.stdout.startswith("## "):
            note = f"{script.name} printed no '## ' section; {DOC.name} keeps its old one"
            print(note, file=sys.stderr)
        else:
            measured.update(split_sections(done.stdout))
    # read the page only now, so that a section someone wrote meanwhile is kept
    sections = split_sections(DOC.read_text(encoding="utf-8")) if DOC.exists() else {}
    sections.update(measured)
    page = "\n".join([PREAMBLE, *(text.rstrip() + "\n" for text in sections.values())])
    write_atomically(DOC, page)
    print(f"wrote {DOC.relative_to(ROOT)}", file=sys.stderr)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
