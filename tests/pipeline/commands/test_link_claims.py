"""manage.py link_claims: a one-line summary, clear errors for bad input."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import Proposition
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def claim_of(body: str, content: str, **fields):
    article = ArticleFactory(body=body)
    start = body.index(content)
    return ClaimFactory(article=article, content_start=start, content_end=start + len(content), **fields)


def test_it_links_one_article_and_says_what_it_found():
    claim_of(
        "Officials insisted the jets hit ISIS targets near Raqqa.",
        "the jets hit ISIS targets near Raqqa",
        terms=["jet", "hit", "isis", "target", "raqqa"],
        entities=["ISIS", "Raqqa"],
    )
    denial = claim_of(
        "Monitors said the jets did not hit ISIS targets near Raqqa.",
        "the jets did not hit ISIS targets near Raqqa",
        terms=["jet", "hit", "isis", "target", "raqqa"],
        entities=["ISIS", "Raqqa"],
        polarity="negated",
    )

    summary = call_command("link_claims", article=denial.article_id)

    assert summary == "Linked 1 claims: 1 relations, 1 new disputes, 2 dispute memberships."
    assert Proposition.objects.count() == 1


def test_an_unknown_article_is_refused_clearly():
    with pytest.raises(CommandError, match="No article with id 987654"):
        call_command("link_claims", article=987654)
