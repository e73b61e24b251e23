"""The files a reader can take away from a story: the report, the maps, the places and routes.

:func:`downloads` lists them as :class:`Download` entries, each with a file name, a MIME type
and a function that makes its bytes when asked (a print map takes seconds, so nothing is made
before it is wanted). The content comes from ``geo.report`` and ``geo.maps``.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from geo.model import Story

__all__ = ["Download", "MIME_TYPES", "downloads"]

MIME_TYPES = {
    ".html": "text/html",
    ".md": "text/markdown",
    ".json": "application/json",
    ".csv": "text/csv",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".pdf": "application/pdf",
    ".geojson": "application/geo+json",
}
"""MIME type of each file extension offered."""


@dataclass(frozen=True)
class Download:
    """One file to offer: ``make()`` returns its bytes."""

    key: str  # stable identifier, e.g. "report-html"
    group: str  # what it is: "Validation report", "Print map", ...
    label: str  # the format, e.g. "HTML"
    file_name: str
    mime: str
    make: Callable[[], bytes]


def _report(story: Story, report_format: str, gazetteer) -> Callable[[], bytes]:
    def make() -> bytes:
        from geo.report import render

        return render(story, report_format, gazetteer=gazetteer).encode("utf-8")

    return make


def _written(write: Callable[[Path], object], suffix: str) -> Callable[[], bytes]:
    """The bytes of a file a library function writes to a path (in a temporary folder)."""

    def make() -> bytes:
        with tempfile.TemporaryDirectory(prefix="geo-download-") as folder:
            path = Path(folder) / f"download{suffix}"
            write(path)
            return path.read_bytes()

    return make


def _static_map(story: Story, suffix: str, gazetteer) -> Callable[[], bytes]:
    from geo.maps.static import render_static

    return _written(lambda path: render_static(story, path, gazetteer=gazetteer), suffix)


def _interactive_map(story: Story, gazetteer) -> Callable[[], bytes]:
    from geo.maps.interactive import save_html, story_map

    return _written(lambda path: save_html(story_map(story, gazetteer), path), ".html")


def _geojson(make_collection: Callable[[], dict]) -> Callable[[], bytes]:
    def make() -> bytes:
        return (json.dumps(make_collection(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    return make


def downloads(story: Story, gazetteer=None, stem: str = "story") -> list[Download]:
    """Every file offered for ``story``; file names start with ``stem``.

    The validation report (HTML, Markdown, JSON, CSV), the print map (PNG at 300 dpi, SVG,
    PDF), the interactive map (one HTML file that works offline), and the places and routes as
    GeoJSON (coordinates (lon, lat), WGS84).
    """
    from geo.maps.geojson import places_geojson, routes_geojson

    entries = [
        ("report-html", "Validation report", "HTML", "report.html", _report(story, "html", gazetteer)),
        ("report-md", "Validation report", "Markdown", "report.md", _report(story, "markdown", gazetteer)),
        ("report-json", "Validation report", "JSON", "report.json", _report(story, "json", gazetteer)),
        ("report-csv", "Validation report", "CSV", "claims.csv", _report(story, "csv", gazetteer)),
        ("map-png", "Print map", "PNG", "map.png", _static_map(story, ".png", gazetteer)),
        ("map-svg", "Print map", "SVG", "map.svg", _static_map(story, ".svg", gazetteer)),
        ("map-pdf", "Print map", "PDF", "map.pdf", _static_map(story, ".pdf", gazetteer)),
        ("map-html", "Interactive map", "HTML", "map.html", _interactive_map(story, gazetteer)),
        ("places-geojson", "GeoJSON", "Places", "places.geojson", _geojson(lambda: places_geojson(story))),
        ("routes-geojson", "GeoJSON", "Routes", "routes.geojson", _geojson(lambda: routes_geojson(story.routes))),
    ]
    return [
        Download(key, group, label, f"{stem}-{name}", MIME_TYPES[Path(name).suffix], make)
        for key, group, label, name, make in entries
    ]
