"""A worker killed (SIGKILL) while receivers wait: after a restart every alert reached the receiver
exactly once by delivery id, and none is lost."""

from __future__ import annotations

import time

import pytest
from django.db import transaction

from tests.factories import ArticleFactory, ClaimFactory, SpeakerFactory, UserFactory
from tests.pipeline.workers.conftest import worker_db
from tests.watches.receiver import Receiver
from watches.models import Alert, Watch, WebhookDelivery
from watches.services import alerts_for_new_claims, watch_create, webhook_subscription_create

pytestmark = [pytest.mark.worker, worker_db]

ALERTS = 6
WORKER = {"CELERY_VISIBILITY_TIMEOUT": "2", "CLAIMTRACK_WEBHOOK_BACKOFF_BASE": "0.5"}


def _wait(what, timeout: float, message: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if what():
            return
        time.sleep(0.1)
    raise AssertionError(message)


def _alerts_with_a_webhook(receiver: Receiver) -> list[int]:
    user = UserFactory()
    speaker = SpeakerFactory()
    watch_create(user=user, kind=Watch.Kind.SPEAKER, speaker=speaker)
    receiver.secret = webhook_subscription_create(user=user, url=receiver.url).secret
    claims = []
    for n in range(ALERTS):
        article = ArticleFactory(body=f"Talks number {n} will resume next week.")
        claims.append(ClaimFactory(article=article, speaker=speaker, content_end=len(article.body)).pk)
    with transaction.atomic():  # as in the link stage: dispatch is queued when this commits
        return alerts_for_new_claims(claim_ids=claims)


def test_killing_the_worker_during_delivery_loses_no_alert_and_sends_none_twice(start_worker, settings):
    settings.CLAIMTRACK_ALLOW_PRIVATE_URLS = True  # the receiver is on 127.0.0.1
    # The second request is held unanswered until after the kill, so it is certainly in flight.
    with Receiver(delay=0.5, hold_from=2) as receiver:
        first = start_worker("doomed-hooks", **WORKER)
        alert_ids = _alerts_with_a_webhook(receiver)
        _wait(lambda: len(receiver.requests) >= 2, 60, "the worker never reached the receiver")

        first.kill()  # mid-request: the receiver has the body, the worker never hears the answer
        receiver.release()
        assert WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING).exists()
        time.sleep(2.5)  # the killed worker's unacknowledged messages become visible again
        start_worker("restarted-hooks", **WORKER)
        _wait(
            lambda: WebhookDelivery.objects.filter(status=WebhookDelivery.Status.DELIVERED).count() == ALERTS,
            120,
            f"not every delivery was made: {list(WebhookDelivery.objects.values_list('status', 'attempts'))}",
        )

    deliveries = WebhookDelivery.objects.all()
    assert sorted(deliveries.values_list("alert_id", flat=True)) == sorted(alert_ids)
    assert set(receiver.accepted) == {str(d.delivery_id) for d in deliveries}
    assert sorted(body["alert"]["id"] for body in receiver.accepted.values()) == sorted(alert_ids)
    assert receiver.bad_signatures == 0
    # The request in flight at the kill was sent again under the same id: the receiver's dedup absorbed it.
    assert len(receiver.requests) > len(receiver.accepted)
    assert Alert.objects.count() == ALERTS
