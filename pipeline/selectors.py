"""Reads for the pipeline: ingest jobs with their items, for the job pages and the ingest API."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from claims.models import Claim
from pipeline.models import IngestItem, IngestJob
from pipeline.services.working import not_worked_on_sql


def ingest_job_get(*, job_id: int) -> IngestJob | None:
    return IngestJob.objects.select_related("created_by").filter(pk=job_id).first()


def ingest_job_items(*, job: IngestJob) -> QuerySet[IngestItem]:
    return job.items.select_related("article__outlet").defer("payload", "article__body").order_by("id")


def ingest_jobs_recent(*, limit: int = 10) -> QuerySet[IngestJob]:
    return IngestJob.objects.select_related("created_by").order_by("-id")[:limit]


def ingest_jobs_with_results() -> QuerySet[IngestJob]:
    """Jobs with their items, each item's article and outlet, and the article's claims (the API's job answer)."""
    items = IngestItem.objects.select_related("article__outlet").defer("payload", "article__body")
    claims = Claim.objects.select_related("speaker").order_by("content_start")
    return IngestJob.objects.prefetch_related(
        Prefetch("items", queryset=items), Prefetch("items__article__claims", queryset=claims)
    )


@dataclass(frozen=True)
class JobActivity:
    """What a job's pending items are doing: for a person wondering why nothing moves."""

    retrying: IngestItem | None  # the first item waiting to retry after an error (its reason says which)
    working: IngestItem | None  # the first item a live process works on
    pending: int


def ingest_job_activity(*, job: IngestJob) -> JobActivity:
    pending = job.items.filter(outcome=IngestItem.Outcome.PENDING).only("name", "stage", "reason").order_by("id")
    condition, params = not_worked_on_sql("item", f"{IngestItem._meta.db_table}.id", negate=False)
    return JobActivity(
        retrying=pending.filter(reason__startswith="retry ").first(),
        working=pending.extra(where=[condition], params=params).first(),
        pending=pending.count(),
    )
