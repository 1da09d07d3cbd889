"""manage.py load_test serves with gunicorn (the production command) and stays within its bounds."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command

from tests.factories import PropositionMemberFactory, RelationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_signed_in_clients_get_no_errors_and_the_report_has_the_percentiles(settings):
    relation = RelationFactory()
    PropositionMemberFactory(claim=relation.claim_a)
    out = io.StringIO()
    call_command("load_test", clients=4, seconds=3, stdout=out)
    report = out.getvalue()
    summary = re.search(
        r"([\d,]+) requests in 3 s .*, (\d+) errors; latency p50 \d+ ms, p95 \d+ ms, p99 \d+ ms", report
    )
    assert summary, report
    assert int(summary.group(1).replace(",", "")) > 4 and summary.group(2) == "0", report


def test_the_server_holds_no_more_database_connections_than_its_threads(settings, monkeypatch):
    # One worker with two threads under 12 clients: connections stay at 2, the rest wait in line.
    monkeypatch.setenv("GUNICORN_WORKERS", "1")
    monkeypatch.setenv("GUNICORN_THREADS", "2")
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "60")  # persistent connections: still one per thread
    RelationFactory()
    out = io.StringIO()
    call_command("load_test", clients=12, seconds=4, stdout=out)
    peak = int(re.search(r"Peak database connections from the server: (\d+)", out.getvalue()).group(1))
    assert 1 <= peak <= 2, out.getvalue()
