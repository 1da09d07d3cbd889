"""The bad-input corpus (tests/pipeline/badinput.py) through the CLI, the API and the upload form.

Each good item is ingested, each bad one is named with its reason, nothing crashes, and nothing is
half-written: every stored article came with its claims and every item is finished.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from pipeline.models import IngestItem, IngestJob
from tests.newsserver import article_html

from . import badinput
from .badinput import EXPECTED_FILES, EXPECTED_FOLDER_ONLY, FILES, Expect

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def corpus_limits(settings):
    settings.CLAIMTRACK_MAX_ARTICLE_BYTES = badinput.MAX_ARTICLE_BYTES
    settings.CLAIMTRACK_MAX_ARTICLE_CHARS = badinput.MAX_ARTICLE_CHARS
    settings.CLAIMTRACK_TASK_MAX_RETRIES = 2
    settings.CLAIMTRACK_RETRY_DELAY = 0.05


def _assert_items(job: IngestJob, expected: dict[str, Expect]) -> None:
    items = {item.name: item for item in job.items.all()}
    for name, expect in expected.items():
        assert name in items, f"{name} is not an item of the job"
        item = items[name]
        assert (item.outcome, expect.reason in item.reason) == (expect.outcome, True), (name, item.reason)


def _assert_nothing_half_written(job: IngestJob) -> None:
    job.refresh_from_db()
    nothing_ingested = not job.items.exclude(outcome=IngestItem.Outcome.FAILED).exists()
    assert job.state == (IngestJob.State.FAILED if nothing_ingested else IngestJob.State.DONE)
    assert not job.items.filter(outcome=IngestItem.Outcome.PENDING).exists()
    assert not job.items.filter(outcome=IngestItem.Outcome.CREATED, article__isnull=True).exists()
    for article in Article.objects.all():
        assert article.status in (Article.Status.EXTRACTED, Article.Status.LINKED), (article, article.failure_reason)
        assert article.extractor_version, article


def _assert_metadata_kept(job: IngestJob) -> None:
    dated = Article.objects.get(source_file="dateline.txt")
    assert (dated.place, dated.outlet.name, dated.published_at.month, dated.published_at.day) == (
        "ROTTERDAM",
        "Reuters",
        3,
        3,
    )
    assert not dated.body.startswith("ROTTERDAM")
    assert not dated.claims.filter(content__contains="Reuters").exists()
    long_fields = job.items.get(name="records.jsonl:10").article
    assert (len(long_fields.title), len(long_fields.author)) == (500, 300)


def test_the_cli_ingests_every_good_item_and_names_every_bad_one(tmp_path, news_site, allow_loopback):
    folder = badinput.write_folder(tmp_path / "corpus")
    explicit = badinput.explicit_paths(folder)
    entry = news_site.add_article("/corpus/entry", badinput.story(30) + " " + badinput.story(31), title="Entry")
    urls = {
        news_site.add_article("/corpus/good", badinput.story(32) + " " + badinput.story(33), title="Good"): Expect(
            "created"
        ),
        news_site.url("/status/503"): Expect("failed", "HTTP 503 Service Unavailable (gave up after 3 tries)"),
        news_site.url("/status/429"): Expect("failed", "HTTP 429 Too Many Requests (gave up after 3 tries)"),
        news_site.url("/status/500"): Expect("failed", "HTTP 500 Internal Server Error (gave up after 3 tries)"),
        "http://127.0.0.1:9/": Expect("failed", "cannot connect to 127.0.0.1"),
        news_site.url("/corpus/missing"): Expect("failed", "HTTP 404 Not Found"),
        news_site.add("/corpus/picture", b"\x89PNG", "image/png"): Expect("failed", "unsupported content type"),
        news_site.add("/corpus/half.xml", _half_broken_feed(entry), "application/rss+xml"): Expect(
            "feed", "the feed has errors"
        ),
    }
    out, err = StringIO(), StringIO()

    summary = call_command("ingest", str(folder), *explicit, *urls, "--no-progress", stdout=out, stderr=err)

    job = IngestJob.objects.get()
    _assert_items(job, {**EXPECTED_FILES, **EXPECTED_FOLDER_ONLY, **explicit, **urls})
    assert not job.items.filter(name__contains="hidden").exists()
    assert Article.objects.filter(url=entry).count() == 1  # read from the half-broken feed
    assert Article.objects.get(source_file="plain.txt").title == "Quay talks fail"  # the sidecar's
    assert "outside.txt" not in {a.source_file for a in Article.objects.all()}
    assert "failed" in summary and "skipped pipe: not a regular file" in err.getvalue()
    _assert_metadata_kept(job)
    _assert_nothing_half_written(job)


def _half_broken_feed(link: str) -> str:
    """An RSS feed whose one entry reads fine and whose XML then breaks off."""
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Half</title>'
        f"<item><guid>one</guid><title>Entry</title><link>{link}</link></item>"
        f"<item><title>Broken & unfinished"
    )


def _api_post(client, capture, data, fmt):
    with capture(execute=True):  # the job runs eagerly when the request's transaction commits
        return client.post("/api/v1/ingest/", data, format=fmt)


def test_the_api_takes_each_file_of_the_corpus_and_answers_with_its_reason(
    curator_api, django_capture_on_commit_callbacks
):
    for name, data in FILES.items():
        upload = SimpleUploadedFile(name, data, content_type="application/octet-stream")
        response = _api_post(curator_api, django_capture_on_commit_callbacks, {"file": upload}, "multipart")
        if name == "picture.png":
            assert response.status_code == 400 and "Unsupported file type" in str(response.json())
            continue
        if name == "too_big.txt":
            assert response.status_code == 413
            continue
        assert response.status_code == 202, (name, response.content)
        job = IngestJob.objects.get(pk=response.json()["id"])
        _assert_items(job, {k: v for k, v in EXPECTED_FILES.items() if k.split(":")[0] == name})
        body = curator_api.get(response["Location"]).json()
        assert all(item["reason"] or item["outcome"] != "failed" for item in body["items"])
    for job in IngestJob.objects.all():
        _assert_nothing_half_written(job)
    _assert_metadata_kept(IngestJob.objects.get(items__name="records.jsonl:10"))


@pytest.mark.parametrize(
    ("text", "status", "expect"),
    [
        ("a \u0000 b " + badinput.story(40), 202, Expect("created", "removed 1 NUL character(s)")),
        ("\x1b[31m" + badinput.story(41), 202, Expect("created", "removed 1 terminal escape sequence(s)")),
        ("word " * (badinput.MAX_ARTICLE_CHARS // 5 + 1), 202, Expect("failed", "(CLAIMTRACK_MAX_ARTICLE_CHARS)")),
        (42, 400, Expect("", "'text' must be a string, not int.")),
        (["a list"], 400, Expect("", "'text' must be a string, not list.")),
    ],
)
def test_the_api_takes_posted_text_with_controls_and_refuses_text_that_is_not_a_string(
    curator_api, django_capture_on_commit_callbacks, text, status, expect
):
    response = _api_post(curator_api, django_capture_on_commit_callbacks, {"text": text, "title": "Posted"}, "json")

    assert response.status_code == status, response.content
    if status == 400:
        assert response.json()["extra"]["fields"]["text"] == [expect.reason]
        assert not IngestJob.objects.exists()
        return
    [item] = curator_api.get(response["Location"]).json()["items"]
    job = IngestJob.objects.get()
    _assert_items(job, {"Posted": expect})
    _assert_nothing_half_written(job)
    assert (item["outcome"], expect.reason in item["reason"]) == (expect.outcome, True)


def test_the_upload_form_takes_the_whole_corpus_at_once(curator_client, django_capture_on_commit_callbacks):
    uploads = [SimpleUploadedFile(name, data) for name, data in FILES.items()]
    with django_capture_on_commit_callbacks(execute=True):
        posted = curator_client.post(reverse("pipeline:ingest"), {"files": uploads})

    assert posted.status_code == 302, posted.content.decode()[:2000]
    page = curator_client.get(posted["Location"])
    job = IngestJob.objects.get()
    too_big = Expect("failed", f"the file is {badinput.MAX_ARTICLE_BYTES + 1:,} bytes")
    _assert_items(job, {**EXPECTED_FILES, "too_big.txt": too_big})
    html = page.content.decode()
    assert page.status_code == 200 and "the file is binary, not text" in html and "removed 1 NUL character(s)" in html
    _assert_metadata_kept(job)
    _assert_nothing_half_written(job)


def test_an_upload_over_the_limit_is_refused_by_its_length_before_it_is_read(curator_client, settings):
    settings.CLAIMTRACK_MAX_UPLOAD_TOTAL_BYTES = 10_000
    upload = SimpleUploadedFile("big.txt", b"word " * 5_000)

    response = curator_client.post(reverse("pipeline:ingest"), {"files": [upload]})

    assert response.status_code == 413
    assert "at most 10000 bytes can be sent at a time" in response.content.decode()
    assert not IngestJob.objects.exists()


def test_the_paste_form_takes_a_date_and_reads_a_dateline(curator_client, django_capture_on_commit_callbacks):
    text = "ROTTERDAM, March 3 (Reuters) - " + badinput.story(50)
    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(reverse("pipeline:ingest"), {"text": text, "title": "Pasted", "published": "2016-03-04"})

    article = Article.objects.get()
    assert (article.place, article.outlet.name, article.published_at.date().isoformat()) == (
        "ROTTERDAM",
        "Reuters",
        "2016-03-04",
    )  # the date given wins over the dateline's
    assert article.body.startswith("The harbour minister")
    assert all("ROTTERDAM" not in claim.content for claim in article.claims.all())


def test_a_page_html_with_a_nul_in_its_body_is_read(tmp_path):
    html = article_html(badinput.story(60) + " " + badinput.story(61), title="NUL page")
    (tmp_path / "nul.html").write_bytes(html.encode() + b" " * 9000 + b"\x00<!-- end -->")
    out = StringIO()
    call_command("ingest", str(tmp_path), "--no-progress", stdout=out, stderr=StringIO())
    assert "1 new" in out.getvalue()
