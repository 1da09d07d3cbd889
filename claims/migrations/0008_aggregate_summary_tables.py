# Summary tables that keep the whole-database aggregates exact as data is written, so a page
# reads a few hundred rows instead of scanning 100,000 claims (facets, home counts, most
# contested disputes) or deriving every dispute-implied link (matrix, counterparts).
#
# How they stay exact, whoever writes (services, admin, bulk_create, raw SQL):
#
# 1. Statement-level triggers on claims, articles, relations and dispute members only *note*
#    which rows changed (ids in claims_agg_pending). Appending a note takes no lock that another
#    writer holds, so writers do not wait for each other while they work.
# 2. At commit, a deferred constraint trigger runs claims_agg_apply(): under one advisory lock it
#    takes the notes and recomputes what depends on those rows from the current data, replacing
#    the contributions stored before. Commits fold their changes in one at a time, each seeing
#    every earlier commit: a summary is always a function of committed data, and two writers
#    can never both miss a pair they created together (the write skew that incremental
#    maintenance suffers when each writer only sees its own rows).
# 3. Notes never outlive their transaction. A transaction that reads summaries after writing
#    (tests, a request that writes then reads) calls claims_agg_apply() itself first
#    (claims.aggregate_cache.data_version does it).
#
# What is kept:
# - claims_agg_claim: each claim's facet values as last counted (speaker, outlet, cue class,
#   type, polarity, review status, month, date), so a change takes back exactly what was added;
#   also what the facets of a search are counted over (narrow rows, the outlet already known).
# - claims_agg_outlet_facets, claims_agg_speaker_facets: claims counted per combination of the
#   columns a facet filter can pick (cue class, type, polarity, review status) with the outlet and
#   month, or with the speaker. A few thousand rows each: every facet of the claims page, whole or
#   filtered on those columns, is a sum over them.
# - claims_agg_link_total: agreements and conflicts shown in all.
# - claims_agg_dispute_group: per dispute, speaker (0 = none) and side, the members whose claim
#   is not rejected. The links a dispute implies are counted from these groups by formula
#   (n·m across two groups, n·(n-1)/2 within one), never stored pair by pair: a dispute costs
#   its number of (speaker, side) groups, not the square of its members.
# - claims_agg_relation: each stored relation's pair of speakers, and what it adds to or takes
#   from the link counts (often nothing: a machine relation inside a dispute), under
#   the precedence of claims.selectors_disputes (a curator's relation replaces the pair the
#   dispute implies, a rejected one removes it; a machine relation inside one dispute is
#   replaced by the pair the sides imply).
# - claims_agg_link_count: agreements and conflicts per unordered pair of speakers (0 = none).
# - claims_agg_dispute: per dispute, members and distinct outlets on each side.

from django.db import migrations

# The apply step's pg_advisory_xact_lock key: an arbitrary constant ("claimagg" in ASCII).
LOCK_KEY = 0x636C61696D616767

TABLES = [
    "CREATE TABLE claims_agg_pending (kind text NOT NULL, ids bigint[] NOT NULL DEFAULT '{}')",
    # Keys are never NULL (they are primary keys below): 0 stands for no speaker or no outlet,
    # 0001-01-01 for no date (as in claims.models.CLAIM_SORT_DATE).
    """CREATE TABLE claims_agg_claim (
        claim_id bigint PRIMARY KEY,
        speaker_key bigint NOT NULL,
        outlet_key bigint NOT NULL,
        cue_class varchar(10) NOT NULL,
        claim_type varchar(15) NOT NULL,
        polarity varchar(10) NOT NULL,
        review_status varchar(10) NOT NULL,
        month date NOT NULL,
        claim_date date
    )""",
    """CREATE TABLE claims_agg_outlet_facets (
        outlet_key bigint NOT NULL,
        cue_class varchar(10) NOT NULL,
        claim_type varchar(15) NOT NULL,
        polarity varchar(10) NOT NULL,
        review_status varchar(10) NOT NULL,
        month date NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (outlet_key, cue_class, claim_type, polarity, review_status, month)
    )""",
    """CREATE TABLE claims_agg_speaker_facets (
        speaker_key bigint NOT NULL,
        cue_class varchar(10) NOT NULL,
        claim_type varchar(15) NOT NULL,
        polarity varchar(10) NOT NULL,
        review_status varchar(10) NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (speaker_key, cue_class, claim_type, polarity, review_status)
    )""",
    "CREATE TABLE claims_agg_link_total (type text PRIMARY KEY, n bigint NOT NULL)",
    """CREATE TABLE claims_agg_dispute_group (
        dispute_id bigint NOT NULL,
        speaker_key bigint NOT NULL,
        side varchar(10) NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (dispute_id, speaker_key, side)
    )""",
    # The disputes a speaker takes part in (a matrix cell reads only those).
    "CREATE INDEX claims_agg_dispute_group_speaker ON claims_agg_dispute_group (speaker_key)",
    """CREATE TABLE claims_agg_relation (
        relation_id bigint PRIMARY KEY,
        key_lo bigint NOT NULL,
        key_hi bigint NOT NULL,
        agree smallint NOT NULL,
        conflict smallint NOT NULL
    )""",
    # The relations between two speakers (a matrix cell reads only those).
    "CREATE INDEX claims_agg_relation_pair ON claims_agg_relation (key_lo, key_hi)",
    """CREATE TABLE claims_agg_link_count (
        key_lo bigint NOT NULL,
        key_hi bigint NOT NULL,
        agree bigint NOT NULL,
        conflict bigint NOT NULL,
        PRIMARY KEY (key_lo, key_hi)
    )""",
    "CREATE INDEX claims_agg_link_count_hi ON claims_agg_link_count (key_hi)",
    # The busiest pairs first: the matrix reads them from the index with a limit, without a sort.
    "CREATE INDEX claims_agg_link_count_busiest ON claims_agg_link_count ((agree + conflict) DESC, key_lo, key_hi)",
    # Pairs whose links all went, found at once to be dropped.
    "CREATE INDEX claims_agg_link_count_empty ON claims_agg_link_count (key_lo) WHERE agree = 0 AND conflict = 0",
    """CREATE TABLE claims_agg_dispute (
        dispute_id bigint PRIMARY KEY,
        supports integer NOT NULL,
        refutes integer NOT NULL,
        support_outlets integer NOT NULL,
        refute_outlets integer NOT NULL
    )""",
]

# ---- notes: which rows changed ------------------------------------------------------------------


def _changed(columns: str, key: str) -> str:
    """``key`` of the rows that differ in ``columns`` between the statement's old and new rows."""
    return f"""ARRAY(SELECT DISTINCT {key} FROM (
        (SELECT {columns} FROM new_rows EXCEPT SELECT {columns} FROM old_rows)
        UNION ALL
        (SELECT {columns} FROM old_rows EXCEPT SELECT {columns} FROM new_rows)) AS changed)"""


def _note_function(name: str, notes: dict[str, str], columns: str) -> str:
    """A trigger function noting, for each kind, the ``notes[kind]`` column of the changed rows."""

    def body(rows: str | None) -> str:
        if rows is None:
            return "\n".join(f"PERFORM claims_agg_note('{kind}', {_changed(columns, key)});" for kind, key in notes.items())
        return "\n".join(f"PERFORM claims_agg_note('{kind}', ARRAY(SELECT {key} FROM {rows}));" for kind, key in notes.items())

    return f"""
CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {body('new_rows')}
    ELSIF TG_OP = 'DELETE' THEN
        {body('old_rows')}
    ELSE  -- only rows whose counted columns changed: editing a claim's text counts nothing again
        {body(None)}
    END IF;
    RETURN NULL;
END
$$"""


CLAIM_COLUMNS = "id, speaker_id, article_id, cue_class, claim_type, polarity, review_status, claim_date"
NOTES = [
    # (table, trigger function, {kind: column noted}, columns compared on update, events)
    ("claims_claim", "claims_agg_note_claims", {"claim": "id"}, CLAIM_COLUMNS, ("INSERT", "UPDATE", "DELETE")),
    # A member's claim (its relations may now lie inside one dispute) and its dispute(s).
    (
        "claims_propositionmember",
        "claims_agg_note_members",
        {"claim": "claim_id", "dispute": "proposition_id"},
        "id, claim_id, proposition_id, side",
        ("INSERT", "UPDATE", "DELETE"),
    ),
    (
        "claims_relation",
        "claims_agg_note_relations",
        {"relation": "id"},
        "id, claim_a_id, claim_b_id, type, origin, review_status",
        ("INSERT", "UPDATE", "DELETE"),
    ),
    # An article's outlet is its claims' outlet facet and its disputes' outlets. A new article
    # has no claims yet and a deleted one has none left, so only updates matter.
    ("articles_article", "claims_agg_note_articles", {"article": "id"}, "id, outlet_id", ("UPDATE",)),
]
TRUNCATED = ["claims_claim", "claims_propositionmember", "claims_relation", "articles_article"]

NOTE_SQL = [
    """CREATE FUNCTION claims_agg_note(p_kind text, p_ids bigint[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO claims_agg_pending (kind, ids) SELECT p_kind, p_ids WHERE p_kind = 'all' OR cardinality(p_ids) > 0
    $$""",
    """CREATE FUNCTION claims_agg_note_everything() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM claims_agg_note('all', '{}');
        RETURN NULL;
    END
    $$""",
    *(_note_function(function, notes, columns) for _, function, notes, columns, _ in NOTES),
    *(
        f"CREATE TRIGGER {function}_{event.lower()} AFTER {event} ON {table} "
        f"REFERENCING {'OLD TABLE AS old_rows' if event != 'INSERT' else ''} "
        f"{'NEW TABLE AS new_rows' if event != 'DELETE' else ''} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
        for table, function, _, _, events in NOTES
        for event in events
    ),
    *(
        f"CREATE TRIGGER claims_agg_note_truncate AFTER TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION claims_agg_note_everything()"
        for table in TRUNCATED
    ),
]

# ---- apply: fold the notes into the summaries ---------------------------------------------------

# The links a set of dispute groups implies, per unordered pair of speaker keys: two groups of one
# dispute make n·m pairs, a group with itself n·(n-1)/2; the same side agrees, opposite sides conflict.
IMPLIED_PAIRS = """
    SELECT LEAST(g1.speaker_key, g2.speaker_key) AS key_lo, GREATEST(g1.speaker_key, g2.speaker_key) AS key_hi,
           coalesce(sum(p.pairs) FILTER (WHERE g1.side = g2.side), 0) AS agree,
           coalesce(sum(p.pairs) FILTER (WHERE g1.side <> g2.side), 0) AS conflict
    FROM {groups} g1
    JOIN {groups} g2 ON g2.dispute_id = g1.dispute_id AND (g2.speaker_key, g2.side) >= (g1.speaker_key, g1.side)
    CROSS JOIN LATERAL (
        SELECT CASE WHEN (g2.speaker_key, g2.side) = (g1.speaker_key, g1.side) THEN g1.n::bigint * (g1.n - 1) / 2
                    ELSE g1.n::bigint * g2.n END AS pairs
    ) AS p
    GROUP BY 1, 2
"""


def _add_links(delta: str) -> str:
    """Add the per-pair link count changes of CTE ``delta`` (pairs that did not change left alone), and their totals."""
    return f"""
    , totals AS (
        INSERT INTO claims_agg_link_total AS t (type, n)
        SELECT kind, amount FROM (
            SELECT 'agree' AS kind, sum(agree) AS amount FROM {delta}
            UNION ALL SELECT 'conflict', sum(conflict) FROM {delta}) AS s
        WHERE amount <> 0
        ON CONFLICT (type) DO UPDATE SET n = t.n + EXCLUDED.n
    )
    INSERT INTO claims_agg_link_count AS t (key_lo, key_hi, agree, conflict)
    SELECT key_lo, key_hi, sum(agree), sum(conflict) FROM {delta} GROUP BY 1, 2
    HAVING sum(agree) <> 0 OR sum(conflict) <> 0
    ON CONFLICT (key_lo, key_hi) DO UPDATE SET agree = t.agree + EXCLUDED.agree, conflict = t.conflict + EXCLUDED.conflict;
    """


def _add_facets(rows: str, sign: str) -> str:
    """Add or take back the claims in CTE ``rows`` (rows of claims_agg_claim) in both facet tables."""
    columns = "cue_class, claim_type, polarity, review_status"
    return f"""
    , by_speaker AS (
        INSERT INTO claims_agg_speaker_facets AS t (speaker_key, {columns}, n)
        SELECT speaker_key, {columns}, {sign}count(*) FROM {rows} GROUP BY speaker_key, {columns}
        ON CONFLICT (speaker_key, {columns}) DO UPDATE SET n = t.n + EXCLUDED.n
    )
    INSERT INTO claims_agg_outlet_facets AS t (outlet_key, {columns}, month, n)
    SELECT outlet_key, {columns}, month, {sign}count(*) FROM {rows} GROUP BY outlet_key, {columns}, month
    ON CONFLICT (outlet_key, {columns}, month) DO UPDATE SET n = t.n + EXCLUDED.n;
    """


# What one stored relation adds to the link counts (the rules of claims.selectors_disputes):
# - it is shown as itself when not rejected and either a person decided it or its two claims are
#   not both live members of one dispute;
# - a person's decision on a pair inside one dispute also takes back the link the sides imply.
RELATION_CONTRIBUTION = """
    SELECT r.id AS relation_id,
           LEAST(coalesce(ca.speaker_id, 0), coalesce(cb.speaker_id, 0)) AS key_lo,
           GREATEST(coalesce(ca.speaker_id, 0), coalesce(cb.speaker_id, 0)) AS key_hi,
           (v.shown AND r.type = 'agree')::int - (v.replaces AND ma.side = mb.side)::int AS agree,
           (v.shown AND r.type = 'conflict')::int - (v.replaces AND ma.side <> mb.side)::int AS conflict
    FROM claims_relation r
    JOIN unnest(changed_relations) AS d(id) ON d.id = r.id
    JOIN claims_claim ca ON ca.id = r.claim_a_id
    JOIN claims_claim cb ON cb.id = r.claim_b_id
    LEFT JOIN claims_propositionmember ma ON ma.claim_id = r.claim_a_id
    LEFT JOIN claims_propositionmember mb ON mb.claim_id = r.claim_b_id
    CROSS JOIN LATERAL (
        SELECT coalesce(ma.proposition_id = mb.proposition_id
                        AND ca.review_status <> 'rejected' AND cb.review_status <> 'rejected', false) AS same_dispute,
               r.origin = 'curator' OR r.review_status <> 'machine' AS decided
    ) AS k
    CROSS JOIN LATERAL (
        SELECT r.review_status <> 'rejected' AND (k.decided OR NOT k.same_dispute) AS shown,
               k.same_dispute AND k.decided AS replaces
    ) AS v
"""

# The groups of the changed disputes as the data stands: members whose claim is not rejected, per
# dispute, speaker (0 = none) and side.
NEW_GROUPS = """
    SELECT m.proposition_id AS dispute_id, coalesce(c.speaker_id, 0) AS speaker_key, m.side, count(*)::int AS n
    FROM claims_propositionmember m JOIN unnest(changed_disputes) AS d(id) ON d.id = m.proposition_id
    JOIN claims_claim c ON c.id = m.claim_id AND c.review_status <> 'rejected'
    GROUP BY 1, 2, 3
"""

APPLY = f"""
CREATE FUNCTION claims_agg_apply() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    rebuild boolean;
    changed_claims bigint[];
    changed_articles bigint[];
    changed_disputes bigint[];
    changed_relations bigint[];
BEGIN
    IF NOT EXISTS (SELECT FROM claims_agg_pending) THEN
        RETURN;
    END IF;
    -- One transaction at a time, each after every earlier commit (the lock is held until commit).
    PERFORM pg_advisory_xact_lock({LOCK_KEY});
    WITH taken AS (DELETE FROM claims_agg_pending RETURNING kind, ids),
         flat AS (SELECT kind, unnest(ids) AS id FROM taken)
    SELECT coalesce((SELECT bool_or(kind = 'all') FROM taken), false),
           ARRAY(SELECT DISTINCT id FROM flat WHERE kind = 'claim'),
           ARRAY(SELECT DISTINCT id FROM flat WHERE kind = 'article'),
           ARRAY(SELECT DISTINCT id FROM flat WHERE kind = 'dispute'),
           ARRAY(SELECT DISTINCT id FROM flat WHERE kind = 'relation')
      INTO rebuild, changed_claims, changed_articles, changed_disputes, changed_relations;

    IF rebuild THEN  -- a table was truncated (or claims_agg_rebuild() asked): count everything again
        DELETE FROM claims_agg_claim;
        DELETE FROM claims_agg_outlet_facets;
        DELETE FROM claims_agg_speaker_facets;
        DELETE FROM claims_agg_link_total;
        DELETE FROM claims_agg_dispute_group;
        DELETE FROM claims_agg_relation;
        DELETE FROM claims_agg_link_count;
        DELETE FROM claims_agg_dispute;
        changed_claims := ARRAY(SELECT id FROM claims_claim);
        changed_relations := ARRAY(SELECT id FROM claims_relation);
        changed_disputes := ARRAY(SELECT DISTINCT proposition_id FROM claims_propositionmember);
        changed_articles := '{{}}';
    END IF;

    -- What the changed rows reach: an article's claims (their outlet), a claim's dispute (its
    -- speaker, whether it is rejected, its outlet) and its relations (both claims' disputes).
    IF cardinality(changed_articles) > 0 THEN
        changed_claims := changed_claims || ARRAY(SELECT id FROM claims_claim WHERE article_id = ANY (changed_articles));
        changed_claims := ARRAY(SELECT DISTINCT unnest(changed_claims));
    END IF;
    IF NOT rebuild THEN
        changed_disputes := ARRAY(
            SELECT unnest(changed_disputes)
            UNION SELECT m.proposition_id FROM claims_propositionmember m
                  JOIN unnest(changed_claims) AS c(id) ON m.claim_id = c.id);
        changed_relations := ARRAY(
            SELECT unnest(changed_relations)
            UNION SELECT r.id FROM claims_relation r JOIN unnest(changed_claims) AS c(id) ON r.claim_a_id = c.id
            UNION SELECT r.id FROM claims_relation r JOIN unnest(changed_claims) AS c(id) ON r.claim_b_id = c.id);
    END IF;

    -- Facets: take back each changed claim's old values, count its current ones.
    WITH old AS (
        DELETE FROM claims_agg_claim a USING unnest(changed_claims) AS c(id) WHERE a.claim_id = c.id RETURNING a.*
    )
    {_add_facets("old", "-")}
    WITH new AS (
        INSERT INTO claims_agg_claim (
            claim_id, speaker_key, outlet_key, cue_class, claim_type, polarity, review_status, month, claim_date)
        SELECT c.id, coalesce(c.speaker_id, 0), coalesce(a.outlet_id, 0), c.cue_class, c.claim_type, c.polarity,
               c.review_status, coalesce(date_trunc('month', c.claim_date)::date, '0001-01-01'), c.claim_date
        FROM claims_claim c JOIN unnest(changed_claims) AS d(id) ON d.id = c.id
        JOIN articles_article a ON a.id = c.article_id
        RETURNING *
    )
    {_add_facets("new", "")}
    DELETE FROM claims_agg_outlet_facets WHERE n = 0;
    DELETE FROM claims_agg_speaker_facets WHERE n = 0;

    -- Disputes: the implied links of their groups as counted before against those of their groups
    -- now, netted first (a dispute of g groups implies g² group pairs, and a new member changes
    -- only the pairs of its own group), then the groups replaced.
    WITH old_groups AS (
        SELECT g.* FROM claims_agg_dispute_group g JOIN unnest(changed_disputes) AS d(id) ON g.dispute_id = d.id
    ), new_groups AS ({NEW_GROUPS}), delta AS (
        SELECT key_lo, key_hi, sum(agree) AS agree, sum(conflict) AS conflict FROM (
            SELECT key_lo, key_hi, -agree AS agree, -conflict AS conflict FROM ({IMPLIED_PAIRS.format(groups="old_groups")}) AS o
            UNION ALL
            SELECT key_lo, key_hi, agree, conflict FROM ({IMPLIED_PAIRS.format(groups="new_groups")}) AS n
        ) AS both_ways
        GROUP BY 1, 2
    )
    {_add_links("delta")}
    DELETE FROM claims_agg_dispute_group g USING unnest(changed_disputes) AS d(id) WHERE g.dispute_id = d.id;
    INSERT INTO claims_agg_dispute_group (dispute_id, speaker_key, side, n) {NEW_GROUPS};
    DELETE FROM claims_agg_dispute s USING unnest(changed_disputes) AS d(id) WHERE s.dispute_id = d.id;
    INSERT INTO claims_agg_dispute (dispute_id, supports, refutes, support_outlets, refute_outlets)
    SELECT m.proposition_id,
           count(*) FILTER (WHERE m.side = 'supports'), count(*) FILTER (WHERE m.side = 'refutes'),
           count(DISTINCT a.outlet_id) FILTER (WHERE m.side = 'supports'),
           count(DISTINCT a.outlet_id) FILTER (WHERE m.side = 'refutes')
    FROM claims_propositionmember m JOIN unnest(changed_disputes) AS d(id) ON d.id = m.proposition_id
    JOIN claims_claim c ON c.id = m.claim_id JOIN articles_article a ON a.id = c.article_id
    GROUP BY 1;

    -- Relations: each changed relation's contribution as counted before against its contribution
    -- now, netted, then the contributions replaced.
    WITH old AS (
        SELECT x.* FROM claims_agg_relation x JOIN unnest(changed_relations) AS d(id) ON x.relation_id = d.id
    ), new AS ({RELATION_CONTRIBUTION}), delta AS (
        SELECT key_lo, key_hi, sum(agree) AS agree, sum(conflict) AS conflict FROM (
            SELECT key_lo, key_hi, -agree::bigint AS agree, -conflict::bigint AS conflict FROM old
            UNION ALL
            SELECT key_lo, key_hi, agree::bigint, conflict::bigint FROM new
        ) AS both_ways
        GROUP BY 1, 2
    )
    {_add_links("delta")}
    DELETE FROM claims_agg_relation x USING unnest(changed_relations) AS d(id) WHERE x.relation_id = d.id;
    INSERT INTO claims_agg_relation (relation_id, key_lo, key_hi, agree, conflict) {RELATION_CONTRIBUTION};
    DELETE FROM claims_agg_link_count WHERE agree = 0 AND conflict = 0;
END
$$
"""

APPLY_SQL = [
    APPLY,
    # At commit: constraint triggers can be deferred, plain ones cannot. One row per statement
    # that changed something; the first firing does the work, the others find nothing left.
    """CREATE FUNCTION claims_agg_apply_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM claims_agg_apply();
        RETURN NULL;
    END
    $$""",
    "CREATE CONSTRAINT TRIGGER claims_agg_apply_at_commit AFTER INSERT ON claims_agg_pending "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION claims_agg_apply_at_commit()",
    # Count everything again from the data (operations: after restoring with triggers disabled).
    """CREATE FUNCTION claims_agg_rebuild() RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM claims_agg_note('all', '{}');
        PERFORM claims_agg_apply();
    END
    $$""",
    "SELECT claims_agg_rebuild()",
]

DROP = [
    *(f"DROP TRIGGER IF EXISTS claims_agg_note_truncate ON {table}" for table in TRUNCATED),
    *(
        f"DROP TRIGGER IF EXISTS {function}_{event.lower()} ON {table}"
        for table, function, _, _, events in NOTES
        for event in events
    ),
    "DROP TABLE IF EXISTS claims_agg_pending, claims_agg_claim, claims_agg_outlet_facets, claims_agg_speaker_facets, "
    "claims_agg_link_total, claims_agg_dispute_group, "
    "claims_agg_relation, claims_agg_link_count, claims_agg_dispute",
    "DROP FUNCTION IF EXISTS claims_agg_rebuild(), claims_agg_apply_at_commit(), claims_agg_apply(), "
    "claims_agg_note_everything(), claims_agg_note(text, bigint[]), "
    + ", ".join(f"{function}()" for _, function, _, _, _ in NOTES),
]


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0007_claim_speaker_recent_index"),
    ]

    operations = [migrations.RunSQL(sql=[*TABLES, *NOTE_SQL, *APPLY_SQL], reverse_sql=DROP)]
