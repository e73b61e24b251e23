"""`geo claims [FILE ...|-] [--json]`: every distance claim, measured and judged."""

from __future__ import annotations

import shutil
import textwrap

from geo.cli._common import add_inputs, print_json, print_table, read_story, report_errors, terminal_safe
from geo.records import claim_record

_HEADERS = ["#", "Claim", "Stated", "Measured", "Error", "Verdict", "Direction", "Units"]


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
    add_inputs(parser)
    parser.add_argument("--json", action="store_true", help='print {"claims": [...]} as JSON (see DESIGN.md)')
    parser.set_defaults(func=run)


def print_claims(story) -> None:
    """The story's checked claims as a plain-text table, then each claim's quote and explanation.

    The verdict column is the distance's, or a travel time's (plausible, implausible); a claim
    whose ends cannot be placed is listed as unverifiable with its reason, and the places an
    unplaced subject could be are named in its explanation."""
    from geo import explain
    from geo.report.content import claim_views

    views = claim_views(story)
    if not views:
        print("No distance claims found.")
        return
    print_table(
        [
            [v.number, v.title, v.stated, v.measured, v.error, explain.headline(v.check),
             v.check.direction_verdict, v.check.unit_verdict]
            for v in views
        ],
        _HEADERS,
    )  # fmt: skip
    width = max(shutil.get_terminal_size((100, 24)).columns, 60)
    for v in views:
        sentence = " ".join(terminal_safe(v.check.claim.sentence).split())
        print(f"\n{v.number}. {terminal_safe(v.check.claim.document)}: “{sentence}”")
        for line in textwrap.wrap(terminal_safe(v.check.explanation), width=width, initial_indent="   ",
                                  subsequent_indent="   ", break_on_hyphens=False):
            print(line)


def run(args) -> int:
    story = read_story(args)
    if args.json:
        print_json({"claims": [claim_record(check) for check in story.checks]})
    else:
        print_claims(story)
    return report_errors(story.errors)
