"""The matrix cell page checks its query string with a form: out-of-range ids are a 400 with the reason."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        {"a": "99999999999999999999", "b": "1"},
        {"a": "1", "b": "9223372036854775808"},
        {"a": "0", "b": "1"},
        {"a": "-3", "b": "1"},
        {"by": "planet", "a": "1", "b": "2"},
        {"by": "affiliation", "a": "x" * 301, "b": "y"},
    ],
)
def test_a_cell_outside_the_ids_range_is_a_400_with_the_reason(analyst_client, query):
    response = analyst_client.get(reverse("claims:matrix_cell"), query)
    assert response.status_code == 400
    assert "Choose a cell" in response.content.decode()


def test_the_largest_id_is_a_cell_with_no_links(analyst_client):
    response = analyst_client.get(reverse("claims:matrix_cell"), {"a": str(2**63 - 1), "b": "1"})
    assert response.status_code == 200
