"""RSS/Atom feeds: register them, poll them on a schedule, remember each entry so it is ingested once.

The fetch stage (``items.ingest_item_fetch``) reads a fetched feed with ``feed_entries_new``
and turns the new entries into items (``feed_entry_items``).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.ingest.feeds import FeedItem, ParsedFeed
from articles.ingest.fetch import check_url
from articles.ingest.types import IngestError
from common.exceptions import ApplicationError
from pipeline.models import Feed, FeedEntry, IngestItem, IngestJob

from .queue import ingest_job_enqueue

NewEntry = tuple[FeedEntry | None, FeedItem]


@transaction.atomic
def feed_create(*, url: str, title: str = "") -> tuple[Feed, bool]:
    """Register a feed to poll (or return the one with that URL); the URL must be http(s)."""
    try:
        check_url(url)
    except IngestError as exc:
        raise ApplicationError(f"Not a feed URL: {exc}") from exc
    feed = Feed.objects.filter(url=url).first()
    if feed:
        return feed, False
    feed = Feed(url=url, title=title[:300])
    feed.full_clean()
    feed.save()
    return feed, True


def feeds_poll() -> list[IngestJob]:
    """One ingest job per active feed (the scheduled task calls this)."""
    return [feed_poll(feed=feed) for feed in Feed.objects.filter(active=True).order_by("id")]


@transaction.atomic
def feed_poll(*, feed: Feed) -> IngestJob:
    """Queue a job that fetches the feed; its new entries join the job as items when it is read."""
    job = IngestJob.objects.create(description=f"Feed: {feed}"[:300], total=1)
    payload = {"url": feed.url, "expect": "feed", "feed_id": feed.pk, "source_kind": "feed"}
    IngestItem.objects.create(job=job, name=feed.url[:2000], stage=IngestItem.Stage.FETCH, payload=payload)
    ingest_job_enqueue(job=job)
    return job


def feed_entries_new(*, parsed: ParsedFeed, url: str, feed_id: int | None) -> list[NewEntry]:
    """The entries of a fetched feed not seen before, each with the row that now remembers it.

    A registered feed's entries seen are rows, unique per feed and written under the feed's row
    lock, so two polls racing each other still take every entry once; a registered feed's URL
    ingested by hand counts as a poll of that feed. Any other feed has no memory: every entry
    is new (and has no row). Must run in the transaction that stores the entries' items.
    """
    feed_id = feed_id or Feed.objects.filter(url=url).values_list("pk", flat=True).first()
    if not feed_id:
        return [(None, entry) for entry in parsed.items]
    Feed.objects.select_for_update().filter(pk=feed_id).first()  # one poll of a feed at a time
    seen = set(FeedEntry.objects.filter(feed_id=feed_id).values_list("entry_id", flat=True))
    fresh = list({entry.entry_id: entry for entry in parsed.items if entry.entry_id not in seen}.values())
    rows = FeedEntry.objects.bulk_create(FeedEntry(feed_id=feed_id, entry_id=entry.entry_id) for entry in fresh)
    Feed.objects.filter(pk=feed_id).update(
        last_polled_at=timezone.now(), last_error="", title=(parsed.title or F("title"))
    )
    return list(zip(rows, fresh, strict=True))


def feed_entry_items(*, job_id: int, entries: list[NewEntry]) -> list[IngestItem]:
    """One unsaved item per entry, fetching its link; the feed's title, author and date go along as hints."""
    return [_entry_item(job_id, row, entry) for row, entry in entries]


def _entry_item(job_id: int, row: FeedEntry | None, entry: FeedItem) -> IngestItem:
    hints = {
        "title": entry.title,
        "author": entry.author,
        "published_at": entry.published_at.isoformat() if entry.published_at else None,
    }
    payload = {"url": entry.link, "source_kind": "feed", "hints": hints}
    if row is not None:
        payload["feed_entry_id"] = row.pk
    return IngestItem(job_id=job_id, name=entry.link[:2000], stage=IngestItem.Stage.FETCH, payload=payload)


def feed_failed(*, feed_id: int, reason: str) -> None:
    Feed.objects.filter(pk=feed_id).update(last_polled_at=timezone.now(), last_error=reason[:2000])
