"""manage.py bench_api prints a time and a query count for every endpoint and leaves no user behind."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command


def test_it_prints_median_time_and_queries_per_endpoint(many_claims):
    out = StringIO()
    summary = call_command("bench_api", repeat=1, stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("30 claims,")
    # warm ms, cold ms, cpu ms, queries warm/cold
    rows = [line for line in lines[2:] if re.search(r"\s\d+\.\d\s+\d+\.\d\s+\d+\.\d\s+\d+/\d+$", line)]
    assert len(rows) == len(lines) - 3 >= 20  # two header lines, the summary line
    assert {"claims", "speakers", "relations", "disputes", "matrix, affiliations"} <= {row[:46].strip() for row in rows}
    assert "list endpoint" in summary
    assert not get_user_model().objects.filter(username="bench-api").exists()


def test_it_refuses_an_empty_database(db):
    with pytest.raises(CommandError, match="No claims"):
        call_command("bench_api", repeat=1, stdout=StringIO())
