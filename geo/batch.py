"""Whole archives on Dask: many articles in, partitioned GeoParquet tables of mentions and claims out.

The inputs are cut into partitions of a fixed number of documents. Each partition has a key, a
digest of what it reads (file paths, sizes, modification times, ranges), so the plan is the same
on every run over the same inputs. A worker reads its partition's documents itself, analyses
each with the gazetteer it loaded once (``default_gazetteer()``), and writes, each file under a
temporary name first and then renamed::

    OUTDIR/mentions/part-00000.parquet   one row per mention, point geometry (EPSG:4326)
    OUTDIR/claims/part-00000.parquet     one row per checked claim, line anchor -> subject
    OUTDIR/errors/part-00000.parquet     one row per document that failed, with its error
    OUTDIR/_done/part-00000.json         the marker, written last

A partition is finished when its marker holds its key, so a crash or Ctrl-C leaves nothing that
counts as done and a re-run computes only the partitions without a marker.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import stat
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, TextIO

from geo.atomic import atomic_target, write_text_atomically
from geo.budget import DEFAULT_BUDGET_S, run_with_budget
from geo.documents import TEXT_SUFFIXES, document_from_bytes, read_document
from geo.errors import InputError, TimeBudgetExceeded
from geo.files import describe_os_error, file_kind
from geo.model import Document, Route

if TYPE_CHECKING:
    from geo.corrections import Correction

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
METADATA_FIELDS = ("title", "outlet", "date", "url")
DEFAULT_PARTITION_SIZE = 1000
TABLES = ("mentions", "claims", "errors")
DONE_DIR = "_done"

MENTION_COLUMNS = {
    "doc_id": "string", "path": "string",
    "text": "string", "start": "Int64", "end": "Int64",
    "place_id": "string", "name": "string", "kind": "string", "country": "string",
    "lat": "Float64", "lon": "Float64", "confidence": "Float64",
}
"""Columns of the mentions table: `geo places --json` mention keys after the document's id and path."""

_END_COLUMNS = {"text": "string", "place_id": "string", "name": "string", "lat": "Float64", "lon": "Float64"}
CLAIM_COLUMNS = {
    "doc_id": "string", "document": "string", "sentence": "string",
    **{f"subject_{key}": dtype for key, dtype in _END_COLUMNS.items()},
    **{f"anchor_{key}": dtype for key, dtype in _END_COLUMNS.items()},
    "stated": "string",  # the list of stated figures as JSON text
    "stated_km": "Float64", "hedge": "string", "direction": "string", "mode": "string",
    "actual_km": "Float64", "bearing_deg": "Float64", "route_km": "Float64",
    "distance_verdict": "string", "direction_verdict": "string", "unit_verdict": "string",
    "explanation": "string", "time_verdict": "string",
    "travel": "string", "search_area": "string", "candidates": "string",  # JSON text
}
"""Columns of the claims table: `geo claims --json` keys, ``subject``/``anchor`` flattened with a
prefix and ``stated`` kept as JSON text, after the document's id."""

ERROR_COLUMNS = {"doc_id": "string", "path": "string", "error": "string"}


@dataclass(frozen=True)
class Partition:
    """A fixed run of documents: some text files, a line range of a JSON Lines file, or a row range
    of a Parquet file.

    ``files`` holds (path as given, absolute path, doc_id) for text files. For JSON Lines,
    ``start``/``stop`` are byte offsets and ``first_line`` the 1-based number of the first line;
    for Parquet they are 0-based row numbers, ``stop`` excluded.
    """

    index: int
    key: str  # digest of what the partition reads; equal across runs over unchanged inputs
    kind: str  # "text", "jsonl" or "parquet"
    documents: int  # text files, lines or rows in the partition
    files: tuple[tuple[str, str, str], ...] = ()
    path: str = ""  # the JSON Lines or Parquet file as given
    absolute: str = ""  # the same, absolute, for the workers
    start: int = 0
    stop: int = 0
    first_line: int = 1

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


@dataclass(frozen=True)
class BatchSummary:
    """What a run did; counts are over the partitions it computed, not the ones it skipped."""

    outdir: str
    partitions: int  # in the plan
    skipped: int  # already finished before this run
    computed: int
    documents: int
    mentions: int
    claims: int
    errors: int  # documents that failed
    failed: tuple[str, ...]  # "part-00003: reason" for partitions that could not be computed
    seconds: float  # wall-clock time of the run, starting the cluster included, s


# --- planning --------------------------------------------------------------------------------


def _fingerprint(path: Path) -> list:
    stat = path.stat()
    return [str(path), stat.st_size, stat.st_mtime_ns]


def _digest(description: list) -> str:
    return hashlib.sha256(json.dumps(description).encode()).hexdigest()[:32]


def _text_files(given: str) -> list[tuple[str, str, str]]:
    """(path as given, absolute path, doc_id) of the article files in a folder (sorted) or one file."""
    root = Path(given)
    if root.is_file():
        return [(given, str(root.resolve()), root.name)]
    found = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    if not found:
        raise InputError(f"{given}: no {'/'.join(TEXT_SUFFIXES)} files in this folder")
    return [(str(root / p.relative_to(root)), str(p.resolve()), p.relative_to(root).as_posix())
            for p in found]


def _line_ranges(path: Path, lines_per_range: int) -> Iterator[tuple[int, int, int, int]]:
    """(start byte, stop byte, first line number, lines) of consecutive runs of lines."""
    start, first_line, count, offset, line_end = 0, 1, 0, 0, 0
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 24):
            position = 0
            while position := chunk.find(b"\n", position) + 1:
                count, line_end = count + 1, offset + position
                if count == lines_per_range:
                    yield start, line_end, first_line, count
                    start, first_line, count = line_end, first_line + count, 0
            offset += len(chunk)
    if offset > start:
        yield start, offset, first_line, count + (offset > line_end)


def _parquet_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows
    except Exception as error:  # pyarrow raises several types for a damaged or foreign file
        raise InputError(f"{path}: not a readable Parquet file ({error})") from error


def plan_partitions(inputs: list[str], partition_size: int = DEFAULT_PARTITION_SIZE) -> list[Partition]:
    """Cut the inputs into partitions of ``partition_size`` documents, in input order.

    An input is a folder of .txt/.md/.html files (searched recursively, sorted), one such file, a
    JSON Lines file (.jsonl/.ndjson) or a Parquet file. A partition never spans two inputs.
    """
    if partition_size < 1:
        raise InputError(f"partition size {partition_size}: must be at least 1")
    if not inputs:
        raise InputError("no inputs: give folders of text files, JSON Lines or Parquet files")
    partitions: list[Partition] = []
    for given in inputs:
        path = Path(given)
        try:  # a FIFO or a device would hang or never end the reading: folders and regular files only
            mode = os.stat(path).st_mode
        except (OSError, ValueError) as error:
            problem = "no such file or folder" if isinstance(error, FileNotFoundError) else describe_os_error(error)
            raise InputError(f"{given}: {problem}") from None
        if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
            raise InputError(f"{given}: {file_kind(mode)}, not a folder or a regular file")
        suffix = path.suffix.lower()
        if path.is_dir() or suffix in TEXT_SUFFIXES:
            files = _text_files(given)
            for first in range(0, len(files), partition_size):
                chunk = tuple(files[first:first + partition_size])
                key = _digest(["text"] + [_fingerprint(Path(absolute)) for _, absolute, _ in chunk])
                partitions.append(Partition(len(partitions), key, "text", len(chunk), files=chunk))
        elif suffix in JSONL_SUFFIXES or suffix in PARQUET_SUFFIXES:
            absolute = path.resolve()
            if suffix in JSONL_SUFFIXES:
                kind, ranges = "jsonl", _line_ranges(absolute, partition_size)
            else:
                rows = _parquet_rows(absolute)
                kind = "parquet"
                ranges = ((r, min(r + partition_size, rows), 1, min(partition_size, rows - r))
                          for r in range(0, rows, partition_size))
            for start, stop, first_line, count in ranges:
                key = _digest([kind, _fingerprint(absolute), start, stop])
                partitions.append(Partition(len(partitions), key, kind, count, path=given,
                                            absolute=str(absolute), start=start, stop=stop,
                                            first_line=first_line))
        else:
            raise InputError(f"{given}: not a folder, text, JSON Lines or Parquet file")
    return partitions


# --- reading documents on a worker -----------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def document_from_fields(fields: dict, path: str, default_id: str) -> Document:
    """A Document from a JSON Lines object or a Parquet row: ``id``, ``text`` and the metadata
    fields (title, outlet, date, url) either beside them or in a ``metadata`` object or JSON text.

    The text is checked like a file's (empty, too large, binary; HTML reduced to its text).
    """
    text = fields.get("text")
    if not isinstance(text, str):
        raise InputError(f"{path}: no article text (a 'text' field of text is needed)")
    metadata = fields.get("metadata") or {}
    if isinstance(metadata, str):
        metadata = json.loads(metadata)
    metadata = {**dict(metadata), **{k: fields[k] for k in METADATA_FIELDS if fields.get(k) is not None}}
    given = {name: _text(metadata.get(name)) for name in METADATA_FIELDS if _text(metadata.get(name))}
    return document_from_bytes(path, text.encode("utf-8"), doc_id=_text(fields.get("id")) or default_id,
                               **given)


def _read_text_files(partition: Partition) -> Iterator[tuple[Document | None, str, str, str]]:
    for given, absolute, doc_id in partition.files:
        try:
            document = read_document(absolute)
        except InputError as error:
            yield None, doc_id, given, str(error).replace(absolute, given)
        else:
            yield replace(document, path=given, doc_id=doc_id), doc_id, given, ""


def _read_jsonl(partition: Partition) -> Iterator[tuple[Document | None, str, str, str]]:
    with open(partition.absolute, "rb") as stream:
        stream.seek(partition.start)
        lines = stream.read(partition.stop - partition.start).split(b"\n")
    name = Path(partition.path).name
    for number, line in enumerate(lines, start=partition.first_line):
        if not line.strip():
            continue
        path, default_id = f"{partition.path}:{number}", f"{name}:{number}"
        try:
            fields = json.loads(line)
            if not isinstance(fields, dict):
                raise InputError(f"{path}: a line must be a JSON object")
            document = document_from_fields(fields, path, default_id)
        except (ValueError, TypeError) as error:  # json.JSONDecodeError and InputError are ValueErrors
            yield None, default_id, path, str(error) if isinstance(error, InputError) else f"{path}: {error}"
        else:
            yield document, document.doc_id, path, ""


def _read_parquet(partition: Partition) -> Iterator[tuple[Document | None, str, str, str]]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(partition.absolute)
    wanted = [c for c in ("id", "text", "metadata", *METADATA_FIELDS) if c in parquet.schema_arrow.names]
    groups, first_row, row = [], None, 0
    for group in range(parquet.metadata.num_row_groups):
        rows = parquet.metadata.row_group(group).num_rows
        if row < partition.stop and row + rows > partition.start:
            groups.append(group)
            first_row = row if first_row is None else first_row
        row += rows
    table = parquet.read_row_groups(groups, columns=wanted)
    table = table.slice(partition.start - first_row, partition.stop - partition.start)
    name = Path(partition.path).name
    for number, fields in enumerate(table.to_pylist(), start=partition.start):
        path, default_id = f"{partition.path}[{number}]", f"{name}[{number}]"
        try:
            document = document_from_fields(fields, path, default_id)
        except (ValueError, TypeError) as error:
            yield None, default_id, path, str(error) if isinstance(error, InputError) else f"{path}: {error}"
        else:
            yield document, document.doc_id, path, ""


_READERS = {"text": _read_text_files, "jsonl": _read_jsonl, "parquet": _read_parquet}


def read_partition(partition: Partition) -> Iterator[tuple[Document | None, str, str, str]]:
    """(document or None, doc_id, path, error) for each document of the partition, in order."""
    return _READERS[partition.kind](partition)


# --- analysing a partition on a worker --------------------------------------------------------


_FLATTENED = ("subject", "anchor")


def claim_row(record: dict) -> dict:
    """A `geo claims --json` record as one flat table row: the subject and anchor become prefixed
    columns (``subject_lat``), lists and the other objects (``travel``, ``search_area``) JSON text."""
    row = {}
    for key, value in record.items():
        if key in _FLATTENED and isinstance(value, dict):
            row.update({f"{key}_{inner}": item for inner, item in value.items()})
        elif isinstance(value, (list, dict)):
            row[key] = json.dumps(value)
        else:
            row[key] = value
    return row


def _frame(rows: list[dict], columns: dict[str, str]):
    import pandas as pd  # on workers only: the `geo` command starts without it

    return pd.DataFrame(rows, columns=list(columns)).astype(columns)


def _geo_frame(rows: list[dict], columns: dict[str, str], geometries: list):
    import geopandas as gpd

    return gpd.GeoDataFrame(_frame(rows, columns), geometry=gpd.GeoSeries(geometries, crs="EPSG:4326"))


def _point(lat, lon):
    import shapely

    return None if lat is None or lon is None else shapely.Point(lon, lat)


def _line(row: dict):
    import shapely

    ends = (row["anchor_lon"], row["anchor_lat"], row["subject_lon"], row["subject_lat"])
    return None if None in ends else shapely.LineString([ends[:2], ends[2:]])


def analysis_rows(analysis, doc_id: str, path: str) -> tuple[list[dict], list[dict]]:
    """(mention rows, claim rows) of one document's analysis, as the batch tables hold them."""
    from geo.records import claim_record, mention_record

    return ([{"doc_id": doc_id, "path": path, **mention_record(m)} for m in analysis.mentions],
            [{"doc_id": doc_id, **claim_row(claim_record(c))} for c in analysis.checks])


def mentions_frame(rows: list[dict]):
    """The mentions table (:data:`MENTION_COLUMNS`): a point per resolved mention, EPSG:4326."""
    return _geo_frame(rows, MENTION_COLUMNS, [_point(m["lat"], m["lon"]) for m in rows])


def claims_frame(rows: list[dict]):
    """The claims table (:data:`CLAIM_COLUMNS`): a line from anchor to subject, EPSG:4326."""
    return _geo_frame(rows, CLAIM_COLUMNS, [_line(c) for c in rows])


def analyses_frame(analyses, kind: str):
    """The batch table ``kind`` ("mentions" or "claims") of analyses already made (a Story's):
    doc_id is each document's id, else its file name; path its input path."""
    from geo.records import document_name

    if kind not in ("mentions", "claims"):
        raise InputError(f"{kind!r}: the tables are 'mentions' and 'claims'")
    rows: tuple[list, list] = ([], [])
    for analysis in analyses:
        document = analysis.document
        for table, made in zip(rows, analysis_rows(analysis, document.doc_id or document_name(document.path),
                                                   document.path)):
            table.extend(made)
    return mentions_frame(rows[0]) if kind == "mentions" else claims_frame(rows[1])


def analyse_partition(partition: Partition, routes: tuple[Route, ...] = (),
                      corrections: tuple[Correction, ...] = (), story: str | None = None,
                      budget: float | None = DEFAULT_BUDGET_S) -> tuple:
    """(mentions GeoDataFrame, claims GeoDataFrame, errors DataFrame, documents read) of one partition.

    Every document goes through :func:`geo.story.analyse_document` with the process-wide
    gazetteer and the story pack in the folder ``story`` (if any), the ``corrections`` that
    concern it applied, its claims checked against ``routes`` too; one that cannot be read or
    analysed becomes an error row and the others go on, as does one that takes longer than
    ``budget`` seconds (:func:`geo.budget.run_with_budget`; None: no limit).
    """
    from geo.corrections import index_corrections
    from geo.gazetteer import default_gazetteer
    from geo.packs import load_pack
    from geo.story import analyse_document

    gazetteer = default_gazetteer()
    pack = load_pack(story) if story else None
    corrections = index_corrections(corrections)  # once: each document finds its own by digest
    mentions, claims, errors, documents = [], [], [], 0
    for document, doc_id, path, error in read_partition(partition):
        documents += 1
        if document is not None:
            try:
                analysis = run_with_budget(
                    lambda: analyse_document(document, gazetteer=gazetteer, pack=pack,
                                             corrections=corrections, routes=routes),
                    budget, path)
            except TimeBudgetExceeded as failure:
                error = str(failure)
            except Exception as failure:  # a batch records any failure of one document and goes on
                error = f"{path}: {type(failure).__name__}: {failure}"
            else:
                error = analysis.error
                found, checked = analysis_rows(analysis, doc_id, path)
                mentions += found
                claims += checked
        if error:
            errors.append({"doc_id": doc_id, "path": path, "error": error})
    return mentions_frame(mentions), claims_frame(claims), _frame(errors, ERROR_COLUMNS), documents


def _write_atomically(frame, path: Path) -> None:
    with atomic_target(path) as temporary:
        frame.to_parquet(temporary, index=False)


def run_partition(partition: Partition, outdir: str, routes: tuple[Route, ...] = (),
                  corrections: tuple[Correction, ...] = (), story: str | None = None,
                  budget: float | None = DEFAULT_BUDGET_S) -> dict:
    """Analyse one partition and write its three tables, then its marker; returns the marker."""
    began = time.perf_counter()
    root = Path(outdir)
    *frames, documents = analyse_partition(partition, routes, corrections, story, budget)
    for table, frame in zip(TABLES, frames):
        _write_atomically(frame, root / table / f"{partition.name}.parquet")
    marker = {
        "partition": partition.name, "key": partition.key, "kind": partition.kind,
        "documents": documents, "mentions": len(frames[0]), "claims": len(frames[1]),
        "errors": len(frames[2]), "seconds": round(time.perf_counter() - began, 3),
        "worker": f"{socket.gethostname()}:{os.getpid()}",
    }
    write_text_atomically(root / DONE_DIR / f"{partition.name}.json", json.dumps(marker))
    return marker


# --- the run on the driver --------------------------------------------------------------------


def finished_partitions(outdir: Path, partitions: list[Partition]) -> set[int]:
    """Indexes of the planned partitions whose marker holds their key.

    Raises InputError when OUTDIR holds markers of other inputs (another plan), so results of
    two different runs never mix in one directory.
    """
    keys = {p.name: p for p in partitions}
    finished = set()
    for marker_path in sorted((outdir / DONE_DIR).glob("part-*.json")):
        marker = json.loads(marker_path.read_text())
        partition = keys.get(marker_path.stem)
        if partition is None or marker.get("key") != partition.key:
            raise InputError(f"{outdir}: holds results of other inputs or another partition size "
                             f"({marker_path.stem} differs); "
                             "give an empty or new output folder")
        finished.add(partition.index)
    return finished


def _prepare(outdir: Path, partitions: list[Partition]) -> None:
    """Make the output folders; remove the temporary files an interrupted run left behind and
    unfinished tables of partitions that are not in the plan."""
    planned = {p.name for p in partitions}
    for folder in (*TABLES, DONE_DIR):
        (outdir / folder).mkdir(parents=True, exist_ok=True)
        for leftover in (outdir / folder).glob(".part-*.tmp"):
            leftover.unlink(missing_ok=True)
    for table in TABLES:
        for stale in (outdir / table).glob("part-*.parquet"):
            if stale.stem not in planned:
                stale.unlink(missing_ok=True)


class _Progress:
    """A one-line progress bar on a stream: redrawn in place on a terminal, every 10 % otherwise."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO | None):
        self.total, self.stream, self.done, self.documents, self.errors = total, stream, 0, 0, 0
        self.began, self.last_tenth = time.perf_counter(), -1

    def update(self, marker: dict | None) -> None:
        self.done += 1
        if marker:
            self.documents += marker["documents"]
            self.errors += marker["errors"]
        if self.stream is None:
            return
        tty = self.stream.isatty()
        tenth = self.done * 10 // max(self.total, 1)
        if not tty and tenth == self.last_tenth:
            return
        self.last_tenth = tenth
        filled = self.WIDTH * self.done // max(self.total, 1)
        rate = self.documents / max(time.perf_counter() - self.began, 1e-9)
        line = (f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done}/{self.total} partitions, "
                f"{self.documents} documents, {self.errors} failed, {rate:.1f} docs/s")
        end = "" if tty and self.done < self.total else "\n"
        self.stream.write(("\r" if tty else "") + line + end)
        self.stream.flush()


def _client(scheduler: str | None, workers: int | None, dashboard: str | None = None):
    """A distributed Client on the given scheduler, or on a new local cluster of processes
    (``workers`` of them, one thread each; default one per core) listening on 127.0.0.1 only,
    with Dask's dashboard off unless ``dashboard`` gives its address ("127.0.0.1:8787";
    ":8787" is every interface)."""
    import logging

    from geo.optional import require

    require("distributed", "batch", "geo batch")
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler), None
        except OSError as error:
            raise InputError(f"--scheduler {scheduler}: cannot connect ({error})") from error
    # The worker processes inherit an ignored SIGINT, so Ctrl-C reaches only this process, which
    # then closes the cluster in order instead of every worker printing its own traceback.
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if in_main_thread else None
    try:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, host="127.0.0.1",
                               # the scheduler always serves a little HTTP (health, metrics): on a
                               # free local port; the dashboard's pages only when asked for
                               dashboard_address=dashboard or "127.0.0.1:0",
                               scheduler_kwargs={"dashboard": dashboard is not None},
                               silence_logs=logging.ERROR)
    finally:
        if in_main_thread:
            signal.signal(signal.SIGINT, previous)
    return Client(cluster), cluster


def run_batch(inputs: list[str], outdir: str, scheduler: str | None = None, workers: int | None = None,
              partition_size: int = DEFAULT_PARTITION_SIZE, routes: tuple[Route, ...] = (),
              corrections: tuple[Correction, ...] = (), progress: TextIO | None = None,
              story: str | None = None, dashboard: str | None = None,
              budget: float | None = DEFAULT_BUDGET_S) -> BatchSummary:
    """Analyse every document of ``inputs`` on Dask and write the tables under ``outdir``.

    Claims are checked against ``routes`` as well as the straight line (none by default, as
    `geo claims FILE...` does for articles other than the bundled story). ``corrections``
    (:mod:`geo.corrections`) are applied to the documents they concern; ``story`` is the folder
    of a story pack (:mod:`geo.packs`) every document is read with, at the same path on every
    worker (default: none, the world's gazetteer alone); a re-run, like a change
    of ``routes``, does not redo the partitions already done.

    ``scheduler`` is the address of a running Dask scheduler (``tcp://host:8786``); without it a
    local cluster of ``workers`` processes (default: one per core) runs the batch. Inputs and
    ``outdir`` must be readable and writable at the same paths on every worker. Partitions that a
    previous run finished are skipped. A progress bar goes to ``progress`` (e.g. sys.stderr).
    A document that takes longer than ``budget`` seconds is recorded as failed (errors table)
    and its partition goes on. The local cluster listens on 127.0.0.1 only; its Dask dashboard is off unless ``dashboard``
    gives the address to serve it on.
    """
    from geo.optional import require

    require("dask.bag", "batch", "geo batch")
    require("distributed", "batch", "geo batch")
    import dask.bag as db
    from distributed import as_completed

    if workers is not None and workers < 1:
        raise InputError(f"--workers {workers}: must be at least 1")
    if scheduler and workers:
        raise InputError("--workers sizes the local cluster; with --scheduler the cluster has its own workers")
    root = Path(outdir).resolve()
    partitions = plan_partitions(inputs, partition_size)
    if root.exists() and not root.is_dir():
        raise InputError(f"{outdir}: exists and is not a folder")
    finished = finished_partitions(root, partitions)
    _prepare(root, partitions)
    pending = [p for p in partitions if p.index not in finished]
    totals = {"documents": 0, "mentions": 0, "claims": 0, "errors": 0}
    failed: list[str] = []
    began = time.perf_counter()
    if pending:
        if dashboard and scheduler:
            raise InputError("--dashboard serves the local cluster's dashboard; a --scheduler has its own")
        client, cluster = _client(scheduler, workers, dashboard)
        if cluster is not None and dashboard and progress is not None:
            progress.write(f"Dask dashboard: {cluster.dashboard_link}\n")
        try:
            bar = _Progress(len(pending), progress)
            bag = db.from_sequence(pending, npartitions=len(pending))
            tasks = bag.map(run_partition, outdir=str(root), routes=tuple(routes), corrections=tuple(corrections),
                             story=story, budget=budget)
            futures = client.compute(tasks.to_delayed())
            names = {future.key: partition.name for future, partition in zip(futures, pending)}
            for future in as_completed(futures):
                marker = None
                if future.status == "finished":
                    (marker,) = future.result()
                    for count in totals:
                        totals[count] += marker[count]
                else:
                    reason = repr(future.exception()) if future.status == "error" else future.status
                    failed.append(f"{names[future.key]}: {reason}")
                bar.update(marker)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    return BatchSummary(str(root), len(partitions), len(finished), len(pending) - len(failed),
                        failed=tuple(failed), seconds=round(time.perf_counter() - began, 3), **totals)
