"""The API's tracing fields: articles' ``copy_of``, disputes' ``independent_reports``, claims'
``quote_flags``, the quote-flag list (analysts read) and dismissing (curators, with CSRF)."""

from __future__ import annotations

import datetime

import pytest
from rest_framework.test import APIClient

from articles.syndication import article_find_original
from claims.models import Claim, PropositionMember, QuoteFlag
from claims.services.quote_drift import quote_flags_for_article
from tests.articles.texts import BRIDGE_STORY, BRIDGE_STORY_OTHER_REPORT, BRIDGE_STORY_SYNDICATED
from tests.factories import ArticleFactory, PropositionFactory, PropositionMemberFactory, SpeakerFactory, claim_at

pytestmark = pytest.mark.django_db

QUOTE = "We cannot ask families to drive over a bridge our own engineers no longer trust"
DAY = datetime.datetime(2026, 3, 10, tzinfo=datetime.UTC)


@pytest.fixture
def traced():
    """Three articles (one a copy of another), the mayor's quotation in all, credited to an
    engineer in the other report; all three claims support one dispute."""
    original = ArticleFactory(body=BRIDGE_STORY, published_at=DAY)
    copy = ArticleFactory(body=BRIDGE_STORY_SYNDICATED, published_at=DAY + datetime.timedelta(days=1))
    other = ArticleFactory(body=BRIDGE_STORY_OTHER_REPORT, published_at=DAY + datetime.timedelta(days=1))
    mayor, engineer = SpeakerFactory(name="Helen Okafor"), SpeakerFactory(name="Tomasz Brandt")
    claims = {
        "original": claim_at(original, QUOTE, claim_type=Claim.Type.DIRECT, speaker=mayor),
        "copy": claim_at(copy, QUOTE, claim_type=Claim.Type.DIRECT, speaker=mayor),
        "other": claim_at(other, QUOTE, claim_type=Claim.Type.DIRECT, speaker=engineer),
    }
    dispute = PropositionFactory(label="The bridge is unsafe")
    for claim in claims.values():
        PropositionMemberFactory(proposition=dispute, claim=claim, side=PropositionMember.Side.SUPPORTS)
    for article in (original, copy, other):
        article_find_original(article=article)
        quote_flags_for_article(article=article)
    return {"articles": (original, copy, other), "claims": claims, "dispute": dispute}


def test_articles_give_the_original_they_copy(analyst_api, traced):
    original, copy, other = traced["articles"]
    rows = {row["id"]: row for row in analyst_api.get("/api/v1/articles/").json()["results"]}
    assert (rows[copy.pk]["copy_of"], rows[original.pk]["copy_of"], rows[other.pk]["copy_of"]) == (
        original.pk,
        None,
        None,
    )


def test_disputes_count_independent_reports_beside_claims(analyst_api, traced):
    body = analyst_api.get(f"/api/v1/disputes/{traced['dispute'].pk}/").json()
    assert body["supports"] == 3
    assert body["independent_reports"] == {"all": 2, "supports": 2, "refutes": 0}


def test_a_claim_lists_its_quote_flags_with_the_word_diff(analyst_api, traced):
    claim = traced["claims"]["other"]
    flags = analyst_api.get(f"/api/v1/claims/{claim.pk}/").json()["quote_flags"]
    assert [flag["kind"] for flag in flags] == ["misattribution", "misattribution"]
    assert {flag["claim_a"]["id"] for flag in flags} | {flag["claim_b"]["id"] for flag in flags} == {
        c.pk for c in traced["claims"].values()
    }
    assert flags[0]["diff"] == [["equal", QUOTE.replace(",", ""), QUOTE.replace(",", "")]]


def test_analysts_list_flags_by_kind_but_cannot_dismiss(analyst_api, traced):
    listed = analyst_api.get("/api/v1/quote-flags/?kind=misattribution").json()["results"]
    assert len(listed) == 2
    assert analyst_api.get("/api/v1/quote-flags/?kind=drift").json()["results"] == []
    response = analyst_api.post(f"/api/v1/quote-flags/{listed[0]['id']}/dismiss/")
    assert response.status_code == 403
    assert QuoteFlag.objects.filter(status=QuoteFlag.Status.DISMISSED).count() == 0


def test_a_curator_dismisses_a_flag_once(curator_api, curator, traced):
    flag = QuoteFlag.objects.first()
    response = curator_api.post(f"/api/v1/quote-flags/{flag.pk}/dismiss/")
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["dismissed_by"]) == ("dismissed", curator.username)
    again = curator_api.post(f"/api/v1/quote-flags/{flag.pk}/dismiss/")
    assert again.status_code == 400
    assert "dismissed already" in again.json()["message"]


def test_dismissing_in_a_session_needs_the_csrf_token(curator, traced):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(curator)
    flag = QuoteFlag.objects.first()
    response = client.post(f"/api/v1/quote-flags/{flag.pk}/dismiss/")
    assert response.status_code == 403
    assert "CSRF" in response.json()["message"]
    flag.refresh_from_db()
    assert flag.status == QuoteFlag.Status.OPEN


def test_anonymous_callers_read_no_flags(anon_api, traced):
    assert anon_api.get("/api/v1/quote-flags/").status_code == 401
