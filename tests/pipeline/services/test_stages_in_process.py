"""Without a broker, stage tasks retry hiccups here, give up with a reason, and keep to a time limit."""

from __future__ import annotations

import logging
from io import StringIO

import pytest
from django.core.management import call_command

from articles.ingest.types import RawArticle, UrlSource
from articles.models import Article
from pipeline.models import IngestItem, IngestJob
from pipeline.services import ingest_job_create, ingest_job_enqueue, ingest_job_run
from tests.newsserver import seed_texts

pytestmark = pytest.mark.django_db
REFUSED = "http://127.0.0.1:9/"  # the discard port: nothing listens, the connection is refused


@pytest.fixture
def quick_retries(settings, allow_loopback):
    settings.CLAIMTRACK_TASK_MAX_RETRIES = 2
    settings.CLAIMTRACK_RETRY_DELAY = 0.05


def _job(news_site):
    return ingest_job_create(
        sources=[
            UrlSource(url=REFUSED),
            UrlSource(url=news_site.url("/status/503")),
            RawArticle(text=seed_texts()[0], name="later.txt", source_kind="text"),
        ]
    )


def _assert_retried_then_failed_and_the_rest_ran(job: IngestJob) -> None:
    job.refresh_from_db()
    reasons = dict(job.items.values_list("name", "reason"))
    assert job.state == IngestJob.State.DONE
    assert reasons[REFUSED].startswith("cannot connect to 127.0.0.1") and "(gave up after 3 tries)" in reasons[REFUSED]
    assert "HTTP 503" in reasons[job.items.get(name__contains="/status/").name]
    assert job.items.get(name="later.txt").outcome == IngestItem.Outcome.CREATED


def test_a_transient_failure_is_retried_in_process_then_fails_the_item(news_site, quick_retries, caplog):
    caplog.set_level(logging.WARNING, logger="pipeline.tasks")

    job = ingest_job_run(job=_job(news_site))

    _assert_retried_then_failed_and_the_rest_ran(job)
    assert sum("retry" in r.getMessage() for r in caplog.records) == 4  # two items, two retries each


def test_a_job_queued_eagerly_at_commit_also_finishes(news_site, quick_retries, django_capture_on_commit_callbacks):
    job = _job(news_site)
    with django_capture_on_commit_callbacks(execute=True):  # as the web app does without a broker
        ingest_job_enqueue(job=job)

    _assert_retried_then_failed_and_the_rest_ran(job)


def test_the_cli_exits_with_a_summary_after_transient_failures(news_site, quick_retries, tmp_path):
    (tmp_path / "later.txt").write_text(seed_texts()[0], encoding="utf-8")
    out, err = StringIO(), StringIO()

    call_command("ingest", REFUSED, str(tmp_path), "--no-progress", stdout=out, stderr=err)

    assert "1 new, 0 duplicate, 1 failed" in out.getvalue()
    assert f"skipped {REFUSED}: cannot connect to 127.0.0.1" in err.getvalue()


def test_extraction_over_the_soft_time_limit_fails_the_item_with_the_reason(settings):
    settings.CELERY_TASK_SOFT_TIME_LIMIT = 0.2
    long_text = " ".join(seed_texts()) * 3
    job = ingest_job_create(sources=[RawArticle(text=long_text, name="long.txt", source_kind="text")])

    job = ingest_job_run(job=job)

    item = job.items.get()
    assert (item.outcome, "took longer than 0.2 s" in item.reason) == (IngestItem.Outcome.FAILED, True), item.reason
    assert not Article.objects.exists()
