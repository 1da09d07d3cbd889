"""Reads of the summary tables: whole-database counts without scanning the claims.

PostgreSQL keeps the tables exact as data is written (migration
``claims.0008_aggregate_summary_tables``: triggers note what changed, a step at commit recounts
what depends on it). Each function here reads a few hundred rows at most, so the first page
after a write costs what any other costs. What they return equals a GROUP BY over the data
(the facets of ``claims.selectors.claims``) or over every shown link (``claims.selectors.links.LINKS_SQL``);
``tests/claims/selectors/test_summaries.py`` checks both after every kind of write.
"""

from __future__ import annotations

import datetime

from django.db import connection

# Columns a facet filter can pick that the facet tables hold (filter lookups -> table columns).
SUMMARY_FILTER_COLUMNS = ("cue_class", "claim_type", "polarity", "review_status")
# Facet values as stored back to the types a GROUP BY over the claims returns.
_FACET_TYPES = {"speaker": int, "outlet": int, "month": datetime.date.fromisoformat}
_NO_DATE = "0001-01-01"  # the tables' key for an undated claim (never NULL in a primary key)

# One query: every facet's counts over the claims that pass ``{where}``, the total, and the first
# and last claim date. The dates are looked up in the first and last month the tables show (a
# range of the claim_date index), so a rare filter never walks the whole index.
_FACETS_SQL = """
    WITH o AS (SELECT * FROM claims_agg_outlet_facets WHERE n > 0 AND {where}),
         s AS (SELECT * FROM claims_agg_speaker_facets WHERE n > 0 AND {where}),
         bounds AS (SELECT min(month) AS first_month, max(month) AS last_month FROM o WHERE month <> %(no_date)s)
    SELECT 'total', '', sum(n)::bigint FROM o
    UNION ALL SELECT 'outlet', outlet_key::text, sum(n)::bigint FROM o WHERE outlet_key <> 0 GROUP BY 2
    UNION ALL SELECT 'cue_class', cue_class, sum(n)::bigint FROM o GROUP BY 2
    UNION ALL SELECT 'type', claim_type, sum(n)::bigint FROM o GROUP BY 2
    UNION ALL SELECT 'polarity', polarity, sum(n)::bigint FROM o GROUP BY 2
    UNION ALL SELECT 'review_status', review_status, sum(n)::bigint FROM o GROUP BY 2
    UNION ALL SELECT 'month', to_char(month, 'YYYY-MM-DD'), sum(n)::bigint FROM o WHERE month <> %(no_date)s GROUP BY 2
    UNION ALL SELECT 'speaker', speaker_key::text, sum(n)::bigint FROM s WHERE speaker_key <> 0 GROUP BY 2
    -- A speaker's claims are all of its affiliation: affiliation counts are sums of speaker counts.
    UNION ALL SELECT 'affiliation', sp.affiliation, sum(s.n)::bigint
              FROM s JOIN claims_speaker sp ON sp.id = s.speaker_key WHERE sp.affiliation <> '' GROUP BY 2
    UNION ALL SELECT 'first_date', to_char(min(c.claim_date), 'YYYY-MM-DD'), 0 FROM claims_claim c, bounds
              WHERE c.claim_date >= bounds.first_month AND c.claim_date < (bounds.first_month + interval '1 month')::date
              AND {where}
    UNION ALL SELECT 'last_date', to_char(max(c.claim_date), 'YYYY-MM-DD'), 0 FROM claims_claim c, bounds
              WHERE c.claim_date >= bounds.last_month AND c.claim_date < (bounds.last_month + interval '1 month')::date
              AND {where}
"""


# Facets of the claims whose ids ``{ids}`` selects, over their summary rows (narrow, the outlet and
# month already resolved): one GROUPING SETS query, the rows read once rather than once a facet.
_MATCHES_FACETS = (
    "m.speaker_key", "s.affiliation", "m.outlet_key", "m.cue_class", "m.claim_type", "m.polarity", "m.review_status",
    "m.month",
)  # fmt: skip
_MATCHES_FACETS_SQL = f"""
    SELECT GROUPING({", ".join(_MATCHES_FACETS)}), {", ".join(_MATCHES_FACETS)},
           count(*), min(m.claim_date), max(m.claim_date)
    FROM claims_agg_claim m LEFT JOIN claims_speaker s ON s.id = m.speaker_key
    WHERE m.claim_id IN ({{ids}})
    GROUP BY GROUPING SETS ({", ".join(f"({column})" for column in _MATCHES_FACETS)}, ())
"""
_MATCHES_NAMES = ("speaker", "affiliation", "outlet", "cue_class", "type", "polarity", "review_status", "month")
# The tables' stand-ins for "none", which are not facet values.
_NONE_KEYS = {0, "", datetime.date(1, 1, 1), None}


def facet_counts_of(*, ids_sql: str, params: tuple) -> dict:
    """Facet counts of the claims whose ids the query ``ids_sql`` (with ``params``) returns.

    Same shape as ``facet_counts``: every value of each facet, the total, first and last date.
    """
    facets: dict = {name: [] for name in _MATCHES_NAMES}
    facets.update(total=0, first_date=None, last_date=None)
    everything = (1 << len(_MATCHES_NAMES)) - 1
    for grouping, *values, count, first, last in _rows(_MATCHES_FACETS_SQL.format(ids=ids_sql), params):
        if grouping == everything:  # the () set: the whole result
            facets.update(total=count, first_date=first, last_date=last)
            continue
        # GROUPING() sets a bit for each column *not* grouped; the one clear bit is this row's facet.
        index = next(i for i in range(len(_MATCHES_NAMES)) if not grouping & (1 << (len(_MATCHES_NAMES) - 1 - i)))
        if values[index] not in _NONE_KEYS:
            facets[_MATCHES_NAMES[index]].append((values[index], count))
    return facets


def _rows(sql: str, params: object = None) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def facet_counts(*, filters: dict[str, str] | None = None) -> dict:
    """Claims counted per facet value: ``{facet: [(value, count), …], "total", "first_date", "last_date"}``.

    ``filters`` keeps only the claims whose columns (``SUMMARY_FILTER_COLUMNS``) have these values.
    All values of each facet, unordered; ``speaker`` and ``outlet`` are ids, ``month`` a date.
    """
    filters = filters or {}
    unknown = set(filters) - set(SUMMARY_FILTER_COLUMNS)
    if unknown:
        raise ValueError(f"The facet tables cannot filter on {sorted(unknown)}.")
    # Column names come from the fixed list above; values are parameters.
    where = " AND ".join([f"{column} = %({column})s" for column in sorted(filters)] or ["TRUE"])
    facets: dict = {
        name: []
        for name in ("speaker", "affiliation", "outlet", "cue_class", "type", "polarity", "review_status", "month")
    }
    facets.update(total=0, first_date=None, last_date=None)
    for name, key, n in _rows(_FACETS_SQL.format(where=where), {**filters, "no_date": _NO_DATE}):
        if name == "total":
            facets["total"] = n or 0
        elif name in ("first_date", "last_date"):
            facets[name] = datetime.date.fromisoformat(key) if key else None
        else:
            facets[name].append((_FACET_TYPES.get(name, str)(key), n))
    return facets


# Unordered pairs of speakers with the most links first (0 = a claim without a speaker: left out).
_SPEAKER_PAIRS_SQL = """
    SELECT key_lo, key_hi, agree, conflict FROM claims_agg_link_count
    WHERE key_lo <> 0 AND agree + conflict > 0
    ORDER BY agree + conflict DESC, key_lo, key_hi LIMIT %s
"""
# The same per pair of affiliations: each speaker pair counts for its two speakers' affiliations.
_AFFILIATION_PAIRS_SQL = """
    SELECT LEAST(sa.affiliation, sb.affiliation), GREATEST(sa.affiliation, sb.affiliation),
           sum(l.agree)::bigint, sum(l.conflict)::bigint
    FROM claims_agg_link_count l
    JOIN claims_speaker sa ON sa.id = l.key_lo JOIN claims_speaker sb ON sb.id = l.key_hi
    WHERE sa.affiliation <> '' AND sb.affiliation <> ''
    GROUP BY 1, 2 HAVING sum(l.agree + l.conflict) > 0
    ORDER BY sum(l.agree + l.conflict) DESC, 1, 2 LIMIT %s
"""


def link_pairs(*, by: str, limit: int) -> list[tuple]:
    """(a, b, agreements, conflicts) per unordered pair of speakers or affiliations, a <= b, busiest first."""
    sql = {"speaker": _SPEAKER_PAIRS_SQL, "affiliation": _AFFILIATION_PAIRS_SQL}[by]
    return _rows(sql, [limit])


_PAIR_TOTALS_SQL = {
    "speaker": """
        SELECT coalesce(sum(agree), 0)::bigint, coalesce(sum(conflict), 0)::bigint FROM claims_agg_link_count
        WHERE key_lo = LEAST(%(a)s::bigint, %(b)s::bigint) AND key_hi = GREATEST(%(a)s::bigint, %(b)s::bigint)
    """,
    "affiliation": """
        SELECT coalesce(sum(l.agree), 0)::bigint, coalesce(sum(l.conflict), 0)::bigint
        FROM claims_agg_link_count l
        JOIN claims_speaker sa ON sa.id = l.key_lo JOIN claims_speaker sb ON sb.id = l.key_hi
        WHERE sa.affiliation = %(a)s AND sb.affiliation = %(b)s OR sa.affiliation = %(b)s AND sb.affiliation = %(a)s
    """,
}


def link_pair_totals(*, by: str, a: str, b: str) -> dict[str, int]:
    """Agreements and conflicts between two speakers (ids) or two affiliations: one matrix cell."""
    params = {"a": int(a), "b": int(b)} if by == "speaker" else {"a": a, "b": b}
    [(agree, conflict)] = _rows(_PAIR_TOTALS_SQL[by], params)
    return {"agree": agree, "conflict": conflict}


_COUNTERPARTS_SQL = """
    SELECT CASE WHEN key_lo = %(speaker)s THEN key_hi ELSE key_lo END AS other, agree, conflict
    FROM claims_agg_link_count
    WHERE (key_lo = %(speaker)s OR key_hi = %(speaker)s) AND key_lo <> key_hi AND key_lo <> 0 AND agree + conflict > 0
    ORDER BY agree + conflict DESC, other LIMIT %(limit)s
"""


def counterpart_counts(*, speaker_id: int, limit: int) -> list[tuple[int, int, int]]:
    """(other speaker id, agreements, conflicts) for the speakers most linked to this one."""
    return _rows(_COUNTERPARTS_SQL, {"speaker": speaker_id, "limit": limit})


_CONTESTED_SQL = """
    SELECT dispute_id, supports, refutes, support_outlets, refute_outlets FROM claims_agg_dispute
    WHERE supports > 0 AND refutes > 0
    ORDER BY LEAST(support_outlets, refute_outlets) DESC, LEAST(supports, refutes) DESC, dispute_id DESC
    LIMIT %s
"""


def disputes_by_contest(*, limit: int) -> list[dict]:
    """Disputes with claims on both sides, the weaker side's number of outlets first, then its claims."""
    keys = ("id", "supports", "refutes", "support_outlets", "refute_outlets")
    return [dict(zip(keys, row, strict=True)) for row in _rows(_CONTESTED_SQL, [limit])]


def claim_total() -> int:
    """How many claims there are (a sum over a few thousand summary rows, not a count of the claims)."""
    [(total,)] = _rows("SELECT sum(n)::bigint FROM claims_agg_speaker_facets")
    return total or 0


def claim_date_range() -> tuple:
    """The first and last claim date in the whole database (two probes of the claim_date index)."""
    [(first, last)] = _rows("SELECT min(claim_date), max(claim_date) FROM claims_claim")
    return first, last


_HOME_SQL = """
    SELECT (SELECT count(*) FROM articles_article),
           (SELECT sum(n)::bigint FROM claims_agg_speaker_facets),
           (SELECT count(*) FROM claims_speaker),
           (SELECT count(*) FROM claims_proposition),
           (SELECT n FROM claims_agg_link_total WHERE type = 'agree'),
           (SELECT n FROM claims_agg_link_total WHERE type = 'conflict')
"""


def home_counts() -> dict[str, int]:
    """How many articles, claims, speakers, disputes, agreements and conflicts, in one query."""
    [row] = _rows(_HOME_SQL)
    keys = ("articles", "claims", "speakers", "disputes", "agree", "conflict")
    return {key: value or 0 for key, value in zip(keys, row, strict=True)}
