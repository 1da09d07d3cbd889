"""Quote drift and misattribution: one quotation in two articles, credited to different speakers or
reworded beyond small edits (``QuoteFlag``).

Each direct claim's quoted words are indexed as 3-word shingle hashes (``ClaimQuote``, GIN); a
new article's quotations find their candidates by shingle overlap, and ``compare_quotes`` decides.
Flags are recomputed for an article's claims each time it is linked; a dismissed flag is kept as
it is (a curator's decision survives re-runs), an open flag that no longer holds is removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest
from django.utils import timezone

from articles.models import Article
from claims.models import Claim, ClaimQuote, QuoteFlag
from claims.nlp.quote_diff import (
    QuoteComparison,
    compare_quotes,
    names_may_be_one,
    quote_shingles,
    quote_tokens,
    quoted_parts,
)
from common.exceptions import ApplicationError

QUOTED_TYPES = (Claim.Type.DIRECT, Claim.Type.MIXED)


@dataclass
class QuoteFlagSummary:
    quotes: int = 0
    flags: int = 0


def _quoted_text(claim: Claim) -> str:
    return claim.content if claim.claim_type == Claim.Type.DIRECT else quoted_parts(claim.content)


def quotes_index_article(*, article: Article) -> list[ClaimQuote]:
    """Index the quoted words of the article's direct and mixed claims (again: old entries go)."""
    ClaimQuote.objects.filter(claim__article=article).delete()
    claims = article.claims.filter(claim_type__in=QUOTED_TYPES).exclude(review_status=Claim.ReviewStatus.REJECTED)
    rows = []
    for claim in claims:
        text = _quoted_text(claim)
        words = quote_tokens(text)
        if len(words) >= settings.CLAIMTRACK_QUOTE_MIN_WORDS:
            rows.append(ClaimQuote(claim=claim, text=text, shingles=quote_shingles([w.lower() for w in words])))
    return ClaimQuote.objects.bulk_create(rows)


@transaction.atomic
def quote_flags_for_article(*, article: Article) -> QuoteFlagSummary:
    """Index the article's quotations and flag each against the same quotation in other articles."""
    quotes = quotes_index_article(article=article)
    kept: set[int] = set()
    for quote in quotes:
        for other in _same_quotation_candidates(quote):
            kept.update(flag.pk for flag in _flag_pair(quote, other))
    involved = Q(claim_a__article=article) | Q(claim_b__article=article)
    QuoteFlag.objects.filter(involved, status=QuoteFlag.Status.OPEN).exclude(pk__in=kept).delete()
    return QuoteFlagSummary(quotes=len(quotes), flags=len(kept))


# How many 3-word runs two quotations share, over the rows the GIN index found: a common phrase
# ("we are going to") alone must not make every quotation using it a candidate.
_SHARED_RUNS = "cardinality(ARRAY(SELECT unnest(shingles) INTERSECT SELECT unnest(%s::bigint[])))"
_FEWER_RUNS = "least(cardinality(shingles), %s)"


def _same_quotation_candidates(quote: ClaimQuote) -> QuerySet[ClaimQuote]:
    """Quotations in other articles sharing enough runs of three words with this one (GIN lookup).

    Enough: ``CLAIMTRACK_QUOTE_MIN_SHARED_RUNS`` of the shorter quotation's runs (at least one).
    """
    share = settings.CLAIMTRACK_QUOTE_MIN_SHARED_RUNS
    return (
        ClaimQuote.objects.filter(shingles__overlap=quote.shingles)
        .exclude(claim__article_id=quote.claim.article_id)
        .alias(shared=RawSQL(_SHARED_RUNS, (quote.shingles,)), fewer=RawSQL(_FEWER_RUNS, (len(quote.shingles),)))
        .filter(shared__gte=Greatest(Value(1.0), F("fewer") * share))
        .select_related("claim__speaker", "claim__article")
    )


def _flag_pair(quote: ClaimQuote, other: ClaimQuote) -> list[QuoteFlag]:
    a, b = sorted((quote, other), key=lambda q: q.claim_id)
    if not _different_outlets(a.claim.article, b.claim.article):
        return []
    comparison = compare_quotes(quote_tokens(a.text), quote_tokens(b.text))
    if comparison.matched_share < settings.CLAIMTRACK_QUOTE_MIN_OVERLAP:
        return []  # a few shared words, but not one quotation
    kinds = []
    if _credited_to_different_speakers(a.claim, b.claim):
        kinds.append(QuoteFlag.Kind.MISATTRIBUTION)
    if comparison.changed_words > settings.CLAIMTRACK_QUOTE_SMALL_EDIT_WORDS:
        kinds.append(QuoteFlag.Kind.DRIFT)
    return [_flag_save(kind, a.claim, b.claim, comparison) for kind in kinds]


def _different_outlets(a: Article, b: Article) -> bool:
    # Articles of unknown outlet count as different outlets: nothing says they are one.
    return a.outlet_id is None or b.outlet_id is None or a.outlet_id != b.outlet_id


def _credited_to_different_speakers(a: Claim, b: Claim) -> bool:
    if a.speaker_id is None or b.speaker_id is None or a.speaker_id == b.speaker_id:
        return False  # an unattributed quotation is credited to no one, so to no one else either
    return not names_may_be_one(a.speaker.name, b.speaker.name)


def _flag_save(kind: str, a: Claim, b: Claim, comparison: QuoteComparison) -> QuoteFlag:
    fields = {
        "changed_words": comparison.changed_words,
        "summary": comparison.summary()[:500],
        "diff": [[op.tag, op.a, op.b] for op in comparison.ops],
    }
    flag, created = QuoteFlag.objects.get_or_create(kind=kind, claim_a=a, claim_b=b, defaults=fields)
    if not created and flag.status == QuoteFlag.Status.OPEN:
        for name, value in fields.items():
            setattr(flag, name, value)
        flag.save(update_fields=[*fields, "updated_at"])
    return flag


def quote_flags_all(*, articles: Iterable[Article]) -> QuoteFlagSummary:
    """Index every article's quotations, then flag each article's (``manage.py flag_quotes``).

    Indexing all first means each pair is met whichever article comes first; each article's
    flagging is its own transaction.
    """
    articles = list(articles)  # ids only, as the command passes them
    for article in articles:
        quotes_index_article(article=article)
    total = QuoteFlagSummary()
    for article in articles:
        done = quote_flags_for_article(article=article)
        total.quotes += done.quotes
    total.flags = QuoteFlag.objects.count()
    return total


@transaction.atomic
def quote_flag_dismiss(*, flag: QuoteFlag, user) -> QuoteFlag:
    """A curator's decision that the flag is no error; it stays dismissed when flags are recomputed."""
    locked = QuoteFlag.objects.select_for_update().get(pk=flag.pk)
    if locked.status == QuoteFlag.Status.DISMISSED:
        raise ApplicationError("The flag is dismissed already.")
    locked.status = QuoteFlag.Status.DISMISSED
    locked.dismissed_by = user
    locked.dismissed_at = timezone.now()
    locked.full_clean()
    locked.save(update_fields=["status", "dismissed_by", "dismissed_at", "updated_at"])
    return locked
