"""What happens to new alerts after the link stage commits: e-mail at once, and webhook deliveries."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

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
