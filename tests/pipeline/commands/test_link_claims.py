"""manage.py link_claims: a one-line summary, clear errors, and --all moving a database to linking
by meaning (claims embedded first) with every curator decision kept."""

from __future__ import annotations

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article
from claims.models import Claim, Origin, Proposition, PropositionMember, Relation
from claims.services.curation import claim_move_to_dispute, proposition_create, proposition_rename, relation_create
from claims.services.embedding import embed_contents
from tests.claim_texts import PARAPHRASE, TALKS, TALKS_AGAIN, TALKS_DENIED, embedded
from tests.factories import ArticleFactory, CuratorFactory, RelationFactory, SpeakerFactory, claim_at

pytestmark = pytest.mark.django_db


def said(content: str, polarity: str = "asserted") -> Claim:
    article = ArticleFactory(body=f"An official said that {content}.", status=Article.Status.LINKED)
    return claim_at(article, content, speaker=SpeakerFactory(), polarity=polarity)


def pair(a: Claim, b: Claim) -> dict:
    first, second = sorted([a, b], key=lambda c: c.pk)
    return {"claim_a": first, "claim_b": second}


def test_it_links_one_article_and_says_what_it_found():
    embedded(said(TALKS))  # stored by the nlp stage with its embedding
    denial = said(TALKS_DENIED, polarity="negated")

    summary = call_command("link_claims", article=denial.article_id)

    assert summary == "Embedded 0 claims. Linked 1 claims: 1 relations, 1 new disputes, 2 dispute memberships."
    assert Proposition.objects.count() == 1


def test_all_embeds_every_claim_and_keeps_every_curator_decision():
    curator = CuratorFactory()
    statement, denial, again = said(TALKS), said(TALKS_DENIED, polarity="negated"), said(TALKS_AGAIN)
    first, second = said(PARAPHRASE[0]), said(PARAPHRASE[1])
    # Decisions made before the move, on links the old method left behind.
    rejected = RelationFactory(**pair(statement, denial), type="conflict", review_status=Relation.ReviewStatus.REJECTED)
    curator_made = relation_create(claim_a=first, claim_b=again, type="agree", user=curator)
    old = Proposition.objects.create(label="talks · port · workers", origin=Origin.MACHINE)
    PropositionMember.objects.create(proposition=old, claim=first, side="supports")  # old machine membership
    own = proposition_create(label="A curator's dispute", user=curator)
    claim_move_to_dispute(claim=second, proposition=own, side="refutes", user=curator)
    proposition_rename(proposition=own, label="Library closing", user=curator)

    summary = call_command("link_claims", all=True)

    assert summary.startswith("Embedded 5 claims.")
    assert not Claim.objects.filter(embedding__isnull=True).exists()
    rejected.refresh_from_db()
    assert rejected.review_status == "rejected" and Relation.objects.filter(**pair(statement, denial)).count() == 1
    curator_made.refresh_from_db()
    assert (curator_made.type, curator_made.origin) == ("agree", Origin.CURATOR)
    moved = PropositionMember.objects.get(claim=second)
    assert (moved.proposition_id, moved.side, moved.origin) == (own.pk, "refutes", Origin.CURATOR)
    assert Proposition.objects.get(pk=own.pk).label == "Library closing"
    assert not Proposition.objects.filter(pk=old.pk).exists()  # the old keyword dispute held no curator decision
    assert Relation.objects.get(**pair(first, second)).type == Relation.Type.SAME_CLAIM  # found by the new method


def test_an_unknown_article_is_refused_clearly():
    with pytest.raises(CommandError, match="No article with id 987654"):
        call_command("link_claims", article=987654)


def test_reembed_gives_every_claim_the_running_encoders_vector_then_links():
    """After the encoder or its precision changed: stored vectors made by another encoder are
    replaced, missing ones filled, and linking runs on the new vectors."""
    statement, again = said(TALKS), said(TALKS_AGAIN)
    statement.embedding = embed_contents([PARAPHRASE[0]])[0]  # a vector some other encoder left
    statement.save(update_fields=["embedding"])

    summary = call_command("link_claims", all=True, reembed=True)

    assert summary.startswith("Embedded 2 claims.")
    expected = embed_contents([TALKS, TALKS_AGAIN])
    for claim, vector in zip((statement, again), expected, strict=True):
        claim.refresh_from_db()
        assert np.allclose(claim.embedding, vector, atol=1e-5)


def test_reembed_without_all_is_refused():
    claim = said(TALKS)

    with pytest.raises(CommandError, match="--reembed goes with --all"):
        call_command("link_claims", article=claim.article_id, reembed=True)
