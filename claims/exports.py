"""The export format that ../shared/eval/score_claims.py reads, also used by `export_claims`."""

from __future__ import annotations

from collections.abc import Iterator

from articles.models import Article
from claims.models import Claim
from claims.selectors.links import links_for_export


def export_document() -> dict:
    """Every article, every claim not rejected by a curator, and every agree/conflict link (stored or implied)."""
    return {"articles": list(_articles()), "claims": list(_claims()), "relations": list(_relations())}


def _articles() -> Iterator[dict]:
    for article in Article.objects.select_related("outlet").order_by("id"):
        yield {
            "id": article.pk,
            "source_file": article.source_file,
            "title": article.title,
            "url": article.url,
            "outlet": article.outlet.name if article.outlet else None,
            "published": article.published_at.isoformat() if article.published_at else None,
            "copy_of": article.copy_of_id,  # the original this article republishes, or None
        }


def _claims() -> Iterator[dict]:
    claims = (
        Claim.objects.exclude(review_status=Claim.ReviewStatus.REJECTED)
        .select_related("speaker")
        .prefetch_related("speaker__aliases")
        .order_by("article_id", "content_start")
    )
    for claim in claims:
        yield claim_export_record(claim)


def claim_export_record(claim: Claim) -> dict:
    speaker = claim.speaker
    return {
        "id": claim.pk,
        "article_id": claim.article_id,
        "speaker": None
        if speaker is None
        else {
            "id": speaker.pk,
            "name": speaker.name,
            "kind": speaker.kind,
            "role": speaker.role,
            "affiliation": speaker.affiliation,
            "aliases": [alias.name for alias in speaker.aliases.all()],
        },
        "speaker_mention": claim.speaker_mention,
        "cue": claim.cue,
        "cue_class": claim.cue_class,
        "type": claim.claim_type,
        "content": claim.content,
        "content_start": claim.content_start,
        "content_end": claim.content_end,
        "polarity": claim.polarity,
        "claim_date": claim.claim_date.isoformat() if claim.claim_date else None,
        "review_status": claim.review_status,
        "extractor_version": claim.extractor_version,
    }


def _relations() -> Iterator[dict]:
    """Stored relations and the agree/conflict pairs disputes imply (linking stores only the former)."""
    return links_for_export()
