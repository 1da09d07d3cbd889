"""Queueing what waits next, once the current transaction commits: the only module that queues tasks.

On workers each task runs one stage and then calls ``ingest_item_continue`` or
``article_continue``; without a broker the same tasks run eagerly, in this process, at commit.
A task queued twice is harmless: every stage first checks that its item or article still waits
for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from articles.models import Article
from pipeline import tasks
from pipeline.models import IngestItem, IngestJob
from pipeline.stages import ARTICLE_WAITS_FOR, STAGE_EXTRACT, STAGE_FETCH, STAGE_LINK, STAGE_PARSE

from .broker import broker_check
from .jobs import ingest_job_finish
from .working import not_worked_on_sql

# Units queued again per sweep at most; the next sweep takes the rest.
RESUME_BATCH = 1000

# The task that runs each stage, for an item (by its id) or for a stored article (by its id).
ITEM_STAGE_TASKS = {
    STAGE_FETCH: tasks.ingest_item_fetch,
    STAGE_PARSE: tasks.ingest_item_parse,
    STAGE_EXTRACT: tasks.ingest_item_extract,
}
ARTICLE_STAGE_TASKS = {STAGE_EXTRACT: tasks.article_extract, STAGE_LINK: tasks.article_link}


def ingest_item_continue(*, item: IngestItem) -> None:
    """Queue what the item (or the article it became) waits for next, once the transaction commits.

    Called after every stage, also when the stage found nothing to do: a task redelivered
    after its worker died between committing and queueing the next stage re-announces it.
    """
    if item.outcome == IngestItem.Outcome.PENDING:
        task = ITEM_STAGE_TASKS[item.stage]
        transaction.on_commit(lambda: task.delay(item.pk), robust=True)
    elif item.outcome == IngestItem.Outcome.CREATED and item.article_id:
        article_continue(article=Article.objects.only("status").get(pk=item.article_id))


def article_continue(*, article: Article) -> None:
    """Queue the stage the article waits for (extract or link), if any, once the transaction commits."""
    stage = ARTICLE_WAITS_FOR.get(article.status)
    if stage is not None:
        task = ARTICLE_STAGE_TASKS[stage]
        transaction.on_commit(lambda: task.delay(article.pk), robust=True)


def ingest_job_enqueue(*, job: IngestJob) -> None:
    """Queue the job once the current transaction commits (run eagerly when no broker is set).

    Raises `BrokerUnavailable` within seconds when the broker is down, so that a web request
    or the CLI can say so instead of hanging (and a request's transaction rolls back the job).
    """
    broker_check()
    # robust: if queueing fails after the commit, the job stays queued and `ingest_jobs_resume` finds it.
    transaction.on_commit(lambda: tasks.ingest_job_dispatch.delay(job.pk), robust=True)


def ingest_job_dispatch(*, job: IngestJob) -> int:
    """Queue the stage task of every pending item of the job; return how many were queued."""
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


@transaction.atomic
def ingest_jobs_resume(*, stalled_for: timedelta) -> int:
    """Queue again the work a dead worker left: pending, unmoved for ``stalled_for``, and no process on it.

    Return how many items and articles were queued. A worker killed mid-stage leaves its item
    (or article) pending without a live lock (``working``); its message comes back from Redis only
    after the visibility timeout (an hour), so this sweep, run by every worker and by beat, brings
    it back within about a minute. Rows are taken with ``SKIP LOCKED`` and touched, so two sweeps
    at once queue each unit once; a unit still queued behind a busy worker is queued once more,
    which is harmless (every stage first checks that its unit still waits for it).
    """
    before = timezone.now() - stalled_for
    items = _stalled(IngestItem.objects.filter(outcome=IngestItem.Outcome.PENDING), "item", before)
    articles = _stalled(Article.objects.filter(status__in=list(ARTICLE_WAITS_FOR)), "article", before)
    for item in items:
        ingest_item_continue(item=item)
    for article in articles:
        article_continue(article=article)
    return len(items) + len(articles)


def _stalled(queryset, kind: str, before) -> list:
    """Lock the stalled rows (skipping rows locked by a running stage) and mark them as just resumed."""
    condition, params = not_worked_on_sql(kind, f"{queryset.model._meta.db_table}.id")
    rows = list(
        queryset.filter(updated_at__lt=before)
        .extra(where=[condition], params=params)
        .order_by("id")
        .select_for_update(skip_locked=True)[:RESUME_BATCH]
    )
    queryset.model.objects.filter(pk__in=[row.pk for row in rows]).update(updated_at=timezone.now())
    return rows


def articles_reextract_enqueue(*, article_ids: Iterable[int]) -> int:
    """Extract the articles' claims again on the workers; return how many were queued.

    Each article is set to wait for extraction (status FETCHED) in the current transaction and
    its extract task is queued when that commits: a request never parses text itself, and an
    article whose message is lost is found by ``ingest_jobs_resume``.
    """
    ids = sorted(set(article_ids))
    Article.objects.filter(pk__in=ids).update(status=Article.Status.FETCHED, updated_at=timezone.now())
    for article_id in ids:
        transaction.on_commit(lambda article_id=article_id: tasks.article_extract.delay(article_id), robust=True)
    return len(ids)
