"""Independent reports: claims counted by the original articles they come from.

A syndicated copy or an updated version (``Article.copy_of``, set by ``articles.syndication``)
repeats its original, so "8 claims in 4 outlets" may be "from 3 independent reports": the
distinct values of ``coalesce(article.copy_of, article)``. ``copy_of`` always names the root of
a group, so one step is enough.
"""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from claims.aggregate_cache import cached_aggregate
from claims.models import Claim, Proposition, PropositionMember


def report_of(article_path: str) -> Coalesce:
    """The original article behind ``article_path`` (itself when it copies none)."""
    return Coalesce(f"{article_path}__copy_of", article_path)


def claims_reach(*, claims: QuerySet[Claim]) -> dict[str, int]:
    """How many claims, in how many outlets, from how many independent reports (one query)."""
    return claims.order_by().aggregate(
        claims=Count("id"),
        outlets=Count("article__outlet", distinct=True),
        independent_reports=Count(report_of("article"), distinct=True),
    )


def home_reach() -> dict[str, int]:
    """``claims_reach`` of the whole base, cached until the next write."""
    return cached_aggregate("home_reach", lambda: claims_reach(claims=Claim.objects.all()))


def dispute_reach(*, dispute: Proposition) -> dict[str, dict[str, int]]:
    """``claims_reach`` of each side of a dispute and of both together."""
    claims = Claim.objects.filter(dispute_membership__proposition=dispute)
    reach = {
        side: claims_reach(claims=claims.filter(dispute_membership__side=side))
        for side in PropositionMember.Side.values
    }
    reach["all"] = claims_reach(claims=claims)
    return reach


def _reports_on(side: str | None) -> Coalesce:
    members = PropositionMember.objects.filter(proposition=OuterRef("pk"))
    if side:
        members = members.filter(side=side)
    counted = (
        members.order_by()
        .values("proposition")
        .annotate(n=Count(report_of("claim__article"), distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def disputes_with_reports(disputes: QuerySet[Proposition]) -> QuerySet[Proposition]:
    """Disputes annotated with independent reports per side (``supports_reports``, ``refutes_reports``)
    and in all (``independent_reports``): correlated counts, cheap on one page of disputes."""
    return disputes.annotate(
        independent_reports=_reports_on(None),
        supports_reports=_reports_on(PropositionMember.Side.SUPPORTS),
        refutes_reports=_reports_on(PropositionMember.Side.REFUTES),
    )
