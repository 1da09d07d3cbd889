"""broker_check: a broker that is down is reported within seconds, in words."""

from __future__ import annotations

import socket
import time

import pytest

from claimtrack.celery import app as celery_app
from pipeline.services import BrokerUnavailable, broker_check, ingest_job_create, ingest_job_enqueue


@pytest.fixture
def dead_broker():
    with socket.socket() as sock:  # a port that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    conf = celery_app.conf
    saved = (conf.task_always_eager, conf.broker_url)
    celery_app._pool, celery_app.amqp._producer_pool = None, None
    conf.task_always_eager, conf.broker_url = False, f"redis://127.0.0.1:{port}/5"
    yield port
    conf.task_always_eager, conf.broker_url = saved
    celery_app._pool, celery_app.amqp._producer_pool = None, None


def test_it_says_the_queue_is_unreachable_within_seconds(dead_broker):
    started = time.monotonic()
    with pytest.raises(BrokerUnavailable, match=f"task queue at redis://127.0.0.1:{dead_broker}/5 is not reachable"):
        broker_check()
    assert time.monotonic() - started < 5


@pytest.mark.django_db
def test_enqueueing_a_job_fails_with_the_reason_instead_of_hanging(dead_broker):
    with pytest.raises(BrokerUnavailable, match="Start Redis, or unset CELERY_BROKER_URL"):
        ingest_job_enqueue(job=ingest_job_create(sources=[]))


def test_with_no_broker_there_is_nothing_to_check():
    assert celery_app.conf.task_always_eager
    broker_check()
