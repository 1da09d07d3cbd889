"""The stages of a stored article (extract, link), and running them again: retry, re-extract, re-link.

Every stored claim comes through ``extract_texts`` (spaCy, outside any transaction) and then
``claims.services.claims_store_extracted`` (one transaction, under the article's row lock), for
a new article (``items.ingest_item_extract``) as for a stored one (``article_extract``): one
extraction path. Linking is ``claims.services.claims_link_for_article``, called by ``article_link``
only. Re-extraction and re-linking set the article back to the status that waits for the stage
and run the same stage functions. What survives a re-run is decided by ``claims_store_extracted``
and the linker: human decisions always do.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from articles.models import Article
from claims.models import Claim
from claims.nlp.types import EXTRACTOR_VERSION, ExtractedClaim, ExtractionError
from claims.services import claims_link_for_article, claims_store_extracted
from claims.services.embedding import extracted_with_embeddings
from claims.services.extraction import extract_from_texts
from claims.services.linking import LINKABLE, LinkSummary
from common.exceptions import ApplicationError
from watches.services import alerts_for_new_claims

from .queue import article_continue
from .trace import article_trace

logger = logging.getLogger(__name__)

# Articles parsed together in one spaCy batch when several are extracted at once (as ingest does).
EXTRACT_BATCH_SIZE = 16

Extracted = list[ExtractedClaim] | Exception


# ---- the extraction path ---------------------------------------------------------------------


def extract_texts(texts: Sequence[str]) -> list[Extracted]:
    """The claims of each text with their embeddings, in one spaCy batch and one encoder batch
    (no database, no transaction: seconds of CPU).

    In place of a text's claims stands the exception that text raised: if the batch fails, each
    text is parsed again on its own, so one bad text fails only itself. If embedding fails, the
    claims are stored without vectors and linking embeds them.
    """
    extracted = _extract_all(texts)
    try:
        return extracted_with_embeddings(extracted)
    except Exception:
        logger.exception("embedding the extracted claims failed; linking will embed them")
        return extracted


def _extract_all(texts: Sequence[str]) -> list[Extracted]:
    if len(texts) > 1:
        try:
            return list(extract_from_texts(texts))
        except Exception:
            logger.exception("batch extraction failed; extracting the texts one by one")
    return [_extract_one(text) for text in texts]


def _extract_one(text: str) -> Extracted:
    try:
        [claims] = extract_from_texts([text])
    except Exception as exc:
        return exc
    return claims


def extraction_failure(exc: Exception) -> str:
    """Why a text's claims could not be extracted, in words for the item or the article."""
    if isinstance(exc, ExtractionError):
        return f"claims could not be extracted: {exc}"
    if isinstance(exc, SoftTimeLimitExceeded):
        return f"claims could not be extracted: took longer than {settings.CELERY_TASK_SOFT_TIME_LIMIT} s"
    return f"claims could not be extracted ({type(exc).__name__}: {exc})"


# ---- stages of a stored article ----------------------------------------------------------------


def article_extract(*, article: Article, extracted: Extracted | None = None) -> Article:
    """STAGE_EXTRACT for a stored article that waits for it (status FETCHED): find and store its claims.

    ``extracted``: the article's claims when they were parsed in a batch with others. An article
    whose text cannot be extracted fails with the reason and keeps the claims it had.
    """
    if article.status != Article.Status.FETCHED:
        return article  # done already: a repeated task changes nothing
    result = extracted if extracted is not None else extract_texts([article.body])[0]
    if isinstance(result, Exception):
        article_failed(article_id=article.pk, reason=extraction_failure(result))
        article.refresh_from_db()
        return article
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.status == Article.Status.FETCHED:  # else another worker stored them meanwhile
            claims_store_extracted(article=locked, extracted=result)
    return locked


def article_link(*, article: Article) -> LinkSummary | None:
    """STAGE_LINK: relate the article's claims to other articles' claims (status EXTRACTED → LINKED).

    Returns what linking did, or None when the article no longer waits for it.
    """
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.status != Article.Status.EXTRACTED:
            return None  # linked already, or failed: a repeated task changes nothing
        summary = claims_link_for_article(article=locked)
        alerts_for_new_claims(claim_ids=list(locked.claims.values_list("pk", flat=True)))
        article_trace(article=locked)  # last: it takes a lock shared by all articles, held to the commit
        locked.failure_reason = ""
        locked.save(update_fields=["failure_reason", "updated_at"])
    article.status = locked.status
    return summary


def article_failed(*, article_id: int, reason: str) -> None:
    """Record that a stage gave up on the article; its stored claims stay as they were."""
    Article.objects.filter(pk=article_id).update(
        status=Article.Status.FAILED, failure_reason=reason[:2000], updated_at=timezone.now()
    )
    logger.warning("article %s failed: %s", article_id, reason)


@transaction.atomic
def article_retry(*, article: Article) -> Article:
    """Run a failed article's pipeline again from where it stopped (for UI, API and admin)."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.status != Article.Status.FAILED:
        raise ApplicationError("Only a failed article can be retried.", extra={"status": locked.status})
    # Claims that were stored once need linking only; otherwise extraction runs again.
    locked.status = Article.Status.EXTRACTED if locked.extractor_version else Article.Status.FETCHED
    locked.failure_reason = ""
    locked.save(update_fields=["status", "failure_reason", "updated_at"])
    article_continue(article=locked)
    return locked


# ---- running a stage again on request -------------------------------------------------------


@dataclass
class ReextractSummary:
    articles: int = 0
    claims: int = 0
    failures: list[tuple[int, str]] = field(default_factory=list)


def articles_outdated() -> QuerySet[Article]:
    """Articles whose claims came from another extractor version (or that were never extracted)."""
    return Article.objects.exclude(extractor_version=EXTRACTOR_VERSION)


def articles_reextract(
    *, article_ids: Iterable[int], on_progress: Callable[[int], None] | None = None
) -> ReextractSummary:
    """Extract the given articles' claims again in this process, a spaCy batch at a time (``manage.py reextract``).

    Each article is set to wait for extraction and goes through ``article_extract``, in its own
    transaction; then its linking is queued. An article that fails keeps its claims as they were,
    is marked failed and is reported in the summary; the others go on.
    """
    summary = ReextractSummary()
    ids = iter(article_ids)
    while chunk := list(islice(ids, EXTRACT_BATCH_SIZE)):
        Article.objects.filter(pk__in=chunk).update(status=Article.Status.FETCHED, updated_at=timezone.now())
        articles = list(Article.objects.filter(pk__in=chunk).order_by("pk"))
        for article, extracted in zip(articles, extract_texts([a.body for a in articles]), strict=True):
            _reextract_one(article, extracted, summary)
        if on_progress:
            on_progress(len(chunk))
    return summary


def _reextract_one(article: Article, extracted: Extracted, summary: ReextractSummary) -> None:
    try:
        article = article_extract(article=article, extracted=extracted)
    except Exception as exc:  # the article's own transaction rolled back: its claims are as before
        logger.exception("re-extraction of article %s failed", article.pk)
        article_failed(article_id=article.pk, reason=f"storing failed: {exc}")
        summary.failures.append((article.pk, f"storing failed: {exc}"))
        return
    if article.status == Article.Status.FAILED:
        summary.failures.append((article.pk, article.failure_reason))
        return
    summary.articles += 1
    summary.claims += article.claims.filter(review_status=Claim.ReviewStatus.MACHINE).count()
    article_continue(article=article)  # link the refreshed claims again


def article_relink(*, article: Article) -> LinkSummary:
    """Link an extracted article's claims again (``manage.py link_claims``): it waits for STAGE_LINK again."""
    again = Article.objects.filter(pk=article.pk, status__in=LINKABLE).update(
        status=Article.Status.EXTRACTED, updated_at=timezone.now()
    )
    if not again:
        raise ApplicationError(f"Article {article.pk} is {article.status}: extract its claims before linking.")
    return article_link(article=article) or LinkSummary()


def articles_relink(*, articles: Iterable[Article]) -> LinkSummary:
    """Link the articles again, one at a time, each in its own transaction; the counts added up."""
    total = LinkSummary()
    for article in articles:
        done = article_relink(article=article)
        for name in (f.name for f in dataclasses.fields(LinkSummary)):
            setattr(total, name, getattr(total, name) + getattr(done, name))
    return total
