"""Agreement and conflict between claims: the stored relations, and nothing else.

Every page, count, the matrix, the API and the export read the same links: the `Relation` rows
a curator has not rejected. A dispute's membership implies no link (its members were placed by
their relations with its central claim, which are stored like any other).
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Q

from claims.models import Claim, PropositionMember, Relation

from .fields import claim_heavy_fields

AGREE, CONFLICT, SAME_CLAIM = Relation.Type.AGREE, Relation.Type.CONFLICT, Relation.Type.SAME_CLAIM
# Links shown per claim and type, strongest first.
CLAIM_LINKS_LIMIT = 100


def links_for_export() -> Iterator[dict]:
    """Every shown link for the export, with its dispute when both claims are in the same one (else None)."""
    dispute_of = dict(PropositionMember.objects.values_list("claim_id", "proposition_id"))
    rows = (
        Relation.objects.exclude(review_status=Relation.ReviewStatus.REJECTED)
        .order_by("id")
        .values_list("claim_a_id", "claim_b_id", "type", "score", "origin", "explanation")
    )
    for a, b, kind, score, origin, explanation in rows.iterator(chunk_size=5000):
        dispute = dispute_of.get(a)
        yield {
            "a": a,
            "b": b,
            "type": kind,
            "score": score,
            "origin": origin,
            "explanation": explanation,
            "dispute": dispute if dispute is not None and dispute == dispute_of.get(b) else None,
        }


def claim_links(*, claim: Claim, limit: int = CLAIM_LINKS_LIMIT) -> dict[str, list[Relation]]:
    """The claim's stored links by type (``agree``, ``conflict``, ``same_claim``), strongest first.

    Rejected relations are left out; both claims come loaded. One query.
    """
    stored = (
        Relation.objects.filter(Q(claim_a=claim) | Q(claim_b=claim))
        .exclude(review_status=Relation.ReviewStatus.REJECTED)
        .select_related("claim_a__speaker", "claim_a__article__outlet", "claim_b__speaker", "claim_b__article__outlet")
        .defer(*claim_heavy_fields("claim_a__"), *claim_heavy_fields("claim_b__"))
        .order_by("-score", "-id")
    )
    links: dict[str, list[Relation]] = {AGREE: [], CONFLICT: [], SAME_CLAIM: []}
    for relation in stored:
        if len(links[relation.type]) < limit:
            links[relation.type].append(relation)
    return links


# Every shown link as rows (claim_a_id, claim_b_id, type, score, relation_id, dispute_id,
# speaker_a_id, speaker_b_id), for aggregates done in SQL: the stored relations that are not
# rejected, the dispute set when both claims are members of one. Parameters: LINKS_PARAMS.
# ``{stored}`` narrows the rows (it may name the relation r and claims c1, c2).
_LINKS_SQL = """
    SELECT r.claim_a_id, r.claim_b_id, r.type, r.score, r.id AS relation_id,
           CASE WHEN m1.proposition_id = m2.proposition_id THEN m1.proposition_id END AS dispute_id,
           c1.speaker_id AS speaker_a_id, c2.speaker_id AS speaker_b_id
    FROM claims_relation r
    JOIN claims_claim c1 ON c1.id = r.claim_a_id JOIN claims_claim c2 ON c2.id = r.claim_b_id
    LEFT JOIN claims_propositionmember m1 ON m1.claim_id = r.claim_a_id
    LEFT JOIN claims_propositionmember m2 ON m2.claim_id = r.claim_b_id
    WHERE r.review_status <> %(rejected)s AND {stored}
"""


def links_sql(*, stored: str = "TRUE") -> str:
    """``LINKS_SQL`` narrowed by condition ``stored``."""
    return _LINKS_SQL.format(stored=stored)


LINKS_SQL = links_sql()
LINKS_PARAMS = {
    "agree": AGREE,
    "conflict": CONFLICT,
    "same_claim": SAME_CLAIM,
    "rejected": Relation.ReviewStatus.REJECTED.value,
}


def links_as_relations(rows: list[tuple]) -> list[Relation]:
    """The relations of rows whose fourth column is a relation id (``LINKS_SQL`` order), both claims
    loaded, in the rows' order. One query whatever the number of rows."""
    stored = Relation.objects.select_related(
        "claim_a__speaker", "claim_a__article__outlet", "claim_b__speaker", "claim_b__article__outlet"
    ).defer(*claim_heavy_fields("claim_a__"), *claim_heavy_fields("claim_b__"))
    found = stored.in_bulk([row[3] for row in rows])
    return [found[row[3]] for row in rows if row[3] in found]
