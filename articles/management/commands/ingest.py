"""manage.py ingest PATH [PATH…]: the command-line twin of the ingest API."""

from __future__ import annotations

import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from articles.ingest.files import read_sources
from articles.models import IngestJob
from articles.services import ingest_job_counts, ingest_job_create, ingest_job_run, ingest_job_summary


class Command(BaseCommand):
    help = "Ingest .txt, .html and .jsonl files or folders of them, extracting their claims."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders to ingest.")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, paths: list[str], **options) -> str:
        sources = read_sources(paths, max_bytes=settings.CLAIMTRACK_MAX_ARTICLE_BYTES)
        job = ingest_job_create(sources=sources, description=f"CLI: {' '.join(paths)}"[:300])
        show_bar = not options["no_progress"] and sys.stderr.isatty()
        with tqdm(total=job.total, unit="article", disable=not show_bar, file=sys.stderr) as bar:
            bar.update(ingest_job_counts(job=job)["failed"])  # unreadable files are already done
            if settings.CELERY_TASK_ALWAYS_EAGER:
                ingest_job_run(job=job, on_progress=bar.update)
            else:
                self._run_on_worker(job, bar)
        summary = ingest_job_summary(job=job)
        for name, reason in summary.failures:
            self.stderr.write(f"skipped {name}: {reason}")
        line = (
            f"Ingest job {job.pk}: {summary.created} new, {summary.duplicate} duplicate, "
            f"{summary.failed} failed; {summary.claims} claims found."
        )
        if not job.total:
            raise CommandError("No articles found in " + ", ".join(paths) + ".")
        if summary.failed == job.total:
            raise CommandError(line + " Nothing could be ingested.")
        return line

    def _run_on_worker(self, job: IngestJob, bar: tqdm) -> None:
        from articles.tasks import ingest_job_process

        transaction.on_commit(lambda: ingest_job_process.delay(job.pk))
        while True:
            job.refresh_from_db()
            counts = ingest_job_counts(job=job)
            bar.n = job.total - counts["pending"]
            bar.refresh()
            if job.state in (IngestJob.State.DONE, IngestJob.State.FAILED):
                return
            time.sleep(0.5)
