"""Claims over time for the claims page: a filtered result counted per day, week or month."""

from __future__ import annotations

import datetime

from django.db import connection
from django.db.models import QuerySet

from claims.aggregate_cache import cached_aggregate
from claims.models import Claim
from claims.pictures import DAY, MONTH, WEEK, time_unit

# Counted over the result's narrow summary rows (claims_agg_claim: the claim's date without its
# text), as the facets are; date_trunc in SQL, so only a row per bin comes back.
_BINS_SQL = """
    SELECT date_trunc('{unit}', m.claim_date)::date AS bin, count(*)
    FROM claims_agg_claim m
    WHERE m.claim_id IN ({ids}) AND m.claim_date IS NOT NULL
    GROUP BY 1
"""


def claims_over_time(*, queryset: QuerySet[Claim], facets: dict) -> tuple[str, dict[datetime.date, int]]:
    """(unit, {bin start: claims}) for the dated claims of a filtered result.

    ``facets`` is the result's ``claim_facets``: its first and last date choose the unit, and by
    month its counts are already there (summed from the summary tables, or estimated with them
    for a very large result). By day or week the result is counted in SQL, cached until a write.
    """
    unit = time_unit(facets["first_date"], facets["last_date"])
    if unit == MONTH:
        return unit, dict(facets["month"])
    if facets["estimated"]:  # a huge result over a short span: its months are all we know cheaply
        return MONTH, dict(facets["month"])
    ids_sql, params = queryset.order_by().values("pk").query.sql_with_params()
    return unit, cached_aggregate("claims_over_time", lambda: _count_bins(ids_sql, params, unit), ids_sql, params, unit)


def _count_bins(ids_sql: str, params: tuple, unit: str) -> dict[datetime.date, int]:
    # The unit is one of two constants; the ids query's parameters stay parameters.
    sql = _BINS_SQL.format(unit={DAY: "day", WEEK: "week"}[unit], ids=ids_sql)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())
