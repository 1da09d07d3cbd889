"""The stages of one ingest item: fetch → parse → extract, until its article exists.

Each stage is a Celery task calling one of these services. A stage first checks that the
item still waits for it (so a repeated or redelivered task changes nothing), does its slow
work outside any transaction, then moves the item on under a row lock. Bad input fails the
item with a reason a person can act on; network and database hiccups propagate, and the task
retries them with backoff. The extract stage stores the article and all its claims in one
transaction; from then on the article's status is its state (``pipeline.stages``).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.ingest.feeds import parse_feed
from articles.ingest.fetch import Fetched, FetchPolicy, fetch_url
from articles.ingest.html import raw_article_from_html
from articles.ingest.metadata import raw_article_without_dateline
from articles.ingest.text import decode_bytes, normalize_text, strip_controls
from articles.ingest.types import IngestError, RawArticle
from articles.models import Article
from articles.services import article_create, article_find_existing, article_lock_url
from claims.nlp.types import ExtractedClaim
from claims.services import claims_store_extracted
from common.exceptions import ApplicationError
from pipeline.models import FeedEntry, IngestItem, IngestJob

from .articles import extract_texts, extraction_failure
from .feeds import feed_entries_new, feed_entry_items, feed_failed
from .jobs import ingest_job_finish, text_too_long
from .payloads import carried, payload_for_raw, raw_article_from_payload
from .queue import ingest_item_continue

logger = logging.getLogger(__name__)

Stage = IngestItem.Stage
Outcome = IngestItem.Outcome


def fetch_policy() -> FetchPolicy:
    return FetchPolicy(
        connect_timeout=settings.CLAIMTRACK_FETCH_CONNECT_TIMEOUT,
        read_timeout=settings.CLAIMTRACK_FETCH_READ_TIMEOUT,
        max_bytes=settings.CLAIMTRACK_FETCH_MAX_BYTES,
        max_redirects=settings.CLAIMTRACK_FETCH_MAX_REDIRECTS,
        allow_private=settings.CLAIMTRACK_ALLOW_PRIVATE_URLS,
    )


# ---- stages --------------------------------------------------------------------------------


def ingest_item_fetch(*, item: IngestItem) -> IngestItem:
    """STAGE_FETCH: download the item's URL. A feed becomes one new item per entry."""
    if not stage_begin(item=item, stage=Stage.FETCH):
        return _current(item)
    url = item.payload["url"]
    existing = Article.objects.filter(url=url[:2000]).order_by("id").first()
    if existing and item.payload.get("expect") != "feed":
        return _finish(item, outcome=Outcome.DUPLICATE, article=existing)
    try:
        fetched = fetch_url(url, policy=fetch_policy())
        if fetched.is_feed:
            return _expand_feed(item, fetched)
        if item.payload.get("expect") == "feed":
            raise IngestError(f"not an RSS or Atom feed (the server sent {fetched.content_type})")
        # PostgreSQL's jsonb cannot hold NUL characters; a page never needs them.
        text, _ = strip_controls(decode_bytes(fetched.content, name=url, encoding=fetched.charset))
    except IngestError as exc:
        return ingest_item_failed(item=item, reason=str(exc))
    payload = {**item.payload, "final_url": fetched.url, "content_type": fetched.content_type, "page": text}
    return _advance(item, expected=Stage.FETCH, to=Stage.PARSE, payload=payload)


def _expand_feed(item: IngestItem, fetched: Fetched) -> IngestItem:
    """The fetched feed item becomes one URL item per entry not seen before, in the same job."""
    try:
        parsed = parse_feed(fetched.content, url=fetched.url)
    except IngestError as exc:
        return ingest_item_failed(item=item, reason=str(exc))
    with transaction.atomic():
        locked = _lock(item)
        if locked.stage != Stage.FETCH or locked.outcome != Outcome.PENDING:
            return locked
        url, feed_id = locked.payload["url"], locked.payload.get("feed_id")
        entries = feed_entries_new(parsed=parsed, url=url, feed_id=feed_id)
        new_items = IngestItem.objects.bulk_create(feed_entry_items(job_id=locked.job_id, entries=entries))
        IngestJob.objects.filter(pk=locked.job_id).update(total=F("total") + len(new_items))
        locked.outcome, locked.stage, locked.payload = Outcome.FEED, Stage.DONE, {}
        locked.reason = "; ".join(filter(None, [f"{len(parsed.items)} entries, {len(new_items)} new", parsed.problem]))
        locked.save(update_fields=["outcome", "stage", "payload", "reason", "updated_at"])
        if parsed.problem and feed_id:
            feed_failed(feed_id=feed_id, reason=parsed.problem)
        for new in new_items:
            ingest_item_continue(item=new)
    return locked


def ingest_item_parse(*, item: IngestItem) -> IngestItem:
    """STAGE_PARSE: the fetched page's main text and metadata (boilerplate dropped)."""
    if not stage_begin(item=item, stage=Stage.PARSE):
        return _current(item)
    try:
        raw = _raw_from_page(item.payload)
    except IngestError as exc:
        return ingest_item_failed(item=item, reason=str(exc))
    except Exception as exc:  # a parser crash on odd HTML is a property of that page, not a retryable error
        logger.exception("parsing %s failed", item.name)
        return ingest_item_failed(item=item, reason=f"the page could not be parsed ({type(exc).__name__}: {exc})")
    existing = article_find_existing(raw=raw)
    if existing:
        return _finish(item, outcome=Outcome.DUPLICATE, article=existing)
    return _advance(item, expected=Stage.PARSE, to=Stage.EXTRACT, payload=payload_for_raw(raw, **carried(item.payload)))


def _raw_from_page(payload: dict) -> RawArticle:
    url = payload.get("final_url") or payload["url"]
    kind = payload.get("source_kind", "url")
    if payload.get("content_type") == "text/plain":
        raw = RawArticle(text=payload["page"], name=payload["url"], source_kind=kind, url=url)
    else:
        raw = raw_article_from_html(payload["page"], name=payload["url"], url=url, source_kind=kind)
    hints = payload.get("hints") or {}
    published = hints.get("published_at")
    # What the page itself says wins; a feed entry's title, author and date fill the gaps.
    return dataclasses.replace(
        raw,
        title=raw.title or hints.get("title", ""),
        author=raw.author or hints.get("author", ""),
        published_at=raw.published_at or (datetime.fromisoformat(published) if published else None),
    )


def ingest_item_extract(*, item: IngestItem) -> IngestItem:
    """STAGE_EXTRACT for an item's text: find the claims, then store the article with all of them, or nothing."""
    if not stage_begin(item=item, stage=Stage.EXTRACT):
        return _current(item)
    # The dateline ("ROTTERDAM, March 3 (Reuters) -") becomes metadata before anything compares texts.
    raw = raw_article_without_dateline(raw_article_from_payload(item.payload), today=timezone.now())
    existing = article_find_existing(raw=raw)
    if existing:
        return _finish(item, outcome=Outcome.DUPLICATE, article=existing)
    body = normalize_text(raw.text)
    if not body:
        return ingest_item_failed(item=item, reason="the article has no text")
    if too_long := text_too_long(body):
        return ingest_item_failed(item=item, reason=too_long)
    [extracted] = extract_texts([body])  # seconds of spaCy: no transaction, no locks held
    if isinstance(extracted, Exception):
        return ingest_item_failed(item=item, reason=extraction_failure(extracted))
    return _store(item, raw, extracted)


def _store(item: IngestItem, raw: RawArticle, extracted: Sequence[ExtractedClaim]) -> IngestItem:
    try:
        with transaction.atomic():
            locked = _lock(item)
            if locked.stage != Stage.EXTRACT or locked.outcome != Outcome.PENDING:
                return locked  # another worker stored it meanwhile
            article_lock_url(url=raw.url)
            existing = article_find_existing(raw=raw) if raw.url else None
            article, created = (existing, False) if existing else article_create(raw=raw)
            claims = len(claims_store_extracted(article=article, extracted=extracted)) if created else 0
            outcome = Outcome.CREATED if created else Outcome.DUPLICATE
            return _finish(locked, outcome=outcome, article=article, claims=claims)
    except IngestError as exc:
        return ingest_item_failed(item=item, reason=str(exc))
    except ValidationError as exc:
        return ingest_item_failed(item=item, reason="; ".join(exc.messages))


# ---- moving an item on ---------------------------------------------------------------------


def stage_begin(*, item: IngestItem, stage: str) -> bool:
    """Count one more run of ``stage``; False when the item no longer waits for it.

    The count is committed before the work starts, so an item that kills its worker every
    time (out of memory, a parser that hangs) is given up on instead of redelivered forever.
    """
    started = IngestItem.objects.filter(pk=item.pk, stage=stage, outcome=Outcome.PENDING).update(
        attempts=F("attempts") + 1, updated_at=timezone.now()
    )
    if not started:
        return False
    item.refresh_from_db(fields=["attempts", "stage", "outcome", "payload", "updated_at"])
    if item.attempts > settings.CLAIMTRACK_STAGE_MAX_ATTEMPTS:
        reason = f"gave up after {item.attempts - 1} attempts at the {stage} stage (the worker stopped each time)"
        ingest_item_failed(item=item, reason=reason)
        return False
    return True


def _lock(item: IngestItem) -> IngestItem:
    return IngestItem.objects.select_for_update().get(pk=item.pk)


def _current(item: IngestItem) -> IngestItem:
    item.refresh_from_db()
    return item


@transaction.atomic
def _advance(item: IngestItem, *, expected: str, to: str, payload: dict) -> IngestItem:
    locked = _lock(item)
    if locked.stage != expected or locked.outcome != Outcome.PENDING:
        return locked
    locked.stage, locked.attempts, locked.payload = to, 0, payload
    locked.save(update_fields=["stage", "attempts", "payload", "updated_at"])
    return locked


@transaction.atomic
def _finish(item: IngestItem, *, outcome: str, article: Article | None = None, claims: int = 0) -> IngestItem:
    locked = _lock(item)
    if locked.outcome != Outcome.PENDING:
        return locked
    entry_id = locked.payload.get("feed_entry_id")
    if entry_id and article is not None:
        FeedEntry.objects.filter(pk=entry_id, article__isnull=True).update(article=article)
    locked.outcome, locked.stage, locked.article, locked.claims_found = outcome, Stage.DONE, article, claims
    # What reading changed (control characters removed) stays on the item; retry notes go.
    locked.reason, locked.payload = locked.payload.get("notes", ""), {}
    locked.save(update_fields=["outcome", "stage", "article", "claims_found", "reason", "payload", "updated_at"])
    _finish_job_on_commit(locked)
    return locked


@transaction.atomic
def ingest_item_failed(*, item: IngestItem, reason: str) -> IngestItem:
    """Mark the item failed with ``reason``, unless it already finished (a late duplicate task)."""
    locked = _lock(item)
    if locked.outcome != Outcome.PENDING:
        return locked
    locked.outcome, locked.reason = Outcome.FAILED, reason[:2000]
    locked.save(update_fields=["outcome", "reason", "updated_at"])  # payload kept: the item can be retried
    if locked.payload.get("feed_id") and locked.payload.get("expect") == "feed":
        feed_failed(feed_id=locked.payload["feed_id"], reason=reason)
    _finish_job_on_commit(locked)
    logger.info("ingest item %s (%s) failed: %s", locked.pk, locked.name, reason)
    return locked


def _finish_job_on_commit(item: IngestItem) -> None:
    transaction.on_commit(lambda: ingest_job_finish(job=item.job), robust=True)


@transaction.atomic
def ingest_item_retry(*, item: IngestItem) -> IngestItem:
    """Queue a failed item again from the stage it failed at (for UI, API and admin)."""
    locked = _lock(item)
    if locked.outcome != Outcome.FAILED:
        raise ApplicationError("Only a failed item can be retried.", extra={"outcome": locked.outcome})
    if not locked.payload:
        raise ApplicationError("This item could not be read at all; submit the file again.")
    locked.outcome, locked.reason, locked.attempts = Outcome.PENDING, "", 0
    locked.save(update_fields=["outcome", "reason", "attempts", "updated_at"])
    IngestJob.objects.filter(pk=locked.job_id).update(
        state=IngestJob.State.RUNNING, finished_at=None, updated_at=timezone.now()
    )
    ingest_item_continue(item=locked)
    return locked
