"""Claims' sentence embeddings: computed in batches in the worker (nlp stage), stored in ``Claim.embedding``.

Only the claim's content is embedded, trimmed to ``EMBED_CHARS``: the encoder's time grows with the
text's length, and the first words of a claim say what it is about. The encoder itself
(``claims.nlp.meaning``) is loaded once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from django.conf import settings
from django.db import transaction

from claims.models import Claim
from claims.nlp.types import ExtractedClaim

# About 50 words: a claim's statement; the rest of a long quote adds cost more than meaning.
# Claims are short (871 claims of 60 PolNeAR training articles: median 18 word pieces, 95% under
# 56, none over 76 at this cap), so a tighter cap saves little: at 40 words 7% of the vectors
# change (mean cosine 0.997, lowest 0.81) for no saving above the machine's noise.
EMBED_CHARS = 300


def embedding_text(content: str) -> str:
    """The text embedded for a claim: its content, trimmed at a word boundary."""
    text = " ".join(content.split())
    if len(text) <= EMBED_CHARS:
        return text
    return text[:EMBED_CHARS].rsplit(" ", 1)[0]


def embed_contents(contents: Sequence[str]) -> np.ndarray:
    """Unit vectors for claim contents, in one encoder call (the encoder sorts them by length)."""
    from claims.nlp.meaning import embed_texts

    return embed_texts([embedding_text(c) for c in contents], model_name=settings.EMBEDDING_MODEL)


def extracted_with_embeddings(batches: Sequence[Sequence[ExtractedClaim] | Exception]) -> list:
    """Each text's extracted claims with their embeddings, every claim of every text in one batch.

    Items that are exceptions (a text that failed) pass through unchanged.
    """
    contents = [item.content for found in batches if not isinstance(found, Exception) for item in found]
    vectors = iter(embed_contents(contents))
    return [
        found if isinstance(found, Exception) else [replace(item, embedding=next(vectors)) for item in found]
        for found in batches
    ]


def claims_embed_missing(*, claims: Sequence[Claim]) -> int:
    """Embed and store the claims that have no embedding yet (in place); returns how many."""
    missing = [c for c in claims if c.embedding is None]
    _vectors_store(missing)
    return len(missing)


def _vectors_store(claims: Sequence[Claim]) -> None:
    """Embed the claims' current contents in one encoder call and store the vectors (in place)."""
    if not claims:
        return
    for claim, vector in zip(claims, embed_contents([c.content for c in claims]), strict=True):
        claim.embedding = vector
    # A plain update: the history leaves the vector out, and nothing else changed.
    Claim.objects.bulk_update(claims, ["embedding"], batch_size=500)


@transaction.atomic
def claim_embed(*, claim_id: int) -> None:
    """Embed one claim's current content again (after a curator edit), under its row lock."""
    claim = Claim.objects.select_for_update().filter(pk=claim_id).only("id", "content").first()
    if claim is None:
        return
    [vector] = embed_contents([claim.content])
    Claim.objects.filter(pk=claim_id).update(embedding=vector)


def claims_embed_all_missing(*, batch_size: int = 256) -> int:
    """Embed every stored claim that has no embedding (an existing database moving to linking by
    meaning), a batch per transaction so that work done survives an interruption."""
    done = 0
    while True:
        with transaction.atomic():
            batch = list(Claim.objects.filter(embedding__isnull=True).order_by("id").only("id", "content")[:batch_size])
            if not batch:
                return done
            done += claims_embed_missing(claims=batch)


def claims_embed_all_again(*, batch_size: int = 256) -> int:
    """Embed every stored claim again with the encoder this process runs (after the model or its
    precision changed: ``CLAIMTRACK_EMBED_PRECISION``), so that old and new claims are compared in
    one space. A batch per transaction, in id order, each batch's rows locked while their vectors
    are made, so a curator's edit meanwhile is not overwritten with the old content's vector;
    returns how many."""
    done, after = 0, 0
    while True:
        with transaction.atomic():
            batch = list(
                Claim.objects.select_for_update()
                .filter(pk__gt=after)
                .order_by("id")
                .only("id", "content")[:batch_size]
            )
            if not batch:
                return done
            _vectors_store(batch)
        done, after = done + len(batch), batch[-1].pk
