"""Shared fixtures: the real gazetteer (built once into the user cache) and the bundled story;
the browser tests skipped, with the reason, where there is no Chromium (never under CI=true)."""

import os
from pathlib import Path

import pytest

from geo.documents import bundled_documents
from geo.gazetteer import default_gazetteer


@pytest.fixture(scope="session")
def gazetteer():
    return default_gazetteer()


@pytest.fixture(scope="session")
def bundled():
    return bundled_documents()


@pytest.fixture(autouse=True)
def user_data_folder(tmp_path_factory, monkeypatch):
    """Each test has its own empty user data folder: corrections saved on this machine never
    change what a test sees (subprocesses inherit it)."""
    folder = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("GEO_DATA_DIR", str(folder))
    return folder


def pytest_collection_modifyitems(config, items):
    """Tests marked ``browser`` need Chromium. Without it they are skipped with the reason
    scripts/install-browser gave (no apt-get, no root…); under CI=true the run stops instead."""
    from browser import CHROMIUM

    browser_tests = [item for item in items if item.get_closest_marker("browser")]
    if not browser_tests or CHROMIUM.exists():
        return
    note = Path(__file__).resolve().parent.parent / ".cache" / "no-browser"
    reason = (note.read_text().strip() if note.exists()
              else f"browser tests skipped: no Chromium at {CHROMIUM} (scripts/install-browser installs it)")
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"CI=true and {len(browser_tests)} browser tests cannot run: {reason}")
    for item in browser_tests:
        item.add_marker(pytest.mark.skipif(True, reason=reason), append=False)


@pytest.fixture(scope="session")
def pack():
    """The bundled story's pack (data/stories/kim-jong-un-2023/)."""
    from geo.packs import bundled_pack

    return bundled_pack()


@pytest.fixture(scope="session")
def story_gazetteer(gazetteer, pack):
    """The world's gazetteer with the bundled story's pack laid over it."""
    from geo.gazetteer.overlay import with_pack

    return with_pack(gazetteer, pack)
