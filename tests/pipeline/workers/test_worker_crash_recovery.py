"""With the default settings, work a killed worker held is finished by a restarted one within two minutes.

The killed worker's messages come back from Redis only after the visibility timeout (an hour by
default); the restarted worker's resume sweep (``pipeline.resumer``) finds the items and articles
that no process works on and that have not moved for CLAIMTRACK_STALLED_AFTER (30 s), and queues
them again. Nothing is stored twice.
"""

from __future__ import annotations

import time

import pytest

from articles.models import Article
from pipeline.models import IngestItem, IngestJob
from pipeline.services import ingest_job_create, ingest_job_enqueue

from .conftest import assert_no_half_written_article, distinct_seed_articles, wait_for_job, worker_db

pytestmark = [pytest.mark.worker, worker_db]
RECOVERY_LIMIT = 120  # seconds, from the kill to every article stored and linked


def _all_linked(job: IngestJob) -> bool:
    items = job.items.all()
    return (
        not items.filter(outcome=IngestItem.Outcome.PENDING).exists()
        and not Article.objects.exclude(status=Article.Status.LINKED).exists()
    )


def test_a_restarted_worker_finishes_a_killed_workers_batch_within_two_minutes_by_default(start_worker, capsys):
    job = ingest_job_create(sources=distinct_seed_articles(6, "Correction: a name was misspelt, number"))
    defaults = {"CELERY_VISIBILITY_TIMEOUT": "3600"}  # the production default; resume timing left default
    first = start_worker("doomed", **defaults)
    ingest_job_enqueue(job=job)
    wait_for_job(job, until=lambda j: j.items.filter(outcome=IngestItem.Outcome.CREATED).count() >= 2)

    first.kill()  # SIGKILL mid-batch: its running and prefetched messages stay unacknowledged in Redis
    killed_at = time.monotonic()
    assert job.items.filter(outcome=IngestItem.Outcome.PENDING).exists(), "the batch finished before the kill"
    start_worker("restarted", **defaults)
    job = wait_for_job(job, timeout=RECOVERY_LIMIT, until=_all_linked)
    recovered = time.monotonic() - killed_at

    with capsys.disabled():
        print(f"\nrecovered {recovered:.0f} s after SIGKILL (limit {RECOVERY_LIMIT} s)")
    assert recovered < RECOVERY_LIMIT
    assert set(job.items.values_list("outcome", flat=True)) == {IngestItem.Outcome.CREATED}
    assert Article.objects.count() == 6 == Article.objects.values("content_hash").distinct().count()
    assert_no_half_written_article(job)
