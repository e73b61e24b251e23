"""The distance-claim validation report, written as HTML, Markdown, JSON or CSV.

Each format names every source article, opens with a summary of the verdicts, lists every claim
(quote, stated against measured, verdicts, explanation) and ends with the method and the data
sources; the JSON and CSV carry the same claim records as ``geo claims --json``.
"""

from __future__ import annotations

import os
from pathlib import Path

from geo.atomic import write_text_atomically
from geo.errors import InputError
from geo.model import Story

__all__ = [
    "FORMATS", "render", "render_csv", "render_html", "render_json", "render_markdown", "report_format",
    "write_report",
]  # fmt: skip

FORMATS = {
    ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
    ".json": "json", ".csv": "csv",
}  # fmt: skip
"""File extension -> report format."""


def render_html(story: Story, gazetteer=None, generated: str | None = None) -> str:
    """The report as self-contained HTML; see :func:`geo.report.html.render_html`."""
    from geo.report.html import render_html as render

    return render(story, gazetteer=gazetteer, generated=generated)


def render_markdown(story: Story, generated: str | None = None) -> str:
    """The report as Markdown; see :func:`geo.report.markdown.render_markdown`."""
    from geo.report.markdown import render_markdown as render

    return render(story, generated=generated)


def render_json(story: Story) -> str:
    """The report as JSON; see :func:`geo.report.tables.render_json`."""
    from geo.report.tables import render_json as render

    return render(story)


def render_csv(story: Story) -> str:
    """The claims as CSV; see :func:`geo.report.tables.render_csv`."""
    from geo.report.tables import render_csv as render

    return render(story)


def report_format(path: str | os.PathLike) -> str:
    """The format ("html", "markdown", "json", "csv") a path's extension asks for.

    Raises ``InputError`` naming the path for any other extension.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise InputError(
            f"report {os.fspath(path)!r}: unknown extension {suffix or '(none)'!r}; use one of {known}"
        )
    return FORMATS[suffix]


def render(story: Story, report: str, gazetteer=None, generated: str | None = None) -> str:
    """The report in ``report`` format ("html", "markdown", "json" or "csv") as text."""
    if report == "html":
        return render_html(story, gazetteer=gazetteer, generated=generated)
    if report == "markdown":
        return render_markdown(story, generated=generated)
    if report == "json":
        return render_json(story)
    if report == "csv":
        return render_csv(story)
    raise InputError(f"report format {report!r}: use html, markdown, json or csv")


def write_report(story: Story, path: str | os.PathLike, gazetteer=None, generated: str | None = None) -> Path:
    """Write the report to ``path`` in the format its extension names; returns the path.

    .html/.htm, .md/.markdown, .json, .csv. The file is written atomically. Raises
    ``InputError`` for an unknown extension or a folder that does not exist.
    """
    target = Path(path)
    report = report_format(target)
    if not target.parent.is_dir():
        raise InputError(f"report {os.fspath(path)!r}: folder {os.fspath(target.parent)!r} does not exist")
    if target.is_dir():
        raise InputError(f"report {os.fspath(path)!r}: is a folder")
    write_text_atomically(target, render(story, report, gazetteer=gazetteer, generated=generated))
    return target
