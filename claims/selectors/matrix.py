"""The agreement/conflict matrix: pairs of speakers or affiliations with their link counts, and one cell's links."""

from __future__ import annotations

from django.db import connection

from claims.aggregate_cache import cached_aggregate
from claims.models import Relation

from . import summaries
from .links import LINKS_PARAMS, links_as_relations, links_sql

MATRIX_KEYS = {"speaker": "speaker_id", "affiliation": "speaker__affiliation"}


def agreement_matrix(*, by: str, limit: int = 50) -> list[dict]:
    """Pairs of speakers (or affiliations) with their counts of agree and conflict links.

    Each unordered pair appears once (``a`` <= ``b``), the pairs with most links first. Links are
    the stored relations, counted in the summary tables
    (``claims.selectors.summaries``); cached until the next write all the same.
    """
    return cached_aggregate("matrix", lambda: _matrix_pairs(by, limit), by, limit)


def _fetch(sql: str, **params: object) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, {**LINKS_PARAMS, **params})
        return cursor.fetchall()


def _matrix_pairs(by: str, limit: int) -> list[dict]:
    rows = summaries.link_pairs(by=by, limit=limit)
    return [{"a": a, "b": b, "agree": agree, "conflict": conflict} for a, b, agree, conflict in rows]


# A matrix cell's links are the relations between a speaker of one key and a speaker of the other
# (either way round), found through the summary table of relations by speaker pair.
_CELL_SPEAKERS = {
    "speaker": ("SELECT %(key_a)s::bigint", "SELECT %(key_b)s::bigint"),
    "affiliation": (
        "SELECT id FROM claims_speaker WHERE affiliation = %(a)s",
        "SELECT id FROM claims_speaker WHERE affiliation = %(b)s",
    ),
}
# ARRAY(...) rather than IN (...): PostgreSQL computes the few ids first and then probes the
# indexes of relations and claims with them, instead of joining against every row.
_CELL_RELATIONS = """r.id = ANY (ARRAY(
    SELECT relation_id FROM claims_agg_relation
    WHERE key_lo = ANY (ARRAY({speakers_a})) AND key_hi = ANY (ARRAY({speakers_b}))
       OR key_lo = ANY (ARRAY({speakers_b})) AND key_hi = ANY (ARRAY({speakers_a}))))"""


# Links of each type a matrix cell lists: rendering a link costs about a millisecond.
CELL_LINKS_PER_TYPE = 25


def relations_between(*, by: str, a: str, b: str, limit: int = CELL_LINKS_PER_TYPE) -> list[Relation]:
    """The agree/conflict relations behind one matrix cell: claims of ``a``
    linked to claims of ``b``, the ``limit`` strongest of each type (agreements first).

    The pairs are found through the summary tables and cached until the next write; the claims
    and relations are then loaded (three queries whatever the number of links).
    """
    return links_as_relations([row[:5] for row in _cell(by, a, b, limit)])


def relations_between_totals(*, by: str, a: str, b: str, limit: int = CELL_LINKS_PER_TYPE) -> dict[str, int]:
    """How many agreements and conflicts the cell holds in all (``relations_between`` shows at most ``limit`` of each)."""
    totals = {Relation.Type.AGREE: 0, Relation.Type.CONFLICT: 0}
    totals.update({row[2]: row[5] for row in _cell(by, a, b, limit)})
    return totals


def _cell(by: str, a: str, b: str, limit: int) -> list[tuple]:
    return cached_aggregate("matrix_cell", lambda: _cell_strongest(by, a, b, limit), by, a, b, limit)


def _cell_strongest(by: str, a: str, b: str, limit: int) -> list[tuple]:
    """The ``limit`` strongest links of each type in a cell, with each type's total."""
    return [(*row[:5], row[5]) for row in _cell_links(by, a, b, limit=limit)]


# A link between the cell's two keys: its speakers (LINKS_SQL gives them) are one of each.
_CELL_PAIR = {
    "speaker": "(l.speaker_a_id = %(key_a)s AND l.speaker_b_id = %(key_b)s "
    "OR l.speaker_a_id = %(key_b)s AND l.speaker_b_id = %(key_a)s)",
    "affiliation": "(sa.affiliation = %(a)s AND sb.affiliation = %(b)s OR sa.affiliation = %(b)s AND sb.affiliation = %(a)s)",
}


def _cell_links(by: str, a: str, b: str, *, limit: int | None) -> list[tuple]:
    """(claim_a_id, claim_b_id, type, relation_id, dispute_id, links of this type, score) per link
    between the cell's keys, strongest first within each type."""
    speakers_a, speakers_b = _CELL_SPEAKERS[by]
    stored = _CELL_RELATIONS.format(speakers_a=speakers_a, speakers_b=speakers_b)
    order = "l.score DESC, l.relation_id, l.claim_a_id, l.claim_b_id"
    sql = f"""
        WITH links AS ({links_sql(stored=stored)})
        SELECT claim_a_id, claim_b_id, type, relation_id, dispute_id, total, score FROM (
            SELECT l.claim_a_id, l.claim_b_id, l.type, l.relation_id, l.dispute_id, l.score,
                   count(*) OVER (PARTITION BY l.type) AS total,
                   row_number() OVER (PARTITION BY l.type ORDER BY {order}) AS strength
            FROM links l
            LEFT JOIN claims_speaker sa ON sa.id = l.speaker_a_id LEFT JOIN claims_speaker sb ON sb.id = l.speaker_b_id
            WHERE l.type IN (%(agree)s, %(conflict)s) AND {_CELL_PAIR[by]}
        ) AS ranked
        WHERE %(limit)s::int IS NULL OR strength <= %(limit)s::int ORDER BY type, strength
    """
    keys = {"key_a": int(a), "key_b": int(b)} if by == "speaker" else {}
    return _fetch(sql, a=str(a), b=str(b), limit=limit, **keys)
