"""manage.py bench_ingest --workers 1,2: articles per minute through real Celery workers.

Runs on a scratch database (created next to the configured one, dropped afterwards) and a
Redis database given by --broker (emptied first), so it never touches real data.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from psycopg2 import sql

from articles.ingest.files import read_sources
from articles.ingest.types import RawArticle
from claimtrack import localdb

ROOT = Path(settings.BASE_DIR)


class Command(BaseCommand):
    help = "Measure ingest throughput (articles/minute) with 1, 2, … worker processes on a scratch database."

    def add_arguments(self, parser):
        parser.add_argument("--workers", default="1,2", help="Worker process counts to measure, e.g. 1,2.")
        parser.add_argument(
            "--articles", type=int, default=40, help="Articles per run (texts repeat, each made unique)."
        )
        parser.add_argument("--source", default=str(ROOT / "fixtures" / "seeds"), help="Folder of articles to read.")
        parser.add_argument("--broker", default="redis://127.0.0.1:6379/15", help="Redis URL; this db is emptied.")
        parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)  # the run on the scratch database

    def handle(self, *args, **options) -> str:
        counts = [int(n) for n in options["workers"].split(",")]
        if options["inner"]:
            return self._measure(counts, options)
        return self._on_scratch_database(options)

    # ---- outer: scratch database ---------------------------------------------------------------

    def _on_scratch_database(self, options) -> str:
        db = settings.DATABASES["default"]
        scratch = f"{db['NAME']}_bench"
        url = localdb.url_for(db, scratch)
        self._admin(db, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(scratch)))
        self._admin(db, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(scratch)))
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "CELERY_BROKER_URL": options["broker"],
            "DJANGO_SETTINGS_MODULE": "claimtrack.settings.base",
        }
        try:
            subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
            argv = ["--inner", "--workers", options["workers"], "--articles", str(options["articles"]), "--source", options["source"], "--broker", options["broker"]]  # fmt: skip
            subprocess.run([sys.executable, "manage.py", "bench_ingest", *argv], cwd=ROOT, env=env, check=True)
        except subprocess.CalledProcessError as exc:
            raise CommandError(f"benchmark failed ({exc})") from exc
        finally:
            self._admin(db, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(scratch)))
        return "Scratch database dropped."

    def _admin(self, db: dict, statement: sql.Composed) -> None:
        conn = psycopg2.connect(localdb.url_for(db, "postgres"))
        conn.autocommit = True  # CREATE/DROP DATABASE cannot run in a transaction
        try:
            with conn.cursor() as cursor:
                cursor.execute(statement)
        finally:
            conn.close()

    # ---- inner: runs against the scratch database ----------------------------------------------

    def _measure(self, counts: list[int], options) -> str:
        import redis

        texts = self._texts(options["source"], options["articles"])
        words = sum(len(t.text.split()) for t in texts)
        self.stdout.write(f"{len(texts)} articles, {words} words, from {options['source']}")
        rates = {}
        for n in counts:
            redis.Redis.from_url(options["broker"]).flushdb()
            rates[n] = self._run(n, texts, options["broker"])
            self.stdout.write(
                f"{n} worker process(es): {rates[n]:.1f} articles/minute ({rates[n] * words / len(texts) / 60:.0f} words/s)"
            )
        if len(counts) > 1:
            self.stdout.write(f"ratio {counts[-1]} vs {counts[0]}: {rates[counts[-1]] / rates[counts[0]]:.2f}x")
        return ""

    def _texts(self, source: str, count: int) -> list[RawArticle]:
        read = [
            r
            for r in read_sources([source], max_bytes=settings.CLAIMTRACK_MAX_ARTICLE_BYTES)
            if isinstance(r, RawArticle)
        ]
        if not read:
            raise CommandError(f"no readable articles in {source}")
        # Each copy gets a line of its own so that it is a new article, not a duplicate.
        return [RawArticle(text=f"{read[i % len(read)].text}\n\nBenchmark copy {i}.", name=f"bench-{i}", source_kind="text") for i in range(count)]  # fmt: skip

    def _run(self, processes: int, texts: list[RawArticle], broker: str) -> float:
        from articles.models import Article
        from pipeline.services import ingest_job_create, ingest_job_enqueue

        Article.objects.all().delete()  # every run starts empty, so the warm-up is never a duplicate
        worker = self._start_worker(processes, broker)
        try:
            warm_up = ingest_job_create(sources=texts[:processes])  # loads spaCy in each process, not timed
            self._wait(warm_up, enqueue=ingest_job_enqueue)
            self.stdout.write(f"  memory per worker process with the model loaded: {_child_rss_mb(worker.pid)} MB")
            Article.objects.all().delete()
            job = ingest_job_create(sources=texts)
            started = time.monotonic()
            self._wait(job, enqueue=ingest_job_enqueue)
            return len(texts) / ((time.monotonic() - started) / 60)
        finally:
            worker.terminate()  # warm shutdown of the main process, which stops its pool
            worker.wait(60)

    def _start_worker(self, processes: int, broker: str) -> subprocess.Popen:
        from claimtrack.celery import app

        name = f"bench{processes}-{os.getpid()}@%h"
        command = [sys.executable, "-m", "celery", "-A", "claimtrack", "worker", "-Q", "fetch,ingest,nlp", "-c", str(processes), "-n", name, "-l", "warning", "--without-gossip", "--without-mingle"]  # fmt: skip
        worker = subprocess.Popen(command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=0.5):
            if time.monotonic() > deadline or worker.poll() is not None:
                raise CommandError("the benchmark worker did not start")
        return worker

    def _wait(self, job, *, enqueue) -> None:
        from articles.models import Article
        from pipeline.models import IngestJob

        enqueue(job=job)
        # Done means linked too: the link stage runs after the job's items are finished.
        unlinked = Article.objects.filter(status__in=[Article.Status.FETCHED, Article.Status.EXTRACTED])
        while job.state not in (IngestJob.State.DONE, IngestJob.State.FAILED) or unlinked.exists():
            time.sleep(0.2)
            job.refresh_from_db()


def _child_rss_mb(pid: int) -> list[int]:
    """Resident memory of the worker's pool processes (Linux /proc), in MB."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [_rss_kb(int(child)) // 1024 for child in children]
    except OSError:
        return []


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0
