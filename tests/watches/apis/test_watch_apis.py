"""/api/v1/watches/, alerts/, webhooks/, webhook-deliveries/: a user's own rows only."""

from __future__ import annotations

import pytest

from tests.conftest import token_client
from tests.factories import ArticleFactory, ClaimFactory, SpeakerFactory, UserFactory
from watches.models import Alert, Watch
from watches.services import alerts_for_new_claims, watch_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def api(owner):
    return token_client(owner)


def _alert_for(user) -> Alert:  # type: ignore[no-untyped-def]
    speaker = SpeakerFactory()
    watch_create(user=user, kind=Watch.Kind.SPEAKER, speaker=speaker)
    article = ArticleFactory(body="Talks will resume next week.")
    [alert_id] = alerts_for_new_claims(claim_ids=[ClaimFactory(article=article, speaker=speaker).pk])
    return Alert.objects.get(pk=alert_id)


def test_an_analyst_creates_lists_renames_and_deletes_a_watch(api):
    speaker = SpeakerFactory()

    created = api.post("/api/v1/watches/", {"kind": "speaker", "speaker": speaker.pk}, format="json")
    assert created.status_code == 201, created.data
    watch_id = created.data["id"]
    assert [w["id"] for w in api.get("/api/v1/watches/").data["results"]] == [watch_id]
    assert api.patch(f"/api/v1/watches/{watch_id}/", {"label": "My envoy"}, format="json").data["label"] == "My envoy"
    assert api.delete(f"/api/v1/watches/{watch_id}/").status_code == 204
    assert not Watch.objects.exists()


def test_a_saved_search_is_created_with_its_facets(api):
    response = api.post(
        "/api/v1/watches/", {"kind": "search", "query": "ceasefire -rumour", "cue_class": "deny"}, format="json"
    )

    assert response.status_code == 201
    assert (response.data["query"], response.data["cue_class"]) == ("ceasefire -rumour", "deny")


def test_a_watch_without_its_target_is_a_400(api):
    response = api.post("/api/v1/watches/", {"kind": "dispute"}, format="json")

    assert response.status_code == 400


def test_another_users_watch_and_alert_are_not_found(api):
    alert = _alert_for(UserFactory())

    assert api.get(f"/api/v1/watches/{alert.watch_id}/").status_code == 404
    assert api.delete(f"/api/v1/watches/{alert.watch_id}/").status_code == 404
    assert api.post(f"/api/v1/alerts/{alert.pk}/read/").status_code == 404
    assert api.get("/api/v1/alerts/").data["results"] == []
    alert.refresh_from_db()
    assert alert.read_at is None


def test_alerts_are_listed_and_marked_read_one_or_all(api, owner):
    first, second = _alert_for(owner), _alert_for(owner)

    assert {a["id"] for a in api.get("/api/v1/alerts/?unread=1").data["results"]} == {first.pk, second.pk}
    assert api.post(f"/api/v1/alerts/{first.pk}/read/").data["read_at"] is not None
    assert [a["id"] for a in api.get("/api/v1/alerts/?unread=1").data["results"]] == [second.pk]
    assert api.post("/api/v1/alerts/read-all/").data == {"marked": 1}
    assert api.get("/api/v1/alerts/?unread=1").data["results"] == []


def test_webhooks_refuse_private_addresses_and_show_the_secret_to_the_owner(api, settings):
    settings.CLAIMTRACK_ALLOW_PRIVATE_URLS = False
    refused = api.post("/api/v1/webhooks/", {"url": "http://127.0.0.1:8000/hook"}, format="json")
    assert refused.status_code == 400

    settings.CLAIMTRACK_ALLOW_PRIVATE_URLS = True
    created = api.post("/api/v1/webhooks/", {"url": "http://127.0.0.1:8000/hook"}, format="json")
    assert created.status_code == 201 and len(created.data["secret"]) == 64
    assert api.get("/api/v1/webhook-deliveries/").data["results"] == []


def test_anonymous_requests_are_refused(anon_api):
    assert anon_api.get("/api/v1/watches/").status_code == 401
    assert anon_api.post("/api/v1/alerts/read-all/").status_code == 401
