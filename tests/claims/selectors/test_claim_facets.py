"""claim_facets: one query gives the counts of every facet, from the summary tables or over the filtered claims."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.filters import ClaimFilter
from claims.models import Claim
from claims.selectors import claim_facets
from tests.factories import ClaimFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def test_it_counts_each_facet_in_one_query_after_the_version_check():
    a, b = SpeakerFactory(affiliation="Russia"), SpeakerFactory(affiliation="")
    ClaimFactory.create_batch(3, speaker=a, claim_date=datetime.date(2015, 9, 30))
    ClaimFactory(speaker=b, polarity=Claim.Polarity.NEGATED, claim_date=datetime.date(2015, 10, 1))
    ClaimFactory(speaker=None, claim_date=None)
    with CaptureQueriesContext(connection) as captured:
        facets = claim_facets(queryset=Claim.objects.all())
    assert len(captured) == 2  # the data version (claims.aggregate_cache), then one read of the summary tables
    assert facets["total"] == 5
    assert facets["speaker"] == [(a.pk, 3), (b.pk, 1)]
    assert facets["affiliation"] == [("Russia", 3)]  # blank affiliations are not a facet value
    assert facets["polarity"] == [("asserted", 4), ("negated", 1)]
    assert facets["month"] == [(datetime.date(2015, 9, 1), 3), (datetime.date(2015, 10, 1), 1)]
    assert (facets["first_date"], facets["last_date"]) == (datetime.date(2015, 9, 30), datetime.date(2015, 10, 1))


def test_it_counts_only_the_filtered_claims_including_search():
    ClaimFactory(content="Russian strikes hit ISIS", polarity=Claim.Polarity.NEGATED)
    ClaimFactory(content="Strikes continue", polarity=Claim.Polarity.ASSERTED)
    ClaimFactory(content="Talks resume")
    filtered = ClaimFilter({"q": "strike"}, queryset=Claim.objects.all()).qs
    with CaptureQueriesContext(connection) as captured:
        facets = claim_facets(queryset=filtered)
    # The data version, the number of claims (too few to sample), one GROUPING SETS query over the matches.
    assert len(captured) == 3
    assert facets["total"] == 2
    assert dict(facets["polarity"]) == {"asserted": 1, "negated": 1}


def test_an_empty_result_has_zero_total_and_no_values():
    facets = claim_facets(queryset=Claim.objects.filter(pk=-1))
    assert facets["total"] == 0 and facets["speaker"] == [] and facets["first_date"] is None
