"""The development server (`make run`) leaves no database connection open after its requests.

It starts a thread per request; with persistent connections (CONN_MAX_AGE > 0) each thread's
connection stayed open until PostgreSQL refused new clients. The default is now 0.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.db import connection

from evaluation.loadtest import ROOT, database_url, free_port, signed_in_session
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _other_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def _other_queries() -> list:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT application_name, state, left(query, 200) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchall()


@pytest.fixture
def runserver():
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_CONN_MAX_AGE"}
    env.update(
        DATABASE_URL=database_url(), DJANGO_ENV_FILE="/dev/null", DJANGO_SETTINGS_MODULE="claimtrack.settings.test"
    )
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            requests.get(f"{base}/accounts/login/", timeout=2)
            break
        except requests.ConnectionError:
            time.sleep(0.3)
    yield base
    server.terminate()
    server.wait(timeout=20)


def test_requests_leave_no_idle_connections_behind(runserver):
    # The server's start-up checks may hold one connection of their own; requests must add none.
    time.sleep(1)
    at_start = _other_connections()
    UserFactory(username="reader")
    session = signed_in_session(runserver, "reader", "pw-for-tests-1")
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda _: session.get(f"{runserver}/", timeout=60).status_code, range(40)))
    assert set(statuses) == {200}
    time.sleep(1)
    assert _other_connections() <= at_start, _other_queries()
