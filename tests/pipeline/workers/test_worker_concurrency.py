"""Two workers ingesting the same page or text at the same moment store it once."""

from __future__ import annotations

import pytest

from articles.ingest.types import RawArticle
from articles.models import Article
from pipeline.models import IngestItem, IngestJob
from pipeline.services import ingest_job_create, ingest_job_enqueue, url_source
from tests.newsserver import seed_texts

from .conftest import wait_for_job, worker_db

pytestmark = [pytest.mark.worker, worker_db]


def test_the_same_url_or_file_in_two_workers_gives_one_article(start_worker, news_site):
    texts = seed_texts()
    url = news_site.add_article("/same/page", texts[1], title="Same page")
    same_file = RawArticle(text=texts[4], name="same.txt", source_kind="text", source_file="same.txt")
    # Two jobs, as two analysts submitting the same things at once.
    jobs = [ingest_job_create(sources=[url_source(url), same_file]) for _ in range(2)]
    start_worker("one")
    start_worker("two")

    for job in jobs:
        ingest_job_enqueue(job=job)
    jobs = [wait_for_job(job) for job in jobs]

    assert all(job.state == IngestJob.State.DONE for job in jobs)
    assert Article.objects.filter(url=url).count() == 1
    assert Article.objects.filter(source_file="same.txt").count() == 1
    outcomes = sorted(IngestItem.objects.values_list("outcome", flat=True))
    assert outcomes == ["created", "created", "duplicate", "duplicate"]
    for article in Article.objects.all():
        assert article.claims.count() == article.ingest_items.get(outcome="created").claims_found > 0
