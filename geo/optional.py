"""Optional dependencies: the extras of the distribution and what each one brings.

The core (library and CLI: places, resolve, claims, report, static and HTML maps) imports none
of these at module level. Code that needs one calls :func:`require` where it needs it, which
raises :class:`geo.errors.MissingExtra` (an ImportError) naming the install command.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from geo.errors import MissingExtra

__all__ = ["DISTRIBUTION", "EXTRAS", "install_command", "require"]

DISTRIBUTION = "geo-news-reader"
"""The name on PyPI (the command and the import name stay `geo`)."""

EXTRAS = {
    "dashboard": ("streamlit", "streamlit_folium"),
    "batch": ("dask", "distributed"),
    "online": ("geopy",),
}
"""Each extra and the top-level modules it installs."""


def install_command(extra: str) -> str:
    return f'pip install "{DISTRIBUTION}[{extra}]"'


def require(module: str, extra: str, feature: str) -> ModuleType:
    """Import ``module`` (e.g. ``"distributed"``), which the extra ``extra`` installs, for
    ``feature`` (e.g. ``"geo batch"``); raise MissingExtra naming the install command if it is
    missing."""
    if extra not in EXTRAS:
        raise ValueError(f"unknown extra {extra!r}; the extras are {', '.join(EXTRAS)}")
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        raise MissingExtra(f"{feature} needs the optional package {module.split('.')[0]!r}, "
                           f"which is not installed: {install_command(extra)}") from error
