"""The `geo` command.

Each subcommand lives in its own module of this package and exposes ``register(subparsers)``,
which adds its parser and sets ``func`` (a callable taking the parsed arguments and returning
the exit code). Errors from `geo` become one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from geo.cli._common import terminal_safe
from geo.errors import GeoError


class _Version(argparse.Action):
    """``--version``: the data's version is a hash of its files, computed only when asked."""

    def __call__(self, parser, namespace, values, option_string=None):
        from geo import __version__
        from geo.paths import data_version

        print(f"geo {__version__} (data {data_version()})")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geo",
        description="A geospatial reading of news stories: places, distance claims, maps.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="print the versions of geo and of its data, and exit")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}").register(subparsers)
    return parser


def _one_line_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings (e.g. a web page with no article found) as one line on stderr."""
    print(f"geo: warning: {message}", file=sys.stderr if file is None else file)


def main(argv: list[str] | None = None) -> int:
    import warnings

    warnings.showwarning = _one_line_warning
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown and args.command != "dashboard":  # only the dashboard passes options on (Streamlit's)
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    if unknown:
        args.options = unknown
    try:
        return args.func(args)
    except GeoError as error:
        for line in str(error).splitlines() or [""]:  # a story pack's errors: one line per bad row
            print(f"geo: {terminal_safe(line)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("geo: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
