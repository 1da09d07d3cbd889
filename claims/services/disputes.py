"""Disputes as propositions: a central claim, and the claims the relation model relates to it.

A claim joins a dispute on a relation with its central claim (agree or the same claim: the
central claim's side; conflict: the other side), or on a strong relation with a member that the
model also accepts when it judges the claim against the central claim itself. So a dispute is
one statement and its denials, and cannot grow around a word many claims share: every member is
directly related to the central claim. A conflict between two claims in no dispute founds one,
its central claim the one stored first; its label is that claim's words.

Membership implies nothing: agreement and conflict are only what is stored as `Relation` rows.
Curator memberships are never moved, curator labels never renamed, a curator dispute with no
central claim never grows by machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db import connection
from django.db.models import Count, Q
from django.utils import timezone

from claims.models import Claim, Origin, Proposition, PropositionMember, Relation

from .linking import RELATED, LinkRun, _load, _pair, judge_pairs, relations_upsert

SUPPORTS, REFUTES = PropositionMember.Side.SUPPORTS, PropositionMember.Side.REFUTES
LABEL_CHARS = 200


@dataclass
class _Placement:
    proposition_id: int
    side: str
    score: float


@dataclass
class _Disputes:
    """The run's view of memberships: what the claims had, and what this run decides."""

    members: dict[int, PropositionMember] = field(default_factory=dict)  # claim -> stored membership
    centrals: dict[int, int] = field(default_factory=dict)  # dispute -> central claim
    placed: dict[int, _Placement] = field(default_factory=dict)  # claim -> where the run puts it


def disputes_update_for_run(run: LinkRun) -> None:
    """Place the run's claims in disputes from the relations stored for them (see module doc)."""
    state = _read_memberships(run)
    links = _links_of(run)
    _grow(run, state, links)
    founded = _found(run, state, links)
    _join_founded(run, state, links, founded)
    _store(run, state)


# ---- reading -----------------------------------------------------------------------------------


def _read_memberships(run: LinkRun) -> _Disputes:
    state = _Disputes()
    rows = PropositionMember.objects.filter(claim_id__in=run.claims).select_related("proposition")
    for member in rows:
        state.members[member.claim_id] = member
        state.centrals[member.proposition_id] = member.proposition.central_claim_id
    # A central claim whose own membership went (removed by hand) goes back to its dispute.
    for dispute_id, central in Proposition.objects.filter(central_claim__in=[c.pk for c in run.own]).values_list(
        "pk", "central_claim_id"
    ):
        state.centrals[dispute_id] = central
        if central not in state.members:
            state.placed[central] = _Placement(dispute_id, SUPPORTS, 2.0)
    return state


def _links_of(run: LinkRun) -> dict[int, list[tuple[int, str, float]]]:
    """Each article claim's related claims (other, type, score): this run's relations and the
    curator's (confirmed or made); a rejected pair is no link."""
    links: dict[int, list[tuple[int, str, float]]] = {c.pk: [] for c in run.own}
    found = {pair: (kind, score) for pair, (kind, score, _) in run.relations.items()}
    found |= {pair: (kind, 1.0) for pair, kind in run.decided.items() if kind != Relation.ReviewStatus.REJECTED}
    for (a, b), (kind, score) in found.items():
        for one, other in ((a, b), (b, a)):
            if one in links and other in run.claims:
                links[one].append((other, kind, score))
    return links


# ---- placing claims ----------------------------------------------------------------------------


def _grow(run: LinkRun, state: _Disputes, links: dict[int, list[tuple[int, str, float]]]) -> None:
    """Each article claim that is not fixed joins the dispute its strongest evidence points to."""
    through_members: list[tuple[int, int, str, float]] = []  # (claim, dispute, _, score) checked below
    for claim in run.own:
        if _fixed(state, claim.pk):
            continue
        for other, kind, score in links[claim.pk]:
            member = state.members.get(other)
            if member is None or state.centrals.get(member.proposition_id) in (None, claim.pk):
                continue
            central = state.centrals[member.proposition_id]
            if other == central:
                _offer(state, claim.pk, member.proposition_id, _side(member.side, kind), score)
            elif kind != Relation.Type.SAME_CLAIM and score >= settings.LINK_DISPUTE_VIA_MEMBER_SCORE:
                through_members.append((claim.pk, member.proposition_id, kind, score))
    _check_against_central(run, state, through_members)


def _check_against_central(run: LinkRun, state: _Disputes, offers: list[tuple[int, int, str, float]]) -> None:
    """A strong relation with a member counts only if the model relates the claim to the central
    claim too; the side and the stored relation then come from that judgement."""
    offers = [o for o in offers if o[0] not in state.placed or state.placed[o[0]].score < o[3]]
    centrals = {state.centrals[d] for _, d, _, _ in offers} - run.claims.keys()
    _load(run, Claim.objects.filter(pk__in=centrals, embedding__isnull=False))
    pairs = {(c, state.centrals[d]) for c, d, _, _ in offers if state.centrals[d] in run.claims}
    # The central claim must be as close as any candidate: the model never judges a pair the
    # nearest-neighbour search would have left out.
    pairs = [p for p in pairs if _pair(*p) not in run.decided and _similarity(run, *p) >= settings.LINK_MIN_SIMILARITY]
    judgements = dict(zip(pairs, judge_pairs([(run.claims[a], run.claims[b]) for a, b in pairs]), strict=True))
    for claim_id, dispute_id, _, score in offers:
        central = state.centrals[dispute_id]
        judgement = judgements.get((claim_id, central))
        if judgement is None or judgement.label not in RELATED:
            continue
        kind = RELATED[judgement.label]
        run.relations[_pair(claim_id, central)] = (kind, float(judgement.score), judgement.reason)
        central_side = state.members[central].side if central in state.members else SUPPORTS
        _offer(state, claim_id, dispute_id, _side(central_side, kind), min(score, float(judgement.score)))
    rows = [(a, b, *run.relations[(a, b)]) for a, b in (_pair(*p) for p in pairs) if (a, b) in run.relations]
    run.summary.relations += relations_upsert(rows)  # relations with central claims are stored like the others


def _found(run: LinkRun, state: _Disputes, links: dict[int, list[tuple[int, str, float]]]) -> dict[int, int]:
    """A strong conflict between two claims in no dispute founds one around the earlier claim.

    Returns the disputes founded, central claim -> dispute.
    """
    founded: dict[int, int] = {}
    for claim in run.own:
        if _fixed(state, claim.pk) or claim.pk in state.placed:
            continue
        conflicts = [
            (score, other)
            for other, kind, score in links[claim.pk]
            if kind == Relation.Type.CONFLICT
            and score >= settings.LINK_DISPUTE_FOUND_SCORE
            and other not in state.members
            and other not in state.placed
        ]
        if not conflicts:
            continue
        score, other = max(conflicts)
        central, challenger = min(other, claim.pk), max(other, claim.pk)
        proposition = _proposition_create(run, central)
        state.centrals[proposition.pk] = central
        state.placed[central] = _Placement(proposition.pk, SUPPORTS, 1.0)
        state.placed[challenger] = _Placement(proposition.pk, REFUTES, score)
        founded[central] = proposition.pk
        run.summary.disputes_created += 1
    return founded


def _join_founded(
    run: LinkRun, state: _Disputes, links: dict[int, list[tuple[int, str, float]]], founded: dict[int, int]
) -> None:
    """Claims related to a new dispute's central claim join it: the article's claims on this
    run's relations, earlier claims in no dispute on the relations stored with the central claim."""
    for claim in run.own:
        if _fixed(state, claim.pk) or claim.pk in state.placed:
            continue
        for other, kind, score in links[claim.pk]:
            if other in founded:
                _offer(state, claim.pk, founded[other], _side(SUPPORTS, kind), score)
    if not founded:
        return
    stored = (
        Relation.objects.filter(Q(claim_a__in=founded) | Q(claim_b__in=founded))
        .exclude(review_status=Relation.ReviewStatus.REJECTED)
        .exclude(claim_a__review_status=Claim.ReviewStatus.REJECTED)
        .exclude(claim_b__review_status=Claim.ReviewStatus.REJECTED)
    )
    offers = []
    for a, b, kind, score in stored.values_list("claim_a_id", "claim_b_id", "type", "score"):
        central, other = (a, b) if a in founded else (b, a)
        if other not in state.placed and other not in state.members:
            offers.append((other, founded[central], _side(SUPPORTS, kind), score))
    placed_elsewhere = set(
        PropositionMember.objects.filter(claim_id__in=[o[0] for o in offers]).values_list("claim_id", flat=True)
    )
    for other, dispute_id, side, score in offers:
        if other not in placed_elsewhere:
            _offer(state, other, dispute_id, side, score)


def _similarity(run: LinkRun, a: int, b: int) -> float:
    return float(np.dot(np.asarray(run.claims[a].embedding), np.asarray(run.claims[b].embedding)))


def _offer(state: _Disputes, claim_id: int, dispute_id: int, side: str, score: float) -> None:
    best = state.placed.get(claim_id)
    if best is None or score > best.score:
        state.placed[claim_id] = _Placement(dispute_id, side, score)


def _fixed(state: _Disputes, claim_id: int) -> bool:
    """A claim the run does not move: a curator placed it, or it is a dispute's central claim."""
    member = state.members.get(claim_id)
    if member is None:
        return False
    return member.origin == Origin.CURATOR or state.centrals.get(member.proposition_id) == claim_id


def _side(other_side: str, kind: str) -> str:
    """The side of a claim related by ``kind`` to a claim on ``other_side``."""
    if kind == Relation.Type.CONFLICT:
        return REFUTES if other_side == SUPPORTS else SUPPORTS
    return other_side


def _proposition_create(run: LinkRun, central_id: int) -> Proposition:
    proposition = Proposition(label=dispute_label(run.claims[central_id].content), central_claim_id=central_id)
    proposition.full_clean(exclude=["central_claim"])
    proposition.save()
    return proposition


def dispute_label(content: str) -> str:
    """A dispute's label: its central claim's words, trimmed at a word boundary."""
    text = " ".join(content.split())
    if len(text) <= LABEL_CHARS:
        return text
    return text[:LABEL_CHARS].rsplit(" ", 1)[0] + " …"


# ---- storage -----------------------------------------------------------------------------------


def _store(run: LinkRun, state: _Disputes) -> None:
    """Write the run's placements: machine memberships of article claims that moved or left go,
    new ones come in; disputes left with fewer than two members (and no curator) go."""
    own = {c.pk for c in run.own}
    dropped, affected = [], set()
    for claim_id, member in state.members.items():
        if claim_id not in own or _fixed(state, claim_id):
            continue
        placed = state.placed.get(claim_id)
        if placed is not None and (placed.proposition_id, placed.side) == (member.proposition_id, member.side):
            state.placed.pop(claim_id)  # as it was: no write
            continue
        dropped.append(member.pk)
        affected.add(member.proposition_id)
    if dropped:
        PropositionMember.objects.filter(pk__in=dropped, origin=Origin.MACHINE).delete()
    new = [
        PropositionMember(proposition_id=p.proposition_id, claim_id=claim_id, side=p.side, origin=Origin.MACHINE)
        for claim_id, p in state.placed.items()
        if claim_id not in state.members or state.members[claim_id].pk in dropped
    ]
    run.summary.memberships += _members_insert(new)
    _drop_lonely(affected | {m.proposition_id for m in new})


def _drop_lonely(proposition_ids: set[int]) -> None:
    """Machine disputes with under two members, no curator member and a machine label are no dispute."""
    lonely = (
        Proposition.objects.filter(pk__in=proposition_ids, origin=Origin.MACHINE, label_curated=False)
        .annotate(n=Count("members"), curated=Count("members", filter=Q(members__origin=Origin.CURATOR)))
        .filter(n__lt=2, curated=0)
    )
    ids = list(lonely.values_list("pk", flat=True))
    if ids:
        Proposition.objects.filter(pk__in=ids).delete()


# A claim is in one dispute at most (unique claim_id). Another worker linking an overlapping article
# may have put a claim there since this run read it: its row stands, as if it had been read first.
# Inserted in claim order, so two workers inserting the same claims wait for each other in one order.
_MEMBERS_INSERT_SQL = """
INSERT INTO claims_propositionmember AS m (created_at, updated_at, proposition_id, claim_id, side, origin)
SELECT %(now)s, %(now)s, v.proposition_id, v.claim_id, v.side, %(machine)s
FROM unnest(%(proposition_ids)s::bigint[], %(claim_ids)s::bigint[], %(sides)s::varchar[])
     AS v(proposition_id, claim_id, side)
ORDER BY v.claim_id
ON CONFLICT (claim_id) DO NOTHING
RETURNING m.id, m.claim_id
"""


def _members_insert(members: list[PropositionMember]) -> int:
    """Insert new memberships with their history rows; returns how many were written."""
    if not members:
        return 0
    now = timezone.now()
    params = {
        "now": now,
        "machine": Origin.MACHINE.value,
        "proposition_ids": [m.proposition_id for m in members],
        "claim_ids": [m.claim_id for m in members],
        "sides": [str(m.side) for m in members],
    }
    with connection.cursor() as cursor:
        cursor.execute(_MEMBERS_INSERT_SQL, params)
        inserted = {claim_id: pk for pk, claim_id in cursor.fetchall()}
    for member in members:
        member.pk = inserted.get(member.claim_id)
        member.created_at = member.updated_at = now
    written = [m for m in members if m.pk]
    PropositionMember.history.bulk_history_create(written, batch_size=500)
    return len(written)
