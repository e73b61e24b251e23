"""`geo map [FILE ...] -o PATH`: the story's map, interactive (.html) or for print (.png/.svg/.pdf)."""

from __future__ import annotations

from pathlib import Path

from geo.cli._common import add_inputs, read_story, report_errors
from geo.errors import InputError

_INTERACTIVE = ".html"


def register(subparsers) -> None:
    from geo.maps.content import LAYERS
    from geo.maps.style import FORMATS, STATIC_LAYERS

    parser = subparsers.add_parser(
        "map", help="draw the story's places, routes, meetings and claims on a map",
        description=(
            "Draw the map of the articles (the bundled story when no FILE is given). An .html "
            "output is an interactive map in one file that works offline; "
            f"{', '.join(FORMATS)} is a locator map for print (PNG at --dpi, 300 by default)."
        ),
    )
    add_inputs(parser)
    parser.add_argument("-o", "--output", required=True, metavar="PATH",
                        help=f"the map file: {_INTERACTIVE} or {', '.join(FORMATS)}")
    parser.add_argument("--extent", metavar="EXTENT",
                        help="the area shown: bbox:LON_MIN,LAT_MIN,LON_MAX,LAT_MAX, claim:N (claim N "
                             "as `geo claims` numbers them) or route:ID; default: the whole story")
    parser.add_argument("--title", help="the map's title")
    parser.add_argument("--subtitle", help="the static map's subtitle")
    parser.add_argument("--layers", metavar="LIST",
                        help=f"comma-separated, from {','.join(LAYERS)}; default: all for .html, "
                             f"{','.join(STATIC_LAYERS)} for print")
    parser.add_argument("--routes", metavar="PATH",
                        help="routes from this TOML or GeoJSON file (or folder); default: the "
                             "routes of the story pack (--story; the bundled story's with no FILE), none without a pack")
    parser.add_argument("--web-tiles", action="store_true",
                        help="(.html) offer OpenStreetMap tiles as a base layer; they need the network")
    parser.add_argument("--dpi", type=int, default=300, help="(PNG) resolution, dots per inch (default 300)")
    parser.set_defaults(func=run)


_LAYER_SUFFIXES = (".geojson", ".gpkg")


def run(args) -> int:
    from geo.maps.style import FORMATS, check_dpi

    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix != _INTERACTIVE and suffix not in FORMATS:
        raise InputError(f"{output}: write the map as {_INTERACTIVE} or {', '.join(FORMATS)}")
    if args.web_tiles and suffix != _INTERACTIVE:
        raise InputError(f"--web-tiles: only for {_INTERACTIVE} maps, not {suffix}")
    check_dpi(args.dpi, "--dpi")

    from geo.routes import load_routes

    story = read_story(args, routes=load_routes(args.routes) if args.routes else None)
    try:
        _draw(story, args, output, suffix)
    except InputError:
        report_errors(story.errors)  # the inputs that could not be read first, then why no map
        raise
    if suffix not in _LAYER_SUFFIXES:  # the layers as data beside the picture, for a GIS
        from geo.maps.layers_out import write_layers

        for path in write_layers(story, output):
            print(path)
    return report_errors(story.errors)


def _draw(story, args, output: Path, suffix: str) -> None:
    if suffix == _INTERACTIVE:
        from geo.maps.interactive import save_html, story_map

        folium_map = story_map(story, extent=args.extent, layers=args.layers, web_tiles=args.web_tiles,
                               title=args.title)
        save_html(folium_map, output)
    else:
        from geo.maps.static import render_static

        render_static(story, output, extent=args.extent, title=args.title, subtitle=args.subtitle,
                      layers=args.layers, dpi=args.dpi)
    print(output)
