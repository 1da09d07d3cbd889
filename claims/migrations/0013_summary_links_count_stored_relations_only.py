# The link counts (home page, matrix, counterparts) count the stored relations only: a dispute's
# membership no longer implies agreement or conflict between its members. The apply step of
# 0008 is replaced by one without the implied pairs, each relation counts as itself unless
# rejected, and everything is counted again.

import importlib

from django.db import migrations

_0008 = importlib.import_module("claims.migrations.0008_aggregate_summary_tables")

# What one stored relation adds to the link counts: itself, unless a curator rejected it.
RELATION_CONTRIBUTION = """
    SELECT r.id AS relation_id,
           LEAST(coalesce(ca.speaker_id, 0), coalesce(cb.speaker_id, 0)) AS key_lo,
           GREATEST(coalesce(ca.speaker_id, 0), coalesce(cb.speaker_id, 0)) AS key_hi,
           (r.review_status <> 'rejected' AND r.type = 'agree')::int AS agree,
           (r.review_status <> 'rejected' AND r.type = 'conflict')::int AS conflict
    FROM claims_relation r
    JOIN unnest(changed_relations) AS d(id) ON d.id = r.id
    JOIN claims_claim ca ON ca.id = r.claim_a_id
    JOIN claims_claim cb ON cb.id = r.claim_b_id
"""


def _stored_only(apply_sql: str) -> str:
    """0008's apply function with the dispute-implied links cut out and the new relation rule."""
    start = apply_sql.index("    -- Disputes: the implied links")
    end = apply_sql.index("    DELETE FROM claims_agg_dispute_group g USING")
    assert apply_sql.count(_0008.RELATION_CONTRIBUTION) == 2
    without = apply_sql[:start] + "    -- Disputes: their groups and side counts (they imply no links).\n" + apply_sql[end:]
    return without.replace(_0008.RELATION_CONTRIBUTION, RELATION_CONTRIBUTION).replace(
        "CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1
    )


FORWARD = [_stored_only(_0008.APPLY), "SELECT claims_agg_rebuild()"]
BACKWARD = [_0008.APPLY.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1), "SELECT claims_agg_rebuild()"]


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0012_dispute_central_claim_drop_term_keys"),
    ]

    operations = [migrations.RunSQL(sql=FORWARD, reverse_sql=BACKWARD)]
