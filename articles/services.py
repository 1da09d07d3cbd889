"""Writes for the articles app: storing articles and running ingest jobs."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from articles.ingest.metadata import infer_metadata
from articles.ingest.outlets import lookup_outlet
from articles.ingest.text import content_hash, normalize_text
from articles.ingest.types import IngestError, RawArticle, SourceFailure
from articles.models import Article, IngestItem, IngestJob, Outlet

logger = logging.getLogger(__name__)

# Articles parsed together in one spaCy batch by a job.
EXTRACT_BATCH_SIZE = 16


def outlet_get_or_create(*, name: str, domain: str = "") -> Outlet | None:
    """The outlet row for a name or domain, using the canonical name when the outlet is known."""
    known = lookup_outlet(name) if name else None
    known = known or (lookup_outlet(domain) if domain else None)
    if known:
        name, domain, country = known.name, known.domain, known.country
    else:
        name, country = name or domain, ""
    if not name:
        return None
    outlet, _ = Outlet.objects.get_or_create(name=name[:200], defaults={"domain": domain[:200], "country": country})
    return outlet


def article_find_duplicate(*, text: str) -> Article | None:
    return Article.objects.filter(content_hash=content_hash(normalize_text(text))).first()


@transaction.atomic
def article_create(*, raw: RawArticle) -> tuple[Article, bool]:
    """Store one article; return (article, created). The same text twice gives the first row back.

    Metadata that came with the article wins; what is missing is inferred from the text, and
    what the text does not tell stays empty.
    """
    body = normalize_text(raw.text)
    if not body:
        raise IngestError("the article has no text")
    digest = content_hash(body)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing:
        return existing, False
    inferred = infer_metadata(body)
    article = Article(
        outlet=outlet_get_or_create(
            name=raw.outlet or inferred.outlet, domain=raw.outlet_domain or inferred.outlet_domain
        ),
        title=(raw.title or inferred.title)[:500],
        author=raw.author[:300],
        url=raw.url[:2000],
        published_at=raw.published_at or inferred.published_at,
        body=body,
        source_file=raw.source_file[:500],
        source_kind=raw.source_kind,
        content_hash=digest,
    )
    article.full_clean(exclude=["content_hash"])
    try:
        with transaction.atomic():  # savepoint: a concurrent insert of the same text is not an error
            article.save()
    except IntegrityError:
        return Article.objects.get(content_hash=digest), False
    return article, True


# ---- ingest jobs -------------------------------------------------------------------------


@dataclass
class JobSummary:
    created: int = 0
    duplicate: int = 0
    failed: int = 0
    claims: int = 0
    failures: list[tuple[str, str]] = dataclasses.field(default_factory=list)


@transaction.atomic
def ingest_job_create(
    *, sources: Iterable[RawArticle | SourceFailure], user: AbstractBaseUser | None = None, description: str = ""
) -> IngestJob:
    """Record a job and its items. Items that could not even be read are failed straight away."""
    job = IngestJob.objects.create(created_by=user, description=description[:300])
    items = [_item_for(job, source) for source in sources]
    IngestItem.objects.bulk_create(items, batch_size=500)
    job.total = len(items)
    job.save(update_fields=["total", "updated_at"])
    return job


def _item_for(job: IngestJob, source: RawArticle | SourceFailure) -> IngestItem:
    if isinstance(source, SourceFailure):
        return IngestItem(job=job, name=source.name[:2000], outcome=IngestItem.Outcome.FAILED, reason=source.reason)
    return IngestItem(job=job, name=source.name[:2000], payload=_payload(source))


def _payload(raw: RawArticle) -> dict:
    data = dataclasses.asdict(raw)
    data["published_at"] = raw.published_at.isoformat() if raw.published_at else None
    return data


def raw_article_from_payload(payload: dict) -> RawArticle:
    data = dict(payload)
    data["published_at"] = datetime.fromisoformat(data["published_at"]) if data.get("published_at") else None
    return RawArticle(**data)


def ingest_job_run(*, job: IngestJob, on_progress: Callable[[int], None] | None = None) -> IngestJob:
    """Process the job's pending items, a batch at a time; safe to run again after a crash.

    Each article is stored with all its claims in one transaction, or not at all: a failing
    item is marked failed with its reason and the batch goes on.
    """
    IngestJob.objects.filter(pk=job.pk).update(state=IngestJob.State.RUNNING, updated_at=timezone.now())
    while batch := list(job.items.filter(outcome=IngestItem.Outcome.PENDING)[:EXTRACT_BATCH_SIZE]):
        _process_batch(batch)
        if on_progress:
            on_progress(len(batch))
    return ingest_job_finish(job=job)


def _process_batch(items: Sequence[IngestItem]) -> None:
    from claims.services.extraction import extract_from_texts

    raws = [raw_article_from_payload(item.payload) for item in items]
    new = [i for i, raw in enumerate(raws) if article_find_duplicate(text=raw.text) is None]
    try:
        extracted = dict(zip(new, extract_from_texts([normalize_text(raws[i].text) for i in new])))
    except Exception:  # one bad text must not sink the batch: fall back to one at a time
        logger.exception("batch extraction failed; retrying items one by one")
        extracted = {}
    for index, item in enumerate(items):
        ingest_item_process(item=item, raw=raws[index], extracted=extracted.get(index))


def ingest_item_process(*, item: IngestItem, raw: RawArticle, extracted=None) -> IngestItem:
    """Store one item's article and claims atomically and record the outcome on the item."""
    from claims.services.extraction import claims_extract_for_article, claims_store_extracted
    from claims.services.linking import claims_link_for_article

    try:
        with transaction.atomic():
            article, created = article_create(raw=raw)
            claims = 0
            if created:
                stored = (
                    claims_store_extracted(article=article, extracted=extracted)
                    if extracted is not None
                    else claims_extract_for_article(article=article)
                )
                claims = len(stored)
                claims_link_for_article(article=article)
        outcome = IngestItem.Outcome.CREATED if created else IngestItem.Outcome.DUPLICATE
        _item_done(item, outcome=outcome, article=article, claims=claims)
    except Exception as exc:  # recorded on the item: the user sees it, the batch goes on
        logger.warning("ingest of %s failed: %s", item.name, exc, exc_info=not isinstance(exc, IngestError))
        _item_done(item, outcome=IngestItem.Outcome.FAILED, reason=_reason(exc))
    return item


def _reason(exc: Exception) -> str:
    if isinstance(exc, IngestError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"[:2000]


def _item_done(item: IngestItem, *, outcome: str, article: Article | None = None, claims: int = 0, reason: str = "") -> None:
    item.outcome, item.article, item.claims_found, item.reason = outcome, article, claims, reason
    item.payload = {} if outcome != IngestItem.Outcome.FAILED else item.payload
    item.save(update_fields=["outcome", "article", "claims_found", "reason", "payload", "updated_at"])


def ingest_job_finish(*, job: IngestJob) -> IngestJob:
    job.refresh_from_db()
    counts = ingest_job_counts(job=job)
    if counts["pending"] == 0:
        nothing_ok = counts["failed"] == job.total and job.total > 0
        job.state = IngestJob.State.FAILED if nothing_ok else IngestJob.State.DONE
        job.finished_at = timezone.now()
        job.save(update_fields=["state", "finished_at", "updated_at"])
    return job


def ingest_job_counts(*, job: IngestJob) -> dict[str, int]:
    counts = {o: 0 for o in IngestItem.Outcome.values}
    counts.update(job.items.order_by().values_list("outcome").annotate(n=Count("id")))
    return counts


def ingest_job_summary(*, job: IngestJob) -> JobSummary:
    summary = JobSummary()
    for item in job.items.only("name", "outcome", "reason", "claims_found"):
        if item.outcome == IngestItem.Outcome.CREATED:
            summary.created += 1
            summary.claims += item.claims_found
        elif item.outcome == IngestItem.Outcome.DUPLICATE:
            summary.duplicate += 1
        elif item.outcome == IngestItem.Outcome.FAILED:
            summary.failed += 1
            summary.failures.append((item.name, item.reason))
    return summary


def max_article_bytes() -> int:
    return settings.CLAIMTRACK_MAX_ARTICLE_BYTES


def ingest_job_enqueue(*, job: IngestJob) -> None:
    """Queue the job once the current transaction commits (eagerly run when no broker is set)."""
    from articles.tasks import ingest_job_process

    transaction.on_commit(lambda: ingest_job_process.delay(job.pk))
