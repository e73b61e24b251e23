"""An opt-in online fallback for names the embedded gazetteer lacks: OpenStreetMap's Nominatim.

Off by default. Following Nominatim's usage policy, a caller must give a user agent of their
own, requests go at most one a second (geopy's RateLimiter), and every answer, found or not,
is cached on disk so a name is asked once. Places found online have layer "online" and say so
in their source.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path

from geo.atomic import write_text_atomically
from geo.errors import GeocoderError
from geo.gazetteer.names import fold
from geo.model import Candidate, Place
from geo.paths import cache_dir

NOMINATIM_DOMAIN = "nominatim.openstreetmap.org"
MIN_DELAY_SECONDS = 1.0  # Nominatim's usage policy: an absolute maximum of 1 request a second


class OnlineGeocoder:
    """Nominatim behind a rate limiter and a disk cache; ``geocode(name)`` gives Places."""

    def __init__(self, user_agent: str, *, domain: str = NOMINATIM_DOMAIN, scheme: str = "https",
                 cache_path: Path | None = None, timeout: float = 10.0):
        from geo.optional import require

        require("geopy", "online", "the online geocoder (--online)")  # geopy loads only when asked for
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        if not user_agent or not user_agent.strip() or "geopy" in user_agent.lower():
            raise GeocoderError("the online geocoder needs a user agent of your own "
                                "(e.g. 'my-newsroom-factcheck/1.0 you@example.org')")
        self._geocoder = Nominatim(user_agent=user_agent, domain=domain, scheme=scheme,
                                   timeout=timeout)
        self._geocode = RateLimiter(self._geocoder.geocode, min_delay_seconds=MIN_DELAY_SECONDS,
                                    max_retries=1, swallow_exceptions=False)
        geopy_log = logging.getLogger("geopy")
        if geopy_log.level == logging.NOTSET:  # its retry warnings carry tracebacks: one line is ours
            geopy_log.setLevel(logging.ERROR)
        self.failure = ""  # once the service has failed, the one line saying so; no more requests
        self.cache_path = cache_path or cache_dir() / "nominatim.json"
        self._cache = self._read_cache()

    def _read_cache(self) -> dict:
        try:
            return json.loads(self.cache_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return {}  # a damaged cache is only a cache: ask again

    def _write_cache(self) -> None:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(self.cache_path, json.dumps(self._cache, ensure_ascii=False))

    def geocode(self, name: str, limit: int = 5) -> list[Place]:
        """Places Nominatim finds for ``name``, best first; [] when it finds none."""
        from geopy.exc import GeopyError

        key = fold(name)
        if key not in self._cache:
            if self.failure:
                raise GeocoderError(self.failure)
            try:
                answers = self._geocode(name, exactly_one=False, limit=limit, addressdetails=True,
                                        language="en") or []
            except GeopyError as error:
                reason = " ".join(str(error).split())
                reason = reason if len(reason) <= 160 else reason[:157] + "..."
                self.failure = (f"online geocoder {self._geocoder.domain} failed on {name!r} "
                                f"({type(error).__name__}: {reason}); no further requests")
                raise GeocoderError(self.failure) from None
            self._cache[key] = [answer.raw for answer in answers]
            self._write_cache()
        return [_place(raw) for raw in self._cache[key]]


def _place(raw: dict) -> Place:
    """A Place from one Nominatim answer."""
    address = raw.get("address") or {}
    osm = f"{raw.get('osm_type', 'node')}:{raw.get('osm_id', raw.get('place_id'))}"
    return Place(
        place_id=f"online:osm:{osm}",
        name=raw.get("name") or raw.get("display_name", "").split(",")[0],
        kind=raw.get("addresstype") or raw.get("type") or "place",
        country=(address.get("country_code") or "").upper(),
        lat=float(raw["lat"]), lon=float(raw["lon"]),
        layer="online",
        source=f"online: OpenStreetMap Nominatim ({raw.get('licence', 'ODbL')}), OSM {osm}",
    )


def fill_unresolved(mentions, geocoder: OnlineGeocoder) -> tuple:
    """Mentions the gazetteer could not resolve, looked up online; the others unchanged.

    Once the service fails (``geocoder.failure`` says how), the mentions left stay unresolved."""
    filled = []
    for mention in mentions:
        if mention.place is None and not mention.candidates and not geocoder.failure:
            try:
                places = geocoder.geocode(mention.text)
            except GeocoderError:
                places = []
            if places:
                mention = replace(mention, place=places[0], confidence=0.5,
                                  candidates=tuple(Candidate(p, 0.0) for p in places))
        filled.append(mention)
    return tuple(filled)


def add_online_arguments(parser) -> None:
    """The CLI options that opt in to the online geocoder."""
    group = parser.add_argument_group("online fallback (off by default)")
    group.add_argument("--online", action="store_true",
                       help="look names the offline gazetteer lacks up on OpenStreetMap Nominatim")
    group.add_argument("--user-agent", metavar="UA",
                       help="your own user agent for Nominatim (required with --online)")
    group.add_argument("--geocoder-url", default=f"https://{NOMINATIM_DOMAIN}", metavar="URL",
                       help="a Nominatim server (default: the public one)")


def geocoder_from_arguments(args) -> OnlineGeocoder | None:
    """The geocoder the CLI options ask for, or None when --online is not given."""
    if not args.online:
        return None
    scheme, _, domain = args.geocoder_url.partition("://")
    return OnlineGeocoder(args.user_agent or "", domain=domain.rstrip("/"), scheme=scheme)
