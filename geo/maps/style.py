"""Colours and symbols shared by the interactive and the static map, so the two read alike.

A restrained palette: pale land and sea, grey borders, one colour per route, verdict colours
(green, amber, red, grey) only for checked claims.
"""

from __future__ import annotations

from geo.errors import InputError
from geo.verdicts import DirectionVerdict, DistanceVerdict, TimeVerdict, UnitVerdict

SEA = "#dde8ef"
LAND = "#f3f1ec"
LAND_MENTIONED = "#e8e3d8"  # countries the story names
BORDER = "#b8b1a5"
INK = "#2b2b2b"  # text and place markers
MUTED_INK = "#6f6f6f"  # secondary text, country names
HALO = "#ffffff"

ROUTE_COLOURS = ("#1f4e89", "#00798c", "#8a3b72", "#b5651d", "#4d4d4d", "#3b7d3a")
"""One colour per route, in the order the routes are listed."""

MEETING = "#b3261e"

_GREEN, _AMBER, _RED, _GREY = "#2e7d32", "#e39b00", "#c62828", "#8c8c8c"

VERDICT_COLOURS = {
    DistanceVerdict.ACCURATE: _GREEN,
    DistanceVerdict.CLOSE: _AMBER,
    DistanceVerdict.INACCURATE: _RED,
    DistanceVerdict.UNVERIFIABLE: _GREY,
    TimeVerdict.PLAUSIBLE: _GREEN,
    TimeVerdict.IMPLAUSIBLE: _RED,
}
"""Line colour of a claim's headline verdict (its distance's, or a travel time's)."""

BADGE_COLOURS = {
    **VERDICT_COLOURS,
    DirectionVerdict.CORRECT: _GREEN,
    DirectionVerdict.APPROXIMATE: _AMBER,
    DirectionVerdict.WRONG: _RED,
    DirectionVerdict.NOT_STATED: _GREY,
    UnitVerdict.CONSISTENT: _GREEN,
    UnitVerdict.INCONSISTENT: _RED,
    UnitVerdict.SINGLE_UNIT: _GREY,
}
"""Badge colour of each verdict: green agrees, amber nearly, red disagrees, grey cannot say."""

PLACE_GROUPS = {
    "capital": ("capital",),
    "settlement": ("city", "town", "village", "settlement"),
    "site": ("station", "port", "airport", "spaceport", "campus", "bridge", "crossing", "venue",
             "building", "base", "facility"),
    "area": ("admin1", "admin2", "region", "river", "sea", "lake", "island", "peninsula"),
}
"""Place kinds drawn alike; a kind in no group is drawn as a site."""

PLACE_GROUP_LABELS = {
    "capital": "Capital",
    "settlement": "City or town",
    "site": "Station, port or site",
    "area": "Region or river (centre)",
}

PLACE_GROUP_COLOURS = {
    "capital": "#1a1a1a",
    "settlement": "#3d3d3d",
    "site": "#5b5e8c",
    "area": "#8c8c8c",
}

NOT_POINTS = ("country", "continent")
"""Kinds never drawn as a point: a dot at a country's centre says nothing about the story."""


def place_group(kind: str) -> str:
    """The drawing group of a place kind ("capital", "settlement", "site" or "area")."""
    for group, kinds in PLACE_GROUPS.items():
        if kind in kinds:
            return group
    return "site"


def route_colour(index: int) -> str:
    """The colour of the route at ``index`` in the story's list of routes."""
    return ROUTE_COLOURS[index % len(ROUTE_COLOURS)]


def verdict_colour(verdict: str) -> str:
    """The colour of a distance verdict; grey for anything unknown."""
    return VERDICT_COLOURS.get(verdict, VERDICT_COLOURS[DistanceVerdict.UNVERIFIABLE])


def route_dashes(mode: str, status: str) -> str | None:
    """An SVG dash pattern (px) for a route line: flights dotted, routes not travelled dashed."""
    if mode == "flight":
        return "2 6"
    if status and status != "travelled":
        return "8 6"
    return None

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
"""Print-map file types by extension."""
STATIC_LAYERS = ("places", "routes", "meetings")
"""The layers a print map can draw (claims are drawn only with ``extent="claim:N"``)."""

DPI_RANGE = (72, 1200)
"""The resolutions (dots per inch) a print map is drawn at: from a screen's to a fine
printer's; at 1200 dpi the 7.6-inch map is 9,120 pixels wide (about 250 MB of RGBA while drawn)."""


def check_dpi(dpi, name: str = "dpi") -> None:
    """InputError unless ``dpi`` is a whole number within :data:`DPI_RANGE`; ``name`` is how the
    message calls it (``--dpi`` on the command line)."""
    low, high = DPI_RANGE
    if isinstance(dpi, bool) or not isinstance(dpi, int) or not low <= dpi <= high:
        raise InputError(f"{name} {dpi}: use {low} to {high} dots per inch (a whole number; 300 for print)")
