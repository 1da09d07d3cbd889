"""Reads of disputes: lists with their sides' sizes, one dispute's members, the most contested."""

from __future__ import annotations

from django.db.models import F, QuerySet

from claims.aggregate_cache import cached_aggregate
from claims.models import Proposition, PropositionMember

from . import summaries
from .claims import count_of
from .fields import claim_heavy_fields


def dispute_list() -> QuerySet[Proposition]:
    members = PropositionMember.objects.all()
    return Proposition.objects.annotate(
        supports=count_of(members.filter(side=PropositionMember.Side.SUPPORTS), "proposition"),
        refutes=count_of(members.filter(side=PropositionMember.Side.REFUTES), "proposition"),
    )


def dispute_members(*, dispute: Proposition) -> QuerySet[PropositionMember]:
    """Both sides of a dispute, oldest claim first within each side."""
    return (
        dispute.members.select_related("claim__speaker", "claim__article__outlet", "claim__dispute_membership")
        .defer(*claim_heavy_fields("claim__"))
        .order_by("side", F("claim__claim_date").asc(nulls_last=True), "claim_id")
    )


def dispute_get(*, dispute_id: int) -> Proposition | None:
    return Proposition.objects.filter(pk=dispute_id).first()


def disputes_most_contested(*, limit: int = 8) -> list[Proposition]:
    """Disputes with claims on both sides, ranked by the weaker side's number of independent outlets.

    A dispute where three outlets say yes and three say no is more contested than one with
    twenty yes and one no; ties go to the one with more claims in all (then the newest). Sides
    and outlets per dispute come from the summary tables; cached until the next write.
    """
    return cached_aggregate("contested", lambda: _disputes_by_contest(limit), limit)


def _disputes_by_contest(limit: int) -> list[Proposition]:
    ranked = summaries.disputes_by_contest(limit=limit)
    disputes = Proposition.objects.in_bulk([row["id"] for row in ranked])
    found = []
    for row in ranked:
        if (dispute := disputes.get(row["id"])) is not None:
            for name in ("supports", "refutes", "support_outlets", "refute_outlets"):
                setattr(dispute, name, row[name])
            found.append(dispute)
    return found
