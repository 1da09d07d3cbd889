"""The pipeline's tasks: each runs the service of its name, on the queue of its stage; beat names real tasks."""

from __future__ import annotations

import pytest
from django.conf import settings

from claimtrack.celery import app as celery_app
from pipeline import services, tasks
from pipeline.models import IngestItem
from pipeline.services.queue import ARTICLE_STAGE_TASKS, ITEM_STAGE_TASKS
from pipeline.stages import ITEM_STAGES, STAGE_QUEUES

TASKS = [name for name, task in vars(tasks).items() if getattr(task, "name", "") == f"pipeline.tasks.{name}"]


def _queue(task_name: str) -> str:
    return celery_app.amqp.router.route({}, task_name)["queue"].name


def test_every_task_is_named_after_the_service_it_runs():
    assert len(TASKS) == 8
    assert [name for name in TASKS if not callable(getattr(services, name, None))] == []


@pytest.mark.parametrize(("table", "stage"), [(ITEM_STAGE_TASKS, s) for s in ITEM_STAGE_TASKS] + [(ARTICLE_STAGE_TASKS, s) for s in ARTICLE_STAGE_TASKS])
def test_each_stage_task_runs_on_its_stages_queue(table, stage):
    assert _queue(table[stage].name) == STAGE_QUEUES[stage]


def test_job_bookkeeping_and_scheduled_tasks_run_on_the_ingest_queue():
    for name in ("ingest_job_dispatch", "feeds_poll", "ingest_jobs_resume"):
        assert _queue(f"pipeline.tasks.{name}") == "ingest"


def test_beat_schedules_tasks_that_exist():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    # What a worker does at start: import every app's tasks module (not only those tests imported).
    celery_app.loader.import_default_modules()

    assert scheduled and scheduled <= set(celery_app.tasks)


def test_the_item_stages_are_the_named_stages():
    assert [*ITEM_STAGES, "done"] == IngestItem.Stage.values
