"""Reads for the claims app: querysets with the joins their pages and API answers need."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.expressions import Col
from django.db.models.functions import Coalesce, TruncMonth
from django.db.models.lookups import Exact
from django.db.models.sql.where import AND

from claims import selectors_summaries as summaries
from claims.aggregate_cache import cached_aggregate
from claims.models import CLAIM_SORT_DATE, Claim, Proposition, PropositionMember, Relation, Speaker
from claims.selectors_disputes import IMPLIED_SCORE, LINKS_PARAMS, links_as_relations, links_sql

# Relations shown as agreement or conflict: a curator's "rejected" takes a link away.
SHOWN_RELATIONS = ~Q(review_status=Relation.ReviewStatus.REJECTED)


def _count_of(queryset: QuerySet, field: str) -> Subquery:
    """A correlated COUNT per row: cheap on one page, unlike a GROUP BY over the whole table.

    COUNT(field) rather than COUNT(id): the foreign key's index alone answers it (index-only scan).
    """
    counted = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count(field)).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def claim_list() -> QuerySet[Claim]:
    """Claims with speaker, article, outlet and dispute membership, without article bodies."""
    return Claim.objects.select_related("speaker", "article__outlet", "dispute_membership").defer(
        "article__body", "terms", "entities", "search_vector"
    )


def claim_get(*, claim_id: int) -> Claim | None:
    return Claim.objects.select_related("speaker", "article__outlet", "dispute_membership").filter(pk=claim_id).first()


def speaker_list() -> QuerySet[Speaker]:
    return Speaker.objects.annotate(claim_count=_count_of(Claim.objects.all(), "speaker")).prefetch_related("aliases")


def relation_list() -> QuerySet[Relation]:
    return Relation.objects.select_related("claim_a__speaker", "claim_b__speaker")


def dispute_list() -> QuerySet[Proposition]:
    members = PropositionMember.objects.all()
    return Proposition.objects.annotate(
        supports=_count_of(members.filter(side=PropositionMember.Side.SUPPORTS), "proposition"),
        refutes=_count_of(members.filter(side=PropositionMember.Side.REFUTES), "proposition"),
    )


def dispute_members(*, dispute: Proposition) -> QuerySet[PropositionMember]:
    """Both sides of a dispute, oldest claim first within each side."""
    return (
        dispute.members.select_related("claim__speaker", "claim__article__outlet", "claim__dispute_membership")
        .defer("claim__article__body", "claim__terms", "claim__entities", "claim__search_vector")
        .order_by("side", F("claim__claim_date").asc(nulls_last=True), "claim_id")
    )


MATRIX_KEYS = {"speaker": "speaker_id", "affiliation": "speaker__affiliation"}


def agreement_matrix(*, by: str, limit: int = 50) -> list[dict]:
    """Pairs of speakers (or affiliations) with their counts of agree and conflict links.

    Each unordered pair appears once (``a`` <= ``b``), the pairs with most links first. Links are
    the stored relations and the pairs disputes imply, counted in the summary tables
    (``claims.selectors_summaries``); cached until the next write all the same.
    """
    return cached_aggregate("matrix", lambda: _matrix_pairs(by, limit), by, limit)


def _fetch(sql: str, **params: object) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, {**LINKS_PARAMS, **params})
        return cursor.fetchall()


def _matrix_pairs(by: str, limit: int) -> list[dict]:
    rows = summaries.link_pairs(by=by, limit=limit)
    return [{"a": a, "b": b, "agree": agree, "conflict": conflict} for a, b, agree, conflict in rows]


# ---- web UI reads ------------------------------------------------------------------------


def claims_ordered(*, queryset: QuerySet[Claim], text: str, by_relevance: bool = True) -> QuerySet[Claim]:
    """A filtered claim list in display order: by search rank when there is a query (and
    ``by_relevance``), else newest first."""
    if text.strip() and by_relevance:
        query = SearchQuery(text, config="english", search_type="websearch")
        ranked = queryset.annotate(rank=SearchRank(F("search_vector"), query))
        return ranked.order_by("-rank", CLAIM_SORT_DATE.desc(), "-id")
    # The claim_sort_date_id index holds this expression (undated claims as year 1, so last):
    # PostgreSQL walks it backwards and stops at the page instead of sorting every match.
    return queryset.order_by(CLAIM_SORT_DATE.desc(), "-id")


def claim_search_page(
    *, queryset: QuerySet[Claim], text: str, offset: int, limit: int, by_relevance: bool = True
) -> list[Claim]:
    """One page of ``claims_ordered``, with speaker, article and outlet loaded (no article bodies).

    Two steps: the page's ids are found on narrow rows, then only those rows are loaded in full.
    A search that matches thousands of claims then sorts ids and ranks, not whole rows with
    their text and joins. Newest first (``by_relevance=False``) walks the claim_date index
    backwards and stops at the page: it costs the same however many claims match.
    """
    ordered = claims_ordered(queryset=queryset, text=text, by_relevance=by_relevance)
    ids = list(ordered.values_list("pk", flat=True)[offset : offset + limit])
    rows = (
        Claim.objects.select_related("speaker", "article__outlet")
        .defer("article__body", "terms", "entities", "search_vector")
        .in_bulk(ids)
    )
    return [rows[pk] for pk in ids if pk in rows]


def claim_facets(*, queryset: QuerySet[Claim], top: int = 12) -> dict:
    """Counts per facet value over the whole filtered result.

    Unfiltered, or filtered only on cue class, type, polarity or review status (the claims page as
    it opens, and the facets an analyst clicks first, which keep most claims), the counts are
    sums over the facet summary tables, which PostgreSQL keeps exact (``claims.selectors_summaries``).
    Otherwise (a search, a speaker, outlet, date, article or dispute) they are counted over the
    matching claims' summary rows in one GROUPING SETS query -- unless a sample shows more matches
    than ``CLAIMTRACK_FACETS_EXACT_UP_TO``: then they are estimated from that sample and
    ``estimated`` is true (see ``_facets_of_matches``).
    Either way cached until the next write (``claims.aggregate_cache``), keyed by the filter.
    Returns ``{"total", "first_date", "last_date", "estimated", facet: [(value, count), …]}`` with
    each facet's ``top`` most frequent values and a ``month`` list.
    """
    filters = _summary_filters(queryset)
    if filters is not None:
        compute = lambda: {**_top_values(summaries.facet_counts(filters=filters), top), "estimated": False}  # noqa: E731
        return cached_aggregate("facets_summary", compute, sorted(filters.items()), top)
    ids_sql, params = queryset.order_by().values("pk").query.sql_with_params()
    return cached_aggregate("facets", lambda: _facets_of_matches(ids_sql, params, top), ids_sql, params, top)


# The sample of the claims table that estimates a large result: whole pages (SYSTEM), so its cost
# follows the sample's size, not the table's; the same pages for the same data (REPEATABLE), so
# numbers do not jump between two requests.
_SAMPLE_FROM = 'FROM "claims_claim"'
_SAMPLE_SEED = 7


def _facets_of_matches(ids_sql: str, params: tuple, top: int) -> dict:
    """Facets of a filtered result: exact, or estimated when a sample says the result is large.

    Counting costs a few microseconds a match; a search for a common word matches tens of
    thousands of claims and would cost hundreds of milliseconds after every write. So the
    result is first counted on a sample of about ``CLAIMTRACK_FACETS_SAMPLE_ROWS`` claims; when
    that predicts more than ``CLAIMTRACK_FACETS_EXACT_UP_TO`` matches, the sample's counts,
    scaled and rounded, are the answer (``estimated``), else the matches are counted exactly.
    """
    fraction = _sample_fraction()
    if fraction is not None and ids_sql.count(_SAMPLE_FROM) == 1:
        sampling = f"{_SAMPLE_FROM} TABLESAMPLE SYSTEM ({100 * fraction:.6f}) REPEATABLE ({_SAMPLE_SEED})"
        sample = summaries.facet_counts_of(ids_sql=ids_sql.replace(_SAMPLE_FROM, sampling), params=params)
        if sample["total"] / fraction > settings.CLAIMTRACK_FACETS_EXACT_UP_TO:
            return _top_values(_scaled(sample, fraction), top)
    return {**_top_values(summaries.facet_counts_of(ids_sql=ids_sql, params=params), top), "estimated": False}


def _sample_fraction() -> float | None:
    """The share of claims a sample reads, or None when the table is small enough to count whole."""
    total = summaries.claim_total()
    wanted = settings.CLAIMTRACK_FACETS_SAMPLE_ROWS
    return wanted / total if total > 2 * wanted else None


def _scaled(sample: dict, fraction: float) -> dict:
    """A sample's facet counts as estimates of the whole result (two significant figures)."""
    estimate = {
        key: [(value, _about(n / fraction)) for value, n in values]
        for key, values in sample.items()
        if isinstance(values, list)
    }
    # The date inputs' bounds must not exclude a match the sample missed: the whole database's.
    first, last = summaries.claim_date_range()
    return {
        **estimate,
        "total": _about(sample["total"] / fraction),
        "first_date": first,
        "last_date": last,
        "estimated": True,
    }


def _about(count: float) -> int:
    """``count`` to two significant figures: 24,873 -> 25,000 (an estimate should not look exact)."""
    return int(float(f"{count:.2g}"))


def _top_values(facets: dict, top: int) -> dict:
    """Each facet's ``top`` most frequent values (ties by value); every month, in order."""
    for key in facets:
        if isinstance(facets[key], list) and key != "month":
            facets[key] = sorted(facets[key], key=lambda item: (-item[1], str(item[0])))[:top]
    facets["month"].sort()
    return facets


def _summary_filters(queryset: QuerySet[Claim]) -> dict[str, str] | None:
    """The queryset's filters when the facet tables can apply them, else None.

    That is every claim, or claims with given values of ``summaries.SUMMARY_FILTER_COLUMNS``
    (``Claim.objects.filter(polarity="negated", cue_class="deny")``): {column: value}. Anything
    else (another lookup, a join, a negation, OR, slicing, DISTINCT) is None and gets counted.
    """
    query = queryset.query
    if queryset.model is not Claim or query.is_sliced or query.distinct or query.combinator:
        return None
    if query.where.negated or (len(query.where.children) > 1 and query.where.connector != AND):
        return None
    filters: dict[str, str] = {}
    for condition in query.where.children:
        if not (
            isinstance(condition, Exact)
            and isinstance(condition.lhs, Col)
            and condition.lhs.alias == Claim._meta.db_table
            and condition.lhs.target.column in summaries.SUMMARY_FILTER_COLUMNS
            and isinstance(condition.rhs, str)
            and condition.lhs.target.column not in filters
        ):
            return None
        filters[condition.lhs.target.column] = condition.rhs
    return filters


def speaker_names(*, ids: Iterable[int]) -> dict[int, Speaker]:
    return {s.pk: s for s in Speaker.objects.filter(pk__in=set(ids)).only("name", "affiliation", "kind")}


def speaker_get(*, speaker_id: int) -> Speaker | None:
    return Speaker.objects.prefetch_related("aliases").filter(pk=speaker_id).first()


def speaker_claims_by_month(*, speaker: Speaker) -> list[tuple]:
    """(month, claims) for a speaker's dated claims, oldest first (cached until a write)."""
    return cached_aggregate("speaker_months", lambda: _claims_by_month(speaker), speaker.pk)


def _claims_by_month(speaker: Speaker) -> list[tuple]:
    rows = (
        Claim.objects.filter(speaker=speaker, claim_date__isnull=False)
        .annotate(month=TruncMonth("claim_date"))
        .order_by("month")
        .values_list("month")
        .annotate(n=Count("id"))
    )
    return list(rows)


def speaker_claims_recent(*, speaker: Speaker, limit: int = 30) -> list[Claim]:
    return list(
        Claim.objects.filter(speaker=speaker)
        .select_related("speaker", "article__outlet")
        .defer("article__body", "terms", "entities", "search_vector")
        .order_by(F("claim_date").desc(nulls_last=True), "-id")[:limit]
    )


def speaker_disputes(*, speaker: Speaker, limit: int = 30) -> list[dict]:
    """The disputes the speaker takes part in, with how many of their claims are on each side.

    Groups every dispute membership of the speaker's claims: cached until the next write.
    """
    return cached_aggregate("speaker_disputes", lambda: _disputes_of(speaker, limit), speaker.pk, limit)


def _disputes_of(speaker: Speaker, limit: int) -> list[dict]:
    rows = (
        PropositionMember.objects.filter(claim__speaker=speaker)
        .values("proposition_id", "proposition__label", "side")
        .annotate(n=Count("id"))
        .order_by("-n", "proposition_id", "side")
    )
    return list(rows[:limit])


def speaker_counterparts(*, speaker: Speaker, limit: int = 20) -> list[dict]:
    """Other speakers linked to this one, with agreement and conflict counts, most linked first.

    Read from the per-pair link counts of the summary tables; cached until the next write.
    """
    return cached_aggregate("counterparts", lambda: _counterparts(speaker, limit), speaker.pk, limit)


def _counterparts(speaker: Speaker, limit: int) -> list[dict]:
    ranked = summaries.counterpart_counts(speaker_id=speaker.pk, limit=limit)
    names = speaker_names(ids=[pk for pk, _, _ in ranked])
    return [
        {"speaker": names[pk], "agree": agree, "conflict": conflict} for pk, agree, conflict in ranked if pk in names
    ]


def dispute_get(*, dispute_id: int) -> Proposition | None:
    return Proposition.objects.filter(pk=dispute_id).first()


def disputes_most_contested(*, limit: int = 8) -> list[Proposition]:
    """Disputes with claims on both sides, ranked by the weaker side's number of independent outlets.

    A dispute where three outlets say yes and three say no is more contested than one with
    twenty yes and one no; ties go to the one with more claims in all (then the newest). Sides
    and outlets per dispute come from the summary tables; cached until the next write.
    """
    return cached_aggregate("contested", lambda: _disputes_by_contest(limit), limit)


def _disputes_by_contest(limit: int) -> list[Proposition]:
    ranked = summaries.disputes_by_contest(limit=limit)
    disputes = Proposition.objects.in_bulk([row["id"] for row in ranked])
    found = []
    for row in ranked:
        if (dispute := disputes.get(row["id"])) is not None:
            for name in ("supports", "refutes", "support_outlets", "refute_outlets"):
                setattr(dispute, name, row[name])
            found.append(dispute)
    return found


def home_counts() -> dict[str, int]:
    """How many articles, claims, speakers, disputes, agreements and conflicts (cached until a write)."""
    return cached_aggregate("home_counts", summaries.home_counts)


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
