"""The embedded PostgreSQL runs with the settings claimtrack.localdb gives it."""

from __future__ import annotations

import pytest
from django.db import connection

from claimtrack import localdb

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _embedded_only():
    if str(localdb.EMBEDDED_DATA_DIR) not in localdb.url_for(connection.settings_dict):
        pytest.skip("the tests run on another PostgreSQL, configured by whoever runs it")


def test_the_embedded_server_runs_with_its_settings():
    with connection.cursor() as cursor:
        for name, value in localdb.EMBEDDED_SERVER_SETTINGS.items():
            cursor.execute("SELECT current_setting(%s)", [name])
            assert cursor.fetchone()[0] == value, name


def test_shared_buffers_hold_the_claim_index_of_100000_claims():
    """The HNSW index takes about 2 kB a claim (195 MB at 100,000): linking walks it at random,
    and pages read back from the OS made a scan three times slower (docs/linking.md)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_bytes(current_setting('shared_buffers'))")
        assert cursor.fetchone()[0] >= 100_000 * 2_000 * 2  # the index and the claims table beside it
