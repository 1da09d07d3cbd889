"""Embeddings: computed in the nlp stage with the claims, and again when a curator edits a claim's words."""

from __future__ import annotations

import numpy as np
import pytest

from claims.models import Claim
from claims.services.curation import claim_edit
from claims.services.embedding import EMBED_CHARS, embed_contents, embedding_text
from pipeline.services import extract_texts
from tests.claim_texts import TALKS, TALKS_DENIED
from tests.factories import ArticleFactory, CuratorFactory, claim_at


def test_the_nlp_stage_returns_each_claim_with_its_embedding_in_one_batch():
    texts = [f'"{TALKS}," the union leader said.', f"The port director said {TALKS_DENIED}."]

    found = extract_texts(texts)

    claims = [claim for result in found for claim in result]
    assert len(claims) >= 2 and all(c.embedding is not None and c.embedding.shape == (384,) for c in claims)
    assert all(abs(float(np.linalg.norm(c.embedding)) - 1) < 1e-4 for c in claims)


def test_a_long_claim_is_embedded_from_its_first_words():
    text = embedding_text("word " * 400)
    assert len(text) <= EMBED_CHARS and not text.endswith(" ")


@pytest.mark.django_db
def test_an_edit_of_a_claims_words_embeds_it_again(django_capture_on_commit_callbacks):
    article = ArticleFactory(body=f"The union leader said that {TALKS}.")
    claim = claim_at(article, TALKS)
    Claim.objects.filter(pk=claim.pk).update(embedding=embed_contents([TALKS])[0])
    claim.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        claim_edit(claim=claim, user=CuratorFactory(), changes={"content": TALKS_DENIED})

    claim.refresh_from_db()
    assert np.allclose(claim.embedding, embed_contents([TALKS_DENIED])[0], atol=1e-5)


@pytest.mark.django_db
def test_an_edit_that_keeps_the_words_keeps_the_embedding(django_capture_on_commit_callbacks):
    article = ArticleFactory(body=f"The union leader said that {TALKS}.")
    claim = claim_at(article, TALKS)
    vector = embed_contents([TALKS])[0]
    Claim.objects.filter(pk=claim.pk).update(embedding=vector)
    claim.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        claim_edit(claim=claim, user=CuratorFactory(), changes={"cue_class": "hedge"})

    claim.refresh_from_db()
    assert claim.embedding is not None and np.allclose(claim.embedding, vector)
