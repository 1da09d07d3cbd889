"""Reads of the watches app, always limited to one user's own rows."""

from __future__ import annotations

from django.db.models import QuerySet

from watches.models import Alert, Watch, WebhookDelivery, WebhookSubscription


def watches_for_user(*, user) -> QuerySet[Watch]:  # type: ignore[no-untyped-def]
    return Watch.objects.filter(user=user).select_related("speaker", "dispute", "claim", "outlet")


def alerts_for_user(*, user, unread: bool = False) -> QuerySet[Alert]:  # type: ignore[no-untyped-def]
    alerts = Alert.objects.filter(user=user).select_related("watch", "claim__speaker", "claim__article__outlet")
    return alerts.filter(read_at__isnull=True) if unread else alerts


def unread_alert_count(*, user) -> int:  # type: ignore[no-untyped-def]
    """Read from the partial index ``alert_unread_per_user`` (cheap enough for every page)."""
    return Alert.objects.filter(user=user, read_at__isnull=True).count()


def webhooks_for_user(*, user) -> QuerySet[WebhookSubscription]:  # type: ignore[no-untyped-def]
    return WebhookSubscription.objects.filter(user=user)


def deliveries_for_user(*, user) -> QuerySet[WebhookDelivery]:  # type: ignore[no-untyped-def]
    return WebhookDelivery.objects.filter(subscription__user=user).select_related("subscription", "alert__claim")
