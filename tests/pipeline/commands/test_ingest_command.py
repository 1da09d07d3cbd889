"""manage.py ingest / add_feed / poll_feeds: files and URLs in one run, a summary, clear errors."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from claimtrack.celery import app as celery_app
from pipeline.models import Feed
from tests.newsserver import rss, seed_texts

pytestmark = pytest.mark.django_db


def _ingest(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("ingest", *args, "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_ingests_files_and_urls_and_names_what_it_skipped(news_site, allow_loopback, tmp_path):
    (tmp_path / "a.txt").write_text(seed_texts()[0], encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    page = news_site.add_article("/cli/page", seed_texts()[2], title="CLI page")

    out, err = _ingest(str(tmp_path), page, news_site.url("/cli/missing"))

    assert "2 new, 0 duplicate, 2 failed" in out
    assert "skipped empty.txt: the file is empty" in err
    assert f"skipped {news_site.url('/cli/missing')}: HTTP 404 Not Found" in err
    assert Article.objects.filter(url=page).exists()


def test_it_fails_when_nothing_could_be_ingested(news_site, allow_loopback):
    with pytest.raises(CommandError, match="Nothing could be ingested"):
        _ingest(news_site.url("/cli/nothing"))


def test_it_says_the_broker_is_down_instead_of_hanging(tmp_path):
    saved = (celery_app.conf.task_always_eager, celery_app.conf.broker_url)
    celery_app._pool, celery_app.amqp._producer_pool = None, None
    celery_app.conf.task_always_eager, celery_app.conf.broker_url = False, "redis://127.0.0.1:1/5"
    try:
        with pytest.raises(CommandError, match="task queue at redis://127.0.0.1:1/5 is not reachable"):
            _ingest(str(tmp_path))
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.broker_url = saved
        celery_app._pool, celery_app.amqp._producer_pool = None, None


def test_add_feed_then_poll_feeds_ingests_the_entries(news_site, allow_loopback):
    link = news_site.add_article("/cli/entry", seed_texts()[3], title="Entry")
    feed_url = news_site.add("/cli/feed.xml", rss([("e1", link, "Entry")]), "application/rss+xml")

    added = call_command("add_feed", feed_url, stdout=StringIO())
    out = StringIO()
    call_command("poll_feeds", "--no-progress", stdout=out, stderr=StringIO())

    assert added.startswith("Added feed")
    assert "1 new" in out.getvalue() and "1 feed(s) read" in out.getvalue()
    assert Feed.objects.get().entries.get().article.url == link
