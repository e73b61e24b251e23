"""`geo batch INPUT... -o OUTDIR`: a whole archive on Dask, written as partitioned GeoParquet."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

from geo.batch import DEFAULT_PARTITION_SIZE
from geo.budget import DEFAULT_BUDGET_S
from geo.cli._common import add_corrections_argument, saved_corrections


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="analyse many articles on a Dask cluster and write GeoParquet tables",
        description=(
            "Find the places and check the distance claims of every article in folders of "
            ".txt/.md/.html files, JSON Lines files (one article a line: id, text, title, outlet, "
            "date, url) or Parquet files (columns id, text, metadata), on a local Dask cluster or "
            "an existing one. Writes OUTDIR/mentions/*.parquet (points), OUTDIR/claims/*.parquet "
            "(lines anchor to subject) and OUTDIR/errors/*.parquet (documents that failed), one "
            "file each per partition, in EPSG:4326. A re-run skips the partitions already done."
        ),
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="a folder, .jsonl or .parquet file")
    parser.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="the output folder")
    parser.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="a running Dask scheduler, e.g. tcp://host:8786 (default: a local cluster)",
    )
    parser.add_argument(
        "--workers", type=int, metavar="N",
        help="processes of the local cluster, one thread each (default: one per core)",
    )
    parser.add_argument(
        "--partition-size", type=int, default=DEFAULT_PARTITION_SIZE, metavar="N",
        help=f"documents per partition (default {DEFAULT_PARTITION_SIZE})",
    )
    parser.add_argument(
        "--routes", metavar="PATH",
        help="also check claims against the routes of this TOML or GeoJSON file (or folder); "
             "default none, as `geo claims FILE` does",
    )
    add_corrections_argument(parser)
    parser.add_argument("--story", metavar="PATH",
                        help="read every article with this story pack (a folder with a pack.toml, "
                             "or a bundled pack's name); its routes are checked too unless --routes")
    parser.add_argument("--time-budget", type=float, default=DEFAULT_BUDGET_S, metavar="SECONDS",
                        help="record a document that takes longer than this as failed and go on "
                             f"(default {DEFAULT_BUDGET_S:g}; 0: no limit)")
    parser.add_argument("--dashboard", metavar="ADDRESS",
                        help="serve the local cluster's Dask dashboard at ADDRESS, e.g. 127.0.0.1:8787 "
                             "(:8787 listens on every interface); default: no dashboard")
    parser.add_argument("--json", action="store_true", help="print the run's summary as one JSON object")
    parser.set_defaults(func=run)


def run(args) -> int:
    from geo.batch import run_batch
    from geo.routes import load_routes

    from geo.packs import load_pack

    if not args.time_budget >= 0:
        from geo.errors import InputError

        raise InputError(f"--time-budget {args.time_budget:g}: give a number of seconds, or 0 for no limit")
    pack = load_pack(args.story) if args.story else None  # checked here: one error, not one per worker
    routes = load_routes(args.routes) if args.routes else pack.routes if pack else ()
    summary = run_batch(args.inputs, args.output, scheduler=args.scheduler, workers=args.workers,
                        partition_size=args.partition_size, routes=routes,
                        corrections=saved_corrections(args), progress=sys.stderr,
                        story=str(pack.path) if pack else None, dashboard=args.dashboard,
                        budget=args.time_budget or None)
    if args.json:
        print(json.dumps(asdict(summary), indent=2))
    else:
        print(f"{summary.partitions} partitions ({summary.skipped} already done, {summary.computed} computed): "
              f"{summary.documents} documents, {summary.mentions} mentions, {summary.claims} claims, "
              f"{summary.errors} failed documents in {summary.seconds:.1f} s -> {summary.outdir}")
    for failure in summary.failed:
        print(f"geo: partition {failure}", file=sys.stderr)
    if summary.failed:
        print(f"geo: {len(summary.failed)} partitions failed; run the same command again to retry them",
              file=sys.stderr)
    return 1 if summary.failed else 0
