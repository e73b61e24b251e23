"""The story's map layers as data files beside every map `geo map -o` draws: GeoJSON (one
FeatureCollection, each feature's ``layer`` property saying what it is) and a GeoPackage (one
table per layer), both in EPSG:4326 (lon, lat), both written atomically. Articles are named by
their file name, never by the folders they are in.

Layers: ``places`` (a point per place the story names, :func:`geo.maps.geojson.places_geojson`),
``routes`` (lines, :func:`geo.maps.geojson.routes_geojson`), ``mentions`` and ``claims`` (the
batch's tables, :meth:`geo.model.Story.to_geodataframe`).
"""

from __future__ import annotations

import json
from pathlib import Path

from geo.maps.geojson import places_geojson, routes_geojson
from geo.maps.output import atomic_target
from geo.model import Story
from geo.records import document_name

__all__ = ["layer_frames", "story_layers_geojson", "write_layers"]


def _named(frame):
    """The batch frame with its ``path`` / ``document`` column cut to the file name."""
    for column in ("path", "document"):
        if column in frame.columns:
            frame = frame.assign(**{column: [None if p is None else document_name(p) for p in frame[column]]})
    return frame


def _layers(story: Story) -> dict:
    """The layers both files are made of: places and routes (GeoJSON), claims (a frame)."""
    return {"places": places_geojson(story), "routes": routes_geojson(story.routes),
            "claims": _named(story.to_geodataframe("claims"))}


def layer_frames(story: Story, layers: dict | None = None) -> dict:
    """Each layer as a GeoDataFrame (EPSG:4326): places, routes, mentions, claims. ``layers``:
    the story's layers when already made."""
    import geopandas as gpd

    layers = layers or _layers(story)

    def collection(features: dict):
        frame = gpd.GeoDataFrame.from_features(features["features"], crs="EPSG:4326")
        for column in frame.columns:  # lists and objects as JSON text: GeoPackage columns are scalars
            if column != "geometry" and frame[column].map(lambda v: isinstance(v, (list, dict))).any():
                frame[column] = frame[column].map(lambda v: json.dumps(v, ensure_ascii=False)
                                                  if isinstance(v, (list, dict)) else v)
        return frame

    return {
        "places": collection(layers["places"]),
        "routes": collection(layers["routes"]),
        "mentions": _named(story.to_geodataframe("mentions")),
        "claims": layers["claims"],
    }


def story_layers_geojson(story: Story, layers: dict | None = None) -> dict:
    """Places, routes and claims in one FeatureCollection; each feature's ``layer`` says which.
    ``layers``: the story's layers when already made."""
    layers = layers or _layers(story)
    features = []
    for layer in ("places", "routes"):
        features += [{**f, "properties": {"layer": layer, **f["properties"]}} for f in layers[layer]["features"]]
    for feature in json.loads(layers["claims"].to_json(na="null"))["features"]:
        feature.pop("id", None)
        feature.pop("bbox", None)
        feature["properties"] = {"layer": "claims", **feature["properties"]}
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def write_layers(story: Story, map_path: str | Path) -> list[Path]:
    """Write ``<map name>.geojson`` and ``<map name>.gpkg`` beside ``map_path``; their paths."""
    base = Path(map_path)
    geojson_path, gpkg_path = base.with_suffix(".geojson"), base.with_suffix(".gpkg")
    layers = _layers(story)  # once, for both files
    with atomic_target(geojson_path) as temporary:
        temporary.write_text(json.dumps(story_layers_geojson(story, layers), ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    with atomic_target(gpkg_path) as temporary:
        temporary.unlink()  # a GeoPackage is a database: each layer is added to the file
        for layer, frame in layer_frames(story, layers).items():
            if len(frame):
                frame.to_file(temporary, layer=layer, driver="GPKG")
    return [geojson_path, gpkg_path]
