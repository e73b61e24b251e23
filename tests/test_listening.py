"""Listen where asked: the dashboard binds to this machine by default, and geo batch's local
Dask cluster listens on 127.0.0.1 with its dashboard off unless asked for."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_dashboard_listens_on_localhost_by_default():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] in ("localhost", "127.0.0.1")


def _status(cluster) -> int:
    """The HTTP status of the scheduler's /status page (the dashboard), on this machine."""
    import urllib.error
    import urllib.request

    port = cluster.scheduler.services["dashboard"].port if hasattr(cluster.scheduler.services["dashboard"], "port") \
        else next(iter(cluster.scheduler.services["dashboard"]._sockets.values())).getsockname()[1]
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.cluster
def test_the_local_cluster_listens_on_localhost_without_a_dashboard():
    from geo.batch import _client

    client, cluster = _client(None, 1)
    try:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        assert all(address.startswith("tcp://127.0.0.1:") for address in cluster.scheduler_info["workers"])
        sockets = [s.getsockname() for s in cluster.scheduler.services["dashboard"]._sockets.values()]
        assert sockets and all(host == "127.0.0.1" for host, *_ in sockets)
    finally:
        client.close()
        cluster.close()


@pytest.mark.cluster
def test_the_dask_dashboard_when_asked_for():
    from geo.batch import _client

    client, cluster = _client(None, 1, dashboard="127.0.0.1:0")
    try:
        assert cluster.dashboard_link.startswith("http://127.0.0.1:")
        assert _status(cluster) == 200
    finally:
        client.close()
        cluster.close()
