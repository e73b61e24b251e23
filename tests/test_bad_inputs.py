"""Every command on every kind of bad input: one line naming it, no traceback, no hang, the
other inputs processed, exit code 1 (0 when only the corrections file is bad: a warning).

Each bad input is given together with a good article; the command must still read the good
one. An alarm fails a test that hangs (a FIFO opened for reading waits for a writer for ever).
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import pytest

from geo.batch import analyse_partition, plan_partitions
from geo.cli import main
from geo.errors import InputError

GOOD = "Hue is about 100 km north of Da Nang.\n"
HANG_S = 120


def _empty(folder):
    (folder / "empty.txt").write_bytes(b"")
    return "empty.txt", "empty file"


def _binary(folder):
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    return "binary.txt", "binary file"


def _latin1(folder):
    (folder / "latin1.txt").write_bytes("Hué est à 100 km de Đà Nẵng.".encode("latin-1", "replace"))
    return "latin1.txt", "not UTF-8"


def _huge(folder):
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB (sparse): refused by its size before reading
    return "huge.txt", "too large"


def _directory(folder):
    (folder / "folder.txt").mkdir()
    return "folder.txt", "directory"


def _missing(folder):
    return "missing.txt", "no such file"


def _symlink_loop(folder):
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    return "loop-a.txt", "symlink loop"


def _through_a_file(folder):
    (folder / "plain.txt").write_text(GOOD, encoding="utf-8")
    return "plain.txt/x.txt", "is a file, not a folder"


def _name_too_long(folder):
    return "n" * 300 + ".txt", "too long"


def _fifo(folder):
    os.mkfifo(folder / "pipe.txt")
    return "pipe.txt", "FIFO"


def _device(folder):
    return "/dev/zero", "character device"


def _html_without_text(folder):
    (folder / "blank.html").write_text("<html><script>var a = 1;</script></html>", encoding="utf-8")
    return "blank.html", "HTML with no text"


def _html_too_deep(folder):
    (folder / "deep.html").write_text("<html><p>Hue" + "<div>" * 5000, encoding="utf-8")
    return "deep.html", "nested more than"


INPUTS = {f.__name__[1:]: f for f in (_empty, _binary, _latin1, _huge, _directory, _missing, _symlink_loop,
                                      _through_a_file, _name_too_long, _fifo, _device, _html_without_text,
                                      _html_too_deep)}

COMMANDS = {
    "places": lambda out: ["places"],
    "claims": lambda out: ["claims"],
    "report": lambda out: ["report", "-o", str(out / "report.json")],
    "map": lambda out: ["map", "-o", str(out / "map.html")],
}


@pytest.fixture(autouse=True)
def no_hang():
    def hung(signum, frame):
        raise TimeoutError(f"the command hung for {HANG_S} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_S)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _run(argv, capsys) -> tuple[int, str, str]:
    """Exit code, standard output, and standard error less the report's "wrote" line."""
    code = main(argv)
    printed = capsys.readouterr()
    err = "".join(line for line in printed.err.splitlines(keepends=True) if not line.startswith("geo: wrote "))
    return code, printed.out, err


def _good_was_read(command: str, out: Path, stdout: str) -> bool:
    if command == "report":
        return len(json.loads((out / "report.json").read_text(encoding="utf-8"))["claims"]) == 1
    if command == "map":
        return (out / "map.html").stat().st_size > 0
    return "Da Nang" in stdout


@pytest.mark.parametrize("kind", INPUTS)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_bad_input_is_one_line_and_the_good_one_is_read(command, kind, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("good.txt").write_text(GOOD, encoding="utf-8")
    name, problem = INPUTS[kind](tmp_path)
    code, stdout, stderr = _run([*COMMANDS[command](tmp_path), name, "good.txt"], capsys)
    lines = stderr.splitlines()
    assert code == 1, stderr
    assert len(lines) == 1 and lines[0].startswith(f"geo: {name}: ") and problem in lines[0], stderr
    assert "Traceback" not in stderr + stdout
    assert _good_was_read(command, tmp_path, stdout)


CORRECTIONS = {
    "wrong types": lambda path: path.write_text(json.dumps({"corrections": [
        {"document": "a", "digest": "0", "text": "Hue", "start": None, "place_id": ["a"]}]}), encoding="utf-8"),
    "number as name": lambda path: path.write_text(json.dumps({"corrections": [
        {"document": "a", "digest": "0", "text": "Hue", "start": None, "name": 5, "lat": 1, "lon": 2}]}),
        encoding="utf-8"),
    "deep nesting": lambda path: path.write_text("[" * 100_000, encoding="utf-8"),
    "not JSON": lambda path: path.write_text("{corrections", encoding="utf-8"),
    "FIFO": lambda path: os.mkfifo(path),
    "folder": lambda path: path.mkdir(),
}


@pytest.mark.parametrize("kind", CORRECTIONS)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_bad_corrections_file_is_one_warning_and_the_articles_are_read(command, kind, tmp_path, monkeypatch,
                                                                         capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    corrections = tmp_path / "data" / "corrections.json"
    CORRECTIONS[kind](corrections)
    Path("good.txt").write_text(GOOD, encoding="utf-8")
    code, stdout, stderr = _run([*COMMANDS[command](tmp_path), "good.txt"], capsys)
    lines = stderr.splitlines()
    assert code == 0, stderr
    assert len(lines) == 1 and lines[0].startswith(f"geo: warning: {corrections}"), stderr
    assert "Traceback" not in stderr + stdout
    assert _good_was_read(command, tmp_path, stdout)


@pytest.mark.parametrize("kind", ["empty", "binary", "latin1", "huge", "directory", "symlink_loop", "fifo",
                                  "html_without_text", "html_too_deep"])
def test_batch_records_a_bad_file_of_a_folder_and_reads_the_others(kind, tmp_path, gazetteer):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    name, problem = INPUTS[kind](folder)
    (partition,) = plan_partitions([str(folder)], partition_size=100)
    mentions, claims, errors, documents = analyse_partition(partition)
    assert len(claims) == 1 and set(mentions["path"]) == {str(folder / "good.txt")}
    # a folder's walk takes regular files: a FIFO, a device, a loop or a folder is not an article
    for error in errors["error"]:
        assert "\n" not in error and problem in error and "Traceback" not in error


@pytest.mark.parametrize("kind", ["missing", "symlink_loop", "through_a_file", "name_too_long", "fifo",
                                  "device"])
def test_batch_names_a_bad_input_in_one_line(kind, tmp_path):
    os.chdir(tmp_path)
    name, problem = INPUTS[kind](tmp_path)
    with pytest.raises(InputError) as raised:
        plan_partitions([name])
    assert str(raised.value).startswith(f"{name}: ") and "\n" not in str(raised.value)


def test_online_failure_is_one_line_and_the_rest_is_read(tmp_path, monkeypatch, capsys):
    """A geocoder that cannot be reached (a closed port on this machine: no network is used)."""
    pytest.importorskip("geopy")
    monkeypatch.chdir(tmp_path)
    Path("odd.txt").write_text("The town of Zzyzxqvillé lies near Qqqrrrburgh.\n", encoding="utf-8")
    Path("good.txt").write_text(GOOD, encoding="utf-8")
    code, stdout, stderr = _run(["places", "--online", "--user-agent", "geo-tests/1.0 tests@example.org",
                                 "--geocoder-url", "http://127.0.0.1:9", "odd.txt", "good.txt"], capsys)
    lines = stderr.splitlines()
    assert code == 0 and len(lines) == 1 and lines[0].startswith("geo: warning: online geocoder"), stderr
    assert "Traceback" not in stderr and "Da Nang" in stdout


if sys.platform != "linux":  # FIFOs, devices and symlink loops as here
    pytestmark = pytest.mark.skip("the bad inputs are made the Linux way")
