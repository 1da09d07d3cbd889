"""POST /api/v1/ingest/ queues text or a file; the job reports progress, then articles and claims."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article
from pipeline.models import IngestJob

TEXT = (
    "Washington CNN — U.S. officials said Thursday that Russian airstrikes hit rebel positions near Homs. "
    '"We are not targeting civilians," Kremlin spokesman Dmitry Peskov told reporters.'
)


def _ingest(client, capture, **data):
    fmt = "multipart" if "file" in data else "json"
    with capture(execute=True):  # the job is queued on commit and runs eagerly (no broker in tests)
        return client.post("/api/v1/ingest/", data, format=fmt)


def test_posted_text_gives_202_and_a_job_that_ends_with_the_article_and_its_claims(
    curator_api, curator, django_capture_on_commit_callbacks
):
    response = _ingest(curator_api, django_capture_on_commit_callbacks, text=TEXT, title="Strikes near Homs", outlet="CNN")
    assert response.status_code == 202
    assert response["Location"] == response.json()["url"]
    job = curator_api.get(response["Location"]).json()
    assert job["state"] == "done"
    assert job["progress"] == {"total": 1, "done": 1, "failed": 0, "pending": 0}
    [item] = job["items"]
    assert item["outcome"] == "created"
    article = item["article"]
    assert (article["title"], article["outlet"]["name"]) == ("Strikes near Homs", "CNN")
    speakers = {claim["speaker"] for claim in article["claims"]}
    assert "Dmitry Peskov" in speakers
    assert IngestJob.objects.get(pk=job["id"]).created_by == curator


def test_a_duplicate_text_returns_the_existing_article(curator_api, django_capture_on_commit_callbacks):
    first = curator_api.get(_ingest(curator_api, django_capture_on_commit_callbacks, text=TEXT)["Location"]).json()
    again = curator_api.get(_ingest(curator_api, django_capture_on_commit_callbacks, text=TEXT + "\n")["Location"]).json()
    assert again["items"][0]["outcome"] == "duplicate"
    assert again["items"][0]["article"]["id"] == first["items"][0]["article"]["id"]
    assert Article.objects.count() == 1


def test_a_jsonl_file_gives_one_item_per_line_and_reports_the_bad_line(curator_api, django_capture_on_commit_callbacks):
    lines = [json.dumps({"text": TEXT, "title": "One"}), "{not json", json.dumps({"text": "Officials said the talks failed again."})]
    upload = SimpleUploadedFile("batch.jsonl", "\n".join(lines).encode(), content_type="application/x-ndjson")
    job = curator_api.get(_ingest(curator_api, django_capture_on_commit_callbacks, file=upload)["Location"]).json()
    assert job["state"] == "done"
    assert job["progress"] == {"total": 3, "done": 2, "failed": 1, "pending": 0}
    failed = [item for item in job["items"] if item["outcome"] == "failed"]
    assert failed[0]["name"] == "batch.jsonl:2"
    assert "JSON" in failed[0]["reason"]


def test_metadata_sent_with_a_text_file_is_kept(curator_api, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("story.txt", TEXT.encode())
    response = _ingest(curator_api, django_capture_on_commit_callbacks, file=upload, published="2015-10-01T08:00:00Z", url="https://example.com/a")
    article = curator_api.get(response["Location"]).json()["items"][0]["article"]
    assert article["published_at"] == "2015-10-01T08:00:00Z"
    assert article["source_url"] == "https://example.com/a"


def test_a_binary_file_fails_its_item_with_a_reason(curator_api, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("image.txt", b"\x89PNG\r\n\x00\x00\x00binary")
    job = curator_api.get(_ingest(curator_api, django_capture_on_commit_callbacks, file=upload)["Location"]).json()
    assert job["state"] == "failed"
    assert job["items"][0]["reason"] == "the file is binary, not text"


@pytest.mark.parametrize(
    ("data", "field"),
    [({}, "non_field_errors"), ({"text": ""}, "text"), ({"text": "   "}, "text"), ({"text": "x", "published": "soon"}, "published"),
     ({"text": "x", "url": "not a url"}, "url"), ({"text": 42}, "text"), ({"text": None}, "text")],
)  # fmt: skip
def test_bad_json_input_is_a_400_naming_the_field(curator_api, db, data, field):
    response = curator_api.post("/api/v1/ingest/", data, format="json")
    assert response.status_code == 400
    assert field in response.json()["extra"]["fields"]
    assert IngestJob.objects.count() == 0


def test_text_and_file_together_are_refused(curator_api, db):
    upload = SimpleUploadedFile("a.txt", b"Officials said so.")
    response = curator_api.post("/api/v1/ingest/", {"text": "Officials said so.", "file": upload}, format="multipart")
    assert response.status_code == 400
    assert "either" in str(response.json()["extra"]["fields"])


def test_an_unsupported_file_type_is_a_400(curator_api, db):
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.4")
    response = curator_api.post("/api/v1/ingest/", {"file": upload}, format="multipart")
    assert response.status_code == 400
    assert "Unsupported file type" in str(response.json()["extra"]["fields"]["file"])


def test_an_oversized_text_or_file_is_a_413(curator_api, db, settings):
    settings.CLAIMTRACK_MAX_ARTICLE_BYTES = 1000
    text = "Officials said the talks failed. " * 40
    as_text = curator_api.post("/api/v1/ingest/", {"text": text}, format="json")
    as_file = curator_api.post("/api/v1/ingest/", {"file": SimpleUploadedFile("big.txt", text.encode())}, format="multipart")
    assert (as_text.status_code, as_file.status_code) == (413, 413)
    assert "limit is 1000 bytes" in as_file.json()["message"]
    assert IngestJob.objects.count() == 0


def test_a_body_past_the_upload_limit_is_a_413_before_it_is_read(curator_api, db, settings):
    settings.CLAIMTRACK_MAX_ARTICLE_BYTES = 1000
    response = curator_api.post("/api/v1/ingest/", {"text": "x" * 200_000}, format="json")
    assert response.status_code == 413


def test_a_wrong_content_type_is_a_415(curator_api, db):
    response = curator_api.post("/api/v1/ingest/", TEXT, content_type="text/plain")
    assert response.status_code == 415
    assert response.json()["message"] == 'Unsupported media type "text/plain" in request.'


def test_malformed_json_is_a_400(curator_api, db):
    response = curator_api.post("/api/v1/ingest/", '{"text": ', content_type="application/json")
    assert response.status_code == 400
    assert "JSON parse error" in response.json()["message"]
