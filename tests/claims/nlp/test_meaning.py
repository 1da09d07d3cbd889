"""The sentence encoder: unit float32 vectors, bfloat16 products where the CPU has them, same meaning."""

from __future__ import annotations

import numpy as np
import pytest

from claims.nlp import meaning
from tests.claim_texts import PARAPHRASE, TALKS, TALKS_AGAIN, TALKS_DENIED

TEXTS = [TALKS, TALKS_DENIED, TALKS_AGAIN, *PARAPHRASE, "Yes."]


@pytest.fixture
def precision(monkeypatch):
    """``precision(name)`` sets CLAIMTRACK_EMBED_PRECISION for the rest of the test."""

    def choose(name: str) -> None:
        monkeypatch.setenv("CLAIMTRACK_EMBED_PRECISION", name)
        meaning.use_bfloat16.cache_clear()

    yield choose
    meaning.use_bfloat16.cache_clear()


def test_bfloat16_vectors_keep_the_float32_meaning(precision):
    precision("fp32")
    full = meaning.embed_texts(TEXTS)
    precision("bf16")
    half = meaning.embed_texts(TEXTS)

    assert half.dtype == np.float32 and half.shape == (len(TEXTS), meaning.DIMENSIONS)
    assert np.allclose(np.linalg.norm(half, axis=1), 1, atol=1e-5)
    assert (half * full).sum(axis=1).min() >= 0.999


def test_an_unknown_precision_fails_loudly(precision):
    precision("half")

    with pytest.raises(ValueError, match="CLAIMTRACK_EMBED_PRECISION"):
        meaning.embed_texts([TALKS])
