"""The story's places and routes as GeoJSON FeatureCollections, for export (coordinates (lon, lat))."""

from __future__ import annotations

from collections.abc import Iterable

from geo.geodesy import distance_km
from geo.maps.content import places_on_map, route_latlons
from geo.model import Route, Story
from geo.records import document_name
from geo.routes import route_drawing, route_length_km

__all__ = ["places_geojson", "routes_geojson"]


def places_geojson(story: Story) -> dict:
    """The story's resolved places (not countries) as Point features, most-mentioned first.

    Properties: ``place_id``, ``name``, ``kind``, ``country``, ``sources`` (how many documents
    mention it) and ``documents`` (their file names, in story order: never the folders they are in).
    """
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [p.place.lon, p.place.lat]},
            "properties": {
                "place_id": p.place.place_id,
                "name": p.place.name,
                "kind": p.place.kind,
                "country": p.place.country,
                "sources": p.sources,
                "documents": [document_name(document.path) for document, _ in p.quotes],
            },
        }
        for p in places_on_map(story)
    ]
    return {"type": "FeatureCollection", "features": features}


def routes_geojson(routes: Iterable[Route]) -> dict:
    """Routes as LineString features along the lines they are drawn (flights as geodesics).

    Properties: ``route_id``, ``name``, ``mode``, ``date``, ``status``, ``length_km`` (along
    the route, WGS84), ``straight_km`` (first to last waypoint), ``published_km``,
    ``published_source``, ``source``, ``drawn`` (which sections follow real track, which run
    from station to station).
    """
    features = []
    for route in routes:
        if len(route.waypoints) < 2:
            continue
        first, last = route.waypoints[0], route.waypoints[-1]
        features.append({
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in route_latlons(route)]},
            "properties": {
                "route_id": route.route_id,
                "name": route.name,
                "mode": route.mode,
                "date": route.date,
                "status": route.status,
                "length_km": round(route_length_km(route), 1),
                "straight_km": round(distance_km(first.lat, first.lon, last.lat, last.lon), 1),
                "published_km": route.published_km,
                "published_source": route.published_source,
                "source": route.source,
                "drawn": route_drawing(route),
            },
        })
    return {"type": "FeatureCollection", "features": features}
