"""geo.files: only regular files are read, never more than the limit, and every refusal is one
line naming the path, given before anything is opened for reading (a FIFO would hang)."""

from __future__ import annotations

import os

import pytest

from geo.errors import InputError
from geo.files import read_bounded, read_regular_file


def _refusal(path, limit=1000) -> str:
    with pytest.raises(InputError) as raised:
        read_regular_file(path, limit)
    message = str(raised.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return message


def test_a_regular_file_is_read(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Hue")
    assert read_regular_file(tmp_path / "a.txt", 10) == b"Hue"


def test_a_symlink_to_a_regular_file_is_followed(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Hue")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    assert read_regular_file(tmp_path / "link.txt", 10) == b"Hue"


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    assert "FIFO" in _refusal(tmp_path / "pipe")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    assert "device" in _refusal(device)


def test_a_symlink_loop_is_refused(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert "symlink loop" in _refusal(tmp_path / "a")


def test_a_path_through_a_file_is_refused(tmp_path):
    (tmp_path / "good.txt").write_bytes(b"Hue")
    assert "is a file, not a folder" in _refusal(tmp_path / "good.txt" / "x")


def test_a_name_too_long_is_refused(tmp_path):
    assert "too long" in _refusal(tmp_path / ("a" * 300))


def test_a_directory_missing_file_and_nul_in_a_name_are_refused(tmp_path):
    assert "directory" in _refusal(tmp_path)
    assert "no such file" in _refusal(tmp_path / "missing.txt")
    assert "not a valid file name" in _refusal(f"{tmp_path}/a\0b")


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"x" * 1001)
    assert "too large" in _refusal(tmp_path / "big.txt", limit=1000)


def test_a_stream_is_read_only_up_to_the_limit():
    with open("/dev/zero", "rb") as endless, pytest.raises(InputError, match="-: too large"):
        read_bounded(endless, "-", 1000)
