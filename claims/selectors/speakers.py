"""Reads of speakers: lists with claim counts, one speaker's claims over time, disputes and counterparts."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, F, QuerySet
from django.db.models.functions import TruncMonth

from claims.aggregate_cache import cached_aggregate
from claims.models import Claim, PropositionMember, Speaker

from . import summaries
from .claims import count_of
from .fields import claim_heavy_fields


def speaker_list() -> QuerySet[Speaker]:
    return Speaker.objects.annotate(claim_count=count_of(Claim.objects.all(), "speaker")).prefetch_related("aliases")


def speaker_names(*, ids: Iterable[int]) -> dict[int, Speaker]:
    return {s.pk: s for s in Speaker.objects.filter(pk__in=set(ids)).only("name", "affiliation", "kind")}


def speaker_get(*, speaker_id: int) -> Speaker | None:
    return Speaker.objects.prefetch_related("aliases").filter(pk=speaker_id).first()


def speaker_claims_by_month(*, speaker: Speaker) -> list[tuple]:
    """(month, claims) for a speaker's dated claims, oldest first (cached until a write)."""
    return cached_aggregate("speaker_months", lambda: _claims_by_month(speaker), speaker.pk)


def _claims_by_month(speaker: Speaker) -> list[tuple]:
    rows = (
        Claim.objects.filter(speaker=speaker, claim_date__isnull=False)
        .annotate(month=TruncMonth("claim_date"))
        .order_by("month")
        .values_list("month")
        .annotate(n=Count("id"))
    )
    return list(rows)


def speaker_claims_recent(*, speaker: Speaker, limit: int = 30) -> list[Claim]:
    return list(
        Claim.objects.filter(speaker=speaker)
        .select_related("speaker", "article__outlet")
        .defer(*claim_heavy_fields())
        .order_by(F("claim_date").desc(nulls_last=True), "-id")[:limit]
    )


def speaker_disputes(*, speaker: Speaker, limit: int = 30) -> list[dict]:
    """The disputes the speaker takes part in, with how many of their claims are on each side.

    Groups every dispute membership of the speaker's claims: cached until the next write.
    """
    return cached_aggregate("speaker_disputes", lambda: _disputes_of(speaker, limit), speaker.pk, limit)


def _disputes_of(speaker: Speaker, limit: int) -> list[dict]:
    rows = (
        PropositionMember.objects.filter(claim__speaker=speaker)
        .values("proposition_id", "proposition__label", "side")
        .annotate(n=Count("id"))
        .order_by("-n", "proposition_id", "side")
    )
    return list(rows[:limit])


def speaker_counterparts(*, speaker: Speaker, limit: int = 20) -> list[dict]:
    """Other speakers linked to this one, with agreement and conflict counts, most linked first.

    Read from the per-pair link counts of the summary tables; cached until the next write.
    """
    return cached_aggregate("counterparts", lambda: _counterparts(speaker, limit), speaker.pk, limit)


def _counterparts(speaker: Speaker, limit: int) -> list[dict]:
    ranked = summaries.counterpart_counts(speaker_id=speaker.pk, limit=limit)
    names = speaker_names(ids=[pk for pk, _, _ in ranked])
    return [
        {"speaker": names[pk], "agree": agree, "conflict": conflict} for pk, agree, conflict in ranked if pk in names
    ]
