"""Claims close in meaning to one claim that no relation links to it yet: for a person to read.

Linking stores a relation only where the model is sure enough (similarity floor, relation model):
precision first. Between that floor and unrelated lie claims that may say the same thing in other
words, or its opposite. The claim page lists the closest of them as *not judged*, so an analyst can
read them and a curator can decide, and the decision becomes training data like any other.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from pgvector.django import CosineDistance

from claims.models import Claim, Relation

from .fields import claim_heavy_fields


@dataclass(frozen=True)
class CloseClaim:
    claim: Claim
    similarity: float


def claims_close_in_meaning(*, claim: Claim, limit: int | None = None) -> list[CloseClaim]:
    """The claim's nearest claims by embedding (HNSW index) above ``CLAIM_CLOSE_MIN_SIMILARITY``,
    closest first, leaving out rejected claims, claims any relation already joins to it (a
    curator's rejection included), the same speaker's other parts of one article, and claims that
    state nothing (``Claim.states_something``, as linking leaves them out): none at all for a
    claim that states nothing itself. Two queries."""
    limit = limit or settings.CLAIM_CLOSE_LIMIT
    if claim.embedding is None or not claim.states_something:
        return []
    related = Relation.objects.filter(Q(claim_a=claim) | Q(claim_b=claim)).values_list("claim_a_id", "claim_b_id")
    excluded = {c for pair in related for c in pair} | {claim.pk}
    nearest = (
        Claim.objects.exclude(review_status=Claim.ReviewStatus.REJECTED)
        .annotate(distance=CosineDistance("embedding", claim.embedding))
        .filter(distance__lte=1 - settings.CLAIM_CLOSE_MIN_SIMILARITY)
        .select_related("speaker", "article__outlet")
        .defer(*claim_heavy_fields())
        .order_by("distance")[: 2 * limit + len(excluded) + 5]  # room for the rows left out below
    )
    close = [
        CloseClaim(other, round(1 - other.distance, 2))
        for other in nearest
        if other.pk not in excluded and not _same_statement_part(claim, other) and other.states_something
    ]
    return close[:limit]


def _same_statement_part(claim: Claim, other: Claim) -> bool:
    return other.article_id == claim.article_id and other.speaker_id == claim.speaker_id
