"""Signed webhooks: subscriptions, one delivery row per (alert, subscription), and sending it.

The body is fixed at the first attempt and stored, so every attempt sends the same bytes under
the same ``X-ClaimTrack-Delivery`` id: a receiver that keeps the ids it has seen ignores
repeats. A repeat can happen (a worker killed after the receiver answered but before the row
said so), a loss cannot: the row stays pending until a 2xx answer is recorded, and the task
that sends it is acknowledged only when it returns (``acks_late``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Sequence
from urllib.parse import urlsplit

import certifi
import urllib3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from articles.ingest.fetch import FetchError, check_url, resolve_public
from watches.models import Alert, WebhookDelivery, WebhookSubscription

SIGNATURE_HEADER = "X-ClaimTrack-Signature"
DELIVERY_HEADER = "X-ClaimTrack-Delivery"
EVENT_HEADER = "X-ClaimTrack-Event"
USER_AGENT = "ClaimTrack-Webhooks/1.0"
# Answers that a later attempt may turn into a success; any other 4xx is the receiver's final word.
RETRYABLE_STATUSES = {408, 425, 429}


class WebhookRetry(Exception):
    """This attempt failed in a way worth trying again (network, timeout, 5xx, 429)."""


def sign(body: bytes, secret: str) -> str:
    """The signature header's value: ``sha256=`` and the hex HMAC-SHA256 of the exact body."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def webhook_url_check(url: str) -> None:
    """Refuse a URL that is not http(s) or that points into a private network (unless allowed)."""
    try:
        _scheme, host, port = check_url(url)
        resolve_public(host, port, allow_private=settings.CLAIMTRACK_ALLOW_PRIVATE_URLS)
    except FetchError as exc:
        raise ValidationError({"url": str(exc)}) from exc


@transaction.atomic
def webhook_subscription_create(*, user, url: str) -> WebhookSubscription:  # type: ignore[no-untyped-def]
    webhook_url_check(url)
    subscription = WebhookSubscription(user=user, url=url.strip(), secret=secrets.token_hex(32))
    subscription.full_clean()
    subscription.save()
    return subscription


@transaction.atomic
def webhook_subscription_delete(*, subscription: WebhookSubscription) -> None:
    subscription.delete()


def webhook_deliveries_create(*, alert_ids: Sequence[int]) -> list[int]:
    """A pending delivery for each alert and each active subscription of its user; the pending ids.

    Safe to call again for the same alerts: existing rows stay, and every delivery still
    pending is returned, so a dispatch that died before queueing them queues them on its rerun.
    """
    alerts = Alert.objects.filter(pk__in=alert_ids)
    subscriptions = WebhookSubscription.objects.filter(active=True, user__alerts__in=alerts).distinct()
    rows = [
        WebhookDelivery(alert=alert, subscription=subscription)
        for subscription in subscriptions
        for alert in alerts
        if alert.user_id == subscription.user_id
    ]
    WebhookDelivery.objects.bulk_create(rows, ignore_conflicts=True)
    pending = WebhookDelivery.objects.filter(alert__in=alerts, status=WebhookDelivery.Status.PENDING)
    return list(pending.values_list("pk", flat=True))


def webhook_deliver(*, delivery_id: int, last_attempt: bool = False) -> WebhookDelivery | None:
    """Send one pending delivery (one attempt). Raises `WebhookRetry` when it is worth another.

    The row is locked for the attempt, so two copies of the task never send it at once; a
    delivered or failed row is left alone, which makes a repeated task a no-op.
    """
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("subscription", "alert__claim__speaker", "alert__watch")
            .filter(pk=delivery_id, status=WebhookDelivery.Status.PENDING)
            .first()
        )
        if delivery is None:
            return None  # done already, or another worker is sending it right now
        if not delivery.body:
            delivery.body = alert_payload(delivery)
        delivery.attempts += 1
        error = _attempt(delivery)
        if error is None:
            delivery.status, delivery.delivered_at, delivery.last_error = (
                WebhookDelivery.Status.DELIVERED, timezone.now(), "",
            )  # fmt: skip
        else:
            delivery.last_error = error[:2000]
            if last_attempt or not _retryable(delivery.response_code, error):
                delivery.status = WebhookDelivery.Status.FAILED
        delivery.save()
    if delivery.status == WebhookDelivery.Status.PENDING:
        raise WebhookRetry(delivery.last_error)
    return delivery


def alert_payload(delivery: WebhookDelivery) -> str:
    alert, claim = delivery.alert, delivery.alert.claim
    payload = {
        "delivery_id": str(delivery.delivery_id),
        "event": "alert",
        "alert": {
            "id": alert.pk,
            "reason": alert.reason,
            "reason_label": alert.get_reason_display(),
            "detail": alert.detail,
            "created_at": alert.created_at.isoformat(),
            "watch": {"id": alert.watch_id, "kind": alert.watch.kind, "label": str(alert.watch)},
            "claim": {
                "id": claim.pk,
                "content": claim.content,
                "speaker": claim.speaker.name if claim.speaker else claim.speaker_mention,
                "claim_date": claim.claim_date.isoformat() if claim.claim_date else None,
                "url": settings.CLAIMTRACK_SITE_URL.rstrip("/") + claim.get_absolute_url(),
            },
        },
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True)


def _retryable(status: int | None, error: str) -> bool:
    if error.startswith("refused"):
        return False
    return status is None or status >= 500 or status in RETRYABLE_STATUSES


def _attempt(delivery: WebhookDelivery) -> str | None:
    """POST the body once; None on a 2xx answer, else what went wrong (``response_code`` is set)."""
    subscription = delivery.subscription
    body = delivery.body.encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        SIGNATURE_HEADER: sign(body, subscription.secret),
        DELIVERY_HEADER: str(delivery.delivery_id),
        EVENT_HEADER: "alert",
    }
    try:
        response = _post(subscription.url, body, headers)
    except FetchError as exc:
        return str(exc)
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        delivery.response_code = None
        return f"{type(exc).__name__}: {exc}"
    delivery.response_code = response.status
    return None if 200 <= response.status < 300 else f"HTTP {response.status}"


def _post(url: str, body: bytes, headers: dict[str, str]) -> urllib3.BaseHTTPResponse:
    # Connect to the address that was checked, as fetching does: a DNS answer that changes
    # after the check cannot point the request into our own network.
    scheme, host, port = check_url(url)
    address = resolve_public(host, port, allow_private=settings.CLAIMTRACK_ALLOW_PRIVATE_URLS)[0]
    timeout = urllib3.Timeout(
        connect=settings.CLAIMTRACK_WEBHOOK_CONNECT_TIMEOUT, read=settings.CLAIMTRACK_WEBHOOK_READ_TIMEOUT
    )
    if scheme == "http":
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, maxsize=1)
    else:
        pool = urllib3.HTTPSConnectionPool(
            address, port, timeout=timeout, maxsize=1, cert_reqs="CERT_REQUIRED", ca_certs=certifi.where(),
            assert_hostname=host, server_hostname=host,
        )  # fmt: skip
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {**headers, "Host": parts.netloc}
    return pool.urlopen("POST", path, body=body, headers=headers, redirect=False, retries=False)
