"""The export format that ../shared/eval/score_claims.py reads, also used by `export_claims`."""

from __future__ import annotations

from collections.abc import Iterator

from articles.models import Article
from claims.models import Claim, Origin, Relation
from claims.selectors.links import links_for_export


def export_document() -> dict:
    """Every article, every claim not rejected by a curator, and every stored agree/conflict link."""
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
        "method": claim.method,
        "confidence": claim.confidence,
        "type": claim.claim_type,
        "content": claim.content,
        "content_start": claim.content_start,
        "content_end": claim.content_end,
        "polarity": claim.polarity,
        "position": claim.position,
        "claim_date": claim.claim_date.isoformat() if claim.claim_date else None,
        "review_status": claim.review_status,
        "extractor_version": claim.extractor_version,
    }


# The claims CSV, the same from the claims page's download and from the API's ?format=csv:
# fixed columns in a fixed order, whatever the rows hold (an empty result still has the header).
CLAIM_CSV_COLUMNS = [
    "id", "claim_date", "speaker", "speaker_mention", "affiliation", "cue", "cue_class", "type", "polarity",
    "review_status", "content", "article_id", "article_title", "outlet", "url",
]  # fmt: skip


def claim_csv_row(claim: Claim, *, site_url: str) -> dict[str, object]:
    """One claim as a CSV row keyed by ``CLAIM_CSV_COLUMNS``; needs ``speaker`` and ``article__outlet`` loaded.

    ``site_url`` is the scheme and host the claim page links are built on (no trailing slash).
    """
    speaker, article = claim.speaker, claim.article
    values = [
        claim.pk, claim.claim_date, speaker.name if speaker else "", claim.speaker_mention,
        speaker.affiliation if speaker else "", claim.cue, claim.cue_class, claim.claim_type, claim.polarity,
        claim.review_status, claim.content, article.pk, article.title, article.outlet.name if article.outlet else "",
        site_url + claim.get_absolute_url(),
    ]  # fmt: skip
    return dict(zip(CLAIM_CSV_COLUMNS, values, strict=True))


def _relations() -> Iterator[dict]:
    """The stored relations not rejected, each with its dispute (or None)."""
    return links_for_export()


# The columns ``manage.py train_relation_model --curated`` reads.
TRAINING_PAIR_COLUMNS = ("text_a", "text_b", "label", "group")


def training_pairs() -> Iterator[dict]:
    """Curator decisions as training pairs: a confirmed or curator-made relation gives its type, a
    rejected one "unrelated". ``group`` keeps pairs of one story together for grouped
    cross-validation: the dispute either claim is in, else the pair's first claim."""
    decided = (
        Relation.objects.exclude(origin=Origin.MACHINE, review_status=Relation.ReviewStatus.MACHINE)
        .select_related("claim_a__dispute_membership", "claim_b__dispute_membership")
        .only("type", "review_status", "claim_a__content", "claim_b__content", "claim_a__dispute_membership__proposition_id",
              "claim_b__dispute_membership__proposition_id")
        .order_by("id")
    )  # fmt: skip
    for relation in decided.iterator(chunk_size=2000):
        rejected = relation.review_status == Relation.ReviewStatus.REJECTED
        yield {
            "text_a": relation.claim_a.content,
            "text_b": relation.claim_b.content,
            "label": "unrelated" if rejected else relation.type,
            "group": _story_of(relation),
        }


def _story_of(relation: Relation) -> str:
    for claim in (relation.claim_a, relation.claim_b):
        member = getattr(claim, "dispute_membership", None)  # a missing reverse one-to-one raises AttributeError
        if member is not None:
            return f"dispute-{member.proposition_id}"
    return f"claim-{relation.claim_a_id}"
