"""Headless Chromium for the browser tests: a page that may reach only the given addresses.

Kept apart from the tests so that the map tests, the dashboard test and the dashboard benchmark
start Chromium the same way.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = Path(os.environ.get("GEO_CHROMIUM") or "/usr/bin/chromium")
"""Debian's Chromium (scripts/install-browser installs it where it can), or $GEO_CHROMIUM."""
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@dataclass
class Browsed:
    """A page and what happened in it: requests blocked, script errors, console errors."""

    page: object
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@contextlib.contextmanager
def offline_page(allowed: tuple[str, ...], failure_shot: Path, **page_options) -> Iterator[Browsed]:
    """A Chromium page whose requests to URLs not starting with one of ``allowed`` are aborted
    and recorded. If the block raises, a full-page screenshot goes to ``failure_shot``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(**page_options)
        browsed = Browsed(page)

        def route(request_route):
            url = request_route.request.url
            if url.startswith(allowed):
                request_route.continue_()
            else:
                browsed.outside.append(url)
                request_route.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda error: browsed.errors.append(str(error)))
        page.on("console", lambda message: browsed.console_errors.append(message.text)
                if message.type == "error" else None)
        try:
            yield browsed
        except BaseException:
            page.screenshot(path=str(failure_shot), full_page=True)
            print(f"screenshot of the failing page: {failure_shot}")
            raise
        finally:
            browser.close()
