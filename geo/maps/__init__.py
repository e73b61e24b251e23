"""Maps of a story: an interactive one (folium, offline in one HTML file) and one for print.

    from geo.maps import story_map, save_html, render_static
    folium_map = story_map(story)          # displays itself in a notebook
    save_html(folium_map, "story.html")
    render_static(story, "story.png")      # or .svg / .pdf

No Streamlit here: the dashboard serves Leaflet with ``write_assets`` and builds the map with
``story_map(story, assets_url=...)``.
"""

from geo.maps.assets import write_assets
from geo.maps.geojson import places_geojson, routes_geojson
from geo.maps.interactive import save_html, story_map
from geo.maps.static import render_static, static_figure

__all__ = [
    "places_geojson",
    "render_static",
    "routes_geojson",
    "save_html",
    "static_figure",
    "story_map",
    "write_assets",
]
