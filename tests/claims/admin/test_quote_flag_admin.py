"""Quote flags in the admin: curators list and dismiss them; analysts only read."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import Claim, QuoteFlag
from claims.services.quote_drift import quote_flags_for_article
from tests.factories import ArticleFactory, SpeakerFactory, claim_at

pytestmark = pytest.mark.django_db

QUOTE = "Nobody on this council will vote for a budget that closes the night shelter"


@pytest.fixture
def flag() -> QuoteFlag:
    for name in ("Rosa Lindqvist", "Omar Haddad"):
        article = ArticleFactory(body=f'"{QUOTE}," {name} said.')
        claim_at(article, QUOTE, claim_type=Claim.Type.DIRECT, speaker=SpeakerFactory(name=name))
        quote_flags_for_article(article=article)
    return QuoteFlag.objects.get()


def test_a_curator_finds_the_flag_and_dismisses_it(curator_admin, flag):
    url = reverse("admin:claims_quoteflag_changelist")
    listing = curator_admin.get(url + "?status=open")
    assert listing.status_code == 200 and "Rosa Lindqvist" in listing.content.decode()

    curator_admin.post(url, {"action": "dismiss_selected", "_selected_action": [flag.pk]})

    flag.refresh_from_db()
    assert (flag.status, flag.dismissed_by) == (QuoteFlag.Status.DISMISSED, curator_admin.user)


def test_an_analyst_reads_the_flag_but_cannot_dismiss_it(analyst_admin, flag):
    url = reverse("admin:claims_quoteflag_changelist")
    assert analyst_admin.get(reverse("admin:claims_quoteflag_change", args=[flag.pk])).status_code == 200

    analyst_admin.post(url, {"action": "dismiss_selected", "_selected_action": [flag.pk]})

    flag.refresh_from_db()
    assert flag.status == QuoteFlag.Status.OPEN
