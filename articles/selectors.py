"""Reads for the articles app: articles with the joins their pages need, ingest jobs and their items."""

from __future__ import annotations

from django.db.models import QuerySet

from articles.models import IngestItem, IngestJob


def ingest_job_get(*, job_id: int) -> IngestJob | None:
    return IngestJob.objects.select_related("created_by").filter(pk=job_id).first()


def ingest_job_items(*, job: IngestJob) -> QuerySet[IngestItem]:
    return job.items.select_related("article__outlet").defer("payload", "article__body").order_by("id")


def ingest_jobs_recent(*, limit: int = 10) -> QuerySet[IngestJob]:
    return IngestJob.objects.select_related("created_by").order_by("-id")[:limit]
