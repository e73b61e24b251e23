"""Static map export time: ``geo.maps.static.render_static`` of the bundled story to PNG, SVG, PDF.

The story is analysed first (not timed). The first export in the process (which also loads the
basemap and matplotlib's fonts) is reported apart from the warm median. PNG is written at the
default 300 dpi.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import load_average, median, repeat_seconds, section, table

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
        first_path = Path(folder) / "first.png"
        first = repeat_seconds(lambda: render_static(story, first_path), 1)[0]
        for extension in FORMATS:
            path = Path(folder) / f"story.{extension}"
            seconds = median(repeat_seconds(lambda: render_static(story, path), REPEATS))
            rows.append((extension.upper(), f"{seconds:.2f} s", f"{path.stat().st_size / 1024:,.0f} KiB"))
    body = table(("format", f"export time (median of {REPEATS})", "file size"), rows)
    body += (
        f"\n\nFirst export in a fresh process (PNG, loads basemap and fonts): {first:.2f} s. "
        f"The bundled story ({len(story.documents)} articles, {len(story.mentions)} mentions), "
        "default extent, style and resolution."
    )
    return section(TITLE, SCRIPT, body, load)


if __name__ == "__main__":
    print(measure())
