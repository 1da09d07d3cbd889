"""A real worker ingests files, pages and feeds; every bad item is named with its reason."""

from __future__ import annotations

import pytest

from articles.ingest.files import read_sources
from articles.models import Article
from pipeline.models import IngestItem, IngestJob
from pipeline.services import ingest_job_create, ingest_job_enqueue, url_source
from tests.newsserver import rss, seed_texts

from .conftest import wait_for_job, worker_db

pytestmark = [pytest.mark.worker, worker_db]
SEEDS = "fixtures/seeds"


def test_a_worker_ingests_files_and_pages_and_each_article_ends_up_with_its_claims(start_worker, news_site):
    texts = seed_texts()
    page = news_site.add_article(
        "/w/page", texts[1] + "\n\nThis version of the story was published online.", title="Online"
    )
    entry = news_site.add_article("/w/entry", texts[2] + "\n\nFrom the feed.", title="Feed entry")
    feed = news_site.add("/w/feed.xml", rss([("entry-1", entry, "Feed entry")]), "application/rss+xml")
    job = ingest_job_create(sources=[*read_sources([SEEDS], max_bytes=10**7), url_source(page), url_source(feed)])
    start_worker("batch")

    ingest_job_enqueue(job=job)
    job = wait_for_job(job)

    assert job.state == IngestJob.State.DONE
    assert sorted(job.items.values_list("outcome", flat=True)) == ["created"] * 7 + ["feed"]
    assert Article.objects.count() == 7
    for item in job.items.filter(outcome=IngestItem.Outcome.CREATED).select_related("article"):
        article = item.article
        assert article.claims.count() == item.claims_found > 0, article
        assert article.claims.filter(speaker__isnull=False).exists()
        assert article.status in (Article.Status.EXTRACTED, Article.Status.LINKED)
    assert set(Article.objects.values_list("source_kind", flat=True)) == {"text", "url", "feed"}


def test_a_bad_batch_ingests_every_good_item_and_names_each_bad_one(start_worker, news_site, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "undecodable.txt").write_bytes(b"Caf\xe9 au lait, \x81\x8d " * 50)  # neither UTF-8 nor cp1252
    with open(tmp_path / "huge.txt", "wb") as huge:
        huge.truncate(50 * 1024 * 1024)  # 50 MB, sparse: refused by size before it is read
    (tmp_path / "good.txt").write_text(seed_texts()[0], encoding="utf-8")
    good_page = news_site.add_article("/bad/good", seed_texts()[3], title="Good page")
    urls = {
        "no_article": news_site.add("/bad/empty.html", "<html><body><nav>Home</nav><p>Nothing here.</p></body></html>"),
        "timeout": news_site.url("/slow"),
        "missing": news_site.url("/bad/missing"),
        "loop": news_site.url("/loop"),
        "feed": news_site.add("/bad/feed.xml", '<?xml version="1.0"?><rss><channel><title>A &amp B<item>', "text/xml"),
    }
    news_site.slow_seconds = 3
    sources = [*read_sources([tmp_path], max_bytes=10 * 1024 * 1024), *map(url_source, [good_page, *urls.values()])]
    job = ingest_job_create(sources=sources)
    start_worker("bad")

    ingest_job_enqueue(job=job)
    job = wait_for_job(job)

    reasons = dict(job.items.filter(outcome=IngestItem.Outcome.FAILED).values_list("name", "reason"))
    assert reasons == {
        "empty.txt": "the file is empty",
        "binary.txt": "the file is binary, not text",
        "undecodable.txt": "the file is not readable text (unknown encoding)",
        "huge.txt": f"the file is {50 * 1024 * 1024:,} bytes; the limit is {10 * 1024 * 1024:,} bytes",
        urls["no_article"]: "no article text found in the HTML page",
        urls["timeout"]: "127.0.0.1 did not answer within 1 s (gave up after 2 tries)",
        urls["missing"]: "HTTP 404 Not Found",
        urls["loop"]: f"redirect loop at {urls['loop']}",
        urls["feed"]: "the feed is not valid RSS or Atom: not well-formed (invalid token) (line 1)",
    }
    assert sorted(Article.objects.values_list("source_file", "url")) == [("", good_page), ("good.txt", "")]
    assert job.state == IngestJob.State.DONE
