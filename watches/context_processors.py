"""The unread alert count in every page's navigation, counted only if the page shows it."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def unread_alerts(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from watches.selectors import unread_alert_count

    return {"unread_alert_count": SimpleLazyObject(lambda: unread_alert_count(user=user))}
