"""Claims over time for the claims page: a filtered result counted per day, week or month."""

from __future__ import annotations

import datetime

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDay, TruncWeek

from claims.aggregate_cache import cached_aggregate
from claims.models import Claim
from claims.pictures import DAY, MONTH, WEEK, time_unit

# date_trunc('day' | 'week', claim_date) in SQL: one row per bin comes back.
_TRUNC = {DAY: TruncDay, WEEK: TruncWeek}


def claims_over_time(*, queryset: QuerySet[Claim], facets: dict) -> tuple[str, dict[datetime.date, int]]:
    """(unit, {bin start: claims}) for the dated claims of a filtered result.

    ``facets`` is the result's ``claim_facets``: its first and last date choose the unit, and by
    month its counts are already there (summed from the summary tables, or estimated with them
    for a very large result). By day or week the result is counted in SQL, cached until a write:
    a result spanning a few months at most, whose dates the claim_date indexes hold.
    """
    unit = time_unit(facets["first_date"], facets["last_date"])
    if unit == MONTH or facets["estimated"]:  # a huge result: its (estimated) months are what we know cheaply
        return MONTH, dict(facets["month"])
    if facets["first_date"] == facets["last_date"]:  # all on one day: its month's count is the day's
        return unit, {facets["first_date"]: sum(n for _, n in facets["month"])}
    ids_sql, params = queryset.order_by().values("pk").query.sql_with_params()
    return unit, cached_aggregate("claims_over_time", lambda: _count_bins(queryset, unit), ids_sql, params, unit)


def _count_bins(queryset: QuerySet[Claim], unit: str) -> dict[datetime.date, int]:
    rows = (
        queryset.order_by()
        .filter(claim_date__isnull=False)
        .annotate(bin=_TRUNC[unit]("claim_date"))
        .values_list("bin")
        .annotate(n=Count("pk"))
    )
    return {_as_date(start): n for start, n in rows}


def _as_date(value: datetime.date | datetime.datetime) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value
