"""Celery tasks of the watches app: thin wrappers that take ids and call the service of the same name.

Webhook deliveries wait on other people's servers: they go to the I/O queue ("fetch") with the
page fetches, not to the CPU-bound "nlp" queue (settings.CELERY_TASK_ROUTES).
"""

from __future__ import annotations

import random
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

DB_RETRY = {"autoretry_for": (OperationalError, InterfaceError), "retry_backoff": True, "max_retries": 5}


def webhook_backoff(retries: int) -> float:
    """Seconds before the next attempt: doubling from the base, capped, with jitter (retries start at 0)."""
    delay = min(settings.CLAIMTRACK_WEBHOOK_BACKOFF_MAX, settings.CLAIMTRACK_WEBHOOK_BACKOFF_BASE * 2**retries)
    return delay * random.uniform(0.5, 1.0)


@shared_task(acks_late=True, reject_on_worker_lost=True, **DB_RETRY)
def alerts_dispatch(alert_ids: list[int]) -> None:
    from watches.services import alerts_dispatch

    alerts_dispatch(alert_ids=alert_ids)


# acks_late + reject_on_worker_lost: a worker killed mid-request leaves the message to be delivered
# again; the service sends only a delivery that is still pending, under the same delivery id.
@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None)
def webhook_deliver(self, delivery_id: int) -> None:  # type: ignore[no-untyped-def]
    from watches.services import WebhookRetry, webhook_deliver

    last = self.request.retries >= settings.CLAIMTRACK_WEBHOOK_MAX_RETRIES
    try:
        webhook_deliver(delivery_id=delivery_id, last_attempt=last)
    except (WebhookRetry, OperationalError, InterfaceError) as exc:
        raise self.retry(exc=exc, countdown=webhook_backoff(self.request.retries)) from exc


@shared_task(acks_late=True, **DB_RETRY)
def alerts_dispatch_resume() -> None:
    """Scheduled: dispatch again alerts and deliveries that a lost dispatch or retry left behind."""
    from watches.services import alerts_dispatch_resume

    alerts_dispatch_resume(stalled_for=timedelta(seconds=settings.CLAIMTRACK_STALLED_AFTER))


@shared_task(acks_late=True, **DB_RETRY)
def alerts_email_digest() -> None:
    """Scheduled daily by Celery beat (``CELERY_BEAT_SCHEDULE``)."""
    from watches.services import alerts_email_digest

    alerts_email_digest()
