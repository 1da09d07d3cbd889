"""Reads for the claims app: querysets with the joins their pages and API answers need."""

from __future__ import annotations

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, Least

from claims.models import Claim, Proposition, PropositionMember, Relation, Speaker

# Relations shown as agreement or conflict: a curator's "rejected" takes a link away.
SHOWN_RELATIONS = ~Q(review_status=Relation.ReviewStatus.REJECTED)


def _count_of(queryset: QuerySet, field: str) -> Subquery:
    """A correlated COUNT per row: cheap on one page, unlike a GROUP BY over the whole table."""
    counted = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def claim_list() -> QuerySet[Claim]:
    """Claims with speaker, article, outlet and dispute membership, without article bodies."""
    return Claim.objects.select_related("speaker", "article__outlet", "dispute_membership").defer(
        "article__body", "terms", "entities"
    )


def claim_get(*, claim_id: int) -> Claim | None:
    return Claim.objects.select_related("speaker", "article__outlet", "dispute_membership").filter(pk=claim_id).first()


def claim_relations(*, claim: Claim, relation_type: str) -> QuerySet[Relation]:
    """The claim's agree or conflict relations (not rejected ones), both claims loaded."""
    return (
        Relation.objects.filter(Q(claim_a=claim) | Q(claim_b=claim), SHOWN_RELATIONS, type=relation_type)
        .select_related("claim_a__speaker", "claim_a__article__outlet", "claim_b__speaker", "claim_b__article__outlet")
        .defer("claim_a__article__body", "claim_b__article__body")
    )


def speaker_list() -> QuerySet[Speaker]:
    return Speaker.objects.annotate(claim_count=_count_of(Claim.objects.all(), "speaker")).prefetch_related("aliases")


def relation_list() -> QuerySet[Relation]:
    return Relation.objects.select_related("claim_a__speaker", "claim_b__speaker")


def dispute_list() -> QuerySet[Proposition]:
    members = PropositionMember.objects.all()
    return Proposition.objects.annotate(
        supports=_count_of(members.filter(side=PropositionMember.Side.SUPPORTS), "proposition"),
        refutes=_count_of(members.filter(side=PropositionMember.Side.REFUTES), "proposition"),
    )


def dispute_members(*, dispute: Proposition) -> QuerySet[PropositionMember]:
    """Both sides of a dispute, oldest claim first within each side."""
    return (
        dispute.members.select_related("claim__speaker", "claim__article__outlet", "claim__dispute_membership")
        .defer("claim__article__body", "claim__terms", "claim__entities")
        .order_by("side", F("claim__claim_date").asc(nulls_last=True), "claim_id")
    )


MATRIX_KEYS = {"speaker": "speaker_id", "affiliation": "speaker__affiliation"}


def agreement_matrix(*, by: str, limit: int = 50) -> list[dict]:
    """Pairs of speakers (or affiliations) with their counts of agree and conflict relations.

    Each unordered pair appears once (``a`` <= ``b``), the pairs with most relations first.
    """
    key = MATRIX_KEYS[by]
    pairs = (
        Relation.objects.filter(SHOWN_RELATIONS, type__in=[Relation.Type.AGREE, Relation.Type.CONFLICT])
        .exclude(**{f"claim_a__{key}__isnull": True})
        .exclude(**{f"claim_b__{key}__isnull": True})
        .annotate(a=Least(f"claim_a__{key}", f"claim_b__{key}"), b=Greatest(f"claim_a__{key}", f"claim_b__{key}"))
        .values("a", "b")
        .annotate(
            agree=Count("id", filter=Q(type=Relation.Type.AGREE)),
            conflict=Count("id", filter=Q(type=Relation.Type.CONFLICT)),
            total=Count("id"),
        )
        .order_by("-total", "a", "b")
    )
    if by == "affiliation":
        pairs = pairs.exclude(claim_a__speaker__affiliation="").exclude(claim_b__speaker__affiliation="")
    return [{"a": row["a"], "b": row["b"], "agree": row["agree"], "conflict": row["conflict"]} for row in pairs[:limit]]
