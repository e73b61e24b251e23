"""`geo claims [FILE ...|-] [--json]`: every distance claim, measured and judged."""

from __future__ import annotations

import json
import shutil
import textwrap

from geo.cli._inputs import add_input_arguments, report_input_errors
from geo.records import claim_record

_COLUMNS = ("#", "Claim", "Stated", "Measured", "Error", "Distance", "Direction", "Units")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "claims",
        help="check the distances the articles state between places",
        description=(
            "Find every statement that one place lies some distance from another, measure the "
            "WGS84 geodesic distance and bearing between the two, and judge the figure, the "
            "direction and the units against what the wording allows. Bad inputs are reported "
            "one line each on stderr; the others are still checked (exit code 1)."
        ),
    )
    add_input_arguments(parser)
    parser.add_argument("--json", action="store_true", help='print {"claims": [...]} as JSON')
    parser.set_defaults(func=run)


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]


def format_claims(story) -> str:
    """The story's checked claims as a plain-text table followed by each claim's explanation."""
    from geo.report.content import claim_views

    views = claim_views(story)
    if not views:
        return "No distance claims found."
    rows = [_COLUMNS] + [
        (
            str(v.number),
            v.title,
            v.stated,
            v.measured,
            v.error,
            v.check.distance_verdict,
            v.check.direction_verdict,
            v.check.unit_verdict,
        )
        for v in views
    ]
    width = max(shutil.get_terminal_size((100, 24)).columns, 60)
    lines = _table(rows) + [""]
    for v in views:
        lines.append(f"{v.number}. {v.check.claim.document}: “{' '.join(v.check.claim.sentence.split())}”")
        lines += textwrap.wrap(v.check.explanation, width=width, initial_indent="   ", subsequent_indent="   ")
    return "\n".join(lines)


def run(args) -> int:
    from geo.story import analyse

    story = analyse(args.inputs or None)
    if args.json:
        print(json.dumps({"claims": [claim_record(check) for check in story.checks]}, indent=2, ensure_ascii=False))
    else:
        print(format_claims(story))
    return report_input_errors(story.errors)
