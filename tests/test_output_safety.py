"""Outputs safe to open: no spreadsheet formula in a CSV cell, no terminal control sequence in
what the CLI prints, whatever the article or its file name holds."""

from __future__ import annotations

import csv
import io
import json

import pytest

from geo.cli import main
from geo.cli._common import terminal_safe
from geo.report.tables import spreadsheet_safe, spreadsheet_safe_rows

FORMULA_SENTENCE = "=1+1 Hue is about 100 km north of Da Nang."
ESCAPED_SENTENCE = "Hue is about 100 km north of \x1b[31mDa Nang\x1b[0m.\x1b]0;owned\x07\r\x9b2J"


@pytest.mark.parametrize("cell, safe", [
    ("=1+1", "'=1+1"), ("+1+1", "'+1+1"), ("-1+1", "'-1+1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("\uff1d1+1", "'\uff1d1+1"),
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("Hue = 1", "Hue = 1"), ("-61.5", "-61.5"), ("+3", "+3"), ("1e-3", "1e-3"), (-61.5, -61.5), (None, None),
])
def test_cells_that_would_be_formulas_get_an_apostrophe(cell, safe):
    assert spreadsheet_safe(cell) == safe


def test_keys_are_made_safe_too():
    assert spreadsheet_safe_rows([{"=a": "@b", "n": -1}]) == [{"'=a": "'@b", "n": -1}]


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_report_csv_neutralises_sentences_and_file_names(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "=1+2.txt"
    article.write_text(f"Title\n\n{FORMULA_SENTENCE}\n", encoding="utf-8")
    assert main(["report", article.name, "-o", "claims.csv"]) == 0
    cells = _csv_cells((tmp_path / "claims.csv").read_text(encoding="utf-8"))
    assert "'" + FORMULA_SENTENCE in cells and "'=1+2.txt" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not c[1:2].isdigit())]


def test_terminal_safe_removes_escape_sequences_and_controls():
    assert terminal_safe(ESCAPED_SENTENCE) == "Hue is about 100 km north of Da Nang."
    assert terminal_safe("\x1b]0;title\x07x\x1bcy\x1b[?25lz") == "xyz"
    assert terminal_safe("a\tb\nc\u202ed\u2066e") == "a\tb\ncde"


@pytest.mark.parametrize("command", ["claims", "places"])
def test_cli_prints_no_control_characters(command, tmp_path, capsys):
    article = tmp_path / "\x1b[2Jarticle.txt"
    article.write_text(f"Title\n\n{ESCAPED_SENTENCE}\n", encoding="utf-8")
    main([command, str(article), str(tmp_path / "\x1b[1mmissing.txt")])
    printed = capsys.readouterr()
    for stream in (printed.out, printed.err):
        assert not [c for c in stream if (c < " " and c not in "\n\t") or "\x7f" <= c <= "\x9f"], stream
    assert "Hue" in printed.out and "missing.txt: no such file" in printed.err


@pytest.mark.parametrize("command, key", [("claims", "claims"), ("places", "documents")])
def test_cli_json_escapes_controls_and_keeps_the_data(command, key, tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(f"Title\n\n{ESCAPED_SENTENCE}\n", encoding="utf-8")
    main([command, str(article), "--json"])
    out = capsys.readouterr().out
    assert not [c for c in out if (c < " " and c not in "\n") or "\x7f" <= c <= "\x9f"]
    data = json.loads(out)[key]
    if command == "claims":
        assert data[0]["sentence"].startswith("Hue is about 100 km north of \x1b[31mDa Nang")
