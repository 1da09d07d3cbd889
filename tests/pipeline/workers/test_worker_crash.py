"""A worker killed in the middle of a batch: after a restart every article is there exactly once."""

from __future__ import annotations

import time

import pytest

from articles.models import Article
from pipeline.models import IngestItem, IngestJob
from pipeline.services import ingest_job_create, ingest_job_enqueue

from .conftest import assert_no_half_written_article, distinct_seed_articles, wait_for_job, worker_db

pytestmark = [pytest.mark.worker, worker_db]


def test_killing_the_worker_mid_batch_loses_nothing_and_duplicates_nothing(start_worker):
    job = ingest_job_create(sources=distinct_seed_articles(10, "Update: the story was revised, version"))
    # A dead worker's message comes back after the visibility timeout (in production: an hour).
    first = start_worker("doomed", CELERY_VISIBILITY_TIMEOUT="2")
    ingest_job_enqueue(job=job)
    wait_for_job(job, until=lambda j: j.items.filter(outcome=IngestItem.Outcome.CREATED).count() >= 2)

    first.kill()  # SIGKILL to the worker and its pool process: no chance to clean up
    assert_no_half_written_article(job)
    assert job.items.filter(outcome=IngestItem.Outcome.PENDING).exists(), "the batch finished before the kill"
    time.sleep(2.5)  # the killed worker's unacknowledged message becomes visible again
    start_worker("restarted", CELERY_VISIBILITY_TIMEOUT="2")
    job = wait_for_job(job)

    assert job.state == IngestJob.State.DONE
    assert set(job.items.values_list("outcome", flat=True)) == {IngestItem.Outcome.CREATED}
    assert Article.objects.count() == 10
    assert Article.objects.values("content_hash").distinct().count() == 10
    assert_no_half_written_article(job)
