"""Articles, ingest jobs and feeds in the admin: visible, and failures say why."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article
from pipeline.models import IngestItem, IngestJob
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_failed_articles_show_their_reason_in_the_list(analyst_admin):
    ArticleFactory(status=Article.Status.FAILED, failure_reason="extraction timed out after 300 s")
    ArticleFactory()

    page = analyst_admin.get(reverse("admin:articles_article_changelist"), {"status__exact": "failed"})

    assert len(page.context["cl"].result_list) == 1
    assert "extraction timed out after 300 s" in page.content.decode()


def test_an_ingest_job_lists_its_items_and_why_they_failed(analyst_admin):
    job = IngestJob.objects.create(description="upload", total=1)
    IngestItem.objects.create(job=job, name="broken.html", outcome="failed", reason="not UTF-8 and no charset")

    page = analyst_admin.get(reverse("admin:pipeline_ingestjob_change", args=[job.pk])).content.decode()

    assert "broken.html" in page and "not UTF-8 and no charset" in page


def test_an_article_body_is_shown_escaped_and_read_only(curator_admin):
    article = ArticleFactory(body="He said <b>bold</b> things.")

    page = curator_admin.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()

    assert "He said &lt;b&gt;bold&lt;/b&gt; things." in page
    assert 'name="body"' not in page
