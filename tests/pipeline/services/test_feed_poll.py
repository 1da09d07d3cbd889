"""feed_poll: a registered feed's new entries are ingested once, however often it is polled."""

from __future__ import annotations

import pytest

from articles.models import Article
from common.exceptions import ApplicationError
from pipeline.models import Feed, FeedEntry
from pipeline.services import feed_create, feed_poll, ingest_job_run
from tests.newsserver import rss, seed_texts

pytestmark = pytest.mark.django_db


def test_each_entry_is_ingested_once_across_polls(news_site, allow_loopback, django_capture_on_commit_callbacks):
    texts = seed_texts()
    links = [news_site.add_article(f"/poll/{i}", texts[i], title=f"Story {i}") for i in range(3)]
    feed_url = news_site.add(
        "/poll/feed.xml", rss([("a", links[0], "Story 0"), ("b", links[1], "Story 1")]), "application/rss+xml"
    )
    feed, created = feed_create(url=feed_url)

    first = ingest_job_run(job=feed_poll(feed=feed))
    news_site.add(
        "/poll/feed.xml", rss([(g, links[i], f"Story {i}") for i, g in enumerate("abc")]), "application/rss+xml"
    )
    second = ingest_job_run(job=feed_poll(feed=feed))

    assert created and first.items.get(outcome="feed").reason == "2 entries, 2 new"
    assert second.items.get(outcome="feed").reason == "3 entries, 1 new"
    assert Article.objects.filter(source_kind="feed").count() == 3
    assert FeedEntry.objects.filter(feed=feed, article__isnull=False).count() == 3
    feed.refresh_from_db()
    assert feed.title == "Local Herald" and feed.last_polled_at and not feed.last_error


def test_a_broken_feed_records_its_error_on_the_feed(news_site, allow_loopback):
    feed, _ = feed_create(
        url=news_site.add("/poll/broken.xml", "<?xml version='1.0'?><rss><channel><item>", "text/xml")
    )

    job = ingest_job_run(job=feed_poll(feed=feed))

    assert "not valid RSS or Atom" in job.items.get().reason
    assert "not valid RSS or Atom" in Feed.objects.get().last_error


def test_a_feed_url_must_be_http():
    with pytest.raises(ApplicationError, match="only http:// and https://"):
        feed_create(url="file:///etc/passwd")
