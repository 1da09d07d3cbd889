"""ingest_job_create: sources are stored a chunk at a time, and one item the database refuses fails alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from articles.ingest.files import read_jsonl, read_sources
from articles.ingest.types import RawArticle
from pipeline.models import IngestItem
from pipeline.services import ingest_job_create, ingest_job_create_for_urls
from pipeline.services.jobs import CREATE_CHUNK_SIZE

pytestmark = pytest.mark.django_db


def test_sources_are_stored_while_they_are_still_being_read():
    stored_when_read: list[int] = []

    def sources() -> Iterator[RawArticle]:
        for n in range(CREATE_CHUNK_SIZE * 2 + 10):
            stored_when_read.append(IngestItem.objects.filter(name__startswith="chunked-").count())
            yield RawArticle(text=f"The minister said talks {n} failed.", name=f"chunked-{n}.txt", source_kind="text")

    job = ingest_job_create(sources=sources())

    assert job.total == job.items.count() == CREATE_CHUNK_SIZE * 2 + 10
    assert stored_when_read[-1] == CREATE_CHUNK_SIZE * 2  # never more than a chunk held in memory


def test_a_folder_is_read_one_file_at_a_time(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"The minister said {name} was late.")
    reading = read_sources([tmp_path], max_bytes=1000)

    first = next(reading)
    (tmp_path / "b.txt").unlink()  # gone before it was read: the walk had not opened it yet

    assert first.name == "a.txt"
    assert [(r.name, r.reason) for r in reading] == [("b.txt", "the file went away while the folder was read")]


def test_an_item_the_database_refuses_fails_alone_and_the_batch_is_kept():
    # A URL that cannot be fetched is a failed item named by the URL itself, NUL and all.
    job = ingest_job_create_for_urls(urls=["https://example.org/a", "http://bad\x00host/", "https://example.org/b"])

    outcomes = dict(job.items.values_list("name", "outcome"))
    assert outcomes == {
        "https://example.org/a": "pending",
        "http://badhost/": "failed",
        "https://example.org/b": "pending",
    }
    assert job.items.get(name="http://badhost/").reason.startswith("the item could not be stored")


def test_a_lone_surrogate_in_a_record_is_removed_and_noted():
    [raw] = read_jsonl('{"text": "The minister said \\ud800 no."}', name="r.jsonl")
    job = ingest_job_create(sources=[raw])
    assert job.items.get().reason == "removed 1 unpaired surrogate(s)"
