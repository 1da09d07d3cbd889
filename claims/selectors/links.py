"""Agreement and conflict implied by disputes: members on the same side agree, opposite sides conflict.

Linking stores a `Relation` only for direct evidence (a classified pair, a reply that points back,
a syndicated copy). A dispute of n members implies n·(n-1)/2 pairs; storing them would make
linking grow with the square of the dispute, so they are derived here, where they are read.

Precedence for one pair: a curator's relation (a rejected one removes the pair), then the
dispute's sides, then a machine verdict. Implied links come back as *unsaved* `Relation`
instances (``pk`` is None) so that pages render them like stored ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations, groupby
from operator import itemgetter

from django.db.models import Q

from claims.models import Claim, Origin, Proposition, PropositionMember, Relation

AGREE, CONFLICT, SAME_CLAIM = Relation.Type.AGREE, Relation.Type.CONFLICT, Relation.Type.SAME_CLAIM
# The score of a link that comes from the dispute's sides rather than from a verdict on the pair.
IMPLIED_SCORE = 0.5
# Implied links shown per claim and type (the newest members): the dispute page lists them all.
CLAIM_LINKS_LIMIT = 100


def implied_type(side_a: str, side_b: str) -> str:
    return AGREE if side_a == side_b else CONFLICT


def implied_explanation(label: str, side_a: str, side_b: str) -> str:
    if side_a == side_b:
        return f"both {side_a[:-1]} the dispute '{label}'"
    return f"opposite sides of the dispute '{label}' ({side_a} vs {side_b})"


def dispute_pairs() -> Iterator[tuple[int, int, str, str, int]]:
    """(a, b, side of a, side of b, dispute id) for every two members of one dispute, a < b.

    Claims a curator rejected take no part. Streams one dispute at a time.
    """
    members = (
        PropositionMember.objects.exclude(claim__review_status=Claim.ReviewStatus.REJECTED)
        .order_by("proposition_id", "claim_id")
        .values_list("proposition_id", "claim_id", "side")
    )
    for proposition_id, group in groupby(members.iterator(chunk_size=5000), key=itemgetter(0)):
        for (_, a, side_a), (_, b, side_b) in combinations(list(group), 2):
            yield a, b, side_a, side_b, proposition_id


def links_for_export() -> Iterator[dict]:
    """Every link between two claims for the export: stored relations and the pairs disputes imply."""
    stored = {
        (row["claim_a_id"], row["claim_b_id"]): row
        for row in Relation.objects.order_by("id").values(
            "claim_a_id", "claim_b_id", "type", "score", "origin", "review_status", "explanation"
        )
    }
    labels = dict(Proposition.objects.values_list("id", "label"))
    implied: set[tuple[int, int]] = set()
    for a, b, side_a, side_b, proposition_id in dispute_pairs():
        row = stored.get((a, b))
        if row is not None and _human(row):
            continue  # the curator's relation stands (or, rejected, removes the pair)
        kind = implied_type(side_a, side_b)
        implied.add((a, b))
        direct = row is not None and row["type"] in (kind, SAME_CLAIM)
        yield {
            "a": a,
            "b": b,
            "type": kind,
            "score": row["score"] if direct else IMPLIED_SCORE,
            "origin": Origin.MACHINE,
            "explanation": row["explanation"]
            if direct
            else implied_explanation(labels[proposition_id], side_a, side_b),
            "dispute": proposition_id,
        }
    for (a, b), row in stored.items():
        if (a, b) not in implied and row["review_status"] != Relation.ReviewStatus.REJECTED:
            yield {"a": a, "b": b, **{k: row[k] for k in ("type", "score", "origin", "explanation")}}


def claim_links(*, claim: Claim, limit: int = CLAIM_LINKS_LIMIT) -> dict[str, list[Relation]]:
    """The claim's links by type (``agree``, ``conflict``, ``same_claim``), strongest first.

    Stored relations (both claims loaded) plus, for a dispute member, the newest ``limit``
    members on its side (agree) and on the other side (conflict). At most five queries.
    """
    stored = list(
        Relation.objects.filter(Q(claim_a=claim) | Q(claim_b=claim))
        .select_related("claim_a__speaker", "claim_a__article__outlet", "claim_b__speaker", "claim_b__article__outlet")
        .defer("claim_a__article__body", "claim_b__article__body", "claim_a__terms", "claim_b__terms")
    )
    by_other = {(r.claim_b_id if r.claim_a_id == claim.pk else r.claim_a_id): r for r in stored}
    membership = _membership(claim)
    sides = _sides_in(membership, by_other) if membership else {}
    links: dict[str, list[Relation]] = {AGREE: [], CONFLICT: [], SAME_CLAIM: []}
    for other_id, relation in by_other.items():
        if relation.review_status == Relation.ReviewStatus.REJECTED:
            continue
        if not relation.is_human_reviewed and other_id in sides:
            # The sides decide (shown only), a same-claim verdict too: as in the export and the counts.
            relation.type = implied_type(membership.side, sides[other_id])
        links[relation.type].append(relation)
    if membership is not None:
        for relation in _implied(claim, membership, exclude=set(by_other), limit=limit):
            links[relation.type].append(relation)
    for found in links.values():
        found.sort(key=lambda r: (-r.score, r.pk is None, -(r.pk or 0)))
    return links


def _implied(claim: Claim, membership: PropositionMember, *, exclude: set[int], limit: int) -> list[Relation]:
    label = membership.proposition.label
    found = []
    for side in PropositionMember.Side.values:
        others = (
            PropositionMember.objects.filter(proposition_id=membership.proposition_id, side=side)
            .exclude(claim_id__in=[claim.pk, *exclude])
            .exclude(claim__review_status=Claim.ReviewStatus.REJECTED)
            .select_related("claim__speaker", "claim__article__outlet")
            .defer("claim__article__body", "claim__terms", "claim__entities")
            .order_by("-claim_id")[:limit]
        )
        for member in others:
            first, second = sorted([claim, member.claim], key=lambda c: c.pk)
            found.append(
                Relation(
                    claim_a=first,
                    claim_b=second,
                    type=implied_type(membership.side, side),
                    score=IMPLIED_SCORE,
                    explanation=implied_explanation(label, membership.side, side),
                    origin=Origin.MACHINE,
                )
            )
    return found


def _membership(claim: Claim) -> PropositionMember | None:
    return PropositionMember.objects.select_related("proposition").filter(claim_id=claim.pk).first()


def _sides_in(membership: PropositionMember, by_other: dict[int, Relation]) -> dict[int, str]:
    """Sides of the claims with stored relations that are members of the same dispute."""
    rows = PropositionMember.objects.filter(proposition_id=membership.proposition_id, claim_id__in=list(by_other))
    return dict(rows.values_list("claim_id", "side"))


def _human(row: dict) -> bool:
    return row["origin"] == Origin.CURATOR or row["review_status"] != Relation.ReviewStatus.MACHINE


# Every shown link as rows (claim_a_id, claim_b_id, type, score, relation_id, dispute_id,
# speaker_a_id, speaker_b_id), for
# aggregates done in SQL: the rules above, once more in SQL so counts need no Python loop.
# Pairs a dispute implies (unless a curator's relation decides them), then the stored relations
# that are not rejected and not replaced by an implied pair. Parameters: LINKS_PARAMS.
# ``{implied}`` narrows the first part (it may name the members m1, m2 and claims c1, c2),
# ``{stored}`` the second (the relation r, claims c1, c2): a caller that wants the links of a few
# speakers names their disputes and relations there, and PostgreSQL reads only those.
_IMPLIED_PAIRS = """
    FROM claims_propositionmember m1
    JOIN claims_propositionmember m2 ON m2.proposition_id = m1.proposition_id AND m2.claim_id > m1.claim_id
    JOIN claims_claim c1 ON c1.id = m1.claim_id AND c1.review_status <> %(claim_rejected)s
    JOIN claims_claim c2 ON c2.id = m2.claim_id AND c2.review_status <> %(claim_rejected)s
"""
_LINKS_SQL = f"""
    SELECT m1.claim_id AS claim_a_id, m2.claim_id AS claim_b_id,
           CASE WHEN m1.side = m2.side THEN %(agree)s ELSE %(conflict)s END AS type,
           CASE WHEN r.type = %(same_claim)s OR r.type = (CASE WHEN m1.side = m2.side THEN %(agree)s
                ELSE %(conflict)s END) THEN r.score ELSE %(implied_score)s END AS score,
           r.id AS relation_id, m1.proposition_id AS dispute_id,
           c1.speaker_id AS speaker_a_id, c2.speaker_id AS speaker_b_id
    {_IMPLIED_PAIRS}
    LEFT JOIN claims_relation r ON r.claim_a_id = m1.claim_id AND r.claim_b_id = m2.claim_id
    WHERE (r.id IS NULL OR (r.origin <> %(curator)s AND r.review_status = %(machine)s)) AND {{implied}}
    UNION ALL
    SELECT r.claim_a_id, r.claim_b_id, r.type, r.score, r.id, NULL, c1.speaker_id, c2.speaker_id
    FROM claims_relation r
    JOIN claims_claim c1 ON c1.id = r.claim_a_id JOIN claims_claim c2 ON c2.id = r.claim_b_id
    LEFT JOIN claims_propositionmember m1 ON m1.claim_id = r.claim_a_id
    LEFT JOIN claims_propositionmember m2 ON m2.claim_id = r.claim_b_id
    WHERE r.review_status <> %(rejected)s AND (
        r.origin = %(curator)s OR r.review_status <> %(machine)s
        OR m1.proposition_id IS NULL OR m1.proposition_id IS DISTINCT FROM m2.proposition_id
        OR c1.review_status = %(claim_rejected)s OR c2.review_status = %(claim_rejected)s
    ) AND {{stored}}
"""


def links_sql(*, implied: str = "TRUE", stored: str = "TRUE") -> str:
    """``LINKS_SQL`` with its implied part narrowed by condition ``implied`` and its stored part by ``stored``."""
    return _LINKS_SQL.format(implied=implied, stored=stored)


LINKS_SQL = links_sql()
LINKS_PARAMS = {
    "agree": AGREE,
    "conflict": CONFLICT,
    "same_claim": SAME_CLAIM,
    "implied_score": IMPLIED_SCORE,
    "claim_rejected": Claim.ReviewStatus.REJECTED.value,
    "curator": Origin.CURATOR.value,
    "machine": Relation.ReviewStatus.MACHINE.value,
    "rejected": Relation.ReviewStatus.REJECTED.value,
}


def links_as_relations(rows: list[tuple[int, int, str, int | None, int | None]]) -> list[Relation]:
    """Relations for rows of (claim_a_id, claim_b_id, type, relation_id, dispute_id) from ``LINKS_SQL``.

    Stored ones are loaded (shown with the type the dispute gives them), implied ones built
    unsaved with both claims loaded. Three queries whatever the number of rows.
    """
    heavy = ("article__body", "embedding", "entities", "search_vector")
    stored = Relation.objects.select_related(
        "claim_a__speaker", "claim_a__article__outlet", "claim_b__speaker", "claim_b__article__outlet"
    ).defer(*(f"claim_{end}__{field}" for end in "ab" for field in heavy))
    stored = stored.in_bulk([row[3] for row in rows if row[3] is not None])
    claim_ids = {pk for row in rows if row[3] is None for pk in row[:2]}
    claims = Claim.objects.select_related("speaker", "article__outlet").defer(*heavy).in_bulk(claim_ids)
    labels = dict(
        Proposition.objects.filter(id__in={row[4] for row in rows if row[3] is None}).values_list("id", "label")
    )
    found = []
    for a, b, kind, relation_id, dispute_id in rows:
        if relation_id is not None:
            relation = stored[relation_id]
            relation.type = kind  # the dispute's sides decide (shown only, never saved)
        else:
            explanation = (
                f"{'the same side' if kind == AGREE else 'opposite sides'} of the dispute '{labels[dispute_id]}'"
            )
            relation = Relation(
                claim_a=claims[a],
                claim_b=claims[b],
                type=kind,
                score=IMPLIED_SCORE,
                explanation=explanation,
                origin=Origin.MACHINE,
            )
        found.append(relation)
    return found
