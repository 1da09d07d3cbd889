"""What `manage.py ingest` says when a job does not move: it names what the job really waits for."""

from __future__ import annotations

import re

import pytest

from articles.ingest.types import RawArticle
from pipeline.management.commands.ingest import Command
from pipeline.services import ingest_job_create, ingest_job_enqueue

from .conftest import worker_db

pytestmark = [pytest.mark.worker, worker_db]


def test_it_tells_waiting_for_a_worker_from_retrying_an_item(start_worker):
    job = ingest_job_create(sources=[RawArticle(text="The minister said it.", name="a.txt", source_kind="text")])
    start_worker("elsewhere", queues="celery")  # answers a ping, takes none of the pipeline's queues
    ingest_job_enqueue(job=job)

    waiting = Command()._idle_message(job)
    job.items.update(reason="retry 2 of 4 after: cannot connect to example.org: refused")
    retrying = Command()._idle_message(job)

    # At least our worker answers; another test run's worker on the same broker may answer too.
    assert re.search(r"waiting for a worker: [1-9]\d* worker\(s\) answer but none has taken the 1 pending item\(s\)", waiting)
    assert retrying == f"Job {job.pk}: retrying a.txt (retry 2 of 4 after: cannot connect to example.org: refused)."
