"""The watch pages: the Watch button, the inbox and its unread count in the navigation, own rows only."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import ArticleFactory, ClaimFactory, SpeakerFactory, UserFactory
from watches.models import Alert, Watch
from watches.services import alerts_for_new_claims, watch_create

pytestmark = pytest.mark.django_db


def _alert_for(user, content: str = "Talks will resume next week.") -> Alert:  # type: ignore[no-untyped-def]
    speaker = SpeakerFactory()
    watch_create(user=user, kind=Watch.Kind.SPEAKER, speaker=speaker)
    article = ArticleFactory(body=content)
    claim = ClaimFactory(article=article, speaker=speaker, content_end=len(content))
    return Alert.objects.get(pk=alerts_for_new_claims(claim_ids=[claim.pk])[0])


def test_the_watch_button_on_a_search_saves_the_query_and_facets(analyst_client, analyst):
    response = analyst_client.post(
        "/watches/new/", {"kind": "search", "q": "ceasefire", "cue_class": "deny", "type": "", "next": "/claims/?q=x"}
    )

    assert response.status_code == 302 and response["Location"] == "/claims/?q=x"
    watch = Watch.objects.get(user=analyst)
    assert (watch.kind, watch.query, watch.cue_class, watch.claim_type) == ("search", "ceasefire", "deny", "")


def test_the_watch_button_refuses_an_outside_next_url(analyst_client):
    speaker = SpeakerFactory()

    response = analyst_client.post(
        "/watches/new/", {"kind": "speaker", "speaker": speaker.pk, "next": "https://evil.example/"}
    )

    assert response["Location"] == "/watches/"


def test_an_htmx_watch_gets_the_watching_state_back(analyst_client):
    speaker = SpeakerFactory()

    response = analyst_client.post("/watches/new/", {"kind": "speaker", "speaker": speaker.pk}, HTTP_HX_REQUEST="true")

    assert b"Watching" in response.content


def test_the_pages_with_a_watch_button_show_it(analyst_client):
    claim = ClaimFactory()
    for url in ("/claims/", f"/speakers/{claim.speaker_id}/", f"/claims/{claim.pk}/"):
        assert b'action="/watches/new/"' in analyst_client.get(url).content, url


def test_the_navigation_counts_unread_alerts_and_the_inbox_escapes_claim_text(analyst_client, analyst):
    _alert_for(analyst, "<script>alert(1)</script> talks will resume.")

    page = analyst_client.get("/claims/").content.decode()
    inbox = analyst_client.get("/watches/alerts/").content.decode()

    assert 'aria-label="1 unread"' in page
    assert "<script>alert(1)</script>" not in inbox and "&lt;script&gt;alert(1)&lt;/script&gt;" in inbox


def test_marking_read_clears_the_count(analyst_client, analyst):
    alert = _alert_for(analyst)

    analyst_client.post(f"/watches/alerts/{alert.pk}/read/")

    assert "unread" not in analyst_client.get("/watches/alerts/?unread=1").content.decode().split("<main")[0]
    assert Alert.objects.get().read_at is not None


def test_another_users_alert_cannot_be_marked_read(analyst_client):
    alert = _alert_for(UserFactory())

    assert analyst_client.post(f"/watches/alerts/{alert.pk}/read/").status_code == 404
    assert analyst_client.post(f"/watches/{alert.watch_id}/delete/").status_code == 404


def test_writes_need_csrf(analyst):
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)

    assert client.post("/watches/alerts/read-all/").status_code == 403


def test_pages_need_a_signed_in_user(client):
    assert client.get("/watches/alerts/").status_code == 302
