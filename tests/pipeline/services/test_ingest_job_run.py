"""ingest_job_run: files, pages and feeds through every stage in-process (the eager set-up)."""

from __future__ import annotations

import pytest

from articles.ingest.types import RawArticle, SourceFailure, UrlSource
from articles.models import Article
from pipeline.models import IngestItem, IngestJob
from pipeline.services import (
    ingest_job_counts,
    ingest_job_create,
    ingest_job_create_for_urls,
    ingest_job_run,
    url_source,
)
from tests.newsserver import BOILERPLATE, rss, seed_texts

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def texts():
    return seed_texts()


def test_a_page_is_stored_with_its_main_text_metadata_and_claims(news_site, allow_loopback, texts):
    url = news_site.add_article("/run/page", texts[1], title="Obama and Putin meet")

    job = ingest_job_run(job=ingest_job_create_for_urls(urls=[url]))

    article = Article.objects.get()
    assert job.state == IngestJob.State.DONE
    assert (article.source_kind, article.url, article.title) == ("url", url, "Obama and Putin meet")
    assert article.author == "Jane Reporter" and article.published_at.date().isoformat() == "2015-09-30"
    assert BOILERPLATE not in article.body and "All rights reserved" not in article.body
    assert article.claims.count() == job.items.get().claims_found > 0
    assert article.status == Article.Status.LINKED


def test_files_and_urls_go_in_one_job_and_each_records_where_it_came_from(news_site, allow_loopback, texts):
    url = news_site.add_article("/run/mixed", texts[2], title="Page")
    sources = [RawArticle(text=texts[0], name="a.txt", source_kind="text", source_file="a.txt"), UrlSource(url=url)]

    ingest_job_run(job=ingest_job_create(sources=sources))

    assert sorted(Article.objects.values_list("source_kind", "source_file", "url")) == [
        ("text", "a.txt", ""),
        ("url", "", url),
    ]


def test_the_same_page_twice_gives_one_article(news_site, allow_loopback, texts):
    url = news_site.add_article("/run/twice", texts[3], title="Twice")

    job = ingest_job_run(job=ingest_job_create_for_urls(urls=[url, url]))

    assert Article.objects.count() == 1
    assert sorted(job.items.values_list("outcome", flat=True)) == ["created", "duplicate"]


def test_a_feed_becomes_one_item_per_entry(news_site, allow_loopback, texts):
    links = [news_site.add_article(f"/run/feed/{i}", texts[i], title=f"Entry {i}") for i in (0, 4)]
    feed_url = news_site.add(
        "/run/feed.xml", rss([(f"e{i}", link, f"Entry {i}") for i, link in enumerate(links)]), "application/rss+xml"
    )

    job = ingest_job_run(job=ingest_job_create_for_urls(urls=[feed_url]))

    counts = ingest_job_counts(job=job)
    assert (counts["feed"], counts["created"], counts["total"]) == (1, 2, 3)
    assert set(Article.objects.values_list("url", flat=True)) == set(links)
    assert job.items.get(outcome="feed").reason == "2 entries, 2 new"


def test_every_bad_item_is_named_with_its_reason_and_the_good_ones_are_stored(news_site, allow_loopback, texts):
    good = news_site.add_article("/run/good", texts[0], title="Good")
    no_article = news_site.add("/run/empty.html", "<html><body><nav>Home</nav><p>Short.</p></body></html>")
    broken_feed = news_site.add(
        "/run/broken.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>B &amp x<item>',
        "application/rss+xml",
    )
    missing = news_site.url("/run/missing")
    loop = news_site.url("/loop")
    urls = [good, no_article, broken_feed, missing, loop, "ftp://x/y"]
    sources = [SourceFailure("empty.txt", "the file is empty"), *map(url_source, urls)]

    job = ingest_job_run(job=ingest_job_create(sources=sources))

    reasons = dict(job.items.filter(outcome="failed").values_list("name", "reason"))
    assert reasons == {
        no_article: "no article text found in the HTML page",
        broken_feed: "the feed is not valid RSS or Atom: not well-formed (invalid token) (line 1)",
        missing: "HTTP 404 Not Found",
        loop: f"redirect loop at {loop}",
        "ftp://x/y": "only http:// and https:// URLs can be ingested",
        "empty.txt": "the file is empty",
    }
    assert list(Article.objects.values_list("url", flat=True)) == [good]
    assert job.state == IngestJob.State.DONE


def test_private_addresses_are_refused_by_default(news_site, texts):
    url = news_site.add_article("/run/private", texts[0], title="Private")

    job = ingest_job_run(job=ingest_job_create_for_urls(urls=[url]))

    item = job.items.get()
    assert item.outcome == IngestItem.Outcome.FAILED and "private, loopback or link-local" in item.reason
    assert job.state == IngestJob.State.FAILED and not Article.objects.exists()
