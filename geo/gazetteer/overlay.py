"""A story pack's places over the world's gazetteer, at lookup time.

The world's index is built once and cached on disk; a pack's few dozen places and descriptions
are laid over it in memory when the pack is loaded, never compiled into the cache. Lookups see
the pack's entries first, then the world's; everything else (countries, borders, basemaps) is
the world gazetteer's own.
"""

from __future__ import annotations

import functools

import shapely
from shapely.geometry.base import BaseGeometry

from geo.errors import PlaceNotFound
from geo.gazetteer.index import ALIAS_KINDS, Gazetteer
from geo.gazetteer.names import fold
from geo.model import Place

__all__ = ["StoryGazetteer", "with_pack"]


class StoryGazetteer:
    """The world's gazetteer with one story pack's places and descriptions laid over it.

    It answers the same questions as :class:`~geo.gazetteer.Gazetteer`; a pack's place comes
    before the world's places of the same alias kind, and a pack's descriptions ("the border
    river") are the only descriptions it knows besides the world's.
    """

    def __init__(self, world: Gazetteer, pack):
        self.world = world
        self.pack = pack
        places = {p.place_id: p for p in pack.places}
        entries: dict[str, list[tuple[Place, str]]] = {}
        for key, place_id, kind in pack.aliases:
            pairs = entries.setdefault(key, [])
            if all(p.place_id != place_id for p, _ in pairs):
                pairs.append((places[place_id], kind))
        self._entries = {key: sorted(pairs, key=lambda pk: ALIAS_KINDS.index(pk[1]))
                         for key, pairs in entries.items()}
        self._places = places
        self._shapes = dict(pack.geometries)
        described = {fold(phrase) for phrase, _, _ in pack.descriptions}
        self.description_keys = sorted(set(world.description_keys) | described)
        longest = max((key.count(" ") + 1 for key in self._entries), default=1)
        self.max_alias_words = max(world.max_alias_words, longest)

    def __getattr__(self, name):
        return getattr(self.world, name)  # countries, borders, capitals, basemaps: the world's

    def __len__(self) -> int:
        return len(self.world) + len(self._places)

    def has_alias(self, key: str) -> bool:
        return key in self._entries or self.world.has_alias(key)

    def entries(self, key: str) -> list[tuple[Place, str]]:
        """(place, alias kind) for a folded name: the pack's, then the world's, by alias kind."""
        own = self._entries.get(key)
        world = self.world.entries(key)
        if not own:
            return world
        rank = ALIAS_KINDS.index
        merged = own + world
        return sorted(merged, key=lambda pk: rank(pk[1]))  # stable: the pack's first within a kind

    def lookup(self, name: str) -> list[Place]:
        return [place for place, _ in self.entries(fold(name))]

    def get(self, place_id: str) -> Place:
        place = self._places.get(place_id)
        if place is not None:
            return place
        try:
            return self.world.get(place_id)
        except PlaceNotFound:
            raise PlaceNotFound(f"no place with id {place_id!r} in the gazetteer or the story "
                                f"pack {self.pack.name!r}") from None

    def extent(self, place: Place) -> BaseGeometry:
        shape = self._shapes.get(place.place_id)
        if shape is not None:
            return shape
        if place.place_id in self._places:
            return shapely.Point(place.lon, place.lat)
        return self.world.extent(place)


@functools.lru_cache(maxsize=8)
def _overlay(world: Gazetteer, pack) -> StoryGazetteer:
    return StoryGazetteer(world, pack)


def with_pack(gazetteer, pack):
    """The gazetteer to look names up in: ``gazetteer`` itself without a pack, else the world's
    with the pack laid over it (made once per gazetteer and pack)."""
    if pack is None:
        return gazetteer
    if isinstance(gazetteer, StoryGazetteer):
        if gazetteer.pack is pack:
            return gazetteer
        gazetteer = gazetteer.world
    return _overlay(gazetteer, pack)
