"""manage.py ingest PATH|URL [PATH|URL…]: the command-line twin of the ingest API."""

from __future__ import annotations

import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.ingest.files import read_sources
from claimtrack.celery import app as celery_app
from pipeline.models import IngestJob
from pipeline.selectors import ingest_job_activity
from pipeline.services import (
    BrokerUnavailable,
    broker_check,
    ingest_job_counts,
    ingest_job_create,
    ingest_job_enqueue,
    ingest_job_run,
    ingest_job_summary,
    url_source,
)

# With a broker: say so when nothing has moved for this long (no worker may be running).
IDLE_WARNING_SECONDS = 20


class Command(BaseCommand):
    help = (
        "Ingest .txt, .html and .jsonl files, folders of them, web pages and RSS/Atom feeds (http(s) URLs), "
        "extracting their claims. Runs in-process unless CELERY_BROKER_URL is set, then on the workers."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files, folders or http(s) URLs to ingest.")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args: str, **options) -> str:
        paths = list(options.get("paths") or args)
        try:
            broker_check()  # before reading anything: a broker that is down is said in seconds
        except BrokerUnavailable as exc:
            raise CommandError(exc.message) from exc
        job = ingest_job_create(sources=self._sources(paths), description=f"CLI: {' '.join(paths)}"[:300])
        show_bar = not options["no_progress"] and sys.stderr.isatty()
        with tqdm(total=job.total, unit="item", disable=not show_bar, file=sys.stderr) as bar:
            self._show(bar, job)
            if celery_app.conf.task_always_eager:
                ingest_job_run(job=job, on_progress=lambda j: self._show(bar, j))
            else:
                self._run_on_workers(job, bar)
        return self._summary(job, paths)

    def _sources(self, paths: list[str]):
        urls = [p for p in paths if p.startswith(("http://", "https://"))]
        files = [p for p in paths if p not in urls]
        yield from read_sources(files, max_bytes=settings.CLAIMTRACK_MAX_ARTICLE_BYTES)
        yield from map(url_source, urls)

    def _show(self, bar: tqdm, job: IngestJob) -> int:
        counts = ingest_job_counts(job=job)
        bar.total = counts["total"]  # a feed adds its entries as it is read
        bar.n = counts["done"] + counts["failed"]
        bar.set_postfix(failed=counts["failed"], refresh=False)
        bar.refresh()
        return bar.n

    def _run_on_workers(self, job: IngestJob, bar: tqdm) -> None:
        ingest_job_enqueue(job=job)
        last_moved, last_done = time.monotonic(), -1
        while job.state not in (IngestJob.State.DONE, IngestJob.State.FAILED):
            time.sleep(0.5)
            job.refresh_from_db()
            done = self._show(bar, job)
            if done != last_done:
                last_moved, last_done = time.monotonic(), done
            elif time.monotonic() - last_moved > IDLE_WARNING_SECONDS:
                self.stderr.write(self._idle_message(job))
                last_moved = time.monotonic()

    def _idle_message(self, job: IngestJob) -> str:
        """What the job waits for, as far as the database and the workers tell."""
        workers = celery_app.control.ping(timeout=1.0) or []
        if not workers:
            return (
                f"Job {job.pk} is queued but no Celery worker answers: start one with "
                "`celery -A claimtrack worker -Q fetch,ingest,nlp` (Ctrl-C here leaves the job queued)."
            )
        activity = ingest_job_activity(job=job)
        if activity.retrying is not None:
            return f"Job {job.pk}: retrying {activity.retrying.name} ({activity.retrying.reason})."
        if activity.working is not None:
            return f"Job {job.pk}: a worker is on {activity.working.name} ({activity.working.stage} stage)."
        return (
            f"Job {job.pk}: waiting for a worker: {len(workers)} worker(s) answer but none has taken the "
            f"{activity.pending} pending item(s) yet (busy with other work; work a stopped worker left is "
            f"queued again after {settings.CLAIMTRACK_STALLED_AFTER} s)."
        )

    def _summary(self, job: IngestJob, paths: list[str]) -> str:
        job.refresh_from_db()
        summary = ingest_job_summary(job=job)
        for name, reason in summary.failures:
            self.stderr.write(f"skipped {name}: {reason}")
        feeds = f", {summary.feeds} feed(s) read" if summary.feeds else ""
        line = (
            f"Ingest job {job.pk}: {summary.created} new, {summary.duplicate} duplicate, "
            f"{summary.failed} failed{feeds}; {summary.claims} claims found."
        )
        if not job.total:
            raise CommandError("No articles found in " + ", ".join(paths) + ".")
        if job.state == IngestJob.State.FAILED:
            raise CommandError(line + " Nothing could be ingested.")
        return line
