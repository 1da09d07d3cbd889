"""Alerts from the link stage: which watches the newly linked claims meet, found in one SQL statement.

``alerts_for_new_claims`` is called once per linked article with that article's claims. Every
kind of watch is reached from the new claims through an index, never by running the watches
over the base: saved searches by matching the new claims' stored ``search_vector`` against the
watches' stored ``tsquery`` (the batch joined with the search watches), speakers by
``watch.speaker_id``, disputes through the claim's membership, claims through the relation
pairs and the dispute members of the new claim. A claim meets a watch at most once
(``alert_once_per_watch_and_claim``): linking the article again adds nothing.

When a claim meets one watch in several ways, the weightiest reason is kept: a conflict first,
then taking a side, then a relation, then a plain match.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, transaction

from watches.models import Alert

# Lower is weightier (see the module docstring).
_WEIGHT = {
    Alert.Reason.CONFLICT: 1,
    # A speaker turning sides says more than the speaker taking one.
    Alert.Reason.POSITION_CHANGE: 2,
    Alert.Reason.SIDE: 3,
    Alert.Reason.RELATED: 4,
    Alert.Reason.MATCH: 5,
}

_MATCHES_SQL = """
WITH new AS (
    SELECT c.id, c.speaker_id, c.search_vector, c.cue_class, c.claim_type, c.polarity, c.claim_date, a.outlet_id
    FROM claims_claim c JOIN articles_article a ON a.id = c.article_id
    WHERE c.id = ANY(%(ids)s) AND c.review_status <> 'rejected'
), found (watch_id, user_id, claim_id, reason, detail) AS (
    -- saved searches: the batch joined with the search watches, the stored vector against the stored tsquery
    SELECT w.id, w.user_id, n.id, 'match', ''
    FROM new n JOIN watches_watch w ON w.kind = 'search'
        AND (w.query = '' OR n.search_vector @@ w.search_query)
        AND (w.speaker_id IS NULL OR w.speaker_id = n.speaker_id)
        AND (w.outlet_id IS NULL OR w.outlet_id = n.outlet_id)
        AND (w.cue_class = '' OR w.cue_class = n.cue_class)
        AND (w.claim_type = '' OR w.claim_type = n.claim_type)
        AND (w.polarity = '' OR w.polarity = n.polarity)
        AND (w.date_from IS NULL OR n.claim_date >= w.date_from)
        AND (w.date_to IS NULL OR n.claim_date <= w.date_to)
  UNION ALL
    -- watched speakers; taking a side when the new claim is in a dispute
    SELECT w.id, w.user_id, n.id,
        CASE WHEN m.id IS NULL THEN 'match' ELSE 'side' END,
        CASE WHEN m.id IS NULL THEN '' ELSE m.side || ': ' || p.label END
    FROM new n JOIN watches_watch w ON w.speaker_id = n.speaker_id AND w.kind = 'speaker'
        LEFT JOIN claims_propositionmember m ON m.claim_id = n.id
        LEFT JOIN claims_proposition p ON p.id = m.proposition_id
  UNION ALL
    -- watched disputes: a conflict when the other side has members already
    SELECT w.id, w.user_id, n.id,
        CASE WHEN other.id IS NULL THEN 'side' ELSE 'conflict' END,
        m.side || ': ' || p.label
    FROM new n JOIN claims_propositionmember m ON m.claim_id = n.id
        JOIN watches_watch w ON w.dispute_id = m.proposition_id AND w.kind = 'dispute'
        JOIN claims_proposition p ON p.id = m.proposition_id
        LEFT JOIN LATERAL (
            SELECT o.id FROM claims_propositionmember o
            WHERE o.proposition_id = m.proposition_id AND o.side <> m.side LIMIT 1
        ) other ON true
  UNION ALL
    -- watched claims, related directly (a pair is stored once, with claim_a < claim_b)
    SELECT w.id, w.user_id, n.id,
        CASE WHEN r.type = 'conflict' THEN 'conflict' ELSE 'related' END,
        r.type || ' with the watched claim'
    FROM new n JOIN claims_relation r ON n.id IN (r.claim_a_id, r.claim_b_id) AND r.review_status <> 'rejected'
        JOIN watches_watch w ON w.kind = 'claim'
            AND w.claim_id = CASE WHEN r.claim_a_id = n.id THEN r.claim_b_id ELSE r.claim_a_id END
  UNION ALL
    -- watched claims in the new claim's dispute: opposite sides conflict
    SELECT w.id, w.user_id, n.id,
        CASE WHEN wm.side <> m.side THEN 'conflict' ELSE 'related' END,
        m.side || ' (the watched claim ' || wm.side || '): ' || p.label
    FROM new n JOIN claims_propositionmember m ON m.claim_id = n.id
        JOIN claims_propositionmember wm ON wm.proposition_id = m.proposition_id AND wm.claim_id <> n.id
        JOIN watches_watch w ON w.claim_id = wm.claim_id AND w.kind = 'claim'
        JOIN claims_proposition p ON p.id = m.proposition_id
)
INSERT INTO watches_alert (created_at, updated_at, user_id, watch_id, claim_id, reason, detail)
SELECT now(), now(), user_id, watch_id, claim_id, reason, left(detail, 500)
FROM (
    SELECT DISTINCT ON (watch_id, claim_id) * FROM found
    ORDER BY watch_id, claim_id, array_position(%(weights)s::text[], reason)
) best
ON CONFLICT (watch_id, claim_id) DO NOTHING
RETURNING id
"""


def alerts_for_new_claims(*, claim_ids: Sequence[int]) -> list[int]:
    """Record an alert for each watch a newly linked claim meets; return the new alerts' ids.

    Call it after the claims are linked (their relations and memberships stored), inside the
    linking transaction or after it. Delivery (e-mail, webhooks) is queued for when the
    surrounding transaction commits, so a rolled-back link sends nothing.
    """
    if not claim_ids:
        return []
    weights = sorted(_WEIGHT, key=_WEIGHT.__getitem__)
    with connection.cursor() as cursor:
        cursor.execute(_MATCHES_SQL, {"ids": list(claim_ids), "weights": [str(w) for w in weights]})
        alert_ids = [row[0] for row in cursor.fetchall()]
    alert_ids = list(dict.fromkeys(alert_ids + _position_change_alerts(claim_ids)))
    if alert_ids:
        from watches.tasks import alerts_dispatch as alerts_dispatch_task

        transaction.on_commit(lambda: alerts_dispatch_task.delay(alert_ids))
    return alert_ids


_POSITION_SQL = """
INSERT INTO watches_alert (created_at, updated_at, user_id, watch_id, claim_id, reason, detail)
SELECT now(), now(), w.user_id, w.id, %(claim)s, %(reason)s, left(%(detail)s, 500)
FROM watches_watch w WHERE w.kind = 'speaker' AND w.speaker_id = %(speaker)s
ON CONFLICT (watch_id, claim_id) DO UPDATE SET reason = EXCLUDED.reason, detail = EXCLUDED.detail
    WHERE array_position(%(weights)s::text[], watches_alert.reason)
        > array_position(%(weights)s::text[], EXCLUDED.reason)
RETURNING id
"""


def _position_change_alerts(claim_ids: Sequence[int]) -> list[int]:
    """Alert a watched speaker's watchers when one of the new claims turns the speaker's side.

    The change is found by ``claims.selectors.positions`` (same-day contradictions inside one
    article are not a change). The new claim usually has a "took a side" alert already; a position
    change outranks it, so that alert is upgraded rather than a second one written.
    """
    from claims.selectors.positions import position_changes_for_claims

    wanted = set(claim_ids)
    weights = [str(w) for w in sorted(_WEIGHT, key=_WEIGHT.__getitem__)]
    alert_ids: list[int] = []
    with connection.cursor() as cursor:
        for change in position_changes_for_claims(claim_ids):
            if change.after.claim_id not in wanted:
                continue
            detail = f"changed from {change.before.side} ({change.before.day}) to {change.after.side} ({change.after.day})"
            cursor.execute(
                _POSITION_SQL,
                {
                    "claim": change.after.claim_id,
                    "speaker": change.speaker_id,
                    "reason": str(Alert.Reason.POSITION_CHANGE),
                    "detail": detail,
                    "weights": weights,
                },
            )
            alert_ids += [row[0] for row in cursor.fetchall()]
    return alert_ids
