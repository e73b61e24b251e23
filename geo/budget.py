"""A time budget for reading one document: past it, the work stops and the document is failed.

Every stage of reading is linear in the text (tests/test_growth.py), so a 10 MB article
finishes; but a batch partition or a dashboard session should not wait minutes for one
hostile or odd article while the others queue. :func:`run_with_budget` runs a function in the
calling thread (a Dask worker's task thread, Streamlit's script thread) and, if it is still
running after ``seconds``, raises an exception *in that thread* from a watchdog timer
(CPython's ``PyThreadState_SetAsyncExc``), again every :data:`REPEAT_S` until the work stops. The
exception arrives at the thread's next Python
instruction, so the work stops within moments wherever it is in pure Python; a single call into
C (one regular expression over the text) finishes first, which the linear stages keep short.
The process, its gazetteer and its other work carry on: nothing is killed.

The injected exception derives from ``BaseException``, so no ``except Exception`` on the way
can swallow it; the caller gets :class:`~geo.errors.TimeBudgetExceeded` naming the document.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from geo.errors import TimeBudgetExceeded

__all__ = ["DEFAULT_BUDGET_S", "run_with_budget"]

DEFAULT_BUDGET_S = 120.0
"""The default time budget of one document (s): about ten times the slowest shape of a 10 MB
article on one core of a laptop (docs/benchmarks.md)."""

REPEAT_S = 0.25
"""How often (s) the watchdog raises again in a thread still running past its budget."""

T = TypeVar("T")


class _OutOfTime(BaseException):
    """Raised inside the working thread by the watchdog; never seen outside this module."""


def _interrupt(thread_id: int) -> bool:
    changed = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(_OutOfTime))
    if changed > 1:  # more than one thread state touched: undo, as the C-API asks
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), None)
        return False
    return changed == 1


def run_with_budget(function: Callable[[], T], seconds: float | None, name: str) -> T:
    """``function()``, stopped if it runs longer than ``seconds`` (None or <= 0: no budget).

    Raises :class:`~geo.errors.TimeBudgetExceeded` whose one-line message names ``name`` (the
    document) and the budget. Exceptions of ``function`` pass through unchanged.
    """
    if not seconds or seconds <= 0:
        return function()
    target = threading.get_ident()
    lock = threading.Lock()
    finished = threading.Event()  # set, under the lock, when the work has stopped

    def watch() -> None:
        if finished.wait(seconds):
            return
        # again and again until the work stops: an exception that arrives while the thread runs
        # a finaliser (__del__, a weakref callback during garbage collection) is dropped there
        while True:
            with lock:
                if finished.is_set():
                    return
                _interrupt(target)
            if finished.wait(REPEAT_S):
                return

    watchdog = threading.Thread(target=watch, name=f"time budget of {name}", daemon=True)
    began = time.perf_counter()
    try:
        watchdog.start()
        try:
            return function()
        finally:
            with lock:  # no interrupt lands once this is set
                finished.set()
    except _OutOfTime:
        elapsed = time.perf_counter() - began
        raise TimeBudgetExceeded(f"{name}: stopped after {elapsed:.1f} s, over the time budget of "
                                 f"{seconds:g} s per document") from None
