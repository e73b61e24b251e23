"""The validation report as data: one JSON document, or a CSV table of one row per claim.

The claim rows are :func:`geo.records.claim_record`, the records ``geo claims --json`` prints;
the CSV flattens them as the batch tables do (:func:`geo.batch.claim_row`: ``subject_lat``,
lists as JSON text).
"""

from __future__ import annotations

import csv
import io
import json
import re

from geo.batch import claim_row
from geo.model import Story
from geo.records import claim_record, document_name
from geo.report.content import DATA_SOURCES, METHOD, document_record, summary, versions

__all__ = ["CSV_COLUMNS", "render_csv", "render_json", "report_record", "spreadsheet_safe",
           "spreadsheet_safe_rows"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""First characters that make a spreadsheet read a cell as a formula (OWASP's list, with the
full-width forms some spreadsheets also accept)."""
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_safe(value):
    """``value`` as a cell that no spreadsheet runs: text starting with one of
    :data:`FORMULA_STARTS` gets a leading apostrophe, as OWASP recommends against CSV
    injection (``=1+1 Hue is ...``, a document named ``=HYPERLINK(...).txt``); numbers, and
    text that is only a number ("-61.5"), are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def spreadsheet_safe_rows(rows) -> list[dict]:
    """Rows (dicts) with every key and value made :func:`spreadsheet_safe`: for any table a
    reader may save as CSV (the report's, the batch tables', the dashboard's)."""
    return [{spreadsheet_safe(k): spreadsheet_safe(v) for k, v in row.items()} for row in rows]

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


def _named(record: dict) -> dict:
    """A claim record as exports carry it: its article named by file name, not by path."""
    return {**record, "document": document_name(record["document"])}


def report_record(story: Story) -> dict:
    """The report as one JSON-ready dict: documents, summary, claims, errors, method, sources."""
    return {
        "generator": versions(),
        "documents": [document_record(d) for d in story.documents],
        "errors": list(story.errors),
        "summary": summary(story),
        "claims": [_named(claim_record(check)) for check in story.checks],
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
    for row in spreadsheet_safe_rows(claim_row(_named(claim_record(check))) for check in story.checks):
        writer.writerow(row)
    return buffer.getvalue()
