"""What the subcommands share: the FILE arguments, error lines, JSON and table output."""

from __future__ import annotations

import json
import re
import sys

# what a terminal acts on instead of showing: escape sequences (CSI "ESC [ ... final", OSC
# "ESC ] ... BEL or ESC \\", their 8-bit forms, and two-character ones), the other C0 and C1 controls and DEL
# (a carriage return overwrites a line), and the bidirectional overrides and isolates that
# reorder what is shown
_ESCAPE_SEQUENCE = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
                              r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -~]?")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text) -> str:
    """``text`` as a terminal may show it: escape sequences and control characters removed
    (tab and newline kept). Everything the CLI prints from an article, a file name or a
    gazetteer goes through it; the JSON output escapes the same characters instead."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", str(text)))


def add_inputs(parser) -> None:
    """The FILE ... arguments (article files, "-" for standard input, none for the bundled
    story) and --no-corrections."""
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help='article files (.txt, .md, .html); "-" reads standard input; '
                             "none: the bundled story")
    add_corrections_argument(parser)
    add_story_argument(parser)


def add_story_argument(parser, help: str = "read with this story pack: a folder with a pack.toml "
                       "(see the README, 'Your own story') or a bundled pack's name; with no FILE, "
                       "its articles. Default: the bundled story's pack with no FILE, no pack with FILEs") -> None:
    parser.add_argument("--story", metavar="PATH", help=help)


def story_of_arguments(args):
    """The story pack the arguments name (None: FILEs read with the world's gazetteer alone)."""
    from geo.story import story_pack

    return story_pack(getattr(args, "story", None), bundled=not getattr(args, "files", None))


def add_corrections_argument(parser) -> None:
    parser.add_argument("--no-corrections", action="store_true",
                        help="ignore the corrections saved from the dashboard "
                             "(corrections.json in $GEO_DATA_DIR, default ~/.local/share/geo)")


def saved_corrections(args) -> tuple:
    """The corrections saved from the dashboard, unless --no-corrections; none, with a warning
    line, when the file cannot be read (the articles are still read); a warning line for each
    entry that cannot be used, the others applied."""
    from geo.corrections import read_corrections
    from geo.errors import DataError

    if args.no_corrections:
        return ()
    try:
        saved = read_corrections()
    except DataError as error:
        print(f"geo: warning: {terminal_safe(error)}; going on without corrections", file=sys.stderr)
        return ()
    for problem in saved.problems:
        print(f"geo: warning: {terminal_safe(problem)}", file=sys.stderr)
    return saved.corrections


def report_errors(errors) -> int:
    """Print one line per input that failed; the exit code (1 if any failed, else 0)."""
    for line in errors:
        print(f"geo: {terminal_safe(line)}", file=sys.stderr)
    return 1 if errors else 0


def print_json(data) -> None:
    """``data`` as indented JSON; control characters are written as escapes (``\\u001b``), so the
    data is complete and the terminal shows it as text."""
    text = json.dumps(data, ensure_ascii=False, indent=2)  # escapes C0 controls itself
    sys.stdout.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def print_table(rows: list[list], headers: list[str]) -> None:
    """A plain aligned text table (each cell :func:`terminal_safe`, on one line)."""
    cells = [[_cell(h) for h in headers]] + [["" if v is None else _cell(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for number, row in enumerate(cells):
        print("  ".join(value.ljust(width) for value, width in zip(row, widths)).rstrip())
        if number == 0:
            print("  ".join("-" * width for width in widths))


def _cell(value) -> str:
    return " ".join(terminal_safe(value).split()) if isinstance(value, str) else str(value)


def read_story(args, **options):
    """The story of the FILE arguments (the pack's articles when none) read with the pack of
    --story, corrections applied; ``options`` go to :func:`geo.story.analyse`."""
    from geo.story import analyse

    return analyse(args.files or None, story=story_of_arguments(args),
                   corrections=saved_corrections(args), **options)
