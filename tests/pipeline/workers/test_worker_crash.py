"""A worker killed in the middle of a batch: after a restart every article is there exactly once."""

from __future__ import annotations

import time

import pytest
from django.db.models import Count

from articles.ingest.types import RawArticle
from articles.models import Article
from pipeline.models import IngestItem, IngestJob
from pipeline.services import ingest_job_create, ingest_job_enqueue
from tests.newsserver import seed_texts

from .conftest import wait_for_job, worker_db

pytestmark = [pytest.mark.worker, worker_db]


def _batch(size: int) -> list[RawArticle]:
    texts = seed_texts()
    return [
        RawArticle(
            text=f"{texts[n % len(texts)]}\n\nUpdate {n}: the story was revised.", name=f"{n}.txt", source_kind="text"
        )
        for n in range(size)
    ]


def _assert_no_half_written_article(job: IngestJob) -> None:
    """Every stored article came with its claims, in the transaction that stored it."""
    created = job.items.filter(outcome=IngestItem.Outcome.CREATED).annotate(stored=Count("article__claims"))
    assert created.count() == Article.objects.count()
    for item in created:
        assert item.stored == item.claims_found > 0, item.name


def test_killing_the_worker_mid_batch_loses_nothing_and_duplicates_nothing(start_worker):
    job = ingest_job_create(sources=_batch(10))
    # A dead worker's message comes back after the visibility timeout (in production: an hour).
    first = start_worker("doomed", CELERY_VISIBILITY_TIMEOUT="2")
    ingest_job_enqueue(job=job)
    wait_for_job(job, until=lambda j: j.items.filter(outcome=IngestItem.Outcome.CREATED).count() >= 2)

    first.kill()  # SIGKILL to the worker and its pool process: no chance to clean up
    _assert_no_half_written_article(job)
    assert job.items.filter(outcome=IngestItem.Outcome.PENDING).exists(), "the batch finished before the kill"
    time.sleep(2.5)  # the killed worker's unacknowledged message becomes visible again
    start_worker("restarted", CELERY_VISIBILITY_TIMEOUT="2")
    job = wait_for_job(job)

    assert job.state == IngestJob.State.DONE
    assert set(job.items.values_list("outcome", flat=True)) == {IngestItem.Outcome.CREATED}
    assert Article.objects.count() == 10
    assert Article.objects.values("content_hash").distinct().count() == 10
    _assert_no_half_written_article(job)
