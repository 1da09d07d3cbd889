"""Sign-in throttling: wrong passwords past the limit are answered 429 with a readable page."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from tests.factories import UserFactory

LOGIN_PAGES = ["/accounts/login/", "/admin/login/"]


def _fail(client: Client, url: str, username: str, address: str = "203.0.113.7"):
    return client.post(url, {"username": username, "password": "wrong-password"}, REMOTE_ADDR=address)


@pytest.mark.django_db
@pytest.mark.parametrize("url", LOGIN_PAGES)
@override_settings(AXES_FAILURE_LIMIT=3)
def test_it_locks_out_one_user_name_from_one_address(url):
    user = UserFactory(username="maria", is_staff=True)
    client = Client()
    assert [_fail(client, url, "maria").status_code for _ in range(2)] == [200, 200]
    locked = _fail(client, url, "maria")
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()
    # Even the right password is refused while locked out.
    right = client.post(url, {"username": user.username, "password": "pw-for-tests-1"}, REMOTE_ADDR="203.0.113.7")
    assert right.status_code == 429


@pytest.mark.django_db
@override_settings(AXES_FAILURE_LIMIT=3)
def test_it_locks_out_an_address_guessing_many_user_names():
    client = Client()
    for name in ("a", "b"):
        assert _fail(client, "/accounts/login/", name).status_code == 200
    assert _fail(client, "/accounts/login/", "c").status_code == 429
    # Another address still signs in.
    UserFactory(username="ana")
    ok = Client().post(
        "/accounts/login/", {"username": "ana", "password": "pw-for-tests-1"}, REMOTE_ADDR="198.51.100.2"
    )
    assert ok.status_code == 302


@pytest.mark.django_db
@override_settings(AXES_FAILURE_LIMIT=2, CLAIMTRACK_PROXY_COUNT=1)
def test_behind_a_proxy_it_counts_the_address_the_proxy_saw():
    client = Client()
    proxy = "10.0.0.1"
    for forwarded in ("1.1.1.1, 203.0.113.9", "2.2.2.2, 203.0.113.9"):  # a forged left part changes nothing
        response = client.post(
            "/accounts/login/", {"username": "x", "password": "no"}, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=forwarded
        )
    assert response.status_code == 429
    other = client.post(
        "/accounts/login/", {"username": "x", "password": "no"}, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.10"
    )
    assert other.status_code == 200


@pytest.mark.django_db
@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_api_token_endpoint_is_throttled_the_same_way():
    UserFactory(username="maria")
    client = Client()
    statuses = [
        client.post("/api/v1/auth/token/", {"username": "maria", "password": "wrong"}, REMOTE_ADDR="203.0.113.7").status_code
        for _ in range(3)
    ]
    assert statuses == [400, 400, 429]
    right = client.post("/api/v1/auth/token/", {"username": "maria", "password": "pw-for-tests-1"}, REMOTE_ADDR="203.0.113.7")
    assert right.status_code == 429
