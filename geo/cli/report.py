"""`geo report [FILE ...] -o PATH`: the distance-claim validation report (HTML, Markdown, JSON, CSV)."""

from __future__ import annotations

import sys

from geo.cli._common import add_inputs, read_story, report_errors


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write the validation report of the articles' distance claims",
        description=(
            "Check every distance claim of the articles and write a report that names the "
            "sources, sums up the verdicts, lists each claim with its quote, stated against "
            "measured figures, verdicts and explanation, and ends with the method and the data "
            "sources. The format follows PATH's extension: .html (one self-contained printable "
            "file with a map per claim), .md, .json or .csv (one row per claim)."
        ),
    )
    add_inputs(parser)
    parser.add_argument(
        "-o", "--output", required=True, metavar="PATH", help="the report file (.html, .md, .json, .csv)"
    )
    parser.set_defaults(func=run)


def run(args) -> int:
    from geo.report import report_format, write_report

    report_format(args.output)  # an unknown extension fails before the articles are read
    story = read_story(args)
    path = write_report(story, args.output)
    documents, claims = len(story.documents), len(story.checks)
    counts = f"{claims} claim{'s' * (claims != 1)} from {documents} article{'s' * (documents != 1)}"
    print(f"geo: wrote {path} ({counts})", file=sys.stderr)
    return report_errors(story.errors)
