"""Re-extraction: run the current extractor again over stored articles.

This is what runs when ``claims.nlp.types.EXTRACTOR_VERSION`` changes (``manage.py reextract
--outdated``). What survives a re-run is decided by ``claims_store_extracted``: human decisions
always do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

from django.db import transaction
from django.db.models import QuerySet

from articles.models import Article
from claims.models import Claim
from claims.nlp.types import EXTRACTOR_VERSION

from .extraction import claims_extract_for_article, claims_store_extracted, extract_from_texts

logger = logging.getLogger(__name__)

# Articles parsed together in one spaCy batch (as ingest does).
REEXTRACT_BATCH_SIZE = 16


@dataclass
class ReextractSummary:
    articles: int = 0
    claims: int = 0
    failures: list[tuple[int, str]] = field(default_factory=list)


def article_reextract(*, article: Article) -> list[Claim]:
    """Re-extract one article, then queue its linking again (its claims may have changed)."""
    from articles.services import article_continue

    claims = claims_extract_for_article(article=article)
    article_continue(article=article)
    return claims


def articles_outdated() -> QuerySet[Article]:
    """Articles whose claims came from another extractor version (or that were never extracted)."""
    return Article.objects.exclude(extractor_version=EXTRACTOR_VERSION)


def articles_reextract(
    *, article_ids: Iterable[int], on_progress: Callable[[int], None] | None = None
) -> ReextractSummary:
    """Re-extract the given articles a batch at a time, each article in its own transaction.

    An article that fails keeps its claims as they were and is reported in the summary; the
    others go on.
    """
    summary = ReextractSummary()
    ids = iter(article_ids)
    while chunk := list(islice(ids, REEXTRACT_BATCH_SIZE)):
        articles = list(Article.objects.filter(pk__in=chunk).order_by("pk"))
        for article, extracted in zip(articles, _extract_batch(articles), strict=True):
            _store_one(article, extracted, summary)
        if on_progress:
            on_progress(len(chunk))
    return summary


def _extract_batch(articles: list[Article]) -> list:
    try:
        return extract_from_texts([a.body for a in articles])
    except Exception:  # one bad text must not sink the batch: fall back to one at a time
        logger.exception("batch re-extraction failed; retrying articles one by one")
    return [_extract_one(a) for a in articles]


def _extract_one(article: Article):
    try:
        [extracted] = extract_from_texts([article.body])
    except Exception as exc:
        return exc
    return extracted


def _store_one(article: Article, extracted, summary: ReextractSummary) -> None:
    if isinstance(extracted, Exception):
        summary.failures.append((article.pk, f"extraction failed: {extracted}"))
        return
    from articles.services import article_continue

    try:
        summary.claims += len(claims_store_extracted(article=article, extracted=extracted))
    except Exception as exc:  # the article's own transaction rolled back: its claims are as before
        logger.exception("re-extraction of article %s failed", article.pk)
        summary.failures.append((article.pk, f"storing failed: {exc}"))
        return
    summary.articles += 1
    article_continue(article=article)  # link the refreshed claims again


def articles_reextract_enqueue(*, article_ids: Iterable[int]) -> int:
    """Queue re-extraction of each article after the current transaction commits; return how many.

    A request never parses text itself: a worker does (or, without a broker, the same task runs
    eagerly once the request's transaction has committed).
    """
    from claims.tasks import claims_reextract_for_article as reextract_task

    ids = sorted(set(article_ids))
    for article_id in ids:
        transaction.on_commit(lambda article_id=article_id: reextract_task.delay(article_id))
    return len(ids)
