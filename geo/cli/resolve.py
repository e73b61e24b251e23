"""`geo resolve NAME [--context TEXT] [--json]`: the candidate places for a name, best first."""

from __future__ import annotations

from geo.cli._common import add_story_argument, print_json, print_table
from geo.errors import PlaceNotFound
from geo.gazetteer import default_gazetteer
from geo.gazetteer.online import add_online_arguments, geocoder_from_arguments
from geo.model import Candidate
from geo.resolve import resolve_name


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "resolve", help="list the places a name may refer to, best first",
        description="Look a name up in the offline gazetteer and rank its candidates, "
                    "optionally using a context text (other places, countries).")
    parser.add_argument("name", metavar="NAME")
    parser.add_argument("--context", default="", metavar="TEXT",
                        help="text around the name, used to rank the candidates")
    parser.add_argument("--limit", type=int, default=10, help="at most this many (default 10)")
    parser.add_argument("--json", action="store_true", help="print JSON (see DESIGN.md)")
    add_online_arguments(parser)
    add_story_argument(parser, help="also look in this story pack's places and descriptions (a folder "
                                    "with a pack.toml, or a bundled pack's name); default: the world's "
                                    "gazetteer alone")
    parser.set_defaults(func=run)


def run(args) -> int:
    from geo.gazetteer.overlay import with_pack
    from geo.story import story_pack

    gazetteer = with_pack(default_gazetteer(), story_pack(args.story))
    candidates = resolve_name(args.name, gazetteer, args.context)[:args.limit]
    geocoder = geocoder_from_arguments(args)
    if not candidates and geocoder:
        candidates = [Candidate(place, 0.0) for place in geocoder.geocode(args.name, args.limit)]
    if not candidates:
        raise PlaceNotFound(f"{args.name!r}: no place of that name in the gazetteer")
    records = [{"place_id": c.place.place_id, "name": c.place.name, "kind": c.place.kind,
                "country": c.place.country, "lat": c.place.lat, "lon": c.place.lon,
                "score": c.score} for c in candidates]
    if args.json:
        print_json(records)
    else:
        print_table([[r["place_id"], r["name"], r["kind"], r["country"], f"{r['lat']:.4f}",
                      f"{r['lon']:.4f}", f"{r['score']:.2f}"] for r in records],
                    ["place_id", "name", "kind", "country", "lat", "lon", "score"])
    return 0
