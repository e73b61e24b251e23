"""Where `geo` finds its bundled data and keeps its caches.

Every module reaches the bundled data through this one: ``DATA_DIR`` (and the folders under it).

- Installed from a wheel, the data ships inside the package as ``geo/data/`` (the repository's
  top-level ``data/`` folder, mapped into the package by setup.py) and is found with
  :mod:`importlib.resources`.
- In a checkout (``PYTHONPATH`` or an editable install) there is no ``geo/data/``: the
  repository's ``data/`` beside the package is used.

Caches (built indexes, basemap frames, geocoder answers) and the user's own files
(corrections) go where :mod:`platformdirs` says on each system, unless ``$GEO_CACHE_DIR`` /
``$GEO_DATA_DIR`` name another folder.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import resources
from pathlib import Path

import platformdirs

__all__ = ["ARTICLES_DIR", "BUNDLED_STORY", "DATA_DIR", "STORIES_DIR", "cache_dir", "data_files",
           "data_version", "user_data_dir"]

APP_NAME = "geo"


def _data_dir() -> Path:
    packaged = resources.files("geo").joinpath("data")
    if packaged.is_dir():  # an installed wheel: package data on disk beside the modules
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "data"  # a checkout


DATA_DIR = _data_dir()
"""The bundled data: articles, stories, gazetteer layers, routes, meetings, basemap."""

STORIES_DIR = DATA_DIR / "stories"
"""The bundled story packs, one folder each (see geo.packs)."""

BUNDLED_STORY = STORIES_DIR / "kim-jong-un-2023"
"""The pack of the bundled story: its places, descriptions, routes, meetings and articles."""

ARTICLES_DIR = BUNDLED_STORY / "articles"
"""The bundled story's articles (their metadata: articles.csv beside this folder)."""


def data_files() -> list[Path]:
    """Every file of the bundled data, sorted by its path relative to :data:`DATA_DIR`."""
    return sorted((p for p in DATA_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts),
                  key=lambda p: p.relative_to(DATA_DIR).as_posix())


@cache
def data_version() -> str:
    """A short hash (12 hex digits) of the bundled data's file names and contents: the same
    data gives the same version on every machine, in a checkout and in an installed wheel."""
    digest = hashlib.sha256()
    for path in data_files():
        digest.update(path.relative_to(DATA_DIR).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]


def cache_dir() -> Path:
    """The user's cache folder for built indexes, basemap frames and geocoder answers:
    ``$GEO_CACHE_DIR``, else platformdirs' user cache folder (``~/.cache/geo`` on Linux)."""
    return Path(os.environ.get("GEO_CACHE_DIR") or platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_data_dir() -> Path:
    """The user's data folder for their own files, e.g. corrections: ``$GEO_DATA_DIR``, else
    platformdirs' user data folder (``~/.local/share/geo`` on Linux)."""
    return Path(os.environ.get("GEO_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, appauthor=False))
