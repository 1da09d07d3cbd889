"""The item stages: running one twice changes nothing; an item that keeps dying is given up on."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.ingest.types import RawArticle
from articles.models import Article
from pipeline.models import IngestItem
from pipeline.services import (
    ingest_item_extract,
    ingest_item_fetch,
    ingest_job_create,
    ingest_job_create_for_urls,
    ingest_jobs_resume,
)
from tests.newsserver import seed_texts

pytestmark = pytest.mark.django_db


def _text_item() -> IngestItem:
    raw = RawArticle(text=seed_texts()[0], name="a.txt", source_kind="text", source_file="a.txt")
    return ingest_job_create(sources=[raw]).items.get()


def test_running_the_extract_stage_twice_changes_nothing():
    item = _text_item()

    first = ingest_item_extract(item=item)
    claims = list(Article.objects.get().claims.values_list("id", "content"))
    again = ingest_item_extract(item=IngestItem.objects.get(pk=item.pk))

    assert first.outcome == again.outcome == IngestItem.Outcome.CREATED
    assert Article.objects.count() == 1
    assert list(Article.objects.get().claims.values_list("id", "content")) == claims
    assert again.attempts == first.attempts == 1


def test_a_stage_the_item_has_passed_is_not_run(news_site, allow_loopback):
    item = ingest_job_create_for_urls(urls=[news_site.add_article("/stages/p", seed_texts()[1], title="P")]).items.get()

    ingest_item_fetch(item=item)
    requests = len(news_site.requests)
    ingest_item_fetch(item=IngestItem.objects.get(pk=item.pk))

    assert IngestItem.objects.get(pk=item.pk).stage == IngestItem.Stage.PARSE
    assert len(news_site.requests) == requests  # not fetched a second time


def test_an_item_whose_worker_keeps_dying_is_failed_with_the_reason(settings):
    item = _text_item()
    IngestItem.objects.filter(pk=item.pk).update(attempts=settings.CLAIMTRACK_STAGE_MAX_ATTEMPTS)

    item = ingest_item_extract(item=item)

    assert item.outcome == IngestItem.Outcome.FAILED
    assert item.reason.startswith(
        f"gave up after {settings.CLAIMTRACK_STAGE_MAX_ATTEMPTS} attempts at the extract stage"
    )
    assert not Article.objects.exists()


def test_stalled_items_are_queued_again(django_capture_on_commit_callbacks):
    item = _text_item()
    IngestItem.objects.filter(pk=item.pk).update(updated_at=timezone.now() - timedelta(hours=2))

    with django_capture_on_commit_callbacks(execute=True):
        queued = ingest_jobs_resume(stalled_for=timedelta(hours=1))

    assert queued == 1
    assert IngestItem.objects.get(pk=item.pk).outcome == IngestItem.Outcome.CREATED
    assert ingest_jobs_resume(stalled_for=timedelta(hours=1)) == 0
