"""Shared fixtures: the real gazetteer (built once into the user cache) and the bundled story."""

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
