"""Reading a file a user named: only a regular file, never more than a limit, one clear line
when it cannot be read.

A name on the command line, in a corrections folder or in an archive may be anything: a
symlink loop, a path through a file (``good.txt/x``), a name too long for the file system, a
FIFO (opening one for reading waits for a writer: the command would hang) or a device
(``/dev/zero`` never ends). :func:`read_regular_file` looks at what the name is before opening
it, opens it without blocking, checks again what it opened (the name may have been swapped in
between), and reads at most ``limit`` bytes; every failure is an ``InputError`` whose message
names the path and says what is wrong in plain words.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from geo.errors import InputError

__all__ = ["describe_os_error", "file_kind", "read_bounded", "read_regular_file"]

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)

_PROBLEMS = {
    errno.ENOENT: "no such file",
    errno.ENOTDIR: "a part of the path before the name is a file, not a folder",
    errno.ELOOP: "too many levels of symbolic links (a symlink loop)",
    errno.ENAMETOOLONG: "the name is too long for the file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "is a directory, not a file",
}


def describe_os_error(error: OSError | ValueError) -> str:
    """What an ``OSError`` on a path means, in a few plain words (no path, no traceback); a
    ``ValueError`` (a NUL character in the name) is "not a valid file name"."""
    if not isinstance(error, OSError):
        return "not a valid file name"
    return _PROBLEMS.get(error.errno) or (error.strerror or type(error).__name__).lower()


def file_kind(mode: int) -> str:
    """"a directory", "a FIFO (named pipe)", ... for a ``st_mode`` that is not a regular file."""
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def _refuse(name: str, mode: int) -> InputError:
    kind = file_kind(mode)
    if kind == "a directory":
        return InputError(f"{name}: is a directory, not a file")
    return InputError(f"{name}: {kind}, not a regular file; only regular files are read")


def _too_large(name: str, size: int, limit: int) -> InputError:
    return InputError(f"{name}: too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB)")


def read_bounded(handle, name: str, limit: int) -> bytes:
    """At most ``limit`` bytes from a binary file object; InputError naming ``name`` when there
    are more (a stream such as standard input may be endless)."""
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{name}: too large (more than {limit / 1e6:.1f} MB, the limit)")
    return data


def read_regular_file(path: str | Path, limit: int, name: str | None = None) -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed), at most ``limit`` of them.

    ``name`` is how messages call the file (default: ``path`` as given). Raises ``InputError``,
    before anything is read, for a missing file, a directory, a FIFO, a device or a socket, a
    symlink loop, a path through a file, a name too long or a file over ``limit`` bytes.
    """
    name = str(path) if name is None else name
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(name, info.st_mode)
        if info.st_size > limit:
            raise _too_large(name, info.st_size, limit)
        # O_NONBLOCK: should the name have become a FIFO since the stat, opening does not wait
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except InputError:
        raise
    except (OSError, ValueError) as error:  # ValueError: a NUL character in the name
        raise InputError(f"{name}: {describe_os_error(error)}") from None
    with os.fdopen(descriptor, "rb") as handle:
        opened = os.fstat(handle.fileno())
        if not stat.S_ISREG(opened.st_mode):
            raise _refuse(name, opened.st_mode)
        try:
            return read_bounded(handle, name, limit)
        except OSError as error:
            raise InputError(f"{name}: {describe_os_error(error)}") from None
