"""`geo report`: each format from the command line, errors before work, the bundled story's report."""

import csv
import json

import pytest

from geo.cli import main
from geo.paths import ARTICLES_DIR

AP_ARTICLE = str(ARTICLES_DIR / "004_0899eaed18e29f52.txt")


@pytest.fixture(scope="module")
def bundled_markdown(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "story.md"
    assert main(["report", "-o", str(path)]) == 0
    return path.read_text(encoding="utf-8")


def test_bundled_report_says_what_the_issue_asks(bundled_markdown):
    text = " ".join(bundled_markdown.replace("\\", "").split())
    for title in ("Kim Jong-un planned to fly to Russia to meet Putin", "Associated Press", "2023-09-11"):
        assert title in text
    # The 950 km figure: about 6 % short of the straight line, inside what "about 950" allows.
    assert "61 km (6%) short, inside what the wording allows: 'about 950 km' allows ±10%" in text
    # The AP's "north" is north-east, and each pair of units agrees.
    assert "Vladivostok lies north-east (bearing 47°) of Pyongyang: 'north' is one compass point off" in text
    assert "950 km and 600 mi (966 km) agree within their rounding" in text
    assert "425 mi (684 km) and 680 km agree within their rounding" in text


@pytest.mark.parametrize("suffix", [".html", ".json", ".csv"])
def test_report_formats_from_the_command_line(tmp_path, capsys, suffix):
    path = tmp_path / f"story{suffix}"
    assert main(["report", AP_ARTICLE, "-o", str(path)]) == 0
    assert "wrote" in capsys.readouterr().err
    text = path.read_text(encoding="utf-8")
    if suffix == ".json":
        assert len(json.loads(text)["claims"]) == 1
    elif suffix == ".csv":
        assert len(list(csv.DictReader(text.splitlines()))) == 1
    else:
        assert text.startswith("<!DOCTYPE html>") and "<svg" in text


def test_unknown_extension_fails_before_reading(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "story.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "story.pdf" in err and "unknown extension" in err
    assert "missing.txt" not in err


def test_bad_input_still_writes_the_report_and_exits_1(tmp_path, capsys):
    path = tmp_path / "story.json"
    code = main(["report", str(tmp_path / "missing.txt"), AP_ARTICLE, "-o", str(path)])
    assert code == 1
    assert "missing.txt: no such file" in capsys.readouterr().err
    report = json.loads(path.read_text(encoding="utf-8"))
    assert len(report["documents"]) == 1 and report["errors"]
