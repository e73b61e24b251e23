"""Batch throughput on Dask: documents per second of `geo batch` with 1 and with 2 workers.

The archive is synthesised from the bundled story: each article is a run of sentences drawn
(with a fixed seed) from the bundled articles, so the texts differ while their places and
claims stay those of real news prose. It is written once as JSON Lines, then analysed by a
fresh local cluster of each size into a fresh output folder. The time of a run includes starting
the cluster and loading the gazetteer on every worker, as a user would see it. A serial
in-process pass over a sample gives the cost of one document without Dask.

    .venv/bin/python benchmarks/bench_batch.py [--articles 10000] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from geo.batch import read_partition, plan_partitions, run_batch
from geo.gazetteer import default_gazetteer
from geo.paths import ARTICLES_DIR
from geo.routes import load_routes
from geo.story import analyse_document, read_documents

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def synthesise_archive(path: Path, articles: int, seed: int = 2023) -> None:
    """Write ``articles`` JSON Lines articles made of sentences drawn from the bundled story."""
    documents, errors = read_documents(sorted(str(p) for p in ARTICLES_DIR.glob("*.txt")))
    if errors:
        raise SystemExit("; ".join(errors))
    sentences = [s.strip() for d in documents for s in SENTENCE_END.split(d.text) if s.strip()]
    per_article = max(1, len(sentences) // len(documents))
    chooser = random.Random(seed)
    with path.open("w", encoding="utf-8") as stream:
        for number in range(articles):
            start = chooser.randrange(len(sentences))
            picked = [sentences[(start + k) % len(sentences)] for k in range(per_article)]
            chooser.shuffle(picked)
            stream.write(json.dumps({"id": f"synthetic-{number:06d}", "text": " ".join(picked),
                                     "outlet": "synthetic"}) + "\n")


def serial_rate(path: Path, sample: int) -> float:
    """Documents per second of analyse_document in this process, gazetteer already loaded."""
    gazetteer, routes = default_gazetteer(), load_routes()
    (partition, *_) = plan_partitions([str(path)], partition_size=sample)
    documents = [document for document, _, _, _ in read_partition(partition)]
    began = time.perf_counter()
    for document in documents:
        analyse_document(document, gazetteer, routes)
    return len(documents) / (time.perf_counter() - began)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=250)
    parser.add_argument("--serial-sample", type=int, default=500)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-batch-") as scratch:
        archive = Path(scratch) / "archive.jsonl"
        synthesise_archive(archive, args.articles)
        print(f"archive: {args.articles} articles, {archive.stat().st_size / 1e6:.1f} MB JSON Lines", flush=True)
        print(f"serial, in process (no Dask): {serial_rate(archive, args.serial_sample):.1f} docs/s "
              f"over {args.serial_sample} articles", flush=True)
        rates = {}
        for workers in args.workers:
            summary = run_batch([str(archive)], str(Path(scratch) / f"out-{workers}"), workers=workers,
                                partition_size=args.partition_size, progress=None)
            if summary.failed or summary.documents != args.articles:
                raise SystemExit(f"run with {workers} workers incomplete: {summary}")
            rates[workers] = summary.documents / summary.seconds
            print(f"{workers} worker(s): {summary.documents} documents in {summary.seconds:.1f} s = "
                  f"{rates[workers]:.1f} docs/s ({summary.mentions} mentions, {summary.claims} claims, "
                  f"{summary.errors} failed)", flush=True)
    if len(rates) > 1:
        low, high = min(rates), max(rates)
        print(f"scaling {low} -> {high} workers: x{rates[high] / rates[low]:.2f} "
              f"(ideal x{high / low:.0f}); {os.cpu_count()} cores, {platform.python_version()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
