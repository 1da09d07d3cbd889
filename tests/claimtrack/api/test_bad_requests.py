"""Bad requests get a 400 (or 413) naming what is wrong, never a 404 or a 500."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.factories import ArticleFactory, ClaimFactory

API = "/api/v1"


@pytest.fixture
def api(analyst) -> APIClient:
    client = APIClient()
    client.force_authenticate(analyst)
    return client


@pytest.fixture
def curator_api(curator) -> APIClient:
    client = APIClient()
    client.force_authenticate(curator)
    return client


def _message(response) -> str:
    return str(response.json())


@pytest.mark.django_db
@pytest.mark.parametrize("size", ["0", "-1", "501", "x", ""])
def test_a_page_size_out_of_range_is_a_400(api, size):
    response = api.get(f"{API}/claims/", {"page_size": size})
    assert response.status_code == 400
    assert "page_size" in _message(response)


@pytest.mark.django_db
def test_the_schema_says_page_size_runs_from_1_to_500(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    params = {p["name"]: p for p in schema["paths"]["/api/v1/claims/"]["get"]["parameters"]}
    assert params["page_size"]["schema"]["minimum"] == 1
    assert params["page_size"]["schema"]["maximum"] == 500


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [f"{API}/claims/?format=", f"{API}/claims/?format=xml", f"{API}/matrix/?by=", f"{API}/claims/?cursor=not-a-cursor"],
)
def test_an_empty_or_unknown_format_by_or_cursor_is_a_400(api, url):
    response = api.get(url)
    assert response.status_code == 400, (response.status_code, response.content[:200])
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.django_db
def test_an_unknown_query_parameter_is_a_400_naming_it(api):
    response = api.get(f"{API}/claims/", {"speeker": "24"})
    assert response.status_code == 400
    assert "speeker" in _message(response)


@pytest.mark.django_db
def test_known_parameters_still_work(api):
    claim = ClaimFactory()
    response = api.get(
        f"{API}/claims/", {"speaker": claim.speaker_id, "page_size": 5, "format": "json", "ordering": "-id"}
    )
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [claim.pk]


@pytest.mark.django_db
def test_the_schema_documents_the_unknown_parameter_answer(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    description = schema["paths"]["/api/v1/claims/"]["get"]["description"]
    assert "unknown query parameter" in description.lower()


@pytest.mark.django_db
def test_an_articles_claims_link_keeps_the_format_right(api):
    article = ArticleFactory()
    row = api.get(f"{API}/articles/", {"format": "json"}).json()["results"][0]
    assert row["id"] == article.pk
    assert row["claims"].endswith(f"/api/v1/claims/?article={article.pk}&format=json") or row["claims"].endswith(
        f"/api/v1/claims/?article={article.pk}"
    )
    assert row["claims"].count("?") == 1


@pytest.mark.django_db
def test_a_json_body_nested_100000_deep_is_a_400(curator_api):
    body = "[" * 100_000 + "]" * 100_000
    response = curator_api.post(f"{API}/ingest/", body, content_type="application/json")
    assert response.status_code == 400
    assert "nest" in _message(response).lower()


@pytest.mark.django_db
def test_a_json_body_over_the_size_limit_is_a_413(curator_api, settings):
    settings.CLAIMTRACK_MAX_JSON_BYTES = 1000
    body = '{"texts": ["' + "a" * 2000 + '"]}'
    response = curator_api.post(f"{API}/ingest/", body, content_type="application/json")
    assert response.status_code == 413
