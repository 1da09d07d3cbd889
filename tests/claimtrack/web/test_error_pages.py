"""400, 403, 404 and 500 answers are pages in the site layout, not Django's bare text."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.views import defaults


@pytest.mark.django_db
def test_a_missing_page_is_in_the_layout_with_links_home(analyst_client):
    response = analyst_client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html and 'class="brand"' in html and 'href="/claims/"' in html


@pytest.mark.parametrize(
    ("view", "heading"),
    [
        (defaults.server_error, "Something went wrong"),
        (lambda request: defaults.permission_denied(request, PermissionError()), "Not allowed"),
        (lambda request: defaults.bad_request(request, ValueError()), "Bad request"),
    ],
)
def test_the_other_error_pages_are_in_the_layout(view, heading):
    request = RequestFactory().get("/")
    html = view(request).content.decode()
    assert f"<h1>{heading}</h1>" in html and 'class="brand"' in html


@pytest.mark.django_db
def test_every_answer_carries_a_content_security_policy(analyst_client):
    policy = analyst_client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "img-src 'self' data:" in policy
