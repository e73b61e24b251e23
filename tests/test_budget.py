"""A per-document time budget: a document that takes too long is failed with one line naming
it, its partition (or the dashboard session) goes on, and the process is not killed."""

from __future__ import annotations

import threading
import time

import pytest

from geo.batch import analyse_partition, plan_partitions
from geo.budget import run_with_budget
from geo.errors import TimeBudgetExceeded


def _stubborn() -> None:
    """Pure Python that runs for ever and swallows every Exception."""
    while True:
        try:
            sum(range(1000))
        except Exception:
            pass


def test_work_over_the_budget_is_stopped_and_named():
    began = time.perf_counter()
    with pytest.raises(TimeBudgetExceeded, match=r"^slow\.txt: stopped after .* time budget of 0\.3 s"):
        run_with_budget(_stubborn, 0.3, "slow.txt")
    assert time.perf_counter() - began < 3.0
    time.sleep(0.5)  # nothing is left to go off later in this thread


def test_work_within_the_budget_returns_and_its_errors_pass_through():
    assert run_with_budget(lambda: 42, 5.0, "quick.txt") == 42
    with pytest.raises(KeyError):
        run_with_budget(lambda: {}["x"], 5.0, "bad.txt")
    assert run_with_budget(lambda: 7, None, "no budget") == 7


def test_the_budget_holds_in_a_worker_thread():
    caught = []

    def work():
        try:
            run_with_budget(_stubborn, 0.2, "in-a-thread.txt")
        except TimeBudgetExceeded as error:
            caught.append(str(error))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=10)
    assert not thread.is_alive() and caught and caught[0].startswith("in-a-thread.txt: ")


def test_a_batch_partition_fails_the_slow_document_and_reads_the_others(tmp_path, gazetteer):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Hue is about 100 km north of Da Nang.\n", encoding="utf-8")
    (folder / "b-slow.txt").write_text("Hue is about 100 km north of Da Nang. " * 26_000, encoding="utf-8")
    (folder / "c.txt").write_text("Hanoi is about 1,500 km north of Ho Chi Minh City.\n", encoding="utf-8")
    (partition,) = plan_partitions([str(folder)], partition_size=10)
    mentions, claims, errors, documents = analyse_partition(partition, budget=1.0)
    assert documents == 3
    (error,) = errors["error"]
    assert error.startswith(f"{folder / 'b-slow.txt'}: stopped after") or "b-slow.txt: stopped after" in error
    assert "time budget of 1 s" in error
    assert set(mentions["path"]) == {str(folder / "a.txt"), str(folder / "c.txt")}
    assert len(claims) == 2


def test_the_dashboard_fails_a_slow_article_in_one_line_without_a_crash(monkeypatch, tmp_path):
    """The dashboard's own budget is 60 s; here every article gets 0.2 s, which a pasted
    article of 300 kB exceeds: one line in the sidebar names it, and the page still runs."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    import geo.budget

    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "data"))
    real = geo.budget.run_with_budget
    monkeypatch.setattr(geo.budget, "run_with_budget", lambda function, seconds, name: real(function, 0.2, name))
    app = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=300)
    app.run(timeout=300)
    app.text_area(key="paste_text").input("Slow news\n\n" + "Hue is about 100 km north of Da Nang. " * 8_000)
    app = next(b for b in app.button if b.label == "Read pasted text").click().run(timeout=300)
    assert not app.exception, [e.value for e in app.exception]
    errors = [e.value for e in app.sidebar.error]
    assert len(errors) == 1 and errors[0].startswith("pasted text: stopped after"), errors
