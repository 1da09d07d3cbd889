"""Writes of the watches app (re-exported: import from ``watches.services``)."""

from .alerts import alerts_for_new_claims
from .dispatch import alerts_dispatch, alerts_dispatch_resume
from .email import alerts_email_digest, alerts_email_immediate
from .watches import (
    alert_mark_read,
    alert_preference_set,
    alerts_mark_all_read,
    watch_create,
    watch_delete,
    watch_update,
)
from .webhooks import (
    WebhookRetry,
    sign,
    webhook_deliver,
    webhook_deliveries_create,
    webhook_subscription_create,
    webhook_subscription_delete,
)

__all__ = [
    "WebhookRetry",
    "alert_mark_read",
    "alert_preference_set",
    "alerts_dispatch",
    "alerts_dispatch_resume",
    "alerts_email_digest",
    "alerts_email_immediate",
    "alerts_for_new_claims",
    "alerts_mark_all_read",
    "sign",
    "watch_create",
    "watch_delete",
    "watch_update",
    "webhook_deliver",
    "webhook_deliveries_create",
    "webhook_subscription_create",
    "webhook_subscription_delete",
]
