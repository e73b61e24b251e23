"""Batch throughput on Dask: documents per second of `geo batch` with 1 and with 2 workers.

The archive is synthesised from the bundled story: each article is a run of sentences drawn
with a fixed seed from the bundled articles and shuffled, so the texts differ while their places
and claims stay those of real news prose. It is written once as JSON Lines, then analysed by a
fresh local cluster of each size (one process per worker, one thread each) into a fresh output
folder. A run's time is what a user waits for: starting the cluster, loading the gazetteer on
each worker, analysing and writing every partition. A serial pass in this process over a sample
gives the cost of one document without Dask.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import tempfile
from pathlib import Path

from common import load_average, section, table, timed

from geo.batch import plan_partitions, read_partition, run_batch
from geo.documents import read_documents
from geo.gazetteer import default_gazetteer
from geo.story import analyse_document

TITLE = "Batch throughput (Dask)"
ARTICLES = 10_000
WORKERS = (1, 2)
PARTITION_SIZE = 250
SERIAL_SAMPLE = 500
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def synthesise_archive(path: Path, articles: int, seed: int = 2023) -> None:
    """Write ``articles`` JSON Lines articles made of sentences drawn from the bundled story."""
    documents, _ = read_documents()
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


def serial(path: Path, sample: int) -> tuple[int, float, float]:
    """(documents, wall s, CPU s) of analyse_document over the first ``sample`` articles in this
    process, the gazetteer loaded and warmed on the first article beforehand."""
    gazetteer = default_gazetteer()
    (partition, *_) = plan_partitions([str(path)], partition_size=sample)
    documents = [document for document, _, _, _ in read_partition(partition)]
    analyse_document(documents[0], gazetteer=gazetteer)
    wall, cpu = timed(lambda: [analyse_document(d, gazetteer=gazetteer) for d in documents])
    return len(documents), wall, cpu


def measure() -> str:
    load = load_average()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as scratch:
        archive = Path(scratch) / "archive.jsonl"
        synthesise_archive(archive, ARTICLES)
        megabytes = archive.stat().st_size / 1e6
        sample, serial_wall, serial_cpu = serial(archive, SERIAL_SAMPLE)
        runs, summaries, loads = {}, {}, {}
        for workers in WORKERS:
            print(f"bench_batch: {workers} worker(s) ...", file=sys.stderr, flush=True)
            outdir = str(Path(scratch) / f"out-{workers}")
            wall, cpu = timed(lambda: summaries.setdefault(workers, run_batch(
                [str(archive)], outdir, workers=workers, partition_size=PARTITION_SIZE)))
            summary = summaries[workers]
            loads[workers] = load_average()
            if summary.failed or summary.documents != ARTICLES:
                raise SystemExit(f"bench_batch: the run with {workers} workers did not finish: {summary}")
            runs[workers] = (wall, cpu, summary)

    one = ARTICLES / runs[WORKERS[0]][0]
    rows = [("serial, in process (no Dask)", f"{sample:,}", f"{serial_wall:.1f}", f"{sample / serial_wall:.1f}",
             f"{serial_cpu:.1f}", "", "")]
    for workers, (wall, cpu, summary) in runs.items():
        rate = summary.documents / wall
        rows.append((f"`geo batch`, {workers} worker{'s' * (workers > 1)}", f"{summary.documents:,}",
                     f"{wall:.1f}", f"{rate:.1f}", f"{cpu:.1f}", f"×{rate / one:.2f}", f"{loads[workers]:.1f}"))
    last = runs[WORKERS[-1]][2]
    ratio = ARTICLES / runs[WORKERS[-1]][0] / one
    body = table(("run", "articles", "wall s", "articles per s", "CPU s (all processes)", "vs 1 worker",
                  "load average at the end"), rows)
    body += (
        f"\n\nScaling from {WORKERS[0]} to {WORKERS[-1]} workers: ×{ratio:.2f} (ideal ×{WORKERS[-1] / WORKERS[0]:.0f}). "
        f"{ARTICLES:,} synthetic articles ({megabytes:.1f} MB of JSON Lines, sentences of the bundled "
        f"story reshuffled; {last.mentions:,} mentions, {last.claims:,} claims), partitions of "
        f"{PARTITION_SIZE}; each run starts its own `distributed.LocalCluster` (processes, one thread "
        f"each) and loads the gazetteer once per worker, both inside the wall time. The scheduler and "
        f"this process share the machine's {os.cpu_count()} cores with the workers. The load average "
        f"at the end of a run counts the run's own workers (about one each); above that, other work "
        f"competed for the cores and the figures are lower bounds."
    )
    return section(TITLE, "bench_batch.py", body, load)


if __name__ == "__main__":
    print(measure())
