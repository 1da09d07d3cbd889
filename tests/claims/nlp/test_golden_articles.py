"""Golden articles: fixtures/articles/nlp_*.txt against fixtures/expected/nlp_*.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"
CASES = sorted((FIXTURES / "expected").glob("nlp_*.json"))


@pytest.mark.parametrize("expected_path", CASES, ids=[p.stem for p in CASES])
def test_it_finds_exactly_the_expected_claims(extract, expected_path):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    text = (FIXTURES / "articles" / expected["article"]).read_text(encoding="utf-8")
    claims = extract(text)
    assert len(claims) == len(expected["claims"]), [c.content for c in claims]
    for claim, want in zip(claims, expected["claims"], strict=True):
        assert want["contains"] in claim.content
        assert claim.speaker is not None and claim.speaker.name == want["speaker"]
        assert claim.claim_type == want["type"]
        if want["polarity"] is not None:
            assert claim.polarity == want["polarity"]
