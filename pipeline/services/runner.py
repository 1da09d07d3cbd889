"""Running a job in this process (no broker): ``manage.py ingest`` and the benchmarks without workers."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone

from articles.models import Article
from pipeline.models import IngestItem, IngestJob
from pipeline.stages import ARTICLE_WAITS_FOR

from .articles import article_failed
from .items import ingest_item_failed
from .jobs import ingest_job_finish
from .queue import ARTICLE_STAGE_TASKS, ITEM_STAGE_TASKS


def ingest_job_run(*, job: IngestJob, on_progress: Callable[[IngestJob], None] | None = None) -> IngestJob:
    """Run what the job's items, and then the articles they became, wait for, through the stage tasks.

    Each step applies the same task a worker runs, with its retries and failure handling. A new
    article's stages run before the next item's, as on a worker. The tasks also queue what
    follows at commit: outside a transaction that runs at once (eagerly), and this loop then
    finds it done; inside one (a test) it never runs, and this loop runs it. Safe to run again
    after a crash: finished items and articles are skipped.
    """
    IngestJob.objects.filter(pk=job.pk).update(state=IngestJob.State.RUNNING, updated_at=timezone.now())
    last_step = None
    while step := _waiting(job):
        task, unit_id, state = step
        if state == last_step:  # a stage that did nothing: never loop on it
            _no_progress(state)
            continue
        last_step = state
        task.apply(args=[unit_id], throw=False)
        if on_progress:
            job.refresh_from_db(fields=["total"])
            on_progress(job)
    return ingest_job_finish(job=job)


def _waiting(job: IngestJob) -> tuple | None:
    """The task of what waits first, its unit's id, and the unit's state (to notice a step that did nothing)."""
    article = (
        Article.objects.filter(
            ingest_items__job=job, ingest_items__outcome=IngestItem.Outcome.CREATED, status__in=list(ARTICLE_WAITS_FOR)
        )
        .order_by("ingest_items__id")
        .only("status")
        .first()
    )
    if article is not None:
        stage = ARTICLE_WAITS_FOR[article.status]
        return ARTICLE_STAGE_TASKS[stage], article.pk, ("article", article.pk, stage)
    item = job.items.filter(outcome=IngestItem.Outcome.PENDING).order_by("id").only("stage", "attempts").first()
    if item is not None:
        return ITEM_STAGE_TASKS[item.stage], item.pk, ("item", item.pk, item.stage, item.attempts)
    return None


def _no_progress(state: tuple) -> None:
    kind, unit_id, stage = state[:3]
    reason = f"the {stage} stage made no progress"
    if kind == "article":
        article_failed(article_id=unit_id, reason=reason)
    else:
        ingest_item_failed(item=IngestItem.objects.get(pk=unit_id), reason=reason)
