"""Position changes: a speaker's side in a dispute over time, and where it turned.

A speaker's stance history in a dispute is their claims in it ordered by day (the claim's date,
else its article's publication day), then by article. Claims of one day in one article are one
*moment*: a moment whose claims all take one side sets the stance; a moment with claims on both
sides (a speaker quoted both ways in one report) leaves it as it was, so a same-day contradiction
inside one article is never a change. A change is the stance going from supports to refutes, or
back, between two moments (different days, or different articles of one day).

``stance_changes`` is the pure rule; the selectors read the points it needs in one query each.
Claims a curator rejected take no side. Only a speaker with claims on both sides of a dispute can
have changed side there: the summary table of dispute groups (speaker and side per dispute) names
those disputes, so a speaker's page reads the claims of those disputes only.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Coalesce, TruncDate

from claims.aggregate_cache import cached_aggregate
from claims.models import Claim, Proposition, PropositionMember, Speaker

from .fields import claim_heavy_fields


@dataclass(frozen=True)
class StancePoint:
    """One claim's side in a dispute, placed in time."""

    claim_id: int
    speaker_id: int
    proposition_id: int
    side: str
    day: datetime.date
    article_id: int


@dataclass(frozen=True)
class PositionChange:
    """The speaker's side turned: ``before`` is the last claim of the old side, ``after`` the first of the new."""

    before: StancePoint
    after: StancePoint

    @property
    def speaker_id(self) -> int:
        return self.after.speaker_id

    @property
    def proposition_id(self) -> int:
        return self.after.proposition_id


def _moments(points: Iterable[StancePoint]) -> list[list[StancePoint]]:
    """Points grouped by (day, article), in time order."""
    grouped: dict[tuple, list[StancePoint]] = defaultdict(list)
    for point in sorted(points, key=lambda p: (p.day, p.article_id, p.claim_id)):
        grouped[(point.day, point.article_id)].append(point)
    return list(grouped.values())


def stance_changes(points: Iterable[StancePoint]) -> list[PositionChange]:
    """The position changes in one speaker's points in one dispute, oldest first."""
    changes: list[PositionChange] = []
    last: StancePoint | None = None  # the latest claim of the current stance
    for moment in _moments(points):
        if len({p.side for p in moment}) > 1:
            continue  # both sides at one moment: no stance to compare
        if last is not None and moment[0].side != last.side:
            changes.append(PositionChange(before=last, after=moment[0]))
        last = moment[-1]
    return changes


def _changes_of(points: Iterable[StancePoint]) -> list[PositionChange]:
    """``stance_changes`` for every (speaker, dispute) among ``points``, oldest first."""
    series: dict[tuple[int, int], list[StancePoint]] = defaultdict(list)
    for point in points:
        series[(point.speaker_id, point.proposition_id)].append(point)
    changes = [change for group in series.values() for change in stance_changes(group)]
    return sorted(changes, key=lambda c: (c.after.day, c.after.article_id, c.after.claim_id))


def _points(members_filter: Q) -> list[StancePoint]:
    """The dated, attributed dispute memberships that pass ``members_filter``, as points."""
    rows = (
        PropositionMember.objects.filter(members_filter, claim__speaker__isnull=False)
        .exclude(claim__review_status=Claim.ReviewStatus.REJECTED)
        .annotate(day=Coalesce(F("claim__claim_date"), TruncDate("claim__article__published_at")))
        .filter(day__isnull=False)
        .values_list("claim_id", "claim__speaker_id", "proposition_id", "side", "day", "claim__article_id")
        .order_by()
    )
    return [StancePoint(*row) for row in rows]


def position_changes_for_claims(claim_ids: Iterable[int]) -> list[PositionChange]:
    """The position changes that ``claim_ids`` (newly linked claims) take part in, oldest first.

    Each claim's speaker's whole history in the claim's dispute is read (one query), and the
    changes whose before or after claim is one of ``claim_ids`` are returned: the new claim
    turned the speaker's side, or a later claim turns away from it (an older report ingested late).
    """
    wanted = set(claim_ids)
    pairs = set(
        PropositionMember.objects.filter(claim_id__in=wanted, claim__speaker__isnull=False).values_list(
            "claim__speaker_id", "proposition_id"
        )
    )
    if not pairs:
        return []
    speakers, disputes = {s for s, _ in pairs}, {d for _, d in pairs}
    points = _points(Q(claim__speaker_id__in=speakers, proposition_id__in=disputes))
    points = [p for p in points if (p.speaker_id, p.proposition_id) in pairs]
    return [c for c in _changes_of(points) if c.before.claim_id in wanted or c.after.claim_id in wanted]


def speaker_position_history(speaker: Speaker) -> dict[int, list[StancePoint]]:
    """The speaker's stance points per dispute id, in time order (cached until the next write)."""
    return cached_aggregate("speaker_positions", lambda: _history(speaker.pk), speaker.pk)


def _history(speaker_id: int) -> dict[int, list[StancePoint]]:
    history: dict[int, list[StancePoint]] = defaultdict(list)
    for moment in _moments(_points(Q(claim__speaker_id=speaker_id))):
        for point in moment:
            history[point.proposition_id].append(point)
    return dict(history)


# The disputes where the speaker has (non-rejected) claims on both sides, from the summary table.
_TWO_SIDED_SQL = """
    SELECT dispute_id FROM claims_agg_dispute_group
    WHERE speaker_key = %s AND n > 0 GROUP BY dispute_id HAVING count(DISTINCT side) > 1
"""


def speaker_position_changes(speaker: Speaker) -> list[PositionChange]:
    """The speaker's position changes in every dispute, oldest first (cached until the next write)."""
    return cached_aggregate("speaker_position_changes", lambda: _speaker_changes(speaker.pk), speaker.pk)


def _speaker_changes(speaker_id: int) -> list[PositionChange]:
    with connection.cursor() as cursor:
        cursor.execute(_TWO_SIDED_SQL, [speaker_id])
        disputes = [row[0] for row in cursor.fetchall()]
    if not disputes:
        return []
    return _changes_of(_points(Q(claim__speaker_id=speaker_id, proposition_id__in=disputes)))


def dispute_position_changes(proposition: Proposition) -> list[PositionChange]:
    """Every speaker's position changes in one dispute, oldest first (cached until the next write)."""
    compute = lambda: _changes_of(_points(Q(proposition_id=proposition.pk)))  # noqa: E731
    return cached_aggregate("dispute_positions", compute, proposition.pk)


def position_change_rows(changes: list[PositionChange]) -> list[dict]:
    """Changes with their claims (speaker, article, outlet) and dispute loaded, for pages: two queries."""
    ids = {c.before.claim_id for c in changes} | {c.after.claim_id for c in changes}
    claims = (
        Claim.objects.select_related("speaker", "article__outlet", "dispute_membership__proposition")
        .defer(*claim_heavy_fields())
        .in_bulk(ids)
    )
    rows = []
    for change in changes:
        before, after = claims.get(change.before.claim_id), claims.get(change.after.claim_id)
        if before is None or after is None:
            continue  # deleted since the history was cached
        rows.append({"change": change, "before": before, "after": after,
                     "dispute": after.dispute_membership.proposition})  # fmt: skip
    return rows
