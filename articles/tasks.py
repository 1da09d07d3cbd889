from celery import shared_task
from django.db import OperationalError


@shared_task(bind=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def ingest_job_process(self, job_id: int) -> None:
    from articles.models import IngestJob
    from articles.services import ingest_job_run

    ingest_job_run(job=IngestJob.objects.get(pk=job_id))
