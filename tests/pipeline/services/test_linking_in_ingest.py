"""Linking runs inside ingestion: two real articles, real extraction, one dispute with two sides."""

from __future__ import annotations

import pytest

from articles.ingest.types import RawArticle
from articles.models import Article
from claims.models import PropositionMember, Relation
from pipeline.services import ingest_job_create, ingest_job_run

pytestmark = pytest.mark.django_db

MOSCOW_STORY = (
    "Moscow (Wire) — Russia's Defense Ministry said its jets destroyed 12 ISIS targets in Syria on Thursday.\n\n"
    "Kremlin spokesman Dmitry Peskov said the strikes hit ISIS command centres near Raqqa."
)
WASHINGTON_STORY = (
    "Washington (Wire) — U.S. defense officials said Russian jets did not strike ISIS targets in Syria.\n\n"
    "The officials said the strikes hit rebel groups instead."
)


def raw(text: str, name: str) -> RawArticle:
    return RawArticle(text=text, name=name, source_kind="text", source_file=name)


def test_ingesting_two_opposed_articles_links_their_claims_into_one_dispute():
    job = ingest_job_create(sources=[raw(MOSCOW_STORY, "moscow.txt"), raw(WASHINGTON_STORY, "washington.txt")])

    ingest_job_run(job=job)

    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.LINKED}
    conflicts = Relation.objects.filter(type=Relation.Type.CONFLICT).select_related("claim_a", "claim_b")
    assert any(r.claim_a.article_id != r.claim_b.article_id for r in conflicts)
    sides = {(m.claim.article.source_file, m.side) for m in PropositionMember.objects.select_related("claim__article")}
    assert ("moscow.txt", "supports") in sides
    assert ("washington.txt", "refutes") in sides
