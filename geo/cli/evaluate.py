"""`geo evaluate {lgl|trnews} PATH`: geoparsing quality and speed on an annotated corpus;
`geo evaluate claims PATH`: distance-claim extraction on a JSON Lines set of sentences."""

from __future__ import annotations

import argparse
import json

from geo.errors import InputError
from geo.evaluate import (
    ACCURACY_RADIUS_KM,
    CORPORA,
    MAX_ERROR_KM,
    Evaluation,
    evaluate,
    evaluation_record,
    unresolved_texts,
    worst_resolutions,
)
from geo.evaluate_claims import ClaimEvaluation, claim_evaluation_record, evaluate_claims


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="measure recognition and resolution on an annotated corpus (LGL, TR-News)",
        description=(
            "Run the whole pipeline on every article of an annotated corpus XML file and print "
            "toponym precision, recall and F1 (overlapping spans, matched one-to-one), accuracy "
            f"within {ACCURACY_RADIUS_KM:g} km, mean and median error, the AUC of the log-error "
            "curve, documents per second and peak memory."
        ),
    )
    parser.add_argument(
        "corpus", choices=sorted([*CORPORA, "claims"]),
        help="which corpus the file holds (claims: a JSON Lines set of distance-claim sentences)",
    )  # fmt: skip
    parser.add_argument(
        "path", help="the corpus XML file (lgl.xml, TR-News.xml) or claim set (distance_claims_dev.jsonl)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--worst", type=int, default=10, metavar="N",
        help="list the N largest errors and the N names most often missed, spurious or "
        "unresolved (default 10)",
    )  # fmt: skip
    parser.add_argument(
        "--limit", type=int, default=None, metavar="N", help="evaluate the first N articles only"
    )
    parser.set_defaults(func=run)


def _point(lat: float | None, lon: float | None) -> str:
    return "-" if lat is None or lon is None else f"({lat:.3f}, {lon:.3f})"


def _table(evaluation: Evaluation, worst: int) -> str:
    s = evaluation.scores
    rows = [
        ("documents", f"{s.documents}"),
        ("gold toponyms", f"{s.gold} ({s.gold_with_coordinates} with coordinates)"),
        ("predicted toponyms", f"{s.predicted}"),
        ("matched (overlap, 1:1)", f"{s.matched}"),
        ("precision", f"{s.precision:.3f}"),
        ("recall", f"{s.recall:.3f}"),
        ("F1", f"{s.f1:.3f}"),
        (
            "errors scored",
            f"{len(s.resolutions)} matched with gold coordinates "
            f"({s.unresolved} unresolved, counted as {MAX_ERROR_KM:,.0f} km)",
        ),
        (f"accuracy within {ACCURACY_RADIUS_KM:g} km", f"{s.accuracy_161:.3f}"),
        ("mean error", f"{s.mean_error_km:,.1f} km"),
        ("median error", f"{s.median_error_km:,.1f} km"),
        ("AUC of log error", f"{s.auc:.3f} (0 best, 1 worst)"),
        (
            "documents per second",
            f"{evaluation.documents_per_second:,.1f} "
            f"(pipeline {evaluation.pipeline_seconds:.2f} s wall, one process)",
        ),
        (
            "documents per CPU second",
            f"{evaluation.documents_per_cpu_second:,.1f} "
            f"(pipeline {evaluation.pipeline_cpu_seconds:.2f} s of CPU)",
        ),
        ("gazetteer load", f"{evaluation.gazetteer_seconds:.2f} s"),
        ("peak memory", f"{evaluation.peak_rss_mib:,.0f} MiB"),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [f"{CORPORA[evaluation.corpus]}: {evaluation.path}", ""]
    lines += [f"{label:<{width}}  {value}" for label, value in rows]
    worst_errors = worst_resolutions(s, worst)
    if worst_errors:
        lines += ["", "Largest errors of resolved toponyms:"]
        for r in worst_errors:
            place = r.mention.place
            lines.append(
                f"  {r.error_km:>9,.1f} km  {r.gold.phrase!r} gold {_point(r.gold.lat, r.gold.lon)}"
                f" -> {place.name} ({place.kind}, {place.country or '-'}) "
                f"{_point(place.lat, place.lon)}  [doc {r.doc_id}]"
            )
    listings = (
        ("most often missed", s.missed),
        ("most often spurious", s.spurious),
        ("matched but unresolved", unresolved_texts(s)),
    )
    for title, counts in listings:
        if worst > 0 and counts:
            listed = ", ".join(f"{name!r} {n}" for name, n in counts[:worst])
            lines += ["", f"{title.capitalize()}: {listed}"]
    return "\n".join(lines)


def _claims_table(evaluation: ClaimEvaluation, worst: int) -> str:
    e = evaluation
    rows = [
        ("items", f"{len(e.results)} ({e.lookalikes} look-alikes)"),
        ("gold claims", f"{e.gold}"),
        ("returned claims", f"{e.returned}"),
        ("found", f"{e.found}"),
        ("recall", f"{e.recall:.3f}"),
        ("precision", f"{e.precision:.3f}"),
        ("F1", f"{e.f1:.3f}"),
        ("right anchor (of found)", f"{e.anchor_share:.3f}"),
        ("right unit (of found)", f"{e.unit_share:.3f}"),
        ("right direction (of found)", f"{e.direction_share:.3f}"),
        ("look-alikes giving a claim", f"{e.lookalikes_claimed} of {e.lookalikes}"),
        ("pipeline CPU time", f"{e.seconds:.2f} s"),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [f"Distance claims: {e.path}", ""] + [f"{label:<{width}}  {value}" for label, value in rows]
    record = claim_evaluation_record(e)
    sections = (("Missed", "missed"), ("False alarms", "false_alarms"), ("Found, something wrong", "wrong"))
    for title, key in sections:
        entries = record[key][:worst]
        if entries:
            lines += ["", f"{title} ({len(record[key])}, first {len(entries)}):"]
            for entry in entries:
                details = {k: v for k, v in entry.items() if k not in ("line", "text")}
                lines.append(f"  line {entry['line']}: {entry['text'][:160]}")
                lines.append(f"      {details}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.worst < 0:
        raise InputError(f"--worst {args.worst}: must be 0 or more")
    if args.corpus == "claims":
        claims = evaluate_claims(args.path, limit=args.limit)
        if args.json:
            print(json.dumps(claim_evaluation_record(claims), ensure_ascii=False))
        else:
            print(_claims_table(claims, args.worst))
        return 0
    evaluation = evaluate(args.corpus, args.path, limit=args.limit)
    if args.json:
        print(json.dumps(evaluation_record(evaluation, worst=args.worst), ensure_ascii=False))
    else:
        print(_table(evaluation, args.worst))
    return 0
