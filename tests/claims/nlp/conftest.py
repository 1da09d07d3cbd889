"""Fixtures for the Django-free extraction library: no database, one parsed model per session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claims.nlp.attribution.tagger import get_tagger
from claims.nlp.extract import extract_claims
from claims.nlp.loader import get_nlp
from claims.nlp.types import CONTENT_JOINER, ExtractedClaim


@pytest.fixture(scope="session")
def nlp() -> Language:
    # Overrides the project-wide fixture so these tests never touch Django settings.
    return get_nlp()


@pytest.fixture(scope="session")
def tagger() -> Language:
    model = get_tagger()
    assert model is not None, "the shipped model is missing from claims/nlp/attribution/model"
    return model


@pytest.fixture
def extract(nlp: Language):
    """``extract(text)`` → claims, with the offset invariant checked on every call."""

    def run(text: str) -> list[ExtractedClaim]:
        claims = extract_claims(text, nlp=nlp)
        for claim in claims:
            assert _stands_in(text[claim.content_start : claim.content_end], claim.content)
            if claim.speaker is not None:
                assert text[claim.speaker.start : claim.speaker.end] == claim.speaker.mention
        return claims

    return run


def _stands_in(run: str, content: str) -> bool:
    """The content is its run of text, or a split quote's parts: the run opens with the first
    part, closes with the last, and holds the others in order between them."""
    if run == content:
        return True
    parts = content.split(CONTENT_JOINER)
    if len(parts) < 2 or not run.startswith(parts[0]) or not run.endswith(parts[-1]):
        return False
    at = len(parts[0])
    for part in parts[1:]:
        at = run.find(part, at)
        if at == -1:
            return False
        at += len(part)
    return True
