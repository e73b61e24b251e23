"""What the subcommands share: the FILE arguments, error lines, JSON and table output."""

from __future__ import annotations

import json
import sys


def add_inputs(parser) -> None:
    """The FILE ... arguments: article files, "-" for standard input, none for the bundled story."""
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help='article files (.txt, .md, .html); "-" reads standard input; '
                             "none: the bundled story")


def report_errors(errors) -> int:
    """Print one line per input that failed; the exit code (1 if any failed, else 0)."""
    for line in errors:
        print(f"geo: {line}", file=sys.stderr)
    return 1 if errors else 0


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(rows: list[list], headers: list[str]) -> None:
    """A plain aligned text table."""
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for number, row in enumerate(cells):
        print("  ".join(value.ljust(width) for value, width in zip(row, widths)).rstrip())
        if number == 0:
            print("  ".join("-" * width for width in widths))
