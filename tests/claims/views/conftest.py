"""Helpers for page tests: query counts, and a small linked data set built from factories."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Claim, PropositionMember, Relation
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    OutletFactory,
    PropositionFactory,
    PropositionMemberFactory,
    RelationFactory,
    SpeakerFactory,
)


@pytest.fixture
def queries_for():
    """``queries_for(client, url)`` → (response, number of queries) for one GET."""

    def run(client, url, **extra):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, **extra)
        assert response.status_code == 200, response.content[:500]
        return response, len(captured)

    return run


def make_story(size: int) -> dict:
    """``size`` articles, each with one claim by each of two speakers, linked and in one dispute."""
    outlet_a, outlet_b = OutletFactory(name="Outlet A"), OutletFactory(name="Outlet B")
    russia = SpeakerFactory(name="Ivan Petrov", affiliation="Russia")
    usa = SpeakerFactory(name="John Warren", affiliation="United States")
    dispute = PropositionFactory(label="Russian strikes hit ISIS targets")
    claims = []
    for index in range(size):
        body = f"Moscow report {index}. Petrov said that strikes hit ISIS targets. Warren denied that strikes hit ISIS."
        article = ArticleFactory(outlet=outlet_a if index % 2 else outlet_b, body=body)
        yes = _claim(article, russia, "said", "strikes hit ISIS targets", Claim.Polarity.ASSERTED)
        no = _claim(article, usa, "denied", "strikes hit ISIS", Claim.Polarity.NEGATED)
        RelationFactory(
            claim_a=yes, claim_b=no, type=Relation.Type.CONFLICT, explanation="same terms, opposite polarity"
        )
        PropositionMemberFactory(proposition=dispute, claim=yes, side=PropositionMember.Side.SUPPORTS)
        PropositionMemberFactory(proposition=dispute, claim=no, side=PropositionMember.Side.REFUTES)
        claims += [yes, no]
    for first, second in zip(claims[::2], claims[2::2], strict=False):
        RelationFactory(claim_a=first, claim_b=second, type=Relation.Type.AGREE, explanation="same content")
    return {"claims": claims, "russia": russia, "usa": usa, "dispute": dispute, "article": claims[0].article}


def _claim(article, speaker, cue, content, polarity) -> Claim:
    body = article.body
    sentence_start = body.index(speaker.name.split()[-1])
    content_start = body.index(content, sentence_start)
    return ClaimFactory(
        article=article,
        speaker=speaker,
        speaker_mention=speaker.name.split()[-1],
        speaker_start=sentence_start,
        speaker_end=sentence_start + len(speaker.name.split()[-1]),
        cue=cue,
        cue_class=Claim.CueClass.DENY if cue == "denied" else Claim.CueClass.ASSERT,
        content=content,
        content_start=content_start,
        content_end=content_start + len(content),
        sentence_start=sentence_start,
        sentence_end=body.index(".", content_start) + 1,
        polarity=polarity,
        claim_date=article.published_at.date(),
    )
