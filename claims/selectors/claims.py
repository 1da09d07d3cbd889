"""Reads of claims: lists with the joins their pages and API answers need, search, facets, counts."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.expressions import Col
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact
from django.db.models.sql.where import AND

from claims.aggregate_cache import cached_aggregate
from claims.models import CLAIM_SORT_DATE, Claim, Relation

from . import summaries
from .fields import claim_heavy_fields


def count_of(queryset: QuerySet, field: str) -> Subquery:
    """A correlated COUNT per row: cheap on one page, unlike a GROUP BY over the whole table.

    COUNT(field) rather than COUNT(id): the foreign key's index alone answers it (index-only scan).
    """
    counted = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count(field)).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def claim_list() -> QuerySet[Claim]:
    """Claims with speaker, article, outlet and dispute membership, without article bodies."""
    return Claim.objects.select_related("speaker", "article__outlet", "dispute_membership").defer(
        "article__body", "embedding", "entities", "search_vector"
    )


def claim_get(*, claim_id: int) -> Claim | None:
    return Claim.objects.select_related("speaker", "article__outlet", "dispute_membership").filter(pk=claim_id).first()


def relation_list() -> QuerySet[Relation]:
    return Relation.objects.select_related("claim_a__speaker", "claim_b__speaker")


def claim_relations(*, claim_id: int, relation_type: str) -> QuerySet[Relation]:
    """One claim's stored relations of one type, from either end, strongest first; rejected ones left out."""
    either_end = Q(claim_a_id=claim_id) | Q(claim_b_id=claim_id)
    relations = relation_list().filter(either_end, type=relation_type)
    return relations.exclude(review_status=Relation.ReviewStatus.REJECTED).order_by("-score", "-id")


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
        .defer(*claim_heavy_fields())
        .in_bulk(ids)
    )
    return [rows[pk] for pk in ids if pk in rows]


def claim_facets(*, queryset: QuerySet[Claim], top: int = 12) -> dict:
    """Counts per facet value over the whole filtered result.

    Unfiltered, or filtered only on cue class, type, polarity or review status (the claims page as
    it opens, and the facets an analyst clicks first, which keep most claims), the counts are
    sums over the facet summary tables, which PostgreSQL keeps exact (``claims.selectors.summaries``).
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


def home_counts() -> dict[str, int]:
    """How many articles, claims, speakers, disputes, agreements and conflicts (cached until a write)."""
    return cached_aggregate("home_counts", summaries.home_counts)


