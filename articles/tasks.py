"""Celery tasks of the ingest pipeline. Each takes ids, calls one service and queues what follows.

Stages: ``ingest_item_fetch`` (queue fetch, I/O-bound) → ``ingest_item_parse`` (queue ingest)
→ ``ingest_item_extract`` (queue nlp, CPU-bound) → ``claims.tasks.claims_link_for_article``.
Tasks are acknowledged late, so a message whose worker died is delivered again; the stage
services check the item's stage first, so running a task twice changes nothing.
"""

from __future__ import annotations

from celery import Task, shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from articles.ingest.fetch import FetchUnavailable

# Database and network hiccups are retried with exponential backoff; anything else is final.
RETRY_OPTIONS = {
    "autoretry_for": (OperationalError, InterfaceError, FetchUnavailable),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": settings.CLAIMTRACK_TASK_MAX_RETRIES,
    "acks_late": True,
}


def failure_reason(exc: BaseException) -> str:
    if isinstance(exc, FetchUnavailable):
        return f"{exc} (gave up after {settings.CLAIMTRACK_TASK_MAX_RETRIES + 1} tries)"
    return f"{type(exc).__name__}: {exc}"


class ItemStageTask(Task):
    """A stage of one ingest item; when it keeps failing, the item is failed with the reason."""

    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        from articles.models import IngestItem
        from articles.services import ingest_item_failed

        item = IngestItem.objects.filter(pk=args[0]).first()
        if item is not None:
            ingest_item_failed(item=item, reason=failure_reason(exc))


@shared_task(base=ItemStageTask, **RETRY_OPTIONS)
def ingest_item_fetch(item_id: int) -> None:
    from articles.models import IngestItem
    from articles.services import ingest_item_continue, ingest_item_fetch

    for item in IngestItem.objects.filter(pk=item_id):
        ingest_item_continue(item=ingest_item_fetch(item=item))


@shared_task(base=ItemStageTask, **RETRY_OPTIONS)
def ingest_item_parse(item_id: int) -> None:
    from articles.models import IngestItem
    from articles.services import ingest_item_continue, ingest_item_parse

    for item in IngestItem.objects.filter(pk=item_id):
        ingest_item_continue(item=ingest_item_parse(item=item))


@shared_task(base=ItemStageTask, **RETRY_OPTIONS)
def ingest_item_extract(item_id: int) -> None:
    from articles.models import IngestItem
    from articles.services import ingest_item_continue, ingest_item_extract

    for item in IngestItem.objects.filter(pk=item_id):
        ingest_item_continue(item=ingest_item_extract(item=item))


# The task that runs each stage an item can wait for.
STAGE_TASKS = {"fetch": ingest_item_fetch, "parse": ingest_item_parse, "extract": ingest_item_extract}


@shared_task(**RETRY_OPTIONS)
def ingest_job_dispatch(job_id: int) -> None:
    from articles.models import IngestJob
    from articles.services import ingest_job_dispatch

    for job in IngestJob.objects.filter(pk=job_id):
        ingest_job_dispatch(job=job)


@shared_task(**RETRY_OPTIONS)
def feeds_poll() -> None:
    """Scheduled by Celery beat (``CELERY_BEAT_SCHEDULE``): one ingest job per active feed."""
    from articles.services import feeds_poll

    feeds_poll()


@shared_task(**RETRY_OPTIONS)
def ingest_jobs_resume() -> None:
    """Scheduled: queue again items and articles that have waited past ``CLAIMTRACK_STALLED_AFTER``."""
    from datetime import timedelta

    from articles.services import ingest_jobs_resume

    ingest_jobs_resume(stalled_for=timedelta(seconds=settings.CLAIMTRACK_STALLED_AFTER))
