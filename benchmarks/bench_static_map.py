"""Static map export time: ``geo.maps.static.render_static`` of the bundled story to PNG, SVG, PDF.

The story is analysed first (not timed). The first export in the process (which also loads the
basemap and matplotlib's fonts) is reported apart from the warm median. PNG is written at the
default 300 dpi.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import load_average, median, repeat_timed, section, table, timed

from geo.maps.static import render_static
from geo.story import analyse

TITLE = "Static map export"
SCRIPT = "bench_static_map.py"
REPEATS = 3
FORMATS = ("png", "svg", "pdf")


def measure() -> str:
    load = load_average()
    story = analyse()
    rows = []
    with tempfile.TemporaryDirectory(prefix="geo-bench-map-") as folder:
        first_wall, first_cpu = timed(lambda: render_static(story, Path(folder) / "first.png"))
        for extension in FORMATS:
            path = Path(folder) / f"story.{extension}"
            walls, cpus = repeat_timed(lambda: render_static(story, path), REPEATS)
            rows.append((extension.upper(), f"{median(cpus):.2f} s", f"{median(walls):.2f} s",
                         f"{path.stat().st_size / 1024:,.0f} KiB"))  # fmt: skip
    body = table(
        ("format", f"CPU time (median of {REPEATS})", "wall time", "file size"), rows
    )
    body += (
        f"\n\nFirst export in a fresh process (PNG, loads basemap and fonts): {first_cpu:.2f} s "
        f"of CPU, {first_wall:.2f} s wall. The bundled story ({len(story.documents)} articles, "
        f"{len(story.mentions)} mentions), default extent, style and resolution."
    )
    return section(TITLE, SCRIPT, body, load)


if __name__ == "__main__":
    print(measure())
