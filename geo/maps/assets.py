"""Leaflet's JavaScript, CSS and images from local files, so interactive maps work offline.

folium links Leaflet, jQuery, Bootstrap, Font Awesome and awesome-markers from CDNs. The maps
of this package use Leaflet alone (no ``folium.Icon``, no ``folium.Popup``, which need the
others) and take it from the ``xstatic-leaflet`` package (Leaflet 1.9.3, folium's version):

- inline: the script and the stylesheet are written into the page, the images as data URIs,
  so a saved map is one file that requests nothing;
- served: the page links ``<prefix>/leaflet.js`` and ``<prefix>/leaflet.css``, files that
  :func:`write_assets` puts in a static folder (Streamlit serves ``./static/`` at
  ``/app/static/`` with ``[server] enableStaticServing = true``). A :class:`StaticFolder`
  also holds the map's large data (the basemap), which the page then fetches instead of
  carrying it: a dashboard sends each reader a small page and the browser caches the data.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import folium
import xstatic.pkg.leaflet
from folium.template import Template

from geo.atomic import write_bytes_atomically
from geo.maps.elements import ScriptElement, Verbatim

__all__ = ["ASSET_FILES", "LEAFLET_DIR", "StaticFolder", "use_local_leaflet", "write_assets"]

LEAFLET_DIR = Path(xstatic.pkg.leaflet.BASE_DIR)
"""The folder holding leaflet.js, leaflet.css and images/ (from xstatic-leaflet)."""

ASSET_FILES = (
    "leaflet.js",
    "leaflet.css",
    "images/layers.png",
    "images/layers-2x.png",
    "images/marker-icon.png",
    "images/marker-icon-2x.png",
    "images/marker-shadow.png",
)
"""The files a page needs, relative to :data:`LEAFLET_DIR` and to a served asset folder."""

DATA_KEPT_S = 7 * 24 * 3600
"""How long (s) a published data file outlives its last publication."""

_DEFAULT_ICON = {
    "iconUrl": "images/marker-icon.png",
    "iconRetinaUrl": "images/marker-icon-2x.png",
    "shadowUrl": "images/marker-shadow.png",
}


def _data_uri(relative_path: str) -> str:
    payload = base64.b64encode((LEAFLET_DIR / relative_path).read_bytes()).decode("ascii")
    return f"data:image/png;base64,{payload}"


@functools.cache
def _inline_script() -> str:
    script = (LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8")
    script = re.sub(r"//# sourceMappingURL=\S+\s*$", "", script)
    return script.replace("</script", "<\\/script")


@functools.cache
def _inline_stylesheet() -> str:
    css = (LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8")
    return re.sub(r"url\((images/[\w.-]+\.png)\)", lambda m: f"url({_data_uri(m.group(1))})", css)


def write_assets(directory: str | Path) -> list[Path]:
    """Copy Leaflet's script, stylesheet and images into ``directory``; return the files written.

    Serve the folder at a URL prefix and link it with :func:`use_local_leaflet` (a
    :class:`StaticFolder` does both).
    Existing files are replaced atomically; the folder is created if needed.
    """
    target = Path(directory)
    written = []
    for relative in ASSET_FILES:
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(destination, (LEAFLET_DIR / relative).read_bytes())  # a server may be reading it
        written.append(destination)
    return written


@dataclass(frozen=True)
class StaticFolder:
    """A folder a web server serves at a URL prefix, e.g. Streamlit's ``./static`` at
    ``/app/static``: maps built with it link Leaflet and fetch their basemap from there.

    Layout: ``leaflet/`` (:func:`write_assets`) and ``data/`` (JSON files named by a hash of
    their content, so a browser may cache them for good).
    """

    directory: Path
    url: str

    @property
    def leaflet_url(self) -> str:
        return f"{self.url.rstrip('/')}/leaflet"

    def prepare(self) -> None:
        """Copy Leaflet in, and remove the data files no map has published for a week.

        Recent files stay: another server sharing the folder may still link them.
        """
        write_assets(self.directory / "leaflet")
        stale = time.time() - DATA_KEPT_S
        for path in (self.directory / "data").glob("*.json"):
            with contextlib.suppress(FileNotFoundError):
                if path.stat().st_mtime < stale:
                    path.unlink()

    def publish_json(self, data, stem: str) -> str:
        """Write ``data`` as ``data/<stem>-<hash>.json`` (atomically, once); return its URL."""
        payload = json.dumps(data, separators=(",", ":")).encode("utf-8")
        name = f"{stem}-{hashlib.sha256(payload).hexdigest()[:16]}.json"
        path = self.directory / "data" / name
        if path.exists():
            path.touch()  # published again: kept another week
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomically(path, payload)
        return f"{self.url.rstrip('/')}/data/{name}"


def use_local_leaflet(folium_map: folium.Map, assets_url: str | None = None) -> folium.Map:
    """Make ``folium_map`` load Leaflet from local files instead of CDNs; return it.

    ``assets_url`` None writes Leaflet into the page itself; a URL prefix such as
    ``"/app/static/leaflet"`` links the files :func:`write_assets` copied there. Either way
    the page links nothing else (no jQuery, Bootstrap, Font Awesome or awesome-markers), and
    Leaflet's default marker images come from the same place, so even a default marker does
    not reach the network.
    """
    header = folium_map.get_root().header
    if assets_url is None:
        folium_map.default_js = []
        folium_map.default_css = []
        header.add_child(Verbatim(f"<script>{_inline_script()}</script>"), name="leaflet")
        header.add_child(Verbatim(f"<style>{_inline_stylesheet()}</style>"), name="leaflet_css")
        icon_urls = {option: _data_uri(path) for option, path in _DEFAULT_ICON.items()}
        image_path = ""
    else:
        prefix = assets_url.rstrip("/")
        folium_map.default_js = [("leaflet", f"{prefix}/leaflet.js")]
        folium_map.default_css = [("leaflet_css", f"{prefix}/leaflet.css")]
        icon_urls = {option: path.removeprefix("images/") for option, path in _DEFAULT_ICON.items()}
        image_path = f"{prefix}/images/"
    folium_map.add_child(_DefaultIconOptions(image_path, icon_urls), name="leaflet_default_icon")
    return folium_map


class _DefaultIconOptions(ScriptElement):
    """Where Leaflet's default marker finds its images (set before any marker is made)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            L.Icon.Default.imagePath = {{ this.js(this.image_path) }};
            L.Icon.Default.mergeOptions({{ this.js(this.icon_urls) }});
        {% endmacro %}
        """
    )

    def __init__(self, image_path: str, icon_urls: dict[str, str]):
        super().__init__()
        self._name = "DefaultIconOptions"
        self.image_path = image_path
        self.icon_urls = icon_urls
