"""Real Celery workers (subprocesses) on Redis db 5, working on the pytest database.

The test process queues to Redis instead of running tasks eagerly; a worker sees only
committed rows, so these tests use transactional databases.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.db import connection
from django.db.models import Count

from articles.ingest.types import RawArticle
from articles.models import Article
from claimtrack import localdb
from claimtrack.celery import app as celery_app
from pipeline.models import IngestItem, IngestJob
from tests.conftest import migrated_rows_ensure
from tests.newsserver import NewsServer, seed_texts

REDIS_URL = os.environ.get("CLAIMTRACK_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
ROOT = Path(__file__).resolve().parents[3]  # the project folder
worker_db = pytest.mark.django_db(transaction=True)


def _reset_celery_connections() -> None:
    # Pools are created lazily from broker_url; dropping them makes them follow a broker_url change.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture(scope="session")
def redis_url():
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.fail(f"worker tests need Redis at {REDIS_URL}")
    client.flushdb()
    yield REDIS_URL
    client.flushdb()


@pytest.fixture
def broker(redis_url):
    """Queue to Redis from this process for the duration of a test."""
    conf = celery_app.conf
    saved = (conf.task_always_eager, conf.broker_url)
    redis.Redis.from_url(redis_url).flushdb()
    _reset_celery_connections()
    conf.task_always_eager, conf.broker_url = False, redis_url
    yield redis_url
    _reset_celery_connections()
    conf.task_always_eager, conf.broker_url = saved


@pytest.fixture(scope="module")
def news_site():
    with NewsServer() as server:
        yield server


class Worker:
    """``celery -A claimtrack worker`` in its own process group, so SIGKILL takes its children too."""

    def __init__(
        self, name: str, env: dict[str, str], concurrency: int = 1, queues: str = "fetch,ingest,nlp,celery"
    ) -> None:
        self.name = f"{name}@pipe-tests"
        command = [
            sys.executable, "-m", "celery", "-A", "claimtrack", "worker", "-Q", queues,
            "--pool=prefork", f"--concurrency={concurrency}", "-n", self.name, "-l", "info",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
        ]  # fmt: skip
        self.log = open(f"/tmp/claimtrack-worker-{name}-{os.getpid()}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_ready(self, timeout: float = 60) -> Worker:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"worker {self.name} exited; see {self.log.name}"
            if celery_app.control.ping(destination=[self.name], timeout=0.5):
                return self
        raise AssertionError(f"worker {self.name} did not start; see {self.log.name}")

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


def worker_env(redis_url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "claimtrack.settings.base",
        "DJANGO_SECRET_KEY": "worker-tests-only",
        "DATABASE_URL": localdb.url_for(connection.settings_dict),
        "DATABASE_CONN_MAX_AGE": "0",
        "CELERY_BROKER_URL": redis_url,
        "CLAIMTRACK_ALLOW_PRIVATE_URLS": "1",  # the test pages are on 127.0.0.1
        "CLAIMTRACK_FETCH_READ_TIMEOUT": "1",
        "CLAIMTRACK_TASK_MAX_RETRIES": "1",
        # Above any task's run time here, so that live workers never take each other's messages.
        "CELERY_VISIBILITY_TIMEOUT": "300",
        **extra,
    }


@pytest.fixture
def migrated_rows():
    """The rows migrations store, put back after an earlier transactional test flushed them.

    Not serialized_rollback: restoring the serialized database collides with the content types
    that an earlier flush's post_migrate recreated under new ids.
    """
    migrated_rows_ensure()


@pytest.fixture
def start_worker(broker, migrated_rows):
    started: list[Worker] = []

    def start(name: str, concurrency: int = 1, queues: str = "fetch,ingest,nlp,celery", **extra: str) -> Worker:
        worker = Worker(name, worker_env(broker, **extra), concurrency, queues)
        started.append(worker)
        return worker.wait_ready()

    yield start
    for worker in started:
        worker.stop()


def wait_for_job(job: IngestJob, timeout: float = 120, until=None) -> IngestJob:
    """Poll the job until it is over (or ``until(job)`` holds); fail with its counts on timeout."""
    from pipeline.services import ingest_job_counts

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if until(job) if until else job.state in (IngestJob.State.DONE, IngestJob.State.FAILED):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job.pk} still {job.state} after {timeout} s: {ingest_job_counts(job=job)}")


def distinct_seed_articles(size: int, note: str) -> list[RawArticle]:
    """``size`` seed texts, each made distinct by a numbered ``note`` line (so none is a duplicate)."""
    texts = seed_texts()
    return [
        RawArticle(text=f"{texts[n % len(texts)]}\n\n{note} {n}.", name=f"{n}.txt", source_kind="text")
        for n in range(size)
    ]


def assert_no_half_written_article(job: IngestJob) -> None:
    """Every stored article came with its claims, in the transaction that stored it."""
    created = job.items.filter(outcome=IngestItem.Outcome.CREATED).annotate(stored=Count("article__claims"))
    assert created.count() == Article.objects.count()
    for item in created:
        assert item.stored == item.claims_found > 0, item.name
