"""API test fixtures: a small, known world of claims (the clients per role are in tests/conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from claims.models import Claim, Proposition, PropositionMember, Relation, Speaker
from claims.services.roles import roles_ensure
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    OutletFactory,
    PropositionFactory,
    PropositionMemberFactory,
    RelationFactory,
    SpeakerFactory,
)


@pytest.fixture(autouse=True)
def _roles_have_their_permissions(db) -> None:
    """Transactional tests (browser, worker) end with a flush that empties the role groups."""
    roles_ensure()


@dataclass
class World:
    """Two outlets, three speakers, six claims, agree/conflict links and one dispute."""

    putin: Speaker
    kirby: Speaker
    otto: Speaker
    claims: dict[str, Claim]
    agree: Relation
    conflict: Relation
    rejected: Relation
    dispute: Proposition


def _claim(article, speaker, content: str, **fields) -> Claim:
    start = article.body.index(content)
    return ClaimFactory(
        article=article, speaker=speaker, content=content, content_start=start, content_end=start + len(content),
        sentence_start=start, sentence_end=start + len(content), **fields,
    )  # fmt: skip


@pytest.fixture
def world(db) -> World:
    cnn, hill = OutletFactory(name="CNN"), OutletFactory(name="The Hill")
    putin = SpeakerFactory(name="Vladimir Putin", affiliation="Russia", role="President")
    kirby = SpeakerFactory(name="John Kirby", affiliation="United States", role="State Department spokesman")
    otto = SpeakerFactory(name="Robert Otto", affiliation="", kind=Speaker.Kind.PERSON)
    first = ArticleFactory(
        outlet=cnn, title="Strikes in Syria", published_at=datetime(2015, 9, 30, 12, tzinfo=UTC),
        body="Russian jets struck ISIS targets near Homs. The strikes avoided civilian areas entirely. "
        "No ISIS positions were hit by the Russian strikes. Moscow will keep supporting the Syrian army.",
    )  # fmt: skip
    second = ArticleFactory(
        outlet=hill, title="Washington doubts Moscow", published_at=datetime(2015, 10, 1, 9, tzinfo=UTC),
        body="Russian jets struck ISIS targets again on Thursday. Civilians died in the strikes on Talbiseh. "
        "Analysts expect more airstrikes over the weekend.",
    )  # fmt: skip
    claims = {
        "struck": _claim(first, putin, "Russian jets struck ISIS targets near Homs.", claim_type=Claim.Type.DIRECT, claim_date=date(2015, 9, 30)),
        "avoided": _claim(first, putin, "The strikes avoided civilian areas entirely.", cue_class=Claim.CueClass.ASSERT, claim_date=date(2015, 9, 30)),
        "no_isis": _claim(first, kirby, "No ISIS positions were hit by the Russian strikes.", polarity=Claim.Polarity.NEGATED, cue_class=Claim.CueClass.DENY, claim_date=date(2015, 9, 30)),
        "support": _claim(first, putin, "Moscow will keep supporting the Syrian army.", review_status=Claim.ReviewStatus.VERIFIED, claim_date=date(2015, 9, 30)),
        "again": _claim(second, otto, "Russian jets struck ISIS targets again on Thursday.", claim_type=Claim.Type.ACCORDING_TO, claim_date=date(2015, 10, 1)),
        "civilians": _claim(second, kirby, "Civilians died in the strikes on Talbiseh.", cue_class=Claim.CueClass.REPORT, claim_date=None),
    }  # fmt: skip
    agree = RelationFactory(claim_a=claims["struck"], claim_b=claims["again"], type=Relation.Type.AGREE, score=0.9)
    conflict = RelationFactory(claim_a=claims["struck"], claim_b=claims["no_isis"], type=Relation.Type.CONFLICT, score=0.8)
    rejected = RelationFactory(
        claim_a=claims["avoided"], claim_b=claims["civilians"], type=Relation.Type.CONFLICT, score=0.7,
        review_status=Relation.ReviewStatus.REJECTED,
    )  # fmt: skip
    dispute = PropositionFactory(label="Russian strikes hit ISIS targets")
    for key, side in (("struck", "supports"), ("again", "supports"), ("no_isis", "refutes")):
        PropositionMemberFactory(proposition=dispute, claim=claims[key], side=side)
    return World(putin, kirby, otto, claims, agree, conflict, rejected, dispute)


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


@pytest.fixture
def many_claims(db) -> list[Claim]:
    """Thirty claims over ten speakers, five articles and three disputes: enough for two page sizes."""
    speakers = [SpeakerFactory(affiliation=f"Country {n % 3}") for n in range(10)]
    articles = [ArticleFactory() for _ in range(5)]
    disputes = [PropositionFactory() for _ in range(3)]
    claims = [
        ClaimFactory(article=articles[n % 5], speaker=speakers[n % 10], content=f"Officials said round {n} of talks failed.")
        for n in range(30)
    ]
    for n, claim in enumerate(claims[:12]):
        PropositionMember.objects.create(proposition=disputes[n % 3], claim=claim, side=("supports", "refutes")[n % 2])
    # The first claim is linked to every other one: a hub with many agreeing and conflicting claims.
    for n, other in enumerate(claims[1:]):
        RelationFactory(claim_a=claims[0], claim_b=other, type=(Relation.Type.AGREE, Relation.Type.CONFLICT)[n % 2])
    return claims
