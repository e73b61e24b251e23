"""The dashboard's first full render on the bundled story, and the screenshot in docs/.

Starts `streamlit run app.py` as the browser test does (tests/dashboard_server.py), opens it in
headless Chromium that resolves no host but the server, and times:
- from starting the server to the map drawn (a reader opening a freshly started dashboard:
  the server loads the gazetteer, reads the articles and builds the map);
- from opening the page to the map drawn when the server already runs (the next readers,
  served from Streamlit's caches);
- from choosing a claim to the map showing it;
and, without a browser, AppTest's first run in a fresh process and a rerun. The gazetteer
cache is built beforehand. The screenshot of the first reader's page goes to docs/dashboard.png.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, load_average, median, run_python, section, table

sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from dashboard_server import dashboard, map_frame  # noqa: E402

TITLE = "Dashboard first render"
GOAL_S = 3.0
NEXT_READERS = 7
SCREENSHOT = ROOT / "docs" / "dashboard.png"
VIEWPORT = {"width": 1440, "height": 1000}
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
"""No host name resolves but the local server's: nothing leaves the machine (the browser test
records requests with Playwright's routing instead, which slows every request down)."""

APPTEST = """
import json, time
from streamlit.testing.v1 import AppTest
started = time.perf_counter()
at = AppTest.from_file({app!r}, default_timeout=600)
at.run()
first = time.perf_counter() - started
assert not at.exception, at.exception
started = time.perf_counter()
at.run()
print(json.dumps({{"first": first, "rerun": time.perf_counter() - started}}))
"""


def _claims_drawn(page) -> None:
    """Wait until the claims table has its rows (the grid draws after the page's first paint)."""
    page.locator('[data-testid="stDataFrame"]').first.locator("table").wait_for(state="attached", timeout=120_000)


def _browser_times(data_dir: Path, log: Path) -> dict:
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    with dashboard(data_dir, log) as url, sync_playwright() as playwright:
        serving = time.perf_counter() - started
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS + [OFFLINE])
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(url)
        map_frame(page, 600)
        first = time.perf_counter() - started
        _claims_drawn(page)
        page.wait_for_timeout(1500)  # let the grid and the map's labels settle before the picture
        page.screenshot(path=str(SCREENSHOT))
        page.close()
        next_readers = []
        for _ in range(NEXT_READERS):
            page = browser.new_page(viewport=VIEWPORT)
            opened = time.perf_counter()
            page.goto(url)
            frame = map_frame(page, 600)
            next_readers.append(time.perf_counter() - opened)
        before = frame.evaluate("() => window.map.getCenter().lat")
        chosen = time.perf_counter()
        page.get_by_test_id("stSelectbox").first.click()
        page.get_by_role("option", name="Claim 2").click()
        deadline = time.monotonic() + 60
        while frame.evaluate("() => window.map.getCenter().lat") == before and time.monotonic() < deadline:
            page.wait_for_timeout(20)
        focus = time.perf_counter() - chosen
        browser.close()
    return {"serving": serving, "first": first, "next": next_readers, "focus": focus}


def measure() -> str:
    load = load_average()
    run_python("from geo.gazetteer import default_gazetteer; default_gazetteer(); print('{}')")  # cache built
    with tempfile.TemporaryDirectory(prefix="geo-bench-dashboard-") as folder:
        browser = _browser_times(Path(folder) / "data", Path(folder) / "streamlit.log")
    apptest = run_python(APPTEST.format(app=str(ROOT / "app.py")), env={"GEO_DATA_DIR": tempfile.gettempdir() + "/geo-bench-apptest"})
    next_median = median(browser["next"])
    rows = [
        ("`streamlit run app.py` started → map drawn in Chromium (first reader)", f"**{browser['first']:.1f}**",
         f"server answering after {browser['serving']:.1f} s"),
        ("page opened → map drawn, server already running (next readers, median of "
         f"{NEXT_READERS})", f"**{next_median:.2f}**", ", ".join(f"{t:.1f}" for t in browser["next"]) + " s"),
        ("claim chosen → map moved to it", f"{browser['focus']:.1f}", "the map is not drawn again"),
        ("AppTest, first run in a fresh process (no browser)", f"{apptest['first']:.1f}", ""),
        ("AppTest, rerun (cached story and map)", f"{apptest['rerun']:.1f}", ""),
    ]
    verdicts = {True: "met", False: "not met"}
    body = table(("render", "seconds", "detail"), rows)
    body += (
        f"\n\nGoal: the first full render under {GOAL_S:.0f} s once the environment is installed and "
        f"the gazetteer cache built. For a reader of a running dashboard: "
        f"{verdicts[next_median < GOAL_S]} ({next_median:.2f} s). For the first reader of a freshly "
        f"started server: {verdicts[browser['first'] < GOAL_S]} ({browser['first']:.1f} s): that "
        "render also imports the map libraries, loads the gazetteer, analyses the articles and "
        "builds the map (its Natural Earth basemap read from the cache folder), which Streamlit "
        "then keeps for every later reader. The bundled story (5 articles); Chromium "
        f"{VIEWPORT['width']}×{VIEWPORT['height']} px, headless, every host but the "
        "server unresolvable. The screenshot of the first reader's page is docs/dashboard.png."
    )
    return section(TITLE, "bench_dashboard.py", body, load)


if __name__ == "__main__":
    print(measure())
