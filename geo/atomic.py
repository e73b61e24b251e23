"""Writing files atomically: into a temporary file beside the target, then one rename.

A reader sees the old file or the new one, never half of one; a crash or Ctrl-C leaves at most
a hidden ``.<name>.*.tmp`` file, which the next write does not trip over.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _new_file_mode() -> int:
    """The permissions a new file gets under the process's umask (mkstemp's are 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_target(path: str | Path, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path beside ``path`` (its folder must exist); when the block ends
    without an error it replaces ``path``, otherwise it is removed. ``suffix`` ends the
    temporary name, for writers that read the format from it (".png")."""
    target = Path(path)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=suffix)
    os.close(descriptor)
    os.chmod(temporary, _new_file_mode())
    try:
        yield Path(temporary)
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_text_atomically(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    with atomic_target(path) as temporary:
        temporary.write_text(text, encoding="utf-8", newline="")


def write_bytes_atomically(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_target(path) as temporary:
        temporary.write_bytes(data)
