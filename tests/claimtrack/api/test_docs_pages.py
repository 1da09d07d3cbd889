"""Swagger UI and ReDoc are served by the app itself: no page loads code from a CDN."""

import re

import pytest


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_the_docs_pages_load_their_scripts_from_this_server(analyst_client, url):
    response = analyst_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any("drf_spectacular_sidecar" in source for source in sources)
    assert not [source for source in sources if source.startswith(("http:", "https:", "//"))]


def test_the_schema_is_openapi_3_and_names_every_endpoint(analyst_client):
    response = analyst_client.get("/api/schema/?format=json")
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/claims/", "/api/v1/ingest/", "/api/v1/matrix/", "/api/v1/disputes/{id}/sides/"} <= set(schema["paths"])
