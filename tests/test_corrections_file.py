"""The corrections file: whatever it holds, one line names the file and each bad entry and the
rest still applies; two processes saving at once lose nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from geo.cli import main
from geo.corrections import (Correction, add_correction, load_corrections, read_corrections,
                             undo_correction)
from geo.errors import DataError

GOOD = {"document": "a.txt", "digest": "0123456789abcdef", "text": "Hue", "start": None,
        "place_id": "", "name": "Somewhere", "lat": 16.0, "lon": 108.0, "created": ""}


def _file(tmp_path, entries) -> str:
    path = tmp_path / "corrections.json"
    path.write_text(json.dumps({"version": 1, "corrections": entries}), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("bad, says", [
    ({"place_id": ["a"]}, "'place_id' must be text"),
    ({"name": 5}, "'name' must be text"),
    ({"text": {"a": 1}}, "'text' must be text"),
    ({"start": "3"}, "'start' must be a character offset"),
    ({"start": True}, "'start' must be a character offset"),
    ({"start": -1}, "'start' must be a character offset"),
    ({"lat": "16"}, "'lat' must be a number"),
    ({"lat": 95.0}, "not a latitude in -90..90"),
    ({"digest": None}, "'digest' must be text"),
])
def test_a_bad_entry_is_named_and_left_out_and_the_rest_applies(tmp_path, bad, says):
    path = _file(tmp_path, [GOOD, {**GOOD, "text": "Da Nang", **bad}, {**GOOD, "text": "Hanoi"}])
    saved = read_corrections(path)
    assert [c.text for c in saved.corrections] == ["Hue", "Hanoi"]
    (problem,) = saved.problems
    assert problem.startswith(f"{path}: correction 2: ") and says in problem and "\n" not in problem


@pytest.mark.parametrize("entry", [[1, 2], "text", 7, None, {"document": "a.txt"}])
def test_an_entry_that_is_not_a_correction_is_named(tmp_path, entry):
    path = _file(tmp_path, [entry, GOOD])
    saved = read_corrections(path)
    assert len(saved.corrections) == 1 and saved.problems[0].startswith(f"{path}: correction 1: ")


@pytest.mark.parametrize("content, says", [
    ("[" * 100_000, "nested too deeply"),
    ("{not json", "not JSON"),
    ('{"corrections": 5}', "list of 'corrections'"),
    ("[]", "list of 'corrections'"),
])
def test_an_unreadable_file_is_one_error_naming_it(tmp_path, content, says):
    path = tmp_path / "corrections.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=says) as raised:
        load_corrections(path)
    assert str(raised.value).startswith(str(path)) and "\n" not in str(raised.value)


def test_a_fifo_or_a_folder_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "fifo.json")
    (tmp_path / "folder.json").mkdir()
    for name in ("fifo.json", "folder.json"):
        with pytest.raises(DataError, match=f"{name}: "):
            load_corrections(tmp_path / name)


def test_a_missing_file_holds_no_corrections(tmp_path):
    assert load_corrections(tmp_path / "none.json") == ()


def test_saving_keeps_the_entries_it_cannot_read(tmp_path):
    unusable = {**GOOD, "text": "Da Nang", "name": 5}
    path = _file(tmp_path, [GOOD, unusable])
    add_correction(Correction(**{**GOOD, "text": "Hanoi"}), path)
    undo_correction(Correction(**GOOD).key, path)
    entries = json.loads(open(path, encoding="utf-8").read())["corrections"]
    assert unusable in entries and [e["text"] for e in entries if e != unusable] == ["Hanoi"]


def test_cli_warns_once_per_bad_entry_and_applies_the_rest(tmp_path, capsys, monkeypatch, gazetteer):
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path))
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nHue is about 100 km north of Da Nang.\n", encoding="utf-8")
    from geo.corrections import text_digest
    from geo.documents import read_document

    digest = text_digest(read_document(str(article)).text)
    good = {**GOOD, "digest": digest, "text": "Da Nang", "name": "Pinned", "lat": 15.0, "lon": 108.0}
    path = _file(tmp_path, [{**good, "place_id": ["a"]}, {**good, "text": "Hue", "name": 12}, good])
    assert main(["claims", str(article), "--json"]) == 0
    printed = capsys.readouterr()
    warnings = printed.err.strip().splitlines()
    assert len(warnings) == 2 and all(w.startswith(f"geo: warning: {path}: correction ") for w in warnings)
    (claim,) = json.loads(printed.out)["claims"]
    assert claim["anchor"]["name"] == "Pinned"
    assert main(["map", str(article), "-o", str(tmp_path / "map.png"), "--dpi", "72"]) == 0


_WRITER = textwrap.dedent("""
    import sys
    from geo.corrections import Correction, add_correction
    who, path = sys.argv[1], sys.argv[2]
    for n in range(100):
        add_correction(Correction(document="a.txt", digest="0123456789abcdef", text=f"{who}{n}",
                                  start=None, name="x", lat=1.0, lon=2.0), path)
""")


def test_two_processes_saving_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "corrections.json")
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, who, path]) for who in ("a", "b")]
    assert [w.wait(timeout=300) for w in writers] == [0, 0]
    saved = load_corrections(path)
    assert len(saved) == 200 and len({c.text for c in saved}) == 200
