"""Geoparsing quality on LGL and TR-News (`geo evaluate`) beside the published figures.

Usage: ``bench_geoparsing.py [CORPORA_DIR]`` (default ``$GEO_CORPORA_DIR`` or
``../shared/benchmarks`` next to the project), the folder holding ``lgl.xml`` and
``tr-news.xml`` (or ``TR-News.xml``). The corpora are evaluation data only: they are read from
there, never copied. Each corpus is evaluated by `geo evaluate --json` in its own process, with
the gazetteer cache built beforehand, so its peak memory is that of the evaluation alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from common import PYTHON, ROOT, load_average, run_python, section, table

TITLE = "Geoparsing quality: LGL and TR-News"
CORPUS_FILES = {"lgl": ("lgl.xml",), "trnews": ("tr-news.xml", "TR-News.xml")}
GOALS = {"lgl": (0.78, 0.88), "trnews": (0.85, 0.92)}  # (F1, accuracy@161 km), issue 13

# Published end-to-end figures (toponym F1, accuracy within 161 km), numbers only.
# Wang & Hu, "Are We There Yet? Evaluating State-of-the-Art Neural Network based Geoparsers
# Using EUPEG as a Benchmarking Platform" (2019).
PUBLISHED = (
    ("CLAVIN", (0.573, 0.701), (0.649, 0.829)),
    ("Edinburgh Geoparser", (0.501, 0.819), (0.612, 0.850)),
    ("CamCoder", (0.654, 0.717), (0.746, 0.824)),
    ("TopoCluster", (0.657, 0.625), (0.790, 0.623)),
    ("GeoTxt", (0.601, 0.633), (0.692, 0.801)),
    ("spaCy NER + population", (0.423, 0.561), (0.500, 0.739)),
)
MORDECAI3 = (0.693, 0.750)  # detection F1 on LGL, TR-News; Mordecai 3 repository (2026)


def corpora_dir() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    return Path(os.environ.get("GEO_CORPORA_DIR") or ROOT.parent / "shared" / "benchmarks")


def corpus_path(folder: Path, corpus: str) -> Path | None:
    for name in CORPUS_FILES[corpus]:
        if (folder / name).exists():
            return folder / name
    return None


def run_evaluation(corpus: str, path: Path) -> dict:
    """`geo evaluate CORPUS PATH --json` in a fresh process; its JSON record."""
    done = subprocess.run(
        [PYTHON, "-m", "geo.cli", "evaluate", corpus, str(path), "--json", "--worst", "0"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"geo evaluate {corpus} failed: {done.stderr.strip()}")
    return json.loads(done.stdout)


def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}".lstrip("0")


def measure() -> str:
    load = load_average()
    folder = corpora_dir()
    run_python("from geo.gazetteer import Gazetteer; Gazetteer.load(); print('{}')")  # warm cache
    results = {}
    missing = []
    for corpus in CORPUS_FILES:
        path = corpus_path(folder, corpus)
        if path is None:
            missing.append(f"{corpus} ({' or '.join(CORPUS_FILES[corpus])} not in {folder})")
        else:
            results[corpus] = run_evaluation(corpus, path)

    def ours(corpus, key):
        return results[corpus][key] if corpus in results else None

    comparison = [
        ("**geo (this project, measured)**", _f(ours("lgl", "f1")),
         _f(ours("lgl", "accuracy_161km")), _f(ours("trnews", "f1")),
         _f(ours("trnews", "accuracy_161km")), "this page"),
        ("goal (issue 13)", f"≥ {_f(GOALS['lgl'][0])}", f"≥ {_f(GOALS['lgl'][1])}",
         f"≥ {_f(GOALS['trnews'][0])}", f"≥ {_f(GOALS['trnews'][1])}", ""),
        *((name, _f(lgl[0]), _f(lgl[1]), _f(tr[0]), _f(tr[1]), "Wang & Hu 2019")
          for name, lgl, tr in PUBLISHED),
        ("Mordecai 3 (detection F1)", _f(MORDECAI3[0]), "–", _f(MORDECAI3[1]), "–",
         "Mordecai 3 repository, 2026"),
    ]  # fmt: skip
    body = table(
        ("system", "LGL F1", "LGL acc@161 km", "TR-News F1", "TR-News acc@161 km", "source"),
        comparison,
    )
    if results:
        rows = []
        for key, label, fmt in (
            ("documents", "documents", "{:,}"),
            ("gold_toponyms", "gold toponyms", "{:,}"),
            ("gold_with_coordinates", "… with gold coordinates", "{:,}"),
            ("predicted", "predicted mentions", "{:,}"),
            ("matched", "matched (overlap, one-to-one)", "{:,}"),
            ("precision", "precision", "{:.3f}"),
            ("recall", "recall", "{:.3f}"),
            ("f1", "F1", "{:.3f}"),
            ("scored_resolutions", "errors scored (matched, with gold point)", "{:,}"),
            ("unresolved", "… left unresolved (counted as 20,039 km)", "{:,}"),
            ("accuracy_161km", "accuracy within 161 km", "{:.3f}"),
            ("mean_error_km", "mean error, km", "{:,.1f}"),
            ("median_error_km", "median error, km", "{:,.1f}"),
            ("auc", "AUC of log error (0 best)", "{:.3f}"),
            ("documents_per_cpu_second", "documents per CPU second (one core)", "{:,.1f}"),
            ("documents_per_second", "documents per wall second", "{:,.1f}"),
            ("gazetteer_seconds", "gazetteer load, s", "{:.2f}"),
            ("peak_rss_mib", "peak memory of the process, MiB", "{:,.0f}"),
        ):
            rows.append((label, *(fmt.format(results[c][key]) if c in results else "–"
                                  for c in CORPUS_FILES)))  # fmt: skip
        body += "\n\n" + table(("measure", "LGL", "TR-News"), rows)
    if missing:
        body += "\n\nNot measured: " + "; ".join(missing) + "."
    body += (
        "\n\nCommands: `.venv/bin/geo evaluate lgl ../shared/benchmarks/lgl.xml` and "
        "`.venv/bin/geo evaluate trnews ../shared/benchmarks/tr-news.xml`. Corpora: LGL "
        "(Lieberman et al. 2010) and TR-News (Kamalloo & Rafiei 2018) as published in "
        "milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation (GPL-3.0; used for measuring "
        "only, not shipped). A predicted mention matches a gold toponym when their spans "
        "overlap, one-to-one (longest overlap first); the errors are over matched toponyms "
        "with gold coordinates. The published figures come from other matching rules and "
        "runs, so they are anchors, not a like-for-like comparison. AUC as defined by Gritta "
        "et al. (2018), *What's missing in geographical parsing?*."
    )
    return section(TITLE, "bench_geoparsing.py", body, load)


if __name__ == "__main__":
    print(measure())
