"""Reads of quote flags: the list analysts browse, and the flags of one claim."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from claims.models import Claim, QuoteFlag


def quote_flag_list() -> QuerySet[QuoteFlag]:
    return QuoteFlag.objects.select_related(
        "claim_a__speaker", "claim_b__speaker", "claim_a__article__outlet", "claim_b__article__outlet", "dismissed_by"
    ).defer("claim_a__article__body", "claim_b__article__body")


def claim_quote_flags(*, claim: Claim) -> list[QuoteFlag]:
    """The claim's flags, open ones first."""
    flags = quote_flag_list().filter(Q(claim_a=claim) | Q(claim_b=claim))
    return sorted(flags, key=lambda flag: (flag.status != QuoteFlag.Status.OPEN, -flag.pk))
