"""From article text to stored claims. Human decisions on earlier claims survive every re-run."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from articles.models import Article
from claims.models import Claim
from claims.nlp.types import EXTRACTOR_VERSION, ExtractedClaim

from .speakers import speaker_resolve


def extract_from_texts(texts: Sequence[str]) -> list[list[ExtractedClaim]]:
    """Run the extractor over several texts in one spaCy batch (no database access)."""
    from claims.nlp.extract import extract_claims_many
    from claims.nlp.loader import get_nlp

    return list(extract_claims_many(texts, nlp=get_nlp(settings.SPACY_MODEL)))


@transaction.atomic
def claims_extract_for_article(*, article: Article) -> list[Claim]:
    """Parse the article and store its claims (see ``claims_store_extracted``)."""
    [extracted] = extract_from_texts([article.body])
    return claims_store_extracted(article=article, extracted=extracted)


@transaction.atomic
def claims_store_extracted(*, article: Article, extracted: Sequence[ExtractedClaim]) -> list[Claim]:
    """Replace the article's machine claims with ``extracted``, in one transaction.

    Claims a person verified, edited or rejected are kept as they are, and a new machine claim
    that overlaps one of them is dropped, so a re-run never brings back what a curator removed
    or duplicates what a curator fixed.
    """
    Article.objects.select_for_update().filter(pk=article.pk).first()  # one extraction per article at a time
    article.claims.filter(review_status=Claim.ReviewStatus.MACHINE).delete()
    human_spans = list(article.claims.values_list("content_start", "content_end"))
    claims = [
        _claim_row(article, item)
        for item in extracted
        if not any(item.content_start < end and start < item.content_end for start, end in human_spans)
    ]
    created = bulk_create_with_history(claims, Claim, batch_size=500)
    article.status = Article.Status.EXTRACTED
    article.extractor_version = EXTRACTOR_VERSION
    article.failure_reason = ""
    article.save(update_fields=["status", "extractor_version", "failure_reason", "updated_at"])
    return created


def _claim_row(article: Article, item: ExtractedClaim) -> Claim:
    ref = item.speaker
    return Claim(
        article=article,
        speaker=speaker_resolve(ref=ref) if ref else None,
        speaker_mention=(ref.mention if ref else "")[:300],
        speaker_start=ref.start if ref else None,
        speaker_end=ref.end if ref else None,
        cue=item.cue[:100],
        cue_lemma=item.cue_lemma[:100],
        cue_class=item.cue_class,
        claim_type=item.claim_type,
        content=item.content,
        content_start=item.content_start,
        content_end=item.content_end,
        sentence_start=item.sentence_start,
        sentence_end=item.sentence_end,
        polarity=item.polarity,
        claim_date=article.published_at.date() if article.published_at else None,
        confidence=item.confidence,
        extractor_version=EXTRACTOR_VERSION,
        terms=[t[:100] for t in item.terms],
        entities=[e[:200] for e in item.entities],
    )
