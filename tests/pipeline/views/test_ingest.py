"""The ingest page: paste or upload, a job runs, its page shows progress, articles and claims."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from pipeline.models import IngestJob

pytestmark = pytest.mark.django_db
URL = reverse("pipeline:ingest")
PASTED = (
    "Moscow (Wire) — Russian warplanes struck targets near Homs on Wednesday. "
    '"We are hitting only terrorists," Kremlin spokesman Dmitry Peskov said. '
    "U.S. Defense Secretary Ash Carter said the strikes hit areas with no ISIS presence."
)


def test_pasted_text_becomes_an_article_with_claims(curator_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(URL, {"text": PASTED, "title": "Strikes near Homs", "outlet": "Wire"})
    job = IngestJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("pipeline:ingest_job", args=[job.pk])
    page = curator_client.get(response["Location"])
    html = page.content.decode()
    article = Article.objects.get(title="Strikes near Homs")
    assert page.context["finished"] and job.items.get().outcome == "created"
    assert article.get_absolute_url() in html
    assert article.claims.count() >= 2
    assert 'hx-trigger="every 1s"' not in html  # finished: no more polling


def test_a_running_job_polls_for_progress(curator_client):
    from articles.ingest.types import RawArticle
    from pipeline.services import ingest_job_create

    job = ingest_job_create(sources=[RawArticle(text="A said B.", name="pasted", source_kind="paste")])
    html = curator_client.get(reverse("pipeline:ingest_job", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in html and "0 of 1 item" in html
    partial = curator_client.get(reverse("pipeline:ingest_job", args=[job.pk]), headers={"HX-Request": "true"})
    assert "<html" not in partial.content.decode()


def test_an_unreadable_upload_is_reported_and_the_rest_goes_on(curator_client, django_capture_on_commit_callbacks):
    good = SimpleUploadedFile("good.txt", PASTED.encode(), content_type="text/plain")
    binary = SimpleUploadedFile("../../etc/evil.txt", b"\x00\x01\x02binary", content_type="text/plain")
    with django_capture_on_commit_callbacks(execute=True):
        posted = curator_client.post(URL, {"files": [good, binary]})
    response = curator_client.get(posted["Location"])  # after the job ran (on commit)
    html = response.content.decode()
    assert "evil.txt" in html and "the file is binary" in html
    assert response.context["counts"]["created"] == 1 and response.context["counts"]["failed"] == 1


def test_an_empty_form_says_what_is_missing(curator_client):
    response = curator_client.post(URL, {"text": "   "})
    assert response.status_code == 400
    assert "Choose at least one file or paste some text." in response.content.decode()
    assert not IngestJob.objects.exists()
