"""Ingest jobs: a batch of files, URLs or feed entries recorded as items; its progress, and when it is over.

Running a job is ``queue`` (on workers, or eagerly at commit) or ``runner`` (in this process).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import DatabaseError, transaction
from django.db.models import Count
from django.utils import timezone

from articles.ingest.fetch import check_url
from articles.ingest.text import raw_article_cleaned, strip_controls
from articles.ingest.types import IngestError, RawArticle, SourceFailure, UrlSource
from pipeline.models import IngestItem, IngestJob

from .payloads import payload_for_raw

Source = RawArticle | SourceFailure | UrlSource
# What the database, or the driver before it, refuses in a value: NUL in a string, a lone surrogate.
UNSTORABLE = (DatabaseError, ValueError)
# Items written per savepoint: big enough to be fast, small enough to hold in memory.
CREATE_CHUNK_SIZE = 200


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
    failures) and `UrlSource`s, which a worker fetches later. It is consumed a chunk at a time,
    each chunk in its own savepoint: an item the database refuses fails alone, with the reason,
    and the rest of the batch is kept.
    """
    job = IngestJob.objects.create(created_by=user, description=strip_controls(description)[0][:300])
    total = 0
    sources = iter(sources)
    while chunk := [_item_for(job, source) for source in islice(sources, CREATE_CHUNK_SIZE)]:
        _items_store(chunk)
        total += len(chunk)
    job.total = total
    job.save(update_fields=["total", "updated_at"])
    return job


def _items_store(items: list[IngestItem]) -> None:
    try:
        with transaction.atomic():
            IngestItem.objects.bulk_create(items)
        return
    except UNSTORABLE:
        pass  # one item spoilt the chunk: store them one by one to find it
    for item in items:
        try:
            with transaction.atomic():
                item.save(force_insert=True)
        except UNSTORABLE as exc:
            item.pk, item.payload, item.name = None, {}, strip_controls(item.name)[0] or "(unnamed)"
            item.outcome, item.stage = IngestItem.Outcome.FAILED, IngestItem.Stage.EXTRACT
            item.reason = f"the item could not be stored: {str(exc).splitlines()[0][:300]}"
            item.save(force_insert=True)


def text_too_long(text: str) -> str:
    """Why a text is too long to extract claims from, or "" when it is not."""
    limit = settings.CLAIMTRACK_MAX_ARTICLE_CHARS
    if len(text) <= limit:
        return ""
    return f"the text has {len(text):,} characters; the limit is {limit:,} (CLAIMTRACK_MAX_ARTICLE_CHARS)"


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
    # Files were read by the caller (command, upload): their text goes straight to extraction,
    # without the control characters PostgreSQL or a reader cannot take (noted on the item).
    source = raw_article_cleaned(source)
    name = source.name[:2000]
    if too_long := text_too_long(source.text):
        return IngestItem(job=job, name=name, outcome=IngestItem.Outcome.FAILED, reason=too_long)
    return IngestItem(
        job=job, name=name, stage=IngestItem.Stage.EXTRACT, reason=source.notes, payload=payload_for_raw(source)
    )


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
