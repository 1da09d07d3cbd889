"""claims_ordered: the order of the claims page and of a search shown newest first."""

import datetime

import pytest

from claims.models import Claim
from claims.selectors import claims_ordered
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_newest_first_puts_undated_claims_last():
    undated = ClaimFactory(claim_date=None)
    older = ClaimFactory(claim_date=datetime.date(2015, 9, 30))
    newer = ClaimFactory(claim_date=datetime.date(2015, 10, 2))

    for text in ("", "anything"):
        ordered = claims_ordered(queryset=Claim.objects.all(), text=text, by_relevance=False)
        assert list(ordered) == [newer, older, undated]
