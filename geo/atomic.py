"""Writing files atomically: into a temporary file beside the target, then one rename.

A reader sees the old file or the new one, never half of one; a crash or Ctrl-C leaves at most
a hidden ``.<name>.*.tmp`` file, which the next write does not trip over. The new file is
synced to the disk before the rename (and the folder after it), so a power cut cannot leave
the name pointing at an empty file.
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
        _fsync(temporary)  # the data on disk before the name points at it
        os.replace(temporary, target)
        _fsync(target.parent, folder=True)  # and the rename itself
    finally:
        Path(temporary).unlink(missing_ok=True)


def _fsync(path: str | Path, folder: bool = False) -> None:
    """Flush a file's (or a folder's) contents to the disk. A folder that cannot be opened or
    synced (some platforms and file systems) is left to the file system; a file's failure is
    an error."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        if folder:
            return
        raise
    try:
        os.fsync(descriptor)
    except OSError:
        if not folder:
            raise
    finally:
        os.close(descriptor)


def write_text_atomically(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    with atomic_target(path) as temporary:
        temporary.write_text(text, encoding="utf-8", newline="")


def write_bytes_atomically(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_target(path) as temporary:
        temporary.write_bytes(data)
