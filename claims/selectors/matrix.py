"""The agreement/conflict matrix: pairs of speakers or affiliations with their link counts, and one cell's links."""

from __future__ import annotations

from django.db import connection

from claims.aggregate_cache import cached_aggregate
from claims.models import Relation

from . import summaries
from .links import IMPLIED_SCORE, LINKS_PARAMS, links_as_relations, links_sql

MATRIX_KEYS = {"speaker": "speaker_id", "affiliation": "speaker__affiliation"}


def agreement_matrix(*, by: str, limit: int = 50) -> list[dict]:
    """Pairs of speakers (or affiliations) with their counts of agree and conflict links.

    Each unordered pair appears once (``a`` <= ``b``), the pairs with most links first. Links are
    the stored relations and the pairs disputes imply, counted in the summary tables
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


# Where a matrix cell's links can be, from the summary tables: the disputes with live claims of
# both keys (their implied pairs) and the relations between the two keys' speakers. LINKS_SQL
# then reads those disputes' members and those relations only, and decides each pair as ever.
_CELL_SPEAKERS = {
    "speaker": ("SELECT %(key_a)s::bigint", "SELECT %(key_b)s::bigint"),
    "affiliation": (
        "SELECT id FROM claims_speaker WHERE affiliation = %(a)s",
        "SELECT id FROM claims_speaker WHERE affiliation = %(b)s",
    ),
}
# ARRAY(...) rather than IN (...): PostgreSQL computes the few ids first and then probes the
# indexes of members, claims and relations with them, instead of joining against every row.
# The relations between a speaker of one key and a speaker of the other (either way round).
_CELL_RELATIONS = """ARRAY(
    SELECT relation_id FROM claims_agg_relation
    WHERE key_lo = ANY (ARRAY({speakers_a})) AND key_hi = ANY (ARRAY({speakers_b}))
       OR key_lo = ANY (ARRAY({speakers_b})) AND key_hi = ANY (ARRAY({speakers_a})))"""
_CELL_SCOPE = {
    # Every link: the pairs of the disputes with live claims of both keys, and their relations.
    "all": (
        """m1.proposition_id = ANY (ARRAY(
            SELECT g1.dispute_id FROM claims_agg_dispute_group g1
            JOIN claims_agg_dispute_group g2 ON g2.dispute_id = g1.dispute_id
            WHERE g1.speaker_key IN ({speakers_a}) AND g2.speaker_key IN ({speakers_b})))
        AND c1.speaker_id = ANY (ARRAY({speakers_a} UNION {speakers_b}))
        AND c2.speaker_id = ANY (ARRAY({speakers_a} UNION {speakers_b}))""",
        f"r.id = ANY ({_CELL_RELATIONS})",
    ),
    # Only the links a stored relation stands behind (reached from the relations alone).
    "related": (f"r.id = ANY ({_CELL_RELATIONS})", f"r.id = ANY ({_CELL_RELATIONS})"),
    # The links of the given relations only (``_strongest_related`` picks them).
    "candidates": ("r.id = ANY (%(candidates)s)", "r.id = ANY (%(candidates)s)"),
}
# Relations ``_strongest_related`` derives links for at first: a few more than the two types'
# pages, so that both types usually fill their page from them.
CELL_CANDIDATES_PER_LINK = 4


# Links of each type a matrix cell lists: rendering a link costs about a millisecond.
CELL_LINKS_PER_TYPE = 25


def relations_between(*, by: str, a: str, b: str, limit: int = CELL_LINKS_PER_TYPE) -> list[Relation]:
    """The agree/conflict links behind one matrix cell (stored and implied by disputes): claims of ``a``
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
    """The ``limit`` strongest links of each type in a cell, with each type's total.

    Links are ranked by score, then those a stored relation stands behind first; a pair only a
    dispute implies scores 0.5. So when a type has ``limit`` related links scoring 0.5 or more (or
    no other links at all), its strongest are all related ones, and reading the relations between
    the two keys is enough: the totals come from the summary tables. Otherwise every link of the
    cell is derived (the disputes both keys share can hold thousands of pairs).
    """
    totals = summaries.link_pair_totals(by=by, a=a, b=b)
    related = _strongest_related(by, a, b, limit)
    complete = True
    for kind in (Relation.Type.AGREE, Relation.Type.CONFLICT):
        of_kind = [row for row in related if row[2] == kind]
        strong = sum(1 for row in of_kind if row[6] >= IMPLIED_SCORE)
        complete = complete and (strong >= limit or len(of_kind) == totals[kind])
    rows = related if complete else _cell_links(by, a, b, limit=None, scope="all")
    ranked = []
    for kind in (Relation.Type.AGREE, Relation.Type.CONFLICT):
        of_kind = [row for row in rows if row[2] == kind][:limit]  # already in rank order
        ranked += [(*row[:5], totals[kind]) for row in of_kind]
    return ranked


def _strongest_related(by: str, a: str, b: str, limit: int) -> list[tuple]:
    """The cell's related links (as ``_cell_links``), or only enough of the strongest to rank each type's first ``limit``.

    A busy cell has thousands of relations, and deciding each one's link (the dispute's sides may
    change its type, and then its score to ``IMPLIED_SCORE``) costs a few joins each. A link's
    score is its relation's score or ``IMPLIED_SCORE``, so a relation scoring below ``cutoff`` gives
    a link scoring below ``max(cutoff, IMPLIED_SCORE)``. The links of the relations scoring
    ``cutoff`` or more are derived first; when each type has ``limit`` of them scoring at least
    ``cutoff`` (above ``IMPLIED_SCORE``), no other relation's link can rank before them and those
    are each type's strongest. Otherwise every related link is derived, as before.
    """
    speakers_a, speakers_b = _CELL_SPEAKERS[by]
    relations = _CELL_RELATIONS.format(speakers_a=speakers_a, speakers_b=speakers_b)
    keys = {"key_a": int(a), "key_b": int(b)} if by == "speaker" else {}
    sql = f"SELECT id, score FROM claims_relation WHERE id = ANY ({relations}) ORDER BY score DESC"
    scores = _fetch(sql, a=str(a), b=str(b), **keys)
    wanted = CELL_CANDIDATES_PER_LINK * limit
    if len(scores) > wanted and scores[wanted - 1][1] > IMPLIED_SCORE:
        cutoff = scores[wanted - 1][1]
        candidates = [pk for pk, score in scores if score >= cutoff]
        rows = _cell_links(by, a, b, limit=None, scope="candidates", candidates=candidates)
        if all(_ranked_above(rows, kind, limit, cutoff) for kind in (Relation.Type.AGREE, Relation.Type.CONFLICT)):
            return rows
    return _cell_links(by, a, b, limit=None, scope="related")


def _ranked_above(rows: list[tuple], kind: str, limit: int, cutoff: float) -> bool:
    """Whether ``kind``'s first ``limit`` rows (in rank order) all score ``cutoff`` or more."""
    of_kind = [row for row in rows if row[2] == kind][:limit]
    return len(of_kind) == limit and of_kind[-1][6] >= cutoff


# A link between the cell's two keys: its speakers (LINKS_SQL gives them) are one of each.
_CELL_PAIR = {
    "speaker": "(l.speaker_a_id = %(key_a)s AND l.speaker_b_id = %(key_b)s "
    "OR l.speaker_a_id = %(key_b)s AND l.speaker_b_id = %(key_a)s)",
    "affiliation": "(sa.affiliation = %(a)s AND sb.affiliation = %(b)s OR sa.affiliation = %(b)s AND sb.affiliation = %(a)s)",
}


def _cell_links(
    by: str, a: str, b: str, *, limit: int | None, scope: str, candidates: list[int] | None = None
) -> list[tuple]:
    """(claim_a_id, claim_b_id, type, relation_id, dispute_id, links of this type, score) per link
    between the cell's keys, strongest first within each type; ``scope`` is a key of ``_CELL_SCOPE``."""
    speakers_a, speakers_b = _CELL_SPEAKERS[by]
    implied, stored = (part.format(speakers_a=speakers_a, speakers_b=speakers_b) for part in _CELL_SCOPE[scope])
    order = "l.score DESC, l.relation_id NULLS LAST, l.claim_a_id, l.claim_b_id"
    sql = f"""
        WITH links AS ({links_sql(implied=implied, stored=stored)})
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
    return _fetch(sql, a=str(a), b=str(b), limit=limit, candidates=candidates, **keys)
