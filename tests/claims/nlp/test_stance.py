"""The keyword baseline for headline stance: a refuting word, then a reporting word or '?', else for."""

from __future__ import annotations

import pytest

from claims.nlp.stance import keyword_stance


@pytest.mark.parametrize(
    "headline, expected",
    [
        ("Subway cat is a hoax", "against"),
        ("The mayor did not resign", "against"),
        ("The mayor may resign, paper says", "observing"),
        ("Will the mayor resign?", "observing"),
        ("The mayor resigns", "for"),
    ],
)
def test_the_keyword_baseline(headline, expected):
    assert keyword_stance(headline) == expected
