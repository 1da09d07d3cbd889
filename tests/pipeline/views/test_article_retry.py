"""Retrying a failed article from its page: curators only; the pipeline runs it again from where it stopped."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_curator_can_retry_a_failed_article(curator_client, django_capture_on_commit_callbacks):
    article = ArticleFactory(status=Article.Status.FAILED, failure_reason="boom", body="Otto said it rains.")
    retry = reverse("pipeline:article_retry", args=[article.pk])
    assert retry in curator_client.get(article.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(retry, follow=True)
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status != Article.Status.FAILED


def test_retrying_an_article_that_did_not_fail_says_why(curator_client):
    article = ArticleFactory(status=Article.Status.EXTRACTED)
    response = curator_client.post(reverse("pipeline:article_retry", args=[article.pk]), follow=True)
    assert response.status_code == 200
    assert "Only a failed article can be retried" in response.content.decode()
