"""A curator dismisses a quote flag from the claim page; analysts and forged requests cannot."""

from __future__ import annotations

import pytest
from django.test import Client

from claims.models import Claim, QuoteFlag
from claims.services.quote_drift import quote_flags_for_article
from tests.factories import ArticleFactory, SpeakerFactory, claim_at

pytestmark = pytest.mark.django_db

QUOTE = "We cannot ask families to drive over a bridge our own engineers no longer trust"


@pytest.fixture
def flagged() -> Claim:
    claims = []
    for name in ("Helen Okafor", "Tomasz Brandt"):
        article = ArticleFactory(body=f'"{QUOTE}," {name} said.')
        claims.append(claim_at(article, QUOTE, claim_type=Claim.Type.DIRECT, speaker=SpeakerFactory(name=name)))
        quote_flags_for_article(article=article)
    return claims[1]


def test_the_curator_sees_the_button_and_dismisses_the_flag(curator_client, curator, flagged):
    page = curator_client.get(flagged.get_absolute_url()).content.decode()
    assert "Dismiss: not an error" in page
    flag = QuoteFlag.objects.get()

    response = curator_client.post(f"/quote-flags/{flag.pk}/dismiss/", {"claim": flagged.pk})

    assert response.status_code == 302
    assert response["Location"] == f"{flagged.get_absolute_url()}#quote-flags-h"
    flag.refresh_from_db()
    assert (flag.status, flag.dismissed_by) == (QuoteFlag.Status.DISMISSED, curator)
    assert "(dismissed by" in curator_client.get(flagged.get_absolute_url()).content.decode()


def test_an_analyst_sees_no_button_and_cannot_dismiss(analyst_client, flagged):
    assert "Dismiss: not an error" not in analyst_client.get(flagged.get_absolute_url()).content.decode()
    flag = QuoteFlag.objects.get()

    assert analyst_client.post(f"/quote-flags/{flag.pk}/dismiss/").status_code == 403
    flag.refresh_from_db()
    assert flag.status == QuoteFlag.Status.OPEN


def test_a_post_without_the_csrf_token_is_refused(curator, flagged):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(curator)
    flag = QuoteFlag.objects.get()

    assert strict.post(f"/quote-flags/{flag.pk}/dismiss/").status_code == 403
    flag.refresh_from_db()
    assert flag.status == QuoteFlag.Status.OPEN
