"""Reads of articles as the claims pages show them: with their claims, or with how many they hold.

Here rather than in ``articles``: these reads join claims, and ``articles`` knows nothing of claims.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.db.models import Count, DateTimeField, QuerySet, Value
from django.db.models.functions import Coalesce

from articles.models import Article, Outlet
from claims.models import Claim

from .claims import count_of

# Before any date a news article can have: lets undated articles sort last with a cursor.
_NO_DATE = datetime(1, 1, 1, tzinfo=UTC)


def article_get(*, article_id: int) -> Article | None:
    return Article.objects.select_related("outlet").filter(pk=article_id).first()


def article_claims(*, article: Article) -> list[Claim]:
    """The article's claims in reading order, with speakers, for highlighting."""
    return list(
        article.claims.select_related("speaker")
        .defer("embedding", "entities", "search_vector", "speaker__role")
        .order_by("content_start")
    )


def articles_latest(*, limit: int = 10) -> QuerySet[Article]:
    """The most recently ingested articles with their claim counts (counted for these rows only)."""
    latest = Article.objects.order_by("-created_at", "-id").values_list("id", flat=True)[:limit]
    return (
        Article.objects.filter(pk__in=list(latest))
        .select_related("outlet")
        .defer("body")
        .annotate(claim_count=Count("claims"))
        .order_by("-created_at", "-id")
    )


def article_list() -> QuerySet[Article]:
    """Articles with outlet and claim count, and ``published`` (undated ones as the oldest) to order by."""
    return Article.objects.select_related("outlet").annotate(
        claim_count=count_of(Claim.objects.all(), "article"),
        published=Coalesce("published_at", Value(_NO_DATE, output_field=DateTimeField())),
    )


def outlet_list() -> QuerySet[Outlet]:
    return Outlet.objects.annotate(article_count=count_of(Article.objects.all(), "outlet"))
