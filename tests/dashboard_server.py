"""Running the dashboard for the browser test and the benchmark: `python app.py` (as `make run`
does: the caches warmed, then Streamlit's server) on a free local port, and waiting for its map
to draw in Chromium.

Kept out of the test module so that benchmarks/bench_dashboard.py starts and watches the
dashboard exactly as the test does.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

__all__ = ["ROOT", "dashboard", "free_port", "map_frame", "wait_until_healthy"]

ROOT = Path(__file__).resolve().parent.parent
DRAWN_PATHS = """() => ({
    basemap: document.querySelectorAll(".leaflet-geo-basemap-pane path").length,
    overlays: document.querySelectorAll(".leaflet-overlay-pane path").length,
})"""
STARTUP_S = 120  # for `streamlit run` to answer its health check


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, timeout_s: float = STARTUP_S) -> None:
    """Return once the server at ``url`` answers its health check; raise if it exits or times out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout_s} s")


@contextlib.contextmanager
def dashboard(data_dir: Path, log_path: Path) -> Iterator[str]:
    """`python app.py` (warm, then serve) on a free port with GEO_DATA_DIR=``data_dir``; yields its URL once
    it answers, and stops it afterwards. Its output goes to ``log_path``."""
    port = free_port()
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, env={**os.environ, "GEO_DATA_DIR": str(data_dir)}, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_healthy(url, process)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def map_frame(page, timeout_s: float):
    """The streamlit-folium frame of ``page`` once Leaflet has drawn the map in it: the
    Natural Earth basemap (fetched from the static folder) and the story's vector layers."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                drawn = frame.evaluate(DRAWN_PATHS) if frame.locator(".leaflet-container").count() else None
                if drawn and drawn["basemap"] >= 3 and drawn["overlays"] > 10:
                    return frame
            except Exception:  # a frame may go away while it is being looked at
                continue
        page.wait_for_timeout(50)
    raise TimeoutError(f"the map did not draw within {timeout_s} s")
