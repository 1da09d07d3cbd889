"""Celery tasks of the pipeline. Each takes ids, calls the service of the same name and queues what follows.

Stages (``pipeline.stages``): ``ingest_item_fetch`` (queue fetch, I/O-bound) → ``ingest_item_parse``
(queue ingest) → ``ingest_item_extract`` (queue nlp, CPU-bound; stores the article with its claims)
→ ``article_link`` (queue nlp). ``article_extract`` (queue nlp) extracts a stored article's claims
again (retried or re-extracted). Tasks are acknowledged late, so a message whose worker died is
delivered again; each stage first checks that its item or article still waits for it, so running
a task twice changes nothing.
"""

from __future__ import annotations

import logging
import random
import time
from datetime import timedelta

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_ready
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from articles.ingest.fetch import FetchUnavailable
from articles.models import Article
from common.timelimit import soft_time_limit
from pipeline.models import IngestItem, IngestJob

logger = logging.getLogger(__name__)

# Database and network hiccups are retried with exponential backoff; anything else is final.
RETRYABLE = (OperationalError, InterfaceError, FetchUnavailable)
RETRY_OPTIONS = {
    "autoretry_for": RETRYABLE,
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": settings.CLAIMTRACK_TASK_MAX_RETRIES,
    "acks_late": True,
}
# Stage tasks retry themselves (StageTask): on a worker through the broker, without one in-process.
STAGE_OPTIONS = {"acks_late": True}


def failure_reason(exc: BaseException) -> str:
    if isinstance(exc, FetchUnavailable):
        return f"{exc} (gave up after {settings.CLAIMTRACK_TASK_MAX_RETRIES + 1} tries)"
    if isinstance(exc, SoftTimeLimitExceeded):
        return f"took longer than {settings.CELERY_TASK_SOFT_TIME_LIMIT} s (CELERY_TASK_SOFT_TIME_LIMIT)"
    return f"{type(exc).__name__}: {exc}"


def retry_delay(attempt: int) -> float:
    """Seconds before try ``attempt + 1``: doubling from CLAIMTRACK_RETRY_DELAY, at most 5 minutes."""
    return min(settings.CLAIMTRACK_RETRY_DELAY * 2 ** (attempt - 1), 300.0)


class StageTask(Task):
    """One stage of one unit (an item or an article), run by one process at a time, retried on hiccups.

    On a worker a hiccup is retried through the broker. Without a broker (eager: the CLI, the
    web app with no Redis) it is retried here, after a pause, and the unit fails with the reason
    when the tries run out: a job never stops on one item, and later items still run. The unit's
    lock (``working.unit_claimed``) tells the resume sweep that this work is alive.
    """

    unit_kind = ""

    def __call__(self, unit_id: int) -> None:
        from pipeline.services.working import unit_claimed

        with unit_claimed(self.unit_kind, unit_id) as mine:
            if not mine:
                return None  # another process runs this stage now and queues what follows
            if self.request.is_eager or self.request.called_directly:
                return self._run_in_process(unit_id)
            try:
                return self.run(unit_id)
            except RETRYABLE as exc:
                attempt = self.request.retries + 1
                self.retry_noted(unit_id, exc, attempt)
                countdown = retry_delay(attempt) * random.uniform(0.5, 1.0)
                raise self.retry(exc=exc, countdown=countdown, max_retries=settings.CLAIMTRACK_TASK_MAX_RETRIES) from exc

    def _run_in_process(self, unit_id: int) -> None:
        attempt = 0
        while True:
            try:
                with soft_time_limit(settings.CELERY_TASK_SOFT_TIME_LIMIT):
                    return self.run(unit_id)
            except (*RETRYABLE, SoftTimeLimitExceeded) as exc:
                attempt += 1
                if isinstance(exc, SoftTimeLimitExceeded) or attempt > settings.CLAIMTRACK_TASK_MAX_RETRIES:
                    self.on_failure(exc, self.request.id, (unit_id,), {}, None)
                    return None
                self.retry_noted(unit_id, exc, attempt)
                time.sleep(retry_delay(attempt))

    def retry_noted(self, unit_id: int, exc: BaseException, attempt: int) -> None:
        # A warning: without a broker this is the CLI's only word on why an item takes long.
        logger.warning(
            "%s %s %s: retry %s of %s after: %s",
            self.unit_kind, unit_id, self.name.rsplit(".", 1)[-1], attempt, settings.CLAIMTRACK_TASK_MAX_RETRIES, exc,
        )


class ItemStageTask(StageTask):
    """A stage of one ingest item; when it keeps failing, the item is failed with the reason."""

    unit_kind = "item"

    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        from pipeline.services import ingest_item_failed

        item = IngestItem.objects.filter(pk=args[0]).first()
        if item is not None:
            ingest_item_failed(item=item, reason=failure_reason(exc))

    def retry_noted(self, unit_id: int, exc: BaseException, attempt: int) -> None:
        """Say on the item why it waits, for the CLI and the job page."""
        super().retry_noted(unit_id, exc, attempt)
        reason = f"retry {attempt} of {settings.CLAIMTRACK_TASK_MAX_RETRIES} after: {exc}"
        IngestItem.objects.filter(pk=unit_id, outcome=IngestItem.Outcome.PENDING).update(
            reason=reason[:2000], updated_at=timezone.now()
        )


class ArticleStageTask(StageTask):
    """A stage of one stored article; when it keeps failing, the article is failed with the reason."""

    unit_kind = "article"

    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        from pipeline.services import article_failed

        article_failed(article_id=args[0], reason=failure_reason(exc))


@shared_task(base=ItemStageTask, **STAGE_OPTIONS)
def ingest_item_fetch(item_id: int) -> None:
    from pipeline.services import ingest_item_continue, ingest_item_fetch

    for item in IngestItem.objects.filter(pk=item_id):
        ingest_item_continue(item=ingest_item_fetch(item=item))


@shared_task(base=ItemStageTask, **STAGE_OPTIONS)
def ingest_item_parse(item_id: int) -> None:
    from pipeline.services import ingest_item_continue, ingest_item_parse

    for item in IngestItem.objects.filter(pk=item_id):
        ingest_item_continue(item=ingest_item_parse(item=item))


@shared_task(base=ItemStageTask, **STAGE_OPTIONS)
def ingest_item_extract(item_id: int) -> None:
    from pipeline.services import ingest_item_continue, ingest_item_extract

    for item in IngestItem.objects.filter(pk=item_id):
        ingest_item_continue(item=ingest_item_extract(item=item))


@shared_task(base=ArticleStageTask, **STAGE_OPTIONS)
def article_extract(article_id: int) -> None:
    from pipeline.services import article_continue, article_extract

    for article in Article.objects.filter(pk=article_id):
        article_continue(article=article_extract(article=article))


# Two articles linked at once write overlapping relations and memberships without conflict (the
# writes are upserts, see claims.services.linking): an IntegrityError here is a bug, not a race to retry.
@shared_task(base=ArticleStageTask, **STAGE_OPTIONS)
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


@worker_ready.connect
def resume_on_worker_start(sender, **kwargs) -> None:
    """A (re)started worker picks up what a dead one left, then keeps looking (``pipeline.resumer``)."""
    from pipeline.resumer import resumer_start

    resumer_start()
