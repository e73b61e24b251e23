"""`geo places [FILE ...|-] [--json]`: every place mention of each document, resolved."""

from __future__ import annotations

import sys

from geo.cli._common import (add_inputs, print_json, print_table, report_errors, saved_corrections,
                             story_of_arguments, terminal_safe)
from geo.corrections import index_corrections
from geo.documents import read_documents
from geo.gazetteer import default_gazetteer
from geo.gazetteer.online import add_online_arguments, geocoder_from_arguments
from geo.records import mention_record
from geo.story import analyse_document


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "places", help="find and resolve the places each article mentions",
        description="Find every place mention in the articles and resolve it with the "
                    "offline gazetteer. With no FILE, reads the bundled story.")
    add_inputs(parser)
    parser.add_argument("--json", action="store_true", help="print JSON (see DESIGN.md)")
    add_online_arguments(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    pack = story_of_arguments(args)
    documents, errors = (read_documents(args.files) if args.files or pack is None
                         else (pack.documents(), []))
    gazetteer = default_gazetteer()
    geocoder = geocoder_from_arguments(args)
    corrections = index_corrections(saved_corrections(args))
    results = []
    for document in documents:
        mentions = analyse_document(document, gazetteer=gazetteer, pack=pack, corrections=corrections,
                                    geocoder=geocoder).mentions
        results.append({"path": document.path, "title": document.title,
                        "mentions": [mention_record(m) for m in mentions]})
    if geocoder is not None and geocoder.failure:  # one line; the names it did not reach stay unresolved
        print(f"geo: warning: {terminal_safe(geocoder.failure)}", file=sys.stderr)
    if args.json:
        print_json({"documents": results})
    else:
        for result in results:
            print(terminal_safe(f"\n{result['path']} — {result['title']}"))
            print_table([[m["text"], m["name"] or "(unresolved)", m["kind"], m["country"],
                          _coordinate(m["lat"]), _coordinate(m["lon"]), f"{m['confidence']:.2f}"]
                         for m in result["mentions"]],
                        ["mention", "place", "kind", "country", "lat", "lon", "confidence"])
    return report_errors(errors)


def _coordinate(value) -> str:
    return "" if value is None else f"{value:.4f}"
