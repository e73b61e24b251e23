"""One line on stderr per stage of a long first-time job (the gazetteer build, `geo prepare`),
with the time it took, so that a first run says what it is doing."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator

__all__ = ["note", "stage"]


def note(message: str) -> None:
    """One line on stderr, prefixed ``geo:``."""
    print(f"geo: {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def stage(what: str) -> Iterator[None]:
    """Time the block and print ``geo: <what> (<seconds> s)`` on stderr when it ends."""
    started = time.perf_counter()
    yield
    note(f"{what} ({time.perf_counter() - started:.1f} s)")
