"""Webhook deliveries: signed body checked by a real local receiver, retries, final failures, no repeats."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import ArticleFactory, ClaimFactory, SpeakerFactory, UserFactory
from tests.watches.receiver import Receiver, signature_valid
from watches.models import Alert, Watch, WebhookDelivery, WebhookSubscription
from watches.services import (
    WebhookRetry,
    alerts_dispatch,
    alerts_dispatch_resume,
    alerts_for_new_claims,
    sign,
    watch_create,
    webhook_deliver,
    webhook_deliveries_create,
    webhook_subscription_create,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert_ids(allow_loopback):
    user = UserFactory()
    speaker = SpeakerFactory(name="Dana Haddad")
    watch_create(user=user, kind=Watch.Kind.SPEAKER, speaker=speaker)
    article = ArticleFactory(body="Talks will resume <b>next</b> week.")
    claim = ClaimFactory(article=article, speaker=speaker, content_end=len(article.body))
    return user, alerts_for_new_claims(claim_ids=[claim.pk])


def test_the_receiver_verifies_the_signature_over_the_exact_body(alert_ids):
    user, ids = alert_ids
    with Receiver() as receiver:
        subscription = webhook_subscription_create(user=user, url=receiver.url)
        receiver.secret = subscription.secret
        [delivery_id] = webhook_deliveries_create(alert_ids=ids)
        delivery = webhook_deliver(delivery_id=delivery_id)

    [request] = receiver.requests
    assert receiver.bad_signatures == 0
    assert signature_valid(request["body"], request["headers"]["X-ClaimTrack-Signature"], subscription.secret)
    assert not signature_valid(
        request["body"] + b" ", request["headers"]["X-ClaimTrack-Signature"], subscription.secret
    )
    assert request["headers"]["X-ClaimTrack-Delivery"] == str(delivery.delivery_id)
    payload = json.loads(request["body"])
    assert payload["alert"]["claim"]["content"] == "Talks will resume <b>next</b> week."
    assert payload["alert"]["claim"]["speaker"] == "Dana Haddad"
    assert (delivery.status, delivery.attempts, delivery.response_code) == (WebhookDelivery.Status.DELIVERED, 1, 200)


def test_a_delivered_delivery_is_not_sent_again(alert_ids):
    user, ids = alert_ids
    with Receiver() as receiver:
        webhook_subscription_create(user=user, url=receiver.url)
        [delivery_id] = webhook_deliveries_create(alert_ids=ids)
        webhook_deliver(delivery_id=delivery_id)
        assert webhook_deliver(delivery_id=delivery_id) is None
        assert webhook_deliveries_create(alert_ids=ids) == []

    assert len(receiver.requests) == 1


def test_a_server_error_is_retried_with_the_same_body_and_id_then_fails_at_the_last_attempt(alert_ids):
    user, ids = alert_ids
    with Receiver(status=503) as receiver:
        webhook_subscription_create(user=user, url=receiver.url)
        [delivery_id] = webhook_deliveries_create(alert_ids=ids)
        with pytest.raises(WebhookRetry):
            webhook_deliver(delivery_id=delivery_id)
        delivery = webhook_deliver(delivery_id=delivery_id, last_attempt=True)

    first, second = receiver.requests
    assert first["body"] == second["body"]
    assert first["headers"]["X-ClaimTrack-Delivery"] == second["headers"]["X-ClaimTrack-Delivery"]
    assert (delivery.status, delivery.attempts, delivery.last_error) == (WebhookDelivery.Status.FAILED, 2, "HTTP 503")


def test_a_client_error_fails_at_once(alert_ids):
    user, ids = alert_ids
    with Receiver(status=410) as receiver:
        webhook_subscription_create(user=user, url=receiver.url)
        [delivery_id] = webhook_deliveries_create(alert_ids=ids)
        delivery = webhook_deliver(delivery_id=delivery_id)

    assert (delivery.status, delivery.response_code) == (WebhookDelivery.Status.FAILED, 410)


def test_dispatch_delivers_through_the_task_with_eager_celery(alert_ids):
    user, ids = alert_ids
    with Receiver() as receiver:
        subscription = webhook_subscription_create(user=user, url=receiver.url)
        receiver.secret = subscription.secret
        alerts_dispatch(alert_ids=ids)

    assert list(receiver.accepted) == [str(WebhookDelivery.objects.get().delivery_id)]
    assert WebhookDelivery.objects.get().status == WebhookDelivery.Status.DELIVERED


def test_private_addresses_are_refused_unless_allowed(settings):
    settings.CLAIMTRACK_ALLOW_PRIVATE_URLS = False
    user = UserFactory()
    for url in ("http://127.0.0.1:9/hook", "http://10.1.2.3/hook", "http://[::1]/hook", "ftp://example.com/x"):
        with pytest.raises(ValidationError):
            webhook_subscription_create(user=user, url=url)


def test_sign_is_hmac_sha256_in_hex():
    # Computed independently: printf 'body' | openssl dgst -sha256 -hmac secret
    assert sign(b"body", "secret") == "sha256=dc46983557fea127b43af721467eb9b3fde2338fe3e14f51952aa8478c13d355"


def test_resume_dispatches_alerts_whose_dispatch_was_lost_and_only_once(alert_ids):
    user, ids = alert_ids  # recorded, but the dispatch queued at commit never ran
    with Receiver() as receiver:
        subscription = webhook_subscription_create(user=user, url=receiver.url)
        receiver.secret = subscription.secret
        Alert.objects.update(created_at=timezone.now() - timedelta(hours=2))
        WebhookSubscription.objects.update(created_at=timezone.now() - timedelta(hours=3))

        assert alerts_dispatch_resume(stalled_for=timedelta(hours=1)) == 1
        assert alerts_dispatch_resume(stalled_for=timedelta(hours=1)) == 0

    assert len(receiver.accepted) == 1 and receiver.bad_signatures == 0
    assert WebhookDelivery.objects.get().status == WebhookDelivery.Status.DELIVERED


def test_resume_leaves_a_fresh_alert_to_its_own_dispatch(alert_ids):
    user, _ids = alert_ids
    webhook_subscription_create(user=user, url="http://127.0.0.1:9/hook")

    assert alerts_dispatch_resume(stalled_for=timedelta(hours=1)) == 0
    assert not WebhookDelivery.objects.exists()
