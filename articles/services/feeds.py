"""RSS/Atom feeds: register them, poll them on a schedule, ingest each new entry once."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.ingest.feeds import parse_feed
from articles.ingest.fetch import Fetched, check_url
from articles.ingest.types import IngestError
from articles.models import Feed, FeedEntry, IngestItem, IngestJob
from common.exceptions import ApplicationError


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
    from .jobs import ingest_job_enqueue

    job = IngestJob.objects.create(description=f"Feed: {feed}"[:300], total=1)
    payload = {"url": feed.url, "expect": "feed", "feed_id": feed.pk, "source_kind": "feed"}
    IngestItem.objects.create(job=job, name=feed.url[:2000], stage=IngestItem.Stage.FETCH, payload=payload)
    ingest_job_enqueue(job=job)
    return job


@transaction.atomic
def feed_expand(*, item: IngestItem, fetched: Fetched) -> IngestItem:
    """The fetched feed item becomes one URL item per entry not seen before, in the same job.

    For a registered feed the entries seen are rows (unique per feed, under the feed's row
    lock), so two polls racing each other still ingest every entry once.
    """
    from .stages import _lock, ingest_item_continue, ingest_item_failed

    try:
        parsed = parse_feed(fetched.content, url=fetched.url)
    except IngestError as exc:
        return ingest_item_failed(item=item, reason=str(exc))
    locked = _lock(item)
    if locked.stage != IngestItem.Stage.FETCH or locked.outcome != IngestItem.Outcome.PENDING:
        return locked
    # A registered feed's URL ingested by hand counts as a poll of that feed.
    feed_id = (
        locked.payload.get("feed_id")
        or Feed.objects.filter(url=locked.payload["url"]).values_list("pk", flat=True).first()
    )
    entries = _new_entries(feed_id, parsed.items) if feed_id else [(None, entry) for entry in parsed.items]
    new_items = IngestItem.objects.bulk_create(_entry_item(locked.job_id, row, entry) for row, entry in entries)
    IngestJob.objects.filter(pk=locked.job_id).update(total=F("total") + len(new_items))
    locked.outcome, locked.stage, locked.payload = IngestItem.Outcome.FEED, IngestItem.Stage.DONE, {}
    locked.reason = f"{len(parsed.items)} entries, {len(new_items)} new"
    locked.save(update_fields=["outcome", "stage", "payload", "reason", "updated_at"])
    if feed_id:
        Feed.objects.filter(pk=feed_id).update(
            last_polled_at=timezone.now(), last_error="", title=(parsed.title or F("title"))
        )
    for new in new_items:
        ingest_item_continue(item=new)
    return locked


def _new_entries(feed_id: int, items: list) -> list[tuple[FeedEntry, object]]:
    Feed.objects.select_for_update().filter(pk=feed_id).first()  # one poll of a feed at a time
    seen = set(FeedEntry.objects.filter(feed_id=feed_id).values_list("entry_id", flat=True))
    fresh = list({entry.entry_id: entry for entry in items if entry.entry_id not in seen}.values())
    rows = FeedEntry.objects.bulk_create(FeedEntry(feed_id=feed_id, entry_id=entry.entry_id) for entry in fresh)
    return list(zip(rows, fresh, strict=True))


def _entry_item(job_id: int, row: FeedEntry | None, entry) -> IngestItem:
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
