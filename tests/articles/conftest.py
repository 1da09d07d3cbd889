"""Fixtures for ingest tests: a local news site, and fetching allowed to reach it."""

from __future__ import annotations

import pytest

from tests.newsserver import NewsServer


@pytest.fixture(scope="session")
def news_site():
    with NewsServer() as server:
        yield server


@pytest.fixture
def allow_loopback(settings):
    """The local news site is on 127.0.0.1, which fetching refuses unless told otherwise."""
    settings.CLAIMTRACK_ALLOW_PRIVATE_URLS = True
    settings.CLAIMTRACK_FETCH_READ_TIMEOUT = 1.0
