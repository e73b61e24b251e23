"""`geo dashboard [--server.port 8501 ...]`: the Streamlit dashboard (the ``dashboard`` extra).

Runs the dashboard's app.py as `make run` does (its caches warmed, then served): from the
installed package (geo/dashboard/, copied there when the wheel is built) or, in a checkout,
the repository's own app.py. Streamlit's options pass through.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "dashboard", help="open the Streamlit dashboard (needs the dashboard extra)",
        description="Start the dashboard on the bundled story at http://localhost:8501 "
                    "(Streamlit options such as --server.port 8502 pass through).")
    parser.set_defaults(func=run, options=[])  # the options: geo.cli.main passes on what it does not know


def app_path() -> Path:
    """The dashboard's app.py: the installed copy, else the checkout's."""
    import geo

    package = Path(geo.__file__).resolve().parent
    installed = package / "dashboard" / "app.py"
    return installed if installed.is_file() else package.parent / "app.py"


def run(args) -> int:
    from geo.errors import InputError
    from geo.optional import require

    require("streamlit", "dashboard", "geo dashboard")
    require("streamlit_folium", "dashboard", "geo dashboard")
    app = app_path()
    if not app.is_file():
        raise InputError(f"{app}: the dashboard's app.py is missing from this installation")
    os.chdir(app.parent)  # Streamlit reads .streamlit/config.toml from the working folder
    os.execv(sys.executable, [sys.executable, app.name, *args.options])
    return 0  # not reached
