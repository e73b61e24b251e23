"""What the commands reading articles share: the FILE arguments and the exit code of bad inputs.

Reading itself (missing, empty, binary, a folder, not UTF-8) is geo.documents' job; a command
runs ``geo.story.analyse`` on the paths, prints one line per input it could not read and exits
1 when there was any, after it has done its work on the others.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable


def add_input_arguments(parser) -> None:
    """Add the positional FILE arguments: article files, "-" for standard input, none for the bundled story."""
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="FILE",
        help="article files (.txt, .md, .html); '-' reads standard input; none: the bundled story",
    )


def report_input_errors(errors: Iterable[str]) -> int:
    """Print each unreadable input's one-line error on stderr; the exit code (1 if any, else 0)."""
    failed = 0
    for error in errors:
        print(f"geo: {error}", file=sys.stderr)
        failed += 1
    return 1 if failed else 0
