"""Syndicated copies: which stored article republishes which (``Article.copy_of``).

A new article is fingerprinted once (``ArticleFingerprint``: MinHash bands, GIN-indexed); the
articles sharing a band with it are the candidates, and a candidate is a copy (or the original)
when the shingle containment of the pair reaches ``CLAIMTRACK_COPY_MIN_CONTAINMENT``. The
earliest article of a group (by publication date, undated last, then id) is the original; every
other member points straight at it, so copies of copies point at the root.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q, QuerySet

from articles.models import Article, ArticleFingerprint
from articles.nearcopy import containment, fingerprint_of, shingles

# One advisory lock for the whole step: two copies checked at once by two workers would each
# miss the other's uncommitted fingerprint. The step is short (one indexed lookup).
_LOCK_KEY = 0x5359_4E44  # "SYND"
_UNDATED = datetime.datetime.max.replace(tzinfo=datetime.UTC)


@dataclass
class CopySummary:
    checked: int = 0
    copies: int = 0


def article_order_key(article: Article) -> tuple:
    """Earlier first: by publication date (undated articles count as latest), then by id."""
    return (article.published_at or _UNDATED, article.pk)


@transaction.atomic
def article_find_original(*, article: Article) -> Article | None:
    """Check an article once for being a copy; return the original it copies (or None).

    The first check stores the article's fingerprint; later calls return what it found. When
    the article is older than the group it matches, it becomes the group's original instead.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
    article = Article.objects.select_related("copy_of").get(pk=article.pk)
    if ArticleFingerprint.objects.filter(article=article).exists():
        return article.copy_of
    mine = shingles(article.body)
    found = fingerprint_of(
        mine, num_perm=settings.CLAIMTRACK_COPY_MINHASH_PERM, bands=settings.CLAIMTRACK_COPY_MINHASH_BANDS
    )
    ArticleFingerprint.objects.create(article=article, shingle_count=found.shingle_count, bands=found.bands)
    if found.shingle_count < settings.CLAIMTRACK_COPY_MIN_SHINGLES:
        return None
    matches = _near_copies(article, mine, found.bands)
    if not matches:
        return None
    root = _join(article, matches)
    return None if root.pk == article.pk else root


def _near_copies(article: Article, mine: set[str], bands: list[int]) -> list[Article]:
    """Stored articles sharing a band with this one whose text it contains enough of (or they of it)."""
    candidates = (
        Article.objects.filter(
            fingerprint__bands__overlap=bands,
            fingerprint__shingle_count__gte=settings.CLAIMTRACK_COPY_MIN_SHINGLES,
        )
        .exclude(pk=article.pk)
        .only("id", "body", "published_at", "copy_of")
    )
    threshold = settings.CLAIMTRACK_COPY_MIN_CONTAINMENT
    return [other for other in candidates if containment(mine, shingles(other.body)) >= threshold]


def _join(article: Article, matches: list[Article]) -> Article:
    """Put the article and the groups of its matches under one original, the earliest of them."""
    root_ids = {m.copy_of_id or m.pk for m in matches}
    roots = list(Article.objects.filter(pk__in=root_ids).only("id", "published_at"))
    root = min([article, *roots], key=article_order_key)
    members = Q(pk__in=root_ids) | Q(copy_of__in=root_ids) | Q(pk=article.pk)
    Article.objects.filter(members).exclude(pk=root.pk).update(copy_of=root)
    Article.objects.filter(pk=root.pk).update(copy_of=None)
    return root


def articles_find_originals(*, articles: QuerySet[Article], rebuild: bool = False) -> CopySummary:
    """Check stored articles for copies (``manage.py find_copies``), oldest first, each once.

    ``rebuild`` forgets every fingerprint and copy link first, so the whole base is checked again
    (after the threshold or the boilerplate patterns changed). Each article is its own transaction.
    """
    if rebuild:
        ArticleFingerprint.objects.all().delete()
        Article.objects.exclude(copy_of=None).update(copy_of=None)
    summary = CopySummary()
    oldest_first = articles.order_by(F("published_at").asc(nulls_last=True), "id").only("id")
    for article in oldest_first.iterator(chunk_size=500):
        article_find_original(article=article)
        summary.checked += 1
    summary.copies = Article.objects.exclude(copy_of=None).count()
    return summary
