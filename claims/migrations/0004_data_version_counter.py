# A counter that every write to the knowledge base moves, read by claims.aggregate_cache.
#
# Statement-level triggers (not services or signals) so that bulk_create, queryset.update(),
# cascades, raw SQL, TRUNCATE and every colleague's write path count without knowing about it.
# The counter is spread over SLOTS rows: a writing transaction takes one slot that no other
# open transaction holds (SKIP LOCKED), so concurrent ingest workers never wait on each other
# and cannot deadlock over it. Readers add the slots up: the sum moves exactly when a write
# commits (or, inside the writing transaction, at once).

from django.db import migrations

SLOTS = 64
TABLES = [
    "articles_article",
    "claims_claim",
    "claims_speaker",
    "claims_relation",
    "claims_proposition",
    "claims_propositionmember",
]

FUNCTION = f"""
CREATE FUNCTION claims_data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    mine text := current_setting('claimtrack.data_version_slot', true);
    chosen integer;
BEGIN
    IF mine IS NULL OR mine = '' THEN
        SELECT slot INTO chosen FROM claims_data_version
            ORDER BY (slot + txid_current()) % {SLOTS} LIMIT 1 FOR UPDATE SKIP LOCKED;
        IF chosen IS NULL THEN  -- every slot held by an open transaction: queue for one
            chosen := txid_current() % {SLOTS};
        END IF;
        -- Local to this transaction (and undone with a rolled-back savepoint, like the row lock).
        PERFORM set_config('claimtrack.data_version_slot', chosen::text, true);
    ELSE
        chosen := mine::integer;
    END IF;
    UPDATE claims_data_version SET n = n + 1 WHERE slot = chosen;
    RETURN NULL;
END
$$;
"""

CREATE = [
    "CREATE TABLE claims_data_version (slot integer PRIMARY KEY, n bigint NOT NULL DEFAULT 0)",
    f"INSERT INTO claims_data_version (slot) SELECT generate_series(0, {SLOTS - 1})",
    FUNCTION,
    *(
        f"CREATE TRIGGER claims_data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION claims_data_version_bump()"
        for table in TABLES
    ),
]
DROP = [
    *(f"DROP TRIGGER IF EXISTS claims_data_version_bump ON {table}" for table in TABLES),
    "DROP FUNCTION IF EXISTS claims_data_version_bump()",
    "DROP TABLE IF EXISTS claims_data_version",
]


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0002_ingestitem_stage_attempts"),
        ("claims", "0003_claim_search_vector_column"),
    ]

    operations = [migrations.RunSQL(sql=CREATE, reverse_sql=DROP)]
