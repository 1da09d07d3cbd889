"""Alerts by e-mail through Django's e-mail backend: at once (after the link stage) or as a daily digest.

An alert is mailed once: ``emailed_at`` is set in the transaction that holds the alerts' row
locks while the mail goes out. A worker that dies after sending and before committing sends
that mail again on its rerun; e-mail has no delivery id to deduplicate by, so that is the one
repeat we accept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from watches.models import Alert, AlertPreference

# A digest lists this many alerts and counts the rest.
DIGEST_MAX_LISTED = 50


def alerts_email_immediate(*, alert_ids: Sequence[int]) -> int:
    """Mail the given alerts to users who want e-mail at once; return how many mails went out."""
    return _mail_unsent(
        Alert.objects.filter(pk__in=alert_ids, user__alert_preference__email=AlertPreference.Email.IMMEDIATE)
    )


def alerts_email_digest() -> int:
    """Mail each digest user every alert not mailed yet, in one message (run daily by Celery beat)."""
    return _mail_unsent(Alert.objects.filter(user__alert_preference__email=AlertPreference.Email.DIGEST))


def _mail_unsent(alerts) -> int:  # type: ignore[no-untyped-def]
    sent = 0
    with transaction.atomic():
        unsent = (
            alerts.filter(emailed_at__isnull=True)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("user", "claim__speaker", "watch")
            .order_by("user_id", "-created_at", "-id")
        )
        by_user: dict[int, list[Alert]] = defaultdict(list)
        for alert in unsent:
            by_user[alert.user_id].append(alert)
        for user_alerts in by_user.values():
            user = user_alerts[0].user
            if user.email:
                send_mail(*_message(user_alerts), settings.DEFAULT_FROM_EMAIL, [user.email])
                sent += 1
        Alert.objects.filter(pk__in=[a.pk for group in by_user.values() for a in group]).update(
            emailed_at=timezone.now()
        )
    return sent


def _message(alerts: list[Alert]) -> tuple[str, str]:
    count = len(alerts)
    subject = f"ClaimTrack: {count} new alert{'s' if count != 1 else ''}"
    if any(a.reason == Alert.Reason.CONFLICT for a in alerts):
        subject += " (conflict)"
    lines = list(_lines(alerts[:DIGEST_MAX_LISTED]))
    if count > DIGEST_MAX_LISTED:
        lines.append(f"… and {count - DIGEST_MAX_LISTED} more in your inbox.")
    lines.append(f"Inbox: {settings.CLAIMTRACK_SITE_URL.rstrip('/')}/watches/alerts/")
    return subject, "\n\n".join(lines)


def _lines(alerts: Iterable[Alert]) -> Iterable[str]:
    base = settings.CLAIMTRACK_SITE_URL.rstrip("/")
    for alert in alerts:
        who = alert.claim.speaker.name if alert.claim.speaker else alert.claim.speaker_mention or "Unattributed"
        detail = f" ({alert.detail})" if alert.detail else ""
        yield (
            f"[{alert.get_reason_display()}{detail}] watch: {alert.watch}\n"
            f"{who}: {alert.claim.content[:300]}\n{base}{alert.get_absolute_url()}"
        )
