"""Who gets in: anonymous requests are 401, analysts read, only curators write, CSRF guards sessions."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import UserFactory

READ_URLS = ["/api/v1/claims/", "/api/v1/speakers/", "/api/v1/articles/", "/api/v1/outlets/", "/api/v1/relations/",
             "/api/v1/disputes/", "/api/v1/matrix/"]  # fmt: skip


@pytest.mark.parametrize("url", READ_URLS)
def test_anonymous_reads_are_401_with_a_token_challenge(anon_api, db, url):
    response = anon_api.get(url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["message"] == "Authentication credentials were not provided."


@pytest.mark.parametrize("url", ["/api/schema/", "/api/docs/", "/api/redoc/"])
def test_the_schema_and_its_pages_need_a_signed_in_user(anon_api, db, url):
    assert anon_api.get(url).status_code == 401


def test_anonymous_writes_are_401(anon_api, world):
    response = anon_api.post(f"/api/v1/claims/{world.claims['struck'].pk}/review/", {"status": "verified"}, format="json")
    assert response.status_code == 401


def test_a_wrong_token_is_401(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = client.get("/api/v1/claims/")
    assert response.status_code == 401
    assert response.json()["message"] == "Invalid token."


def test_an_analyst_reads_but_cannot_curate(analyst_api, world):
    assert analyst_api.get("/api/v1/claims/").status_code == 200
    response = analyst_api.post(f"/api/v1/claims/{world.claims['struck'].pk}/review/", {"status": "verified"}, format="json")
    assert response.status_code == 403
    assert "claims.change_claim" in response.json()["message"]
    world.claims["struck"].refresh_from_db()
    assert world.claims["struck"].review_status == "machine"


def test_an_analyst_cannot_ingest(analyst_api, db):
    response = analyst_api.post("/api/v1/ingest/", {"text": "Officials said the talks failed."}, format="json")
    assert response.status_code == 403


def test_the_token_endpoint_gives_the_users_token_for_username_and_password(db):
    user = UserFactory(username="reader")
    response = APIClient().post("/api/v1/auth/token/", {"username": "reader", "password": "pw-for-tests-1"}, format="json")
    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=user).key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert client.get("/api/v1/claims/").status_code == 200


def test_the_token_endpoint_refuses_a_wrong_password(db):
    UserFactory(username="reader")
    response = APIClient().post("/api/v1/auth/token/", {"username": "reader", "password": "guess"}, format="json")
    assert response.status_code == 400
    assert Token.objects.count() == 0


def test_the_token_endpoint_refuses_a_user_name_longer_than_any_user_can_have(db):
    response = APIClient().post("/api/v1/auth/token/", {"username": "x" * 300, "password": "guess"}, format="json")
    assert response.status_code == 400
    assert "username" in response.json()["extra"]["fields"]


def test_session_writes_need_the_csrf_token(curator, world):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(curator)
    url = f"/api/v1/claims/{world.claims['struck'].pk}/review/"
    assert client.get("/api/v1/claims/").status_code == 200  # session reads work
    response = client.post(url, {"status": "verified"}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["message"]


def test_drf_create_token_prints_a_token_that_works(db):
    from io import StringIO

    from django.core.management import call_command

    UserFactory(username="script")
    out = StringIO()
    call_command("drf_create_token", "script", stdout=out)
    key = Token.objects.get(user__username="script").key
    assert key in out.getvalue()
