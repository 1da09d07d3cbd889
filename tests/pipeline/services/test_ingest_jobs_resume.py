"""ingest_jobs_resume: work that no process works on and that has not moved is queued again, once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.ingest.types import RawArticle
from articles.models import Article
from pipeline.models import IngestItem
from pipeline.selectors import ingest_job_activity
from pipeline.services import ingest_job_create, ingest_jobs_resume
from pipeline.services.working import unit_claimed
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
STALLED = timedelta(seconds=30)


def _stalled_job(count: int = 1):
    sources = [
        RawArticle(text=f"The minister said talks {n} failed.", name=f"{n}.txt", source_kind="text")
        for n in range(count)
    ]
    job = ingest_job_create(sources=sources)
    job.items.update(updated_at=timezone.now() - timedelta(minutes=5))
    return job


def test_a_stalled_item_is_queued_again_once_per_stalled_period(django_capture_on_commit_callbacks):
    _stalled_job(2)

    with django_capture_on_commit_callbacks() as queued:
        first = ingest_jobs_resume(stalled_for=STALLED)
    second = ingest_jobs_resume(stalled_for=STALLED)  # the first sweep touched them: not stalled now

    assert (first, len(queued), second) == (2, 2, 0)


def test_an_item_a_live_process_works_on_is_left_alone(django_capture_on_commit_callbacks):
    job = _stalled_job(2)
    busy, idle = job.items.order_by("id")

    with unit_claimed("item", busy.pk) as mine, django_capture_on_commit_callbacks() as queued:
        assert mine
        assert ingest_jobs_resume(stalled_for=STALLED) == 1
        assert ingest_job_activity(job=job).working == busy

    assert len(queued) == 1
    busy.refresh_from_db()
    assert busy.updated_at < timezone.now() - STALLED  # untouched: still stalled once its worker is gone


def test_an_item_that_moved_recently_is_not_resumed():
    job = ingest_job_create(sources=[RawArticle(text="A said B.", name="a.txt", source_kind="text")])
    assert job.items.get().outcome == IngestItem.Outcome.PENDING
    assert ingest_jobs_resume(stalled_for=STALLED) == 0


def test_an_article_left_waiting_for_linking_is_queued_again(django_capture_on_commit_callbacks):
    article = ArticleFactory(status=Article.Status.EXTRACTED)
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - timedelta(minutes=5))

    with django_capture_on_commit_callbacks() as queued:
        assert ingest_jobs_resume(stalled_for=STALLED) == 1

    assert len(queued) == 1


def test_the_activity_names_an_item_waiting_to_retry():
    job = _stalled_job(1)
    job.items.update(reason="retry 1 of 4 after: cannot connect to example.org: refused")

    activity = ingest_job_activity(job=job)

    assert activity.retrying.reason.startswith("retry 1 of 4") and activity.pending == 1


def test_the_default_resumes_within_a_minute(settings):
    from claimtrack.settings import base

    assert base.CLAIMTRACK_STALLED_AFTER <= 30 and 0 < base.CLAIMTRACK_RESUME_EVERY <= 30
