"""Writing map files atomically: to a temporary file in the same folder, then renamed."""

from __future__ import annotations

from pathlib import Path

from geo import atomic
from geo.errors import InputError


def check_folder(path: str | Path) -> Path:
    """``path`` as a Path; ``InputError`` if the folder it would be written in does not exist."""
    target = Path(path)
    if not target.parent.is_dir():
        raise InputError(f"{target}: folder {target.parent} does not exist")
    return target


def atomic_target(path: str | Path):
    """:func:`geo.atomic.atomic_target` for a map file, whose writer reads the format from the
    temporary name's suffix; ``InputError`` if the folder of ``path`` does not exist."""
    target = check_folder(path)
    return atomic.atomic_target(target, suffix=target.suffix)
