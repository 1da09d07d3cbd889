"""From article text to stored claims. Human decisions on earlier claims survive every re-run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from articles.models import Article
from claims.models import Claim, Origin, PropositionMember, Relation, Speaker
from claims.nlp.types import EXTRACTOR_VERSION, ExtractedClaim, SpeakerRef

from .speakers import speaker_resolve


def extract_from_texts(texts: Sequence[str]) -> list[list[ExtractedClaim]]:
    """Run the extractor over several texts in one spaCy batch (no database access)."""
    from claims.nlp.extract import extract_claims_many
    from claims.nlp.loader import get_nlp

    return list(extract_claims_many(texts, nlp=get_nlp(settings.SPACY_MODEL)))


@transaction.atomic
def claims_extract_for_article(*, article: Article) -> list[Claim]:
    """Parse the article and store its claims (see ``claims_store_extracted``)."""
    from .embedding import extracted_with_embeddings

    [extracted] = extracted_with_embeddings(extract_from_texts([article.body]))
    return claims_store_extracted(article=article, extracted=extracted)


@transaction.atomic
def claims_store_extracted(*, article: Article, extracted: Sequence[ExtractedClaim]) -> list[Claim]:
    """Bring the article's machine claims in line with ``extracted``, in one transaction.

    - A machine claim whose content span is extracted again keeps its id and is updated in
      place, so relations, dispute memberships and alerts made on it survive a re-run. So does
      one whose content the new extractor merely widens or narrows: a new claim of the same
      speaker overlapping a vanished one takes its place (the largest overlap first).
    - Claims a person verified, edited or rejected are never touched, and a new claim that
      overlaps one of them is dropped: a re-run never brings back what a curator removed or
      duplicates what a curator fixed.
    - A machine claim that is no longer extracted is deleted, unless a curator decision points
      at it (a confirmed, rejected or curator-made relation, or a curator dispute membership):
      then it stays as it was, with its old ``extractor_version`` showing it is no longer found.

    Returns the claims this run found (updated and new), in text order.
    """
    Article.objects.select_for_update().filter(pk=article.pk).first()  # one extraction per article at a time
    existing = list(article.claims.all())
    human_spans = [(c.content_start, c.content_end) for c in existing if c.is_human_reviewed]
    machine_by_span = {(c.content_start, c.content_end): c for c in existing if not c.is_human_reviewed}
    speakers: dict[SpeakerRef, Speaker] = {}  # one resolution per speaker per article, not per claim
    updated: list[Claim] = []
    unchanged: list[Claim] = []
    new: list[Claim] = []
    for item in extracted:
        if any(item.content_start < end and start < item.content_end for start, end in human_spans):
            continue
        row = _claim_row(article, item, speakers)
        old = machine_by_span.pop((item.content_start, item.content_end), None)
        if old is None:
            new.append(row)
        elif _copy_extracted_fields(row, old):
            updated.append(old)
        else:
            unchanged.append(old)
    for row, old in _moved_extents(new, list(machine_by_span.values())):
        new.remove(row)
        del machine_by_span[(old.content_start, old.content_end)]
        old.content_start, old.content_end = row.content_start, row.content_end
        _copy_extracted_fields(row, old)
        updated.append(old)
    _claims_delete_vanished(list(machine_by_span.values()))
    bulk_update_with_history(
        updated, Claim, [*REFRESHED_FIELDS, *SPAN_FIELDS, "embedding", "updated_at"], batch_size=500
    )
    created = bulk_create_with_history(new, Claim, batch_size=500)
    article.status = Article.Status.EXTRACTED
    article.extractor_version = EXTRACTOR_VERSION
    article.failure_reason = ""
    article.save(update_fields=["status", "extractor_version", "failure_reason", "updated_at"])
    return sorted([*updated, *unchanged, *created], key=lambda c: (c.content_start, c.content_end))


# What a re-run refreshes on a machine claim it finds again (everything the extractor decides).
REFRESHED_FIELDS = [
    "speaker",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_lemma",
    "cue_class",
    "claim_type",
    "content",
    "sentence_start",
    "sentence_end",
    "polarity",
    "claim_date",
    "confidence",
    "method",
    "extractor_version",
    "entities",
    "states_clause",
    "names_thing",
]


# Where the content stands: matched on, so refreshed only for a claim whose extent moved.
SPAN_FIELDS = ["content_start", "content_end"]


def _moved_extents(new: Sequence[Claim], vanished: Sequence[Claim]) -> list[tuple[Claim, Claim]]:
    """Pairs (new claim, vanished claim) of one speaker whose content spans overlap, each claim in
    one pair at most, the largest overlaps first: the same claim with a wider or narrower extent."""
    candidates = sorted(
        (
            (min(row.content_end, old.content_end) - max(row.content_start, old.content_start), i, j)
            for i, row in enumerate(new)
            for j, old in enumerate(vanished)
            if row.speaker_id == old.speaker_id
            and row.content_start < old.content_end
            and old.content_start < row.content_end
        ),
        reverse=True,
    )
    taken_new: set[int] = set()
    taken_old: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in taken_new and j not in taken_old:
            taken_new.add(i)
            taken_old.add(j)
            pairs.append((new[i], vanished[j]))
    return pairs


def _copy_extracted_fields(source: Claim, target: Claim) -> bool:
    """Copy what the extractor decided from ``source`` onto ``target``; True if anything changed."""
    changed = False
    for name in REFRESHED_FIELDS:
        attname = Claim._meta.get_field(name).attname  # compare speaker ids, not speaker rows
        if getattr(target, attname) != getattr(source, attname):
            setattr(target, attname, getattr(source, attname))
            changed = True
    # The vector follows the content: a new one when the text changed or there was none.
    if source.embedding is not None and (changed or target.embedding is None):
        target.embedding = source.embedding
        changed = True
    if changed:
        target.updated_at = timezone.now()
    return changed


def _claims_delete_vanished(claims: Sequence[Claim]) -> None:
    """Delete machine claims the extractor no longer finds, keeping those curators built on."""
    ids = [c.pk for c in claims]
    if not ids:
        return
    referenced = set(
        PropositionMember.objects.filter(claim_id__in=ids, origin=Origin.CURATOR).values_list("claim_id", flat=True)
    )
    curator_relations = Relation.objects.filter(
        Q(origin=Origin.CURATOR) | ~Q(review_status=Relation.ReviewStatus.MACHINE)
    )
    for a_id, b_id in curator_relations.filter(Q(claim_a_id__in=ids) | Q(claim_b_id__in=ids)).values_list(
        "claim_a_id", "claim_b_id"
    ):
        referenced.update({a_id, b_id})
    # A queryset delete still sends post_delete per row: each deletion lands in the claim history.
    Claim.objects.filter(pk__in=set(ids) - referenced).delete()


def _claim_row(article: Article, item: ExtractedClaim, speakers: dict[SpeakerRef, Speaker]) -> Claim:
    ref = item.speaker
    # The same speaker mentioned the same way resolves the same: offsets don't matter here.
    key = replace(ref, start=0, end=0) if ref else None
    if key is not None and key not in speakers:
        speakers[key] = speaker_resolve(ref=ref)
    return Claim(
        article=article,
        speaker=speakers[key] if key else None,
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
        method=item.method,
        extractor_version=EXTRACTOR_VERSION,
        entities=[e[:200] for e in item.entities],
        states_clause=item.states_clause,
        names_thing=item.names_thing,
        embedding=item.embedding,
    )
