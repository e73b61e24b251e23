"""The dashboard's first full render on the bundled story, and the screenshot in docs/.

Starts the dashboard as `make run` does and as the browser test does (tests/dashboard_server.py:
`python app.py`, which warms the shared caches in the server's process, then serves), opens it
in headless Chromium that resolves no host but the server, and times:
- for two servers started one after the other (the first after set-up, `geo prepare`, and a
  later one): from starting the server to its answering (the warm-up), and from the first
  reader opening the page to the map drawn;
- from opening the page to the map drawn when the server already runs (the next readers);
- from choosing a claim to the map showing it;
and, without a browser, AppTest's first run in a fresh process and a rerun. The caches
`geo prepare` builds (gazetteer, Natural Earth frames, the map's basemap) are built beforehand,
as `make run` does. The screenshot of the first reader's page goes to docs/dashboard.png.
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
GOAL_FIRST_S = 5.0  # the first reader of the first server after set-up
GOAL_LATER_S = 3.0  # the first reader of any later server
GOAL_RUNNING_S = 2.0  # a reader of a running server
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


def _first_reader(playwright, data_dir: Path, log: Path, screenshot: bool) -> tuple[dict, object, object, str]:
    """Start a server; (times, browser, page, url) once its first reader has the map drawn."""
    started = time.perf_counter()
    server = dashboard(data_dir, log)
    url = server.__enter__()
    serving = time.perf_counter() - started
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS + [OFFLINE])
    page = browser.new_page(viewport=VIEWPORT)
    opened = time.perf_counter()
    page.goto(url)
    map_frame(page, 600)
    reader = time.perf_counter() - opened
    times = {"serving": serving, "reader": reader, "total": time.perf_counter() - started}
    if screenshot:
        _claims_drawn(page)
        page.wait_for_timeout(1500)  # let the grid and the map's labels settle before the picture
        page.screenshot(path=str(SCREENSHOT))
    return times, server, browser, page, url


def _focus_time(page, frame) -> float | None:
    """Seconds from choosing claim 2 to the map moving to it; None if the choice cannot be made."""
    from playwright.sync_api import Error as PlaywrightError

    before = frame.evaluate("() => window.map.getCenter().lat")
    chosen = time.perf_counter()
    try:
        page.get_by_test_id("stSelectbox").first.click(timeout=15_000)
        page.get_by_role("option", name="Claim 2").click(timeout=15_000)
    except PlaywrightError:
        return None
    deadline = time.monotonic() + 60
    while frame.evaluate("() => window.map.getCenter().lat") == before and time.monotonic() < deadline:
        page.wait_for_timeout(20)
    return time.perf_counter() - chosen


def _browser_times(folder: Path) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        first, server, browser, page, _ = _first_reader(playwright, folder / "data1", folder / "streamlit1.log", False)
        browser.close()
        server.__exit__(None, None, None)
        later, server, browser, page, url = _first_reader(playwright, folder / "data2", folder / "streamlit2.log", True)
        try:
            page.close()
            next_readers = []
            for _ in range(NEXT_READERS):
                page = browser.new_page(viewport=VIEWPORT)
                opened = time.perf_counter()
                page.goto(url)
                frame = map_frame(page, 600)
                next_readers.append(time.perf_counter() - opened)
            focus = _focus_time(page, frame)
            browser.close()
        finally:
            server.__exit__(None, None, None)
    return {"first": first, "later": later, "next": next_readers, "focus": focus}


def measure() -> str:
    load = load_average()
    prepared = run_python("import json, subprocess, sys, time; t = time.perf_counter(); "
                          "subprocess.run([sys.executable, '-m', 'geo', 'prepare'], check=True, capture_output=True); "
                          "print(json.dumps({'s': time.perf_counter() - t}))")  # as make run does
    with tempfile.TemporaryDirectory(prefix="geo-bench-dashboard-") as folder:
        browser = _browser_times(Path(folder))
    apptest = run_python(APPTEST.format(app=str(ROOT / "app.py")), env={"GEO_DATA_DIR": tempfile.gettempdir() + "/geo-bench-apptest"})
    next_median = median(browser["next"])
    first, later = browser["first"], browser["later"]
    rows = [
        ("first server after set-up: its first reader, page opened → map drawn", f"**{first['reader']:.1f}**",
         f"server started → answering (warm-up) {first['serving']:.1f} s; started → map {first['total']:.1f} s"),
        ("a later server: its first reader, page opened → map drawn", f"**{later['reader']:.1f}**",
         f"server started → answering (warm-up) {later['serving']:.1f} s; started → map {later['total']:.1f} s"),
        ("page opened → map drawn, server already running (next readers, median of "
         f"{NEXT_READERS})", f"**{next_median:.2f}**", ", ".join(f"{t:.1f}" for t in browser["next"]) + " s"),
        ("claim chosen → map moved to it",
         "—" if browser["focus"] is None else f"{browser['focus']:.1f}",
         "not measured: the claim could not be chosen in the page" if browser["focus"] is None
         else "the map is not drawn again"),
        ("`geo prepare` with its caches present (as `make run` runs it before the server)", f"{prepared['s']:.1f}", ""),
        ("AppTest, first run in a fresh process (no browser)", f"{apptest['first']:.1f}", ""),
        ("AppTest, rerun (cached story and map)", f"{apptest['rerun']:.1f}", ""),
    ]
    verdicts = {True: "met", False: "not met"}
    body = table(("render", "seconds", "detail"), rows)
    body += (
        f"\n\nGoals (issue 14): the first reader of the first server after set-up sees the map in under "
        f"{GOAL_FIRST_S:.0f} s: {verdicts[first['reader'] < GOAL_FIRST_S]} ({first['reader']:.1f} s); the first "
        f"reader of a later server in under {GOAL_LATER_S:.0f} s: {verdicts[later['reader'] < GOAL_LATER_S]} "
        f"({later['reader']:.1f} s); a reader of a running server in under {GOAL_RUNNING_S:.0f} s: "
        f"{verdicts[next_median < GOAL_RUNNING_S]} ({next_median:.2f} s). The server is started as `make run` "
        "does (`python app.py`): before answering, it runs the page once with no reader, which loads "
        "the gazetteer, analyses the articles and builds the map into the caches every reader shares "
        "(the warm-up above); `geo prepare` has built the disk caches before. The bundled story "
        f"(5 articles); Chromium {VIEWPORT['width']}×{VIEWPORT['height']} px, headless, every host but the "
        "server unresolvable. The screenshot of the later server's first reader's page is docs/dashboard.png."
    )
    return section(TITLE, "bench_dashboard.py", body, load)


if __name__ == "__main__":
    print(measure())
