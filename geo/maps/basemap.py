"""The Natural Earth basemap: land, the countries' shared borders, the scale to draw them at,
and the zoomable basemap of the interactive map (1:10m where the story is, 1:50m elsewhere).

Natural Earth is public domain; the countries come from the gazetteer
(``Gazetteer.countries(scale)``, (lon, lat) geometries in EPSG:4326). Sea is not a layer: it is
the background colour of the map.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.atomic import write_text_atomically
from geo.gazetteer.index import source_fingerprint
from geo.paths import cache_dir

__all__ = [
    "GEONAMES_CREDIT",
    "NATURAL_EARTH_CREDIT",
    "VectorBasemap",
    "basemap_geojson",
    "border_lines",
    "clip_to",
    "geometry_geojson",
    "largest_part",
    "scale_for",
    "vector_basemap",
]

NATURAL_EARTH_CREDIT = "Natural Earth (public domain)"
GEONAMES_CREDIT = "GeoNames (CC-BY 4.0)"  # the places: every map credits both

_BASEMAP_GEOJSON_VERSION = 1  # bump when vector_basemap or geometry_geojson change their output
_DETAILED_SPAN_DEG = 16.0  # extents narrower than this get the 1:10m countries


def scale_for(bounds: tuple[float, float, float, float]) -> str:
    """The Natural Earth scale for an extent (lon_min, lat_min, lon_max, lat_max, degrees).

    "10m" when the extent spans less than 16 degrees both ways (a region), else "50m".
    """
    lon_min, lat_min, lon_max, lat_max = bounds
    return "10m" if max(lon_max - lon_min, lat_max - lat_min) < _DETAILED_SPAN_DEG else "50m"


def border_lines(countries: gpd.GeoDataFrame) -> gpd.GeoSeries:
    """The land borders between the countries of a frame: the lines two country shapes share.

    Coastlines are left out: the coast is where the land colour meets the sea colour. Works in
    any CRS; clip the countries to the map first, it is much faster.
    """
    boundaries = countries.geometry.boundary.values
    left, right = countries.sindex.query(countries.geometry.values, predicate="intersects")
    pairs = left < right
    shared = shapely.intersection(boundaries[left[pairs]], boundaries[right[pairs]])
    parts = shapely.get_parts(shared)
    lines = parts[np.isin(shapely.get_type_id(parts), (1, 2))]  # LineString, LinearRing
    merged = shapely.line_merge(shapely.union_all(lines))
    return gpd.GeoSeries(shapely.get_parts(merged), crs=countries.crs)


def clip_to(frame: gpd.GeoDataFrame | gpd.GeoSeries, bounds: tuple[float, float, float, float]):
    """The geometries cut to a (lon_min, lat_min, lon_max, lat_max) box, empty ones dropped."""
    clipped = frame.clip(shapely.box(*bounds))
    return clipped[~clipped.is_empty]


def geometry_geojson(geometries: gpd.GeoSeries, precision_deg: float = 0.005, properties=None) -> dict:
    """A GeoJSON FeatureCollection of the geometries, vertices snapped to ``precision_deg``.

    Snapping (and dropping the vertices it makes redundant) keeps an embedded world basemap to
    a few hundred kB; 0.005 degrees is about 500 m, finer than a 1:50m map shows.
    ``properties`` is an optional list of dicts, one per geometry.
    """
    digits = max(0, int(np.ceil(-np.log10(precision_deg))))
    snapped = shapely.set_precision(np.asarray(geometries.values), precision_deg)
    # rounded to the grid's decimals, so that each number prints short ("131.874")
    rounded = shapely.transform(snapped, lambda xy: np.round(xy, digits))
    features = []
    for index, geometry in enumerate(rounded):
        if geometry is None or geometry.is_empty:
            continue
        features.append({
            "type": "Feature",
            "properties": properties[index] if properties else {},
            "geometry": json.loads(shapely.to_geojson(geometry)),
        })
    return {"type": "FeatureCollection", "features": features}


def largest_part(geometry: BaseGeometry) -> BaseGeometry:
    """The largest polygon of a (multi)polygon or collection; the geometry itself otherwise."""
    parts = [p for p in shapely.get_parts(geometry) if p.area > 0]
    return max(parts, key=lambda p: p.area) if parts else geometry


@dataclass(frozen=True)
class VectorBasemap:
    """Land, countries and borders for a zoomable map, (lon, lat) degrees.

    1:10m inside a detail box (where the story is), 1:50m elsewhere, each simplified to a
    tolerance a screen at that level of detail cannot show.
    """

    land: gpd.GeoSeries
    countries: gpd.GeoDataFrame  # name, iso2, geometry of the countries asked for
    borders: gpd.GeoSeries


_WORLD_TOLERANCE_DEG = 0.02  # about 2 km
_DETAIL_TOLERANCE_DEG = 0.005  # about 500 m


@functools.lru_cache(maxsize=2)
def _world(gazetteer) -> VectorBasemap:
    countries = gazetteer.countries("50m")
    return VectorBasemap(
        land=gazetteer.land().geometry.simplify(_WORLD_TOLERANCE_DEG),
        countries=countries.set_geometry(countries.geometry.simplify(_WORLD_TOLERANCE_DEG)),
        borders=border_lines(countries).simplify(_WORLD_TOLERANCE_DEG),
    )


def vector_basemap(gazetteer, detail: tuple[float, float, float, float], iso2s=()) -> VectorBasemap:
    """The world at 1:50m with the box ``detail`` (lon_min, lat_min, lon_max, lat_max) at 1:10m.

    ``countries`` holds the shapes of the countries whose ISO alpha-2 codes are in ``iso2s``.
    The last few answers are kept: a story's map is often drawn again.
    """
    return _vector_basemap(gazetteer, tuple(round(v, 6) for v in detail), tuple(sorted(iso2s)))


@functools.lru_cache(maxsize=4)
def _vector_basemap(gazetteer, detail: tuple[float, float, float, float], iso2s: tuple[str, ...]) -> VectorBasemap:
    world = _world(gazetteer)
    box = shapely.box(*detail)
    fine = clip_to(gazetteer.countries("10m"), detail)
    fine = fine.set_geometry(fine.geometry.simplify(_DETAIL_TOLERANCE_DEG))

    def outside(series: gpd.GeoSeries) -> gpd.GeoSeries:
        cut = series.difference(box)
        return cut[~cut.is_empty]

    land = pd.concat([outside(world.land), gpd.GeoSeries([shapely.union_all(fine.geometry.values)], crs=4326)])
    wanted = list(iso2s)
    coarse = world.countries[world.countries["iso2"].isin(wanted)]
    coarse = coarse.set_geometry(coarse.geometry.difference(box))
    countries = pd.concat([coarse[~coarse.is_empty], fine[fine["iso2"].isin(wanted)]], ignore_index=True)
    countries = countries.dissolve(by=["iso2", "name"], as_index=False)[["name", "iso2", "geometry"]]
    borders = pd.concat([outside(world.borders), border_lines(fine)], ignore_index=True)
    return VectorBasemap(land.reset_index(drop=True), countries, borders)


def basemap_geojson(gazetteer, detail: tuple[float, float, float, float], iso2s=(),
                    precision_deg: float = 0.002) -> dict[str, dict]:
    """:func:`vector_basemap` as GeoJSON FeatureCollections: ``land``, ``countries`` (each
    feature's properties: ``iso2``) and ``borders``, vertices snapped to ``precision_deg``.

    Kept in the cache folder, keyed by the Natural Earth sources and the arguments: cutting
    the 1:10m shapes takes a couple of seconds, reading the answer back a few hundredths.
    """
    detail = tuple(round(v, 6) for v in detail)
    iso2s = tuple(sorted(iso2s))
    key = json.dumps([source_fingerprint(), _BASEMAP_GEOJSON_VERSION, detail, iso2s, precision_deg])
    path = cache_dir() / "basemap" / f"{hashlib.sha256(key.encode()).hexdigest()[:24]}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    basemap = vector_basemap(gazetteer, detail, iso2s)
    collections = {
        "land": geometry_geojson(basemap.land, precision_deg),
        "countries": geometry_geojson(basemap.countries.geometry, precision_deg,
                                      [{"iso2": iso2} for iso2 in basemap.countries["iso2"]]),
        "borders": geometry_geojson(basemap.borders, precision_deg),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(path, json.dumps(collections, separators=(",", ":")))
    return collections
