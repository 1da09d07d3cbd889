"""Ingest jobs: a batch of files, URLs or feed entries, its items, its state and progress."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from articles.ingest.fetch import check_url
from articles.ingest.types import IngestError, RawArticle, SourceFailure, UrlSource
from articles.models import Article, IngestItem, IngestJob

from .broker import broker_check
from .stages import payload_for_raw

logger = logging.getLogger(__name__)

Source = RawArticle | SourceFailure | UrlSource


@dataclass
class JobSummary:
    created: int = 0
    duplicate: int = 0
    failed: int = 0
    feeds: int = 0
    claims: int = 0
    failures: list[tuple[str, str]] = dataclasses.field(default_factory=list)


def max_article_bytes() -> int:
    return settings.CLAIMTRACK_MAX_ARTICLE_BYTES


@transaction.atomic
def ingest_job_create(
    *, sources: Iterable[Source], user: AbstractBaseUser | None = None, description: str = ""
) -> IngestJob:
    """Record a job and its items. Items that could not even be read are failed straight away.

    ``sources`` mixes what the readers in ``articles.ingest`` return (articles read from files,
    failures) and `UrlSource`s, which a worker fetches later.
    """
    job = IngestJob.objects.create(created_by=user, description=description[:300])
    items = [_item_for(job, source) for source in sources]
    IngestItem.objects.bulk_create(items, batch_size=500)
    job.total = len(items)
    job.save(update_fields=["total", "updated_at"])
    return job


def ingest_job_create_for_urls(
    *, urls: Sequence[str], user: AbstractBaseUser | None = None, description: str = ""
) -> IngestJob:
    """A job fetching web pages or feeds; a malformed URL is a failed item, named, with its reason."""
    return ingest_job_create(
        sources=[url_source(url) for url in urls], user=user, description=description or f"URLs: {' '.join(urls)}"
    )


def url_source(url: str) -> UrlSource | SourceFailure:
    url = url.strip()
    try:
        check_url(url)
    except IngestError as exc:
        return SourceFailure(url or "(empty URL)", str(exc))
    return UrlSource(url=url)


def _item_for(job: IngestJob, source: Source) -> IngestItem:
    if isinstance(source, SourceFailure):
        return IngestItem(job=job, name=source.name[:2000], outcome=IngestItem.Outcome.FAILED, reason=source.reason)
    if isinstance(source, UrlSource):
        payload = {"url": source.url, "source_kind": source.source_kind}
        return IngestItem(
            job=job, name=(source.name or source.url)[:2000], stage=IngestItem.Stage.FETCH, payload=payload
        )
    return IngestItem(job=job, name=source.name[:2000], stage=IngestItem.Stage.EXTRACT, payload=payload_for_raw(source))


# ---- running -------------------------------------------------------------------------------


def ingest_job_enqueue(*, job: IngestJob) -> None:
    """Queue the job once the current transaction commits (run eagerly when no broker is set).

    Raises `BrokerUnavailable` within seconds when the broker is down, so that a web request
    or the CLI can say so instead of hanging (and a request's transaction rolls back the job).
    """
    from articles.tasks import ingest_job_dispatch as dispatch_task

    broker_check()
    # robust: if queueing fails after the commit, the job stays queued and `ingest_jobs_resume` finds it.
    transaction.on_commit(lambda: dispatch_task.delay(job.pk), robust=True)


def ingest_job_dispatch(*, job: IngestJob) -> int:
    """Queue the stage task of every pending item of the job; return how many were queued."""
    from .stages import ingest_item_continue

    IngestJob.objects.filter(pk=job.pk, state=IngestJob.State.QUEUED).update(
        state=IngestJob.State.RUNNING, updated_at=timezone.now()
    )
    pending = job.items.filter(outcome=IngestItem.Outcome.PENDING).order_by("id")
    count = 0
    for item in pending.only("id", "stage", "outcome", "article_id").iterator(chunk_size=500):
        ingest_item_continue(item=item)
        count += 1
    ingest_job_finish(job=job)  # a job whose items all failed at reading is over already
    return count


def ingest_job_run(*, job: IngestJob, on_progress: Callable[[IngestJob], None] | None = None) -> IngestJob:
    """Run the job in this process, item by item, through the same stage tasks a worker runs.

    For the eager set-up (no broker): each stage task is applied here, with its retries and
    failure handling. Safe to run again after a crash: finished items are skipped.
    """
    from articles.tasks import STAGE_TASKS
    from claims.tasks import claims_link_for_article as link_task

    from .stages import ingest_item_failed

    IngestJob.objects.filter(pk=job.pk).update(state=IngestJob.State.RUNNING, updated_at=timezone.now())
    last_step = None
    while item := job.items.filter(outcome=IngestItem.Outcome.PENDING).order_by("id").first():
        if (item.pk, item.stage, item.attempts) == last_step:  # a stage that did nothing: never loop on it
            ingest_item_failed(item=item, reason=f"the {item.stage} stage made no progress")
            continue
        last_step = (item.pk, item.stage, item.attempts)
        STAGE_TASKS[item.stage].apply(args=[item.pk], throw=False)
        item.refresh_from_db()
        if item.article_id and item.outcome == IngestItem.Outcome.CREATED:
            link_task.apply(args=[item.article_id], throw=False)
        if on_progress and item.outcome != IngestItem.Outcome.PENDING:
            job.refresh_from_db(fields=["total"])
            on_progress(job)
    return ingest_job_finish(job=job)


def ingest_job_finish(*, job: IngestJob) -> IngestJob:
    """Close the job when no item is pending: failed if nothing at all could be ingested."""
    job.refresh_from_db()
    counts = ingest_job_counts(job=job)
    if counts["pending"] == 0 and job.state in (IngestJob.State.QUEUED, IngestJob.State.RUNNING):
        nothing_ok = counts["failed"] == counts["total"] and counts["total"] > 0
        state = IngestJob.State.FAILED if nothing_ok else IngestJob.State.DONE
        # Conditional: the last two items finishing at once both get here, one closes the job.
        IngestJob.objects.filter(pk=job.pk, state__in=[IngestJob.State.QUEUED, IngestJob.State.RUNNING]).update(
            state=state, finished_at=timezone.now(), updated_at=timezone.now()
        )
        job.refresh_from_db()
    return job


def ingest_job_counts(*, job: IngestJob) -> dict[str, int]:
    """Items per outcome, plus ``done`` (finished well), ``failed``, ``pending`` and ``total``."""
    counts = {o: 0 for o in IngestItem.Outcome.values}
    counts.update(job.items.order_by().values_list("outcome").annotate(n=Count("id")))
    done = counts["created"] + counts["duplicate"] + counts["feed"]
    return {**counts, "done": done, "total": done + counts["failed"] + counts["pending"]}


def ingest_job_summary(*, job: IngestJob) -> JobSummary:
    summary = JobSummary()
    for item in job.items.only("name", "outcome", "reason", "claims_found").order_by("id"):
        if item.outcome == IngestItem.Outcome.CREATED:
            summary.created += 1
            summary.claims += item.claims_found
        elif item.outcome == IngestItem.Outcome.DUPLICATE:
            summary.duplicate += 1
        elif item.outcome == IngestItem.Outcome.FEED:
            summary.feeds += 1
        elif item.outcome == IngestItem.Outcome.FAILED:
            summary.failed += 1
            summary.failures.append((item.name, item.reason))
    return summary


def ingest_jobs_resume(*, stalled_for: timedelta) -> int:
    """Queue again what has waited longer than ``stalled_for``: a safety net for lost messages.

    Messages of a worker that died come back by themselves (late acknowledgement); this
    covers a broker that lost its queues. Repeated stage tasks change nothing, so resuming
    work that was only slow costs time, never data.
    """
    from .articles import article_continue
    from .stages import ingest_item_continue

    before = timezone.now() - stalled_for
    items = IngestItem.objects.filter(outcome=IngestItem.Outcome.PENDING, updated_at__lt=before)
    articles = Article.objects.filter(
        status__in=[Article.Status.FETCHED, Article.Status.EXTRACTED], updated_at__lt=before
    )
    count = 0
    for item in items.only("id", "stage", "outcome", "article_id").iterator(chunk_size=500):
        ingest_item_continue(item=item)
        count += 1
    for article in articles.only("id", "status").iterator(chunk_size=500):
        article_continue(article=article)
        count += 1
    return count
