"""geo.batch and `geo batch`: planning, reading, and whole runs on a real Dask LocalCluster."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from geo.batch import (
    DONE_DIR,
    finished_partitions,
    plan_partitions,
    read_partition,
    run_batch,
)
from geo.cli import main
from geo.documents import read_documents
from geo.errors import InputError
from geo.paths import ARTICLES_DIR

ARTICLES = sorted(ARTICLES_DIR.glob("*.txt"))
COPIES = 40  # in the folder
JSONL_COPIES = 20  # in articles.jsonl
SMALL_COPIES = 8  # in small.jsonl
PARTITION_SIZE = 16


# --- planning and reading (no cluster) --------------------------------------------------------


def _write_files(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"article-{number:03d}.txt" for number in range(count)]
    for number, path in enumerate(paths):
        path.write_text(f"Article {number} mentions Paris.\n")
    return paths


def test_a_folder_is_cut_into_fixed_partitions_with_keys_stable_across_runs(tmp_path):
    paths = _write_files(tmp_path / "in", 23)
    plan = plan_partitions([str(tmp_path / "in")], partition_size=10)
    assert [p.documents for p in plan] == [10, 10, 3]
    assert [p.name for p in plan] == ["part-00000", "part-00001", "part-00002"]
    assert [given for p in plan for given, _, _ in p.files] == [str(p) for p in paths]
    assert plan_partitions([str(tmp_path / "in")], partition_size=10) == plan

    paths[12].write_text("Changed: now it mentions Berlin and Vienna.\n")
    changed = plan_partitions([str(tmp_path / "in")], partition_size=10)
    assert [a.key == b.key for a, b in zip(plan, changed)] == [True, False, True]


def test_json_lines_partitions_cover_every_line_in_order(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps({"id": f"a{n}", "text": f"Text {n} about Rome.", "outlet": "Wire"}) for n in range(11)]
    lines.insert(4, "")  # a blank line is no document
    lines.insert(7, "{not json")
    path.write_text("\n".join(lines))  # no newline after the last line

    plan = plan_partitions([str(path)], partition_size=5)
    assert [(p.first_line, p.documents) for p in plan] == [(1, 5), (6, 5), (11, 3)]
    read = [item for partition in plan for item in read_partition(partition)]
    documents = [document for document, _, _, error in read if not error]
    assert [d.doc_id for d in documents] == [f"a{n}" for n in range(11)]
    assert documents[0].text == "Text 0 about Rome." and documents[0].outlet == "Wire"
    assert documents[-1].path == f"{path}:13"
    (failure,) = [(doc_id, error) for document, doc_id, _, error in read if error]
    assert failure[0] == "articles.jsonl:8" and failure[1].startswith(f"{path}:8: ")


def test_parquet_rows_are_read_across_row_groups_with_their_metadata(tmp_path):
    path = tmp_path / "articles.parquet"
    pd.DataFrame({
        "id": [f"p{n}" for n in range(12)],
        "text": [f"Story {n} from Kyiv." if n != 6 else " " for n in range(12)],
        "metadata": [{"title": f"T{n}", "outlet": "O", "date": "2023-09-05", "url": ""} for n in range(12)],
    }).to_parquet(path, row_group_size=5)

    plan = plan_partitions([str(path)], partition_size=4)
    assert [(p.start, p.stop) for p in plan] == [(0, 4), (4, 8), (8, 12)]
    read = [item for partition in plan for item in read_partition(partition)]
    assert [doc_id for _, doc_id, _, _ in read] == [f"p{n}" for n in range(6)] + ["articles.parquet[6]"] + [
        f"p{n}" for n in range(7, 12)]
    assert read[6][0] is None and read[6][3].startswith(f"{path}[6]: empty")
    document = read[9][0]
    assert (document.text, document.title, document.date, document.path) == (
        "Story 9 from Kyiv.", "T9", "2023-09-05", f"{path}[9]")


@pytest.mark.parametrize("make_input, problem", [
    (lambda root: root / "missing", "no such file"),
    (lambda root: (root / "notes.csv").write_text("a,b\n") and root / "notes.csv", "not a folder, text"),
    (lambda root: (root / "empty").mkdir() or root / "empty", "no .txt"),
    (lambda root: (root / "bad.parquet").write_text("no parquet") and root / "bad.parquet", "not a readable Parquet"),
])
def test_unusable_inputs_are_named_in_the_error(tmp_path, make_input, problem):
    given = str(make_input(tmp_path))
    with pytest.raises(InputError, match=problem) as raised:
        plan_partitions([given])
    assert given in str(raised.value)


def test_partition_size_must_be_positive(tmp_path):
    _write_files(tmp_path, 2)
    with pytest.raises(InputError, match="at least 1"):
        plan_partitions([str(tmp_path)], partition_size=0)


def test_an_output_folder_of_other_inputs_is_refused(tmp_path):
    _write_files(tmp_path / "in", 3)
    plan = plan_partitions([str(tmp_path / "in")], partition_size=2)
    (tmp_path / "out" / DONE_DIR).mkdir(parents=True)
    marker = tmp_path / "out" / DONE_DIR / "part-00001.json"
    marker.write_text(json.dumps({"key": plan[1].key}))
    assert finished_partitions(tmp_path / "out", plan) == {1}
    marker.write_text(json.dumps({"key": "from-another-run"}))
    with pytest.raises(InputError, match="other inputs"):
        finished_partitions(tmp_path / "out", plan)


# --- whole runs on a LocalCluster of two processes ----------------------------------------------


def _count_gazetteer_loads() -> int:
    """Runs on a worker: wrap Gazetteer.load with a counter kept in the module."""
    import geo.gazetteer.index as index

    load = index.Gazetteer.load.__func__
    index.GAZETTEER_LOADS = 0

    def counted(cls, *args, **kwargs):
        index.GAZETTEER_LOADS += 1
        return load(cls, *args, **kwargs)

    index.Gazetteer.load = classmethod(counted)
    return os.getpid()


def _gazetteer_state() -> tuple[int, int, int, int]:
    """Runs on a worker: (pid, loads counted, cache misses, cache hits) of the process-wide gazetteer."""
    import geo.gazetteer.index as index

    info = index.default_gazetteer.cache_info()
    return os.getpid(), index.GAZETTEER_LOADS, info.misses, info.hits


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        with Client(local) as client:
            client.run(_count_gazetteer_loads)
            yield local, client


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The bundled story copied into a folder (with one binary and one empty file), into
    articles.jsonl and into small.jsonl; the originals' `geo places` / `geo claims` JSON."""
    root = tmp_path_factory.mktemp("archive")
    folder, originals = root / "folder", root / "originals"
    folder.mkdir()
    originals.mkdir()
    documents, errors = read_documents([str(p) for p in ARTICLES])
    assert not errors
    lines: dict[str, list[str]] = {"articles.jsonl": [], "small.jsonl": []}
    for article, document in zip(ARTICLES, documents):
        shutil.copy(article, originals / article.name)
        for copy in range(COPIES):
            shutil.copy(article, folder / f"copy{copy:02d}-{article.name}")
            line = json.dumps({"id": f"copy{copy:02d}-{article.name}", "text": document.text,
                               "title": document.title, "url": f"https://example.org/{copy}"})
            for name, copies in (("articles.jsonl", JSONL_COPIES), ("small.jsonl", SMALL_COPIES)):
                if copy < copies:
                    lines[name].append(line)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\xff binary, not an article")
    (folder / "empty.txt").write_text("")
    for name, text in lines.items():
        (root / name).write_text("\n".join(text) + "\n")
    names = sorted(str(originals / a.name) for a in ARTICLES)
    return root, _cli_json("places", names), _cli_json("claims", names)


def _cli_json(command: str, paths: list[str]) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([command, "--json", *paths]) == 0
    return json.loads(out.getvalue())


def _rows(table: gpd.GeoDataFrame) -> list[tuple[dict, object]]:
    """(row as a dict of plain values, missing ones None; geometry) for each row of a table."""
    plain = pd.DataFrame(table.drop(columns="geometry")).astype(object)
    return list(zip(plain.where(plain.notna(), None).to_dict("records"), table.geometry))


def _by_document(rows: list[dict], drop: tuple[str, ...]) -> dict[str, list[dict]]:
    """Rows grouped by ``doc_id``, in table order, without the ``drop`` keys."""
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["doc_id"], []).append({k: v for k, v in row.items() if k not in drop})
    return grouped


def _claim_from_row(row: dict) -> dict:
    """Undo the batch table's flattening: ``subject_*``/``anchor_*`` columns, ``stated`` and the
    other nested values as JSON."""
    claim = {key: value for key, value in row.items() if not key.startswith(("subject_", "anchor_"))}
    for end in ("subject", "anchor"):
        claim[end] = {key[len(end) + 1:]: value for key, value in row.items() if key.startswith(end + "_")}
    for key in ("stated", "travel", "search_area", "candidates"):
        claim[key] = None if row[key] is None else json.loads(row[key])
    return claim


def _original_name(doc_id: str) -> str:
    return doc_id.split("-", 1)[1]


def _assert_tables_match_cli(outdir: Path, places: dict, claims: dict, copies: int) -> None:
    """The batch tables hold, for each of ``copies`` copies of each bundled article, exactly the
    mentions and claims the CLI gives for the original, and their geometries."""
    mentions_table = gpd.read_parquet(outdir / "mentions")
    claims_table = gpd.read_parquet(outdir / "claims")
    assert mentions_table.crs.to_epsg() == 4326 and claims_table.crs.to_epsg() == 4326

    mentions = _rows(mentions_table)
    for mention, point in mentions:
        assert point is None if mention["lat"] is None else (point.x, point.y) == (mention["lon"], mention["lat"])
    expected_mentions = {Path(d["path"]).name: d["mentions"] for d in places["documents"]}
    by_document = _by_document([mention for mention, _ in mentions], drop=("doc_id", "path"))
    assert len(by_document) == copies * len(ARTICLES)
    for doc_id, records in by_document.items():
        assert records == expected_mentions[_original_name(doc_id)], doc_id

    claim_rows = _rows(claims_table)
    for claim, line in claim_rows:
        ends = (claim["anchor_lon"], claim["anchor_lat"], claim["subject_lon"], claim["subject_lat"])
        assert line is None if None in ends else list(line.coords) == [ends[:2], ends[2:]]
    expected_claims: dict[str, list] = {}
    for claim in claims["claims"]:
        expected_claims.setdefault(Path(claim["document"]).name, []).append(
            {k: v for k, v in claim.items() if k != "document"})
    assert expected_claims, "the bundled story states distance claims"
    by_document = _by_document([claim for claim, _ in claim_rows], drop=("doc_id", "document"))
    assert len(by_document) == copies * len(expected_claims)
    for doc_id, records in by_document.items():
        assert [_claim_from_row(r) for r in records] == expected_claims[_original_name(doc_id)], doc_id


@pytest.mark.cluster
def test_batch_over_a_folder_gives_the_rows_of_geo_places_and_geo_claims(cluster, archive, tmp_path):
    local, _ = cluster
    root, places, claims = archive
    outdir = tmp_path / "out"
    summary = run_batch([str(root / "folder")], str(outdir), scheduler=local.scheduler_address,
                        partition_size=PARTITION_SIZE, progress=None)
    total = COPIES * len(ARTICLES)
    assert (summary.documents, summary.errors, summary.failed) == (total + 2, 2, ())
    _assert_tables_match_cli(outdir, places, claims, COPIES)

    errors = pd.read_parquet(outdir / "errors").sort_values("doc_id")
    assert errors.doc_id.tolist() == ["broken.txt", "empty.txt"]
    assert all(path in error for path, error in zip(errors.path, errors.error))


@pytest.mark.cluster
def test_batch_over_json_lines_gives_the_same_rows(cluster, archive, tmp_path):
    local, _ = cluster
    root, places, claims = archive
    outdir = tmp_path / "out"
    summary = run_batch([str(root / "articles.jsonl")], str(outdir), scheduler=local.scheduler_address,
                        partition_size=PARTITION_SIZE, progress=None)
    assert (summary.documents, summary.errors) == (JSONL_COPIES * len(ARTICLES), 0)
    _assert_tables_match_cli(outdir, places, claims, JSONL_COPIES)


def _modified_times(outdir: Path) -> dict[str, int]:
    return {str(p.relative_to(outdir)): p.stat().st_mtime_ns for p in outdir.rglob("part-*")}


@pytest.mark.cluster
def test_a_rerun_computes_only_the_unfinished_partitions(cluster, archive, tmp_path):
    local, _ = cluster
    root, _, _ = archive
    inputs, outdir, size = [str(root / "small.jsonl")], tmp_path / "out", 4
    first = run_batch(inputs, str(outdir), scheduler=local.scheduler_address, partition_size=size,
                      progress=None)
    assert first.skipped == 0 and first.computed == first.partitions > 3
    before = gpd.read_parquet(outdir / "mentions" / "part-00002.parquet")
    times = _modified_times(outdir)

    for table in ("mentions", "claims", "errors"):  # partition 2's output is lost
        (outdir / table / "part-00002.parquet").unlink()
    (outdir / DONE_DIR / "part-00002.json").unlink()
    (outdir / DONE_DIR / "part-00001.json").unlink()  # a crash after the tables, before the marker
    (outdir / "claims" / ".part-00003.parquet.0123.tmp").write_bytes(b"half written")
    shutil.copy(outdir / "claims" / "part-00000.parquet", outdir / "claims" / "part-00999.parquet")  # not planned

    again = run_batch(inputs, str(outdir), scheduler=local.scheduler_address, partition_size=size,
                      progress=None)
    assert (again.skipped, again.computed) == (first.partitions - 2, 2)
    assert again.documents == 2 * size
    changed = {name for name, time in _modified_times(outdir).items() if times.get(name) != time}
    assert {Path(name).stem for name in changed} == {"part-00001", "part-00002"}
    assert not list(outdir.rglob("*.tmp")) and not (outdir / "claims" / "part-00999.parquet").exists()
    pd.testing.assert_frame_equal(gpd.read_parquet(outdir / "mentions" / "part-00002.parquet"), before)

    assert run_batch(inputs, str(outdir), scheduler=local.scheduler_address, partition_size=size,
                     progress=None).computed == 0


@pytest.mark.cluster
def test_the_gazetteer_loads_once_per_worker_process(cluster, archive, tmp_path):
    local, client = cluster
    root, _, _ = archive
    outdir = tmp_path / "out"
    run_batch([str(root / "small.jsonl")], str(outdir), scheduler=local.scheduler_address,
              partition_size=2, progress=None)
    ran: dict[int, int] = {}
    for marker in (outdir / DONE_DIR).glob("*.json"):
        pid = int(json.loads(marker.read_text())["worker"].rsplit(":", 1)[1])
        ran[pid] = ran.get(pid, 0) + 1
    # how the scheduler spreads the partitions depends on timing; some worker ran several
    assert sum(ran.values()) >= 3 and max(ran.values()) >= 2, ran

    states = list(client.run(_gazetteer_state).values())
    for pid, loads, misses, hits in states:
        assert loads <= 1 and misses <= 1, (pid, loads, misses, hits, ran)  # never once per task
        if pid in ran:
            assert hits + misses >= ran[pid], (pid, loads, misses, hits, ran)
    assert sum(loads for _, loads, _, _ in states) <= len(states) < sum(ran.values())


@pytest.mark.cluster
def test_claims_are_checked_against_the_routes_given(cluster, tmp_path, capsys):
    from geo.records import claim_record
    from geo.routes import ROUTES_DIR, load_routes
    from geo.story import analyse

    article = tmp_path / "in" / "train.txt"
    article.parent.mkdir()
    article.write_text("The armoured train travelled about 1,200 kilometres by rail from Pyongyang "
                       "to Vladivostok, officials said.\n")
    local, _ = cluster
    for routes, arguments in ((None, []), (load_routes(), ["--routes", str(ROUTES_DIR)])):
        outdir = tmp_path / f"out{len(arguments)}"
        assert main(["batch", str(article.parent), "-o", str(outdir), "--scheduler", local.scheduler_address,
                     *arguments]) == 0
        (expected,) = [claim_record(c) for c in analyse([str(article)], routes=routes).checks]
        ((row, _),) = _rows(gpd.read_parquet(outdir / "claims"))
        assert _claim_from_row({k: v for k, v in row.items() if k != "doc_id"}) == expected
    assert expected["route_km"] is not None  # the routes were used
    capsys.readouterr()


def _parquet_with_a_damaged_row_group(path: Path) -> None:
    """Two row groups of 5 articles; the second group's text column is overwritten with junk."""
    import pyarrow.parquet as pq

    pd.DataFrame({"id": [f"a{n}" for n in range(10)],
                  "text": [f"Article {n}: from Paris to Berlin." for n in range(10)]}).to_parquet(
        path, row_group_size=5)
    column = pq.ParquetFile(path).metadata.row_group(1).column(1)
    start = column.dictionary_page_offset or column.data_page_offset
    data = bytearray(path.read_bytes())
    data[start:start + column.total_compressed_size] = b"\xff" * column.total_compressed_size
    path.write_bytes(bytes(data))


@pytest.mark.cluster
def test_a_partition_that_fails_is_reported_and_retried_while_the_others_finish(cluster, tmp_path, capsys):
    local, _ = cluster
    _parquet_with_a_damaged_row_group(tmp_path / "damaged.parquet")
    arguments = ["batch", str(tmp_path / "damaged.parquet"), "-o", str(tmp_path / "out"),
                 "--partition-size", "5", "--scheduler", local.scheduler_address, "--json"]
    assert main(arguments) == 1
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert (summary["computed"], summary["documents"]) == (1, 5)
    assert [failure.split(":")[0] for failure in summary["failed"]] == ["part-00001"]
    assert "part-00001" in captured.err and "run the same command again" in captured.err
    assert [p.name for p in (tmp_path / "out" / DONE_DIR).iterdir()] == ["part-00000.json"]

    assert main(arguments) == 1  # the finished partition is kept, the failed one tried again
    summary = json.loads(capsys.readouterr().out)
    assert (summary["skipped"], summary["computed"], len(summary["failed"])) == (1, 0, 1)


@pytest.mark.cluster
def test_the_cli_runs_a_local_cluster_and_reports_failed_documents(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    shutil.copy(ARTICLES[0], tmp_path / "in" / ARTICLES[0].name)
    (tmp_path / "in" / "empty.md").write_text("")
    assert main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--workers", "1", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["partitions"], summary["documents"], summary["errors"]) == (1, 2, 1)
    assert summary["mentions"] == len(gpd.read_parquet(tmp_path / "out" / "mentions"))


def test_the_cli_refuses_workers_with_a_scheduler(tmp_path, capsys):
    _write_files(tmp_path / "in", 1)
    assert main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                 "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"]) == 1
    assert "--workers" in capsys.readouterr().err


@pytest.mark.cluster
def test_saved_corrections_are_applied_unless_told_not_to(cluster, tmp_path, capsys):
    from geo.corrections import Correction, add_correction
    from geo.story import analyse

    article = tmp_path / "in" / "hue.txt"
    article.parent.mkdir()
    article.write_text("Hue is about 100 km north of Da Nang.\n")
    [analysis] = analyse([str(article)]).analyses
    [mention] = [m for m in analysis.mentions if m.text == "Da Nang"]
    add_correction(Correction.for_mention(analysis.document, mention, lat=15.0, lon=108.0, name="Somewhere"))
    local, _ = cluster
    for arguments, expected in (([], "Somewhere"), (["--no-corrections"], mention.place.name)):
        outdir = tmp_path / f"out{len(arguments)}"
        assert main(["batch", str(article.parent), "-o", str(outdir), "--scheduler", local.scheduler_address,
                     *arguments]) == 0
        mentions = gpd.read_parquet(outdir / "mentions")
        assert list(mentions.loc[mentions["text"] == "Da Nang", "name"]) == [expected]
        claims = gpd.read_parquet(outdir / "claims")
        assert claims.iloc[0]["anchor_name"] == expected
    capsys.readouterr()
