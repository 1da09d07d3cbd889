"""claims_over_time: a result's claims per day, week or month, counted in SQL."""

import datetime

import pytest

from claims.models import Claim
from claims.pictures import bin_counts
from claims.selectors import claim_facets
from claims.selectors.histogram import claims_over_time
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def _over_time(queryset):
    return claims_over_time(queryset=queryset, facets=claim_facets(queryset=queryset))


@pytest.mark.parametrize(("span_days", "unit"), [(20, "day"), (120, "week"), (400, "month")])
def test_it_counts_the_result_per_unit_chosen_by_its_span(span_days, unit):
    first = datetime.date(2015, 9, 30)
    days = [first + datetime.timedelta(days=d) for d in range(0, span_days + 1, 3)]
    for day in days:
        ClaimFactory(claim_date=day)
    ClaimFactory(claim_date=None)  # undated: on no bar
    got_unit, counts = _over_time(Claim.objects.filter(claim_date__gte=first))
    assert got_unit == unit
    # The database's date_trunc and the drawing's bins agree (weeks start on Monday).
    assert counts == bin_counts(days, unit)


def test_a_filtered_result_counts_only_its_claims():
    day = datetime.date(2015, 10, 1)
    ClaimFactory.create_batch(2, claim_date=day, polarity=Claim.Polarity.NEGATED)
    ClaimFactory(claim_date=day + datetime.timedelta(days=2))
    unit, counts = _over_time(Claim.objects.filter(polarity=Claim.Polarity.NEGATED))
    assert (unit, counts) == ("day", {day: 2})
