"""Celery tasks of the pipeline. Each takes ids, calls the service of the same name and queues what follows.

Stages (``pipeline.stages``): ``ingest_item_fetch`` (queue fetch, I/O-bound) → ``ingest_item_parse``
(queue ingest) → ``ingest_item_extract`` (queue nlp, CPU-bound; stores the article with its claims)
→ ``article_link`` (queue nlp). ``article_extract`` (queue nlp) extracts a stored article's claims
again (retried or re-extracted). Tasks are acknowledged late, so a message whose worker died is
delivered again; each stage first checks that its item or article still waits for it, so running
a task twice changes nothing.
"""

from __future__ import annotations

from datetime import timedelta

from celery import Task, shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from articles.ingest.fetch import FetchUnavailable
from articles.models import Article
from pipeline.models import IngestItem, IngestJob

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
        from pipeline.services import ingest_item_failed

        item = IngestItem.objects.filter(pk=args[0]).first()
        if item is not None:
            ingest_item_failed(item=item, reason=failure_reason(exc))


class ArticleStageTask(Task):
    """A stage of one stored article; when it keeps failing, the article is failed with the reason."""

    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        from pipeline.services import article_failed

        article_failed(article_id=args[0], reason=failure_reason(exc))


@shared_task(base=ItemStageTask, **RETRY_OPTIONS)
def ingest_item_fetch(item_id: int) -> None:
    from pipeline.services import ingest_item_continue, ingest_item_fetch

    for item in IngestItem.objects.filter(pk=item_id):
        ingest_item_continue(item=ingest_item_fetch(item=item))


@shared_task(base=ItemStageTask, **RETRY_OPTIONS)
def ingest_item_parse(item_id: int) -> None:
    from pipeline.services import ingest_item_continue, ingest_item_parse

    for item in IngestItem.objects.filter(pk=item_id):
        ingest_item_continue(item=ingest_item_parse(item=item))


@shared_task(base=ItemStageTask, **RETRY_OPTIONS)
def ingest_item_extract(item_id: int) -> None:
    from pipeline.services import ingest_item_continue, ingest_item_extract

    for item in IngestItem.objects.filter(pk=item_id):
        ingest_item_continue(item=ingest_item_extract(item=item))


@shared_task(base=ArticleStageTask, **RETRY_OPTIONS)
def article_extract(article_id: int) -> None:
    from pipeline.services import article_continue, article_extract

    for article in Article.objects.filter(pk=article_id):
        article_continue(article=article_extract(article=article))


# Two articles linked at once write overlapping relations and memberships without conflict (the
# writes are upserts, see claims.services.linking): an IntegrityError here is a bug, not a race to retry.
@shared_task(base=ArticleStageTask, **RETRY_OPTIONS)
def article_link(article_id: int) -> None:
    from pipeline.services import article_link

    for article in Article.objects.filter(pk=article_id):
        article_link(article=article)


@shared_task(**RETRY_OPTIONS)
def ingest_job_dispatch(job_id: int) -> None:
    from pipeline.services import ingest_job_dispatch

    for job in IngestJob.objects.filter(pk=job_id):
        ingest_job_dispatch(job=job)


@shared_task(**RETRY_OPTIONS)
def feeds_poll() -> None:
    """Scheduled by Celery beat (``CELERY_BEAT_SCHEDULE``): one ingest job per active feed."""
    from pipeline.services import feeds_poll

    feeds_poll()


@shared_task(**RETRY_OPTIONS)
def ingest_jobs_resume() -> None:
    """Scheduled: queue again items and articles that have waited past ``CLAIMTRACK_STALLED_AFTER``."""
    from pipeline.services import ingest_jobs_resume

    ingest_jobs_resume(stalled_for=timedelta(seconds=settings.CLAIMTRACK_STALLED_AFTER))
