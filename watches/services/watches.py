"""Writes of a user's own watches, alert read marks and delivery preference."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from articles.models import Outlet
from claims.models import Claim, Proposition, Speaker
from common.exceptions import ApplicationError
from watches.models import Alert, AlertPreference, Watch

# The saved-search fields a watch keeps (the claims page's query and facets).
SEARCH_FIELDS = ("query", "outlet", "cue_class", "claim_type", "polarity", "date_from", "date_to")


@transaction.atomic
def watch_create(
    *,
    user,  # type: ignore[no-untyped-def]
    kind: str,
    label: str = "",
    speaker: Speaker | None = None,
    dispute: Proposition | None = None,
    claim: Claim | None = None,
    query: str = "",
    outlet: Outlet | None = None,
    cue_class: str = "",
    claim_type: str = "",
    polarity: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> Watch:
    """The user's watch of this kind and target; an identical one that exists already is returned."""
    fields = {"speaker": speaker, "dispute": dispute, "claim": claim}
    if kind == Watch.Kind.SEARCH:
        # A saved search has a speaker facet but no dispute or claim: the claims page's facets only.
        fields = {"speaker": speaker, "query": query.strip(), "outlet": outlet, "cue_class": cue_class, "claim_type": claim_type,
                   "polarity": polarity, "date_from": date_from, "date_to": date_to}  # fmt: skip
    elif kind not in Watch.Kind.values:
        raise ApplicationError(f"Unknown kind of watch: {kind}.")
    elif fields[kind] is None:
        raise ApplicationError(f"A {kind} watch needs the {kind} it watches.")
    else:
        fields = {kind: fields[kind]}
    existing = Watch.objects.filter(user=user, kind=kind, **_lookups(fields)).first()
    if existing:
        return existing
    watch = Watch(user=user, kind=kind, label=(label or _label(kind, fields))[:300], **fields)
    watch.full_clean()
    watch.save()
    return watch


def _lookups(fields: dict) -> dict:
    return {(f"{name}__isnull" if value is None else name): (True if value is None else value)
            for name, value in fields.items()}  # fmt: skip


def _label(kind: str, fields: dict) -> str:
    if kind != Watch.Kind.SEARCH:
        return f"{Watch.Kind(kind).label}: {fields[kind]}"
    facets = [str(v) for k, v in fields.items() if k != "query" and v not in (None, "")]
    text = f"“{fields['query']}”" if fields["query"] else "all claims"
    return f"Search {text}" + (f" ({', '.join(facets)})" if facets else "")


@transaction.atomic
def watch_update(*, watch: Watch, label: str) -> Watch:
    """Only the label changes: another target or query is another watch, with alerts of its own."""
    watch.label = label[:300]
    watch.full_clean()
    watch.save(update_fields=["label", "updated_at"])
    return watch


@transaction.atomic
def watch_delete(*, watch: Watch) -> None:
    watch.delete()


def alert_mark_read(*, alert: Alert) -> Alert:
    if alert.read_at is None:
        alert.read_at = timezone.now()
        alert.save(update_fields=["read_at", "updated_at"])
    return alert


def alerts_mark_all_read(*, user) -> int:  # type: ignore[no-untyped-def]
    now = timezone.now()
    return Alert.objects.filter(user=user, read_at__isnull=True).update(read_at=now, updated_at=now)


@transaction.atomic
def alert_preference_set(*, user, email: str) -> AlertPreference:  # type: ignore[no-untyped-def]
    preference, _ = AlertPreference.objects.get_or_create(user=user)
    preference.email = email
    preference.full_clean()
    preference.save()
    return preference
