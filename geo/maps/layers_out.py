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


def layer_frames(story: Story) -> dict:
    """Each layer as a GeoDataFrame (EPSG:4326): places, routes, mentions, claims."""
    import geopandas as gpd

    def collection(features: dict):
        frame = gpd.GeoDataFrame.from_features(features["features"], crs="EPSG:4326")
        for column in frame.columns:  # lists and objects as JSON text: GeoPackage columns are scalars
            if column != "geometry" and frame[column].map(lambda v: isinstance(v, (list, dict))).any():
                frame[column] = frame[column].map(lambda v: json.dumps(v, ensure_ascii=False)
                                                  if isinstance(v, (list, dict)) else v)
        return frame

    return {
        "places": collection(places_geojson(story)),
        "routes": collection(routes_geojson(story.routes)),
        "mentions": _named(story.to_geodataframe("mentions")),
        "claims": _named(story.to_geodataframe("claims")),
    }


def story_layers_geojson(story: Story) -> dict:
    """Places, routes and claims in one FeatureCollection; each feature's ``layer`` says which."""
    features = []
    for layer, collection in (("places", places_geojson(story)), ("routes", routes_geojson(story.routes))):
        features += [{**f, "properties": {"layer": layer, **f["properties"]}} for f in collection["features"]]
    claims = _named(story.to_geodataframe("claims"))
    for feature in json.loads(claims.to_json(na="null"))["features"]:
        feature.pop("id", None)
        feature.pop("bbox", None)
        feature["properties"] = {"layer": "claims", **feature["properties"]}
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def write_layers(story: Story, map_path: str | Path) -> list[Path]:
    """Write ``<map name>.geojson`` and ``<map name>.gpkg`` beside ``map_path``; their paths."""
    base = Path(map_path)
    geojson_path, gpkg_path = base.with_suffix(".geojson"), base.with_suffix(".gpkg")
    with atomic_target(geojson_path) as temporary:
        temporary.write_text(json.dumps(story_layers_geojson(story), ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    with atomic_target(gpkg_path) as temporary:
        temporary.unlink()  # a GeoPackage is a database: each layer is added to the file
        for layer, frame in layer_frames(story).items():
            if len(frame):
                frame.to_file(temporary, layer=layer, driver="GPKG")
    return [geojson_path, gpkg_path]
