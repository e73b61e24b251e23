"""The dashboard end to end: `streamlit run app.py`, opened in headless Chromium with no internet.

Every request that is not to the local server is blocked and recorded; the test waits for
Leaflet to draw the map inside the streamlit-folium frame, reads the claims table, and downloads
the claims as CSV. A screenshot is saved next to the test's temporary files when it fails.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from browser import CHROMIUM, offline_page
from dashboard_server import dashboard, map_frame

LOCAL = ("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "data:", "blob:", "about:")
"""The server's own addresses, and what a page makes itself: all the dashboard may load."""
FIRST_RENDER_S = 240  # for the map to draw: the first render loads the gazetteer and the basemap

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The dashboard on a free local port, its data folder in a temporary directory."""
    folder = tmp_path_factory.mktemp("dashboard")
    with dashboard(folder / "data", folder / "streamlit.log") as url:
        yield url


def test_the_dashboard_draws_offline_and_offers_the_claims(server, tmp_path):
    pytest.importorskip("playwright.sync_api")
    with offline_page(LOCAL, tmp_path / "dashboard-failure.png", viewport={"width": 1440, "height": 1000},
                      accept_downloads=True) as browsed:
        page = browsed.page
        page.goto(server)
        frame = map_frame(page, FIRST_RENDER_S)  # the basemap and the story's layers drawn
        assert frame.locator(".leaflet-control-layers").count() == 1
        assert frame.locator(".geo-legend").count() == 1
        assert frame.eval_on_selector_all(".leaflet-geo-basemap-pane path", "ps => ps.length") >= 3
        assert frame.eval_on_selector_all(".leaflet-overlay-pane path", "ps => ps.length") > 10

        # the data grid draws on a canvas and keeps its cells in a hidden table for screen readers
        claims_table = page.locator('[data-testid="stDataFrame"]').first.locator("table")
        claims_table.wait_for(state="attached", timeout=60_000)
        claims = claims_table.text_content()
        assert "Vostochny Cosmodrome from Vladivostok" in claims
        assert "Vladivostok from Pyongyang" in claims
        assert claims.count("accurate") == 2
        assert page.get_by_text("Claim 1: Vostochny Cosmodrome from Vladivostok").count() == 1

        page.get_by_role("tab", name="Downloads").click()
        with page.expect_download(timeout=60_000) as download_info:
            page.get_by_test_id("stDownloadButton").get_by_role("button", name="CSV", exact=True).click()
        download = download_info.value
        assert download.suggested_filename == "story-claims.csv"
        rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
        assert [row["distance_verdict"] for row in rows] == ["accurate", "unverifiable", "accurate"]  # a time is no distance

        assert browsed.outside == [], f"requests left the machine: {browsed.outside}"
        assert browsed.errors == [], f"errors in the page: {browsed.errors}"
