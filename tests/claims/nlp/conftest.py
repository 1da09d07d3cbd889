"""Fixtures for the Django-free extraction library: no database, one parsed model per session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claims.nlp.extract import extract_claims
from claims.nlp.loader import get_nlp
from claims.nlp.types import ExtractedClaim


@pytest.fixture(scope="session")
def nlp() -> Language:
    # Overrides the project-wide fixture so these tests never touch Django settings.
    return get_nlp()


@pytest.fixture
def extract(nlp: Language):
    """``extract(text)`` → claims, with the offset invariant checked on every call."""

    def run(text: str) -> list[ExtractedClaim]:
        claims = extract_claims(text, nlp=nlp)
        for claim in claims:
            assert text[claim.content_start : claim.content_end] == claim.content
            if claim.speaker is not None:
                assert text[claim.speaker.start : claim.speaker.end] == claim.speaker.mention
        return claims

    return run
