"""Every page asks for sign-in; pages that change data ask for the matching permission."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, ClaimFactory, PropositionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls():
    claim = ClaimFactory()
    dispute = PropositionFactory()
    return [
        reverse("home"),
        reverse("claims:list"),
        reverse("claims:export_csv"),
        reverse("claims:export_json"),
        reverse("claims:detail", args=[claim.pk]),
        reverse("claims:speaker_detail", args=[claim.speaker_id]),
        reverse("claims:dispute_detail", args=[dispute.pk]),
        reverse("claims:matrix"),
        reverse("claims:matrix_cell") + "?a=1&b=2",
        reverse("claims:article_detail", args=[claim.article_id]),
        reverse("pipeline:ingest"),
    ]


def test_every_page_sends_anonymous_visitors_to_sign_in(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


def test_the_sign_in_page_has_labelled_fields(client):
    html = client.get(reverse("login")).content.decode()
    assert '<label for="id_username">' in html and '<label for="id_password">' in html


def test_signing_in_leads_home(client, analyst):
    response = client.post(reverse("login"), {"username": "analyst", "password": "pw-for-tests-1"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert b"Most contested disputes" in response.content


def test_an_analyst_may_not_ingest(analyst_client):
    assert analyst_client.get(reverse("pipeline:ingest")).status_code == 403
    assert analyst_client.post(reverse("pipeline:ingest"), {"text": "Someone said something."}).status_code == 403


def test_an_analyst_may_not_retry_an_article(analyst_client):
    article = ArticleFactory(status="failed", failure_reason="spaCy timed out")
    assert analyst_client.post(reverse("pipeline:article_retry", args=[article.pk])).status_code == 403


def test_the_ingest_link_shows_only_to_those_who_may_ingest(analyst_client, curator, client):
    assert reverse("pipeline:ingest").encode() not in analyst_client.get(reverse("home")).content
    client.force_login(curator)
    assert reverse("pipeline:ingest").encode() in client.get(reverse("home")).content


def test_writes_need_the_csrf_token(curator):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(curator)
    assert strict.post(reverse("pipeline:ingest"), {"text": "A said B."}).status_code == 403
