"""The claim page lists claims close in meaning that no relation joins to it yet; a curator can
record what they are, and that decision is a curator relation like any other."""

from __future__ import annotations

import pytest
from django.test import Client

from claims.models import Origin, Relation
from claims.services.extraction import claims_extract_for_article
from claims.services.linking import claims_link_for_article
from tests.claim_texts import TALKS, TALKS_AGAIN, said
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

RATES = "The central bank raised its main interest rate by half a point on Tuesday"


@pytest.fixture
def talks_and_more():
    return (
        said(TALKS, who="Union leader Dana Roth"),
        said(TALKS_AGAIN, who="Port director Sam Hale"),
        said(RATES, who="Ana Ruiz"),
    )


def close_section(page: str) -> str:
    return page[page.index('id="close-h"') : page.index("</section>", page.index('id="close-h"'))]


def test_a_claim_in_other_words_is_listed_as_close_and_an_unrelated_one_is_not(analyst_client, talks_and_more):
    statement, again, rates = talks_and_more

    section = close_section(analyst_client.get(statement.get_absolute_url()).content.decode())

    assert "Port director Sam Hale" in section
    assert "Ana Ruiz" not in section
    assert "Agrees" not in section  # an analyst reads; only curators record


def test_a_claim_already_related_is_not_listed_again(analyst_client, talks_and_more):
    statement, again, _ = talks_and_more
    Relation.objects.create(claim_a=statement, claim_b=again, type=Relation.Type.AGREE, score=0.9, explanation="x")

    section = close_section(analyst_client.get(statement.get_absolute_url()).content.decode())

    assert "Port director Sam Hale" not in section


def test_a_curator_records_an_agreement_that_survives_relinking(curator_client, curator, talks_and_more):
    statement, again, _ = talks_and_more
    assert "Agrees" in close_section(curator_client.get(statement.get_absolute_url()).content.decode())

    response = curator_client.post(f"/claims/{statement.pk}/relate/", {"other": again.pk, "type": "agree"})

    assert response.status_code == 302 and response["Location"].endswith("#close-h")
    relation = Relation.objects.get()
    assert (relation.type, relation.origin, relation.reviewed_by) == (Relation.Type.AGREE, Origin.CURATOR, curator)
    claims_link_for_article(article=statement.article)
    claims_link_for_article(article=again.article)
    relation.refresh_from_db()
    assert (relation.type, relation.origin) == (Relation.Type.AGREE, Origin.CURATOR)
    page = curator_client.get(statement.get_absolute_url()).content.decode()
    assert "Port director Sam Hale" not in close_section(page)
    assert "Recorded: claim" in page


def test_a_bad_choice_is_explained_and_records_nothing(curator_client, talks_and_more):
    statement, again, _ = talks_and_more

    bad_type = curator_client.post(f"/claims/{statement.pk}/relate/", {"other": again.pk, "type": "maybe"}, follow=True)
    itself = curator_client.post(
        f"/claims/{statement.pk}/relate/", {"other": statement.pk, "type": "agree"}, follow=True
    )
    missing = curator_client.post(f"/claims/{statement.pk}/relate/", {"other": 999999, "type": "agree"}, follow=True)

    assert "Choose a claim and one of agree, conflict or the same claim." in bad_type.content.decode()
    assert "cannot be related to itself" in itself.content.decode()
    assert "There is no claim 999999." in missing.content.decode()
    assert not Relation.objects.exists()


def test_an_analyst_cannot_record(analyst_client, talks_and_more):
    statement, again, _ = talks_and_more

    assert (
        analyst_client.post(f"/claims/{statement.pk}/relate/", {"other": again.pk, "type": "agree"}).status_code == 403
    )
    assert not Relation.objects.exists()


def test_a_get_records_nothing(curator_client, talks_and_more):
    statement, _, _ = talks_and_more

    assert curator_client.get(f"/claims/{statement.pk}/relate/").status_code == 405
    assert not Relation.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(curator, talks_and_more):
    statement, again, _ = talks_and_more
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(curator)

    assert strict.post(f"/claims/{statement.pk}/relate/", {"other": again.pk, "type": "agree"}).status_code == 403
    assert not Relation.objects.exists()


def test_the_api_lists_the_same_close_claims_with_their_similarity(analyst_api, talks_and_more):
    statement, again, rates = talks_and_more

    rows = analyst_api.get(f"/api/v1/claims/{statement.pk}/close/").json()

    assert [row["claim"]["id"] for row in rows] == [again.pk]
    assert 0.5 <= rows[0]["similarity"] < 1
    assert analyst_api.get(f"/api/v1/claims/{statement.pk}/close/?limit=0").status_code == 400
    assert analyst_api.get(f"/api/v1/claims/{statement.pk}/close/?near=1").status_code == 400
    assert analyst_api.get("/api/v1/claims/999999/close/").status_code == 404


def test_a_claim_that_only_names_a_topic_is_not_offered_as_close_nor_offered_any(analyst_client):
    [statement] = claims_extract_for_article(
        article=ArticleFactory(body="Senator Ann Bell said the harbour authority had mishandled the flood relief money.")
    )
    [topic] = claims_extract_for_article(
        article=ArticleFactory(body="Mayor Tom Reed criticized the harbour authority's handling of the flood relief money.")
    )

    statement_page = close_section(analyst_client.get(statement.get_absolute_url()).content.decode())
    topic_page = close_section(analyst_client.get(topic.get_absolute_url()).content.decode())

    assert "Tom Reed" not in statement_page
    assert "Ann Bell" not in topic_page
