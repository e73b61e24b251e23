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
