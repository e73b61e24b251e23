"""Where `geo` finds its bundled data and keeps its caches."""

import os
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
"""The project's data/ folder: articles, gazetteer layers, routes, meetings, basemap."""

ARTICLES_DIR = DATA_DIR / "articles"


def cache_dir() -> Path:
    """The user's cache folder for built indexes and geocoder answers ($GEO_CACHE_DIR or ~/.cache/geo)."""
    return Path(os.environ.get("GEO_CACHE_DIR") or Path.home() / ".cache" / "geo")


def user_data_dir() -> Path:
    """The user's data folder for their own files, e.g. corrections ($GEO_DATA_DIR or ~/.local/share/geo)."""
    return Path(os.environ.get("GEO_DATA_DIR") or Path.home() / ".local" / "share" / "geo")
