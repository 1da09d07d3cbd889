"""What happens to new alerts after the link stage commits: e-mail at once, and webhook deliveries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from watches.models import Alert, AlertPreference, WebhookDelivery, WebhookSubscription

from .email import alerts_email_immediate
from .webhooks import webhook_deliveries_create


def alerts_dispatch(*, alert_ids: Sequence[int]) -> list[int]:
    """Mail the alerts to users who want them at once, create their webhook deliveries and queue them.

    Returns the pending delivery ids queued. Running it again for the same alerts mails nothing
    twice and queues again only deliveries still pending (each delivery task is idempotent).
    """
    alerts_email_immediate(alert_ids=alert_ids)
    with transaction.atomic():
        delivery_ids = webhook_deliveries_create(alert_ids=alert_ids)
    from watches.tasks import webhook_deliver as webhook_deliver_task

    for delivery_id in delivery_ids:
        webhook_deliver_task.delay(delivery_id)
    return delivery_ids


def alerts_dispatch_resume(*, stalled_for: timedelta, window: timedelta = timedelta(days=2)) -> int:
    """Dispatch again what a lost dispatch left behind; return how many alerts and deliveries were queued.

    The dispatch is queued after the link stage commits: a process that dies between the commit
    and the queueing leaves alerts without e-mail or deliveries. Run by Celery beat. Looks at
    alerts older than ``stalled_for`` (a dispatch still on its way is left alone) and younger than
    ``window``; and at deliveries pending for longer than the longest backoff plus ``stalled_for``.
    """
    now = timezone.now()
    cutoff = now - stalled_for
    subscribed = WebhookSubscription.objects.filter(
        user=OuterRef("user"), active=True, created_at__lte=OuterRef("created_at")
    )
    recent = Alert.objects.filter(created_at__range=(now - window, cutoff))
    undelivered = recent.filter(Exists(subscribed), ~Exists(WebhookDelivery.objects.filter(alert=OuterRef("pk"))))
    unmailed = recent.filter(emailed_at__isnull=True, user__alert_preference__email=AlertPreference.Email.IMMEDIATE)
    alert_ids = sorted(set(undelivered.values_list("pk", flat=True)) | set(unmailed.values_list("pk", flat=True)))
    if alert_ids:
        alerts_dispatch(alert_ids=alert_ids)
    longest_wait = timedelta(seconds=settings.CLAIMTRACK_WEBHOOK_BACKOFF_MAX) + stalled_for
    stalled = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING, updated_at__lt=now - longest_wait)
    from watches.tasks import webhook_deliver as webhook_deliver_task

    stalled_ids = list(stalled.values_list("pk", flat=True))
    for delivery_id in stalled_ids:
        webhook_deliver_task.delay(delivery_id)
    return len(alert_ids) + len(stalled_ids)
