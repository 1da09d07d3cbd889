"""Linking runs inside ingestion: two real articles, real extraction and embedding, the relation
model; a conflict between them founds one dispute with two sides."""

from __future__ import annotations

import pytest

from articles.ingest.types import RawArticle
from articles.models import Article
from claims.models import Claim, PropositionMember, Relation
from pipeline.services import ingest_job_create, ingest_job_run
from tests.claim_texts import TALKS, TALKS_DENIED

pytestmark = pytest.mark.django_db

UNION_STORY = (
    f"Harbour City (Wire) - Union leader Dana Roth said {TALKS[0].lower()}{TALKS[1:]}.\n\n"
    "Roth said the workers would stay away from the docks next week."
)
PORT_STORY = (
    f"Harbour City (Wire) - Port director Sam Hale said {TALKS_DENIED[0].lower()}{TALKS_DENIED[1:]}.\n\n"
    "Hale said both sides would meet again on Monday."
)


def raw(text: str, name: str) -> RawArticle:
    return RawArticle(text=text, name=name, source_kind="text", source_file=name)


def test_ingesting_two_opposed_articles_links_their_claims_into_one_dispute():
    job = ingest_job_create(sources=[raw(UNION_STORY, "union.txt"), raw(PORT_STORY, "port.txt")])

    ingest_job_run(job=job)

    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.LINKED}
    assert not Claim.objects.filter(embedding__isnull=True).exists()  # embedded in the nlp stage
    conflicts = Relation.objects.filter(type=Relation.Type.CONFLICT).select_related("claim_a", "claim_b")
    assert any(r.claim_a.article_id != r.claim_b.article_id for r in conflicts)
    sides = {(m.claim.article.source_file, m.side) for m in PropositionMember.objects.select_related("claim__article")}
    assert {("union.txt", "supports"), ("port.txt", "refutes")} <= sides
