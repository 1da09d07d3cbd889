"""ingest_item_retry and article_retry: a failed item or article runs again from where it stopped."""

from __future__ import annotations

import pytest

from articles.ingest.types import SourceFailure
from articles.models import Article
from common.exceptions import ApplicationError
from pipeline.models import IngestItem, IngestJob
from pipeline.services import (
    article_failed,
    article_retry,
    ingest_item_retry,
    ingest_job_create,
    ingest_job_create_for_urls,
    ingest_job_run,
)
from tests.factories import ArticleFactory
from tests.newsserver import seed_texts

pytestmark = pytest.mark.django_db


def test_a_failed_page_is_ingested_when_retried_after_it_appears(
    news_site, allow_loopback, django_capture_on_commit_callbacks
):
    url = news_site.url("/retry/later")
    job = ingest_job_run(job=ingest_job_create_for_urls(urls=[url]))
    item = job.items.get()
    assert (item.outcome, item.reason, job.state) == ("failed", "HTTP 404 Not Found", IngestJob.State.FAILED)
    news_site.add_article("/retry/later", seed_texts()[0], title="Now there")

    with django_capture_on_commit_callbacks(execute=True):
        ingest_item_retry(item=item)

    item.refresh_from_db()
    job.refresh_from_db()
    assert item.outcome == IngestItem.Outcome.CREATED and item.article.url == url
    assert job.state == IngestJob.State.DONE


def test_only_failed_items_that_kept_their_input_can_be_retried(news_site, allow_loopback):
    job = ingest_job_create(sources=[SourceFailure("gone.txt", "the file is empty")])
    with pytest.raises(ApplicationError, match="submit the file again"):
        ingest_item_retry(item=job.items.get())
    pending = ingest_job_create_for_urls(urls=[news_site.url("/retry/x")]).items.get()
    with pytest.raises(ApplicationError, match="Only a failed item"):
        ingest_item_retry(item=pending)


def test_a_failed_article_is_queued_again_and_its_failure_cleared(django_capture_on_commit_callbacks):
    article = ArticleFactory(status=Article.Status.EXTRACTED, extractor_version="")
    article_failed(article_id=article.pk, reason="OperationalError: server closed the connection")
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED and "server closed" in article.failure_reason

    with django_capture_on_commit_callbacks(execute=True):
        article_retry(article=article)

    article.refresh_from_db()
    assert article.failure_reason == ""
    assert article.status in (Article.Status.EXTRACTED, Article.Status.LINKED)
    assert article.extractor_version  # extraction ran again


def test_an_article_that_did_not_fail_cannot_be_retried():
    with pytest.raises(ApplicationError, match="Only a failed article"):
        article_retry(article=ArticleFactory(status=Article.Status.EXTRACTED))
