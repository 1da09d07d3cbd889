"""Headline stance towards a claim, on headlines of our own, with the real spaCy model (no database)."""

from __future__ import annotations

import pytest

from claims.nlp.stance import stances_for_pairs

CAT = "A cat rode the subway alone every day"
BORN = "The singer was born in Ohio"
MAYOR = "The mayor will resign"


@pytest.mark.parametrize(
    "claim, headline, expected",
    [
        (CAT, "Subway cat is no hoax", "for"),
        (CAT, "Cat that rides the subway alone is a hoax", "against"),
        (CAT, "Curious commuter? Cat rides the subway alone every day", "for"),  # a teaser question, then a statement
        (CAT, "Cat rides the subway alone every day: local paper", "observing"),
        (CAT, "Analyst media sees subway cat as a marketing stunt", "observing"),
        (BORN, "The singer was born in Ohio but did not tell her fans", "for"),
        (BORN, "The singer was not born in Ohio", "against"),
        (MAYOR, "The mayor may or may not resign", "observing"),
        (MAYOR, "City hall refuses to confirm the mayor will resign", "observing"),
        (MAYOR, "Mayor kills rumours that he will resign", "against"),
        (MAYOR, "The mayor will resign in March, not June", "for"),
    ],
)
def test_headline_stance(nlp, claim, headline, expected):
    assert stances_for_pairs([(claim, headline)], nlp=nlp) == [expected]
