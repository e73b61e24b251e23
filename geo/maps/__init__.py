"""Maps of a story: an interactive one (folium, offline in one HTML file) and one for print.

    from geo.maps import story_map, save_html, render_static
    folium_map = story_map(story)          # displays itself in a notebook
    save_html(folium_map, "story.html")
    render_static(story, "story.png")      # or .svg / .pdf

No Streamlit here: the dashboard builds the map with ``story_map(story, static=StaticFolder(...))``
(``geo.maps.assets``), which links Leaflet and the basemap from Streamlit's static folder.
"""

import importlib

_HOMES = {
    "write_assets": "assets", "places_geojson": "geojson", "routes_geojson": "geojson",
    "save_html": "interactive", "story_map": "interactive", "render_static": "static",
    "static_figure": "static",
}


def __getattr__(name: str):
    """The public functions, imported on first use: folium and matplotlib take a second to
    load, and a command that draws no map should not pay for them."""
    if name in _HOMES:
        return getattr(importlib.import_module(f"geo.maps.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'geo.maps' has no attribute {name!r}")


__all__ = [
    "places_geojson",
    "render_static",
    "routes_geojson",
    "save_html",
    "static_figure",
    "story_map",
    "write_assets",
]
