"""The admin's re-extraction actions queue a task; the task re-extracts with the real model."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article
from claims.models import Claim
from claims.nlp.types import EXTRACTOR_VERSION
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

BODY = (
    "The minister said the bridge would reopen in May. "
    "Local traders said the closure had cost them half their customers."
)


def test_rerunning_extraction_from_the_claim_list_refreshes_machine_claims_and_keeps_verified_ones(
    curator_admin, nlp, django_capture_on_commit_callbacks
):
    article = ArticleFactory(body=BODY, extractor_version="2020.1")
    verified = ClaimFactory(article=article, content_start=18, content_end=49, review_status="verified")
    stale = ClaimFactory(article=article, content_start=50, content_end=62)  # no longer what the extractor finds

    with django_capture_on_commit_callbacks(execute=True) as queued:
        response = curator_admin.post(
            reverse("admin:claims_claim_changelist"),
            {"action": "reextract_articles", "_selected_action": [verified.pk, stale.pk]},
            follow=True,
        )

    assert len(queued) >= 1 and "Queued re-extraction of 1 article(s)" in response.content.decode()
    article.refresh_from_db()
    assert article.extractor_version == EXTRACTOR_VERSION
    assert Claim.objects.get(pk=verified.pk).review_status == Claim.ReviewStatus.VERIFIED
    assert not Claim.objects.filter(pk=stale.pk).exists()
    assert article.claims.filter(content__contains="half their customers", review_status="machine").exists()
    assert article.claims.filter(content__contains="bridge").count() == 1  # not duplicated over the verified one


def test_rerunning_extraction_from_the_article_list_queues_each_article_once(
    curator_admin, nlp, django_capture_on_commit_callbacks
):
    articles = [
        ArticleFactory(body=BODY, title="one", extractor_version=""),
        ArticleFactory(body=BODY, title="two", extractor_version=""),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        curator_admin.post(
            reverse("admin:articles_article_changelist"),
            {"action": "reextract_selected", "_selected_action": [a.pk for a in articles]},
        )

    assert set(Article.objects.values_list("extractor_version", flat=True)) == {EXTRACTOR_VERSION}
    assert all(a.claims.count() == 2 for a in Article.objects.all())


def test_an_analyst_cannot_rerun_extraction(analyst_admin, django_capture_on_commit_callbacks):
    article = ArticleFactory(extractor_version="2020.1")

    with django_capture_on_commit_callbacks(execute=True) as queued:
        analyst_admin.post(
            reverse("admin:articles_article_changelist"),
            {"action": "reextract_selected", "_selected_action": [article.pk]},
        )

    assert queued == []
    assert Article.objects.get(pk=article.pk).extractor_version == "2020.1"
