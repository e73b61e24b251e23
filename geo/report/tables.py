"""The validation report as data: one JSON document, or a CSV table of one row per claim.

The claim rows are :func:`geo.records.claim_record`, the records ``geo claims --json`` prints;
the CSV flattens them as the batch tables do (:func:`geo.batch.claim_row`: ``subject_lat``,
lists as JSON text).
"""

from __future__ import annotations

import csv
import io
import json

from geo.batch import claim_row
from geo.model import Story
from geo.records import claim_record
from geo.report.content import DATA_SOURCES, METHOD, document_record, summary

__all__ = ["CSV_COLUMNS", "render_csv", "render_json", "report_record"]

CSV_COLUMNS = (
    "document", "sentence",
    "subject_text", "subject_place_id", "subject_name", "subject_lat", "subject_lon",
    "anchor_text", "anchor_place_id", "anchor_name", "anchor_lat", "anchor_lon",
    "stated", "stated_km", "hedge", "direction", "mode", "actual_km", "bearing_deg", "route_km",
    "distance_verdict", "direction_verdict", "unit_verdict", "explanation", "time_verdict",
    "travel", "search_area", "candidates",
)  # fmt: skip
"""The CSV header: the keys of a claim record, subject and anchor flattened, the other nested
values as JSON text."""


def report_record(story: Story) -> dict:
    """The report as one JSON-ready dict: documents, summary, claims, errors, method, sources."""
    return {
        "documents": [document_record(d) for d in story.documents],
        "errors": list(story.errors),
        "summary": summary(story),
        "claims": [claim_record(check) for check in story.checks],
        "method": [{"heading": h, "text": t} for h, t in METHOD],
        "data_sources": [{"data": what, "source": source} for what, source in DATA_SOURCES],
    }


def render_json(story: Story) -> str:
    """The report as indented JSON (str, UTF-8 text, non-ASCII kept)."""
    return json.dumps(report_record(story), indent=2, ensure_ascii=False) + "\n"


def render_csv(story: Story) -> str:
    """The claims as CSV (str): a header of :data:`CSV_COLUMNS`, one row per claim."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for check in story.checks:
        writer.writerow(claim_row(claim_record(check)))
    return buffer.getvalue()
