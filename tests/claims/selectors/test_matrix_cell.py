"""A matrix cell lists the strongest links of each type between two keys, with each type's total."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import PropositionMember, Relation
from claims.selectors import agreement_matrix, relations_between, relations_between_totals
from tests.factories import ClaimFactory, PropositionFactory, PropositionMemberFactory, RelationFactory, SpeakerFactory

pytestmark = pytest.mark.django_db
SUPPORTS, REFUTES = PropositionMember.Side.SUPPORTS, PropositionMember.Side.REFUTES


@pytest.fixture
def cell():
    """Three claims of a Kyiv speaker against two of a Minsk speaker in one dispute, one of those
    pairs a stored conflict (the only conflict: membership implies none); three stored agreements."""
    kyiv, minsk = SpeakerFactory(affiliation="Ukraine"), SpeakerFactory(affiliation="Belarus")
    dispute = PropositionFactory(label="Dam was shelled")
    said = [ClaimFactory(speaker=kyiv) for _ in range(3)]
    denied = [ClaimFactory(speaker=minsk, polarity="negated") for _ in range(2)]
    for claim in said:
        PropositionMemberFactory(proposition=dispute, claim=claim, side=SUPPORTS)
    for claim in denied:
        PropositionMemberFactory(proposition=dispute, claim=claim, side=REFUTES)
    backed = RelationFactory(claim_a=said[2], claim_b=denied[1], type=Relation.Type.CONFLICT, score=0.9)
    for score in (0.6, 0.7, 0.8):
        RelationFactory(
            claim_a=ClaimFactory(speaker=kyiv), claim_b=ClaimFactory(speaker=minsk), type="agree", score=score
        )
    return {"a": str(kyiv.pk), "b": str(minsk.pk), "backed": backed}


def test_a_busy_cell_shows_the_strongest_of_each_type_and_the_totals(cell):
    links = relations_between(by="speaker", a=cell["a"], b=cell["b"], limit=2)
    agree = [r for r in links if r.type == "agree"]
    conflict = [r for r in links if r.type == "conflict"]
    # Not the two strongest links of all (both agreements): two of each type.
    assert [r.score for r in agree] == [0.8, 0.7]
    assert [r.pk for r in conflict] == [cell["backed"].pk]
    totals = relations_between_totals(by="speaker", a=cell["a"], b=cell["b"], limit=2)
    assert totals == {"agree": 3, "conflict": 1}
    a, b = sorted([int(cell["a"]), int(cell["b"])])
    [pair] = [p for p in agreement_matrix(by="speaker", limit=10) if (p["a"], p["b"]) == (a, b)]
    assert (pair["agree"], pair["conflict"]) == (3, 1)  # the cell's totals are the matrix's numbers


def test_dispute_members_add_no_links_to_the_cell(cell):
    strongest = relations_between(by="speaker", a=cell["a"], b=cell["b"], limit=1)
    assert [(r.type, r.pk) for r in strongest] == [("agree", strongest[0].pk), ("conflict", cell["backed"].pk)]
    everything = relations_between(by="speaker", a=cell["a"], b=cell["b"], limit=10)
    assert all(r.pk is not None for r in everything)  # every link shown is a stored relation
    assert [r.pk for r in everything if r.type == "conflict"] == [cell["backed"].pk]
    by_affiliation = relations_between(by="affiliation", a="Belarus", b="Ukraine", limit=10)
    assert sorted((r.claim_a_id, r.claim_b_id) for r in by_affiliation) == sorted(
        (r.claim_a_id, r.claim_b_id) for r in everything
    )


def test_the_cell_page_says_how_many_there_are_and_how_many_it_shows(analyst_client, cell):
    response = analyst_client.get(reverse("claims:matrix_cell"), {"a": cell["a"], "b": cell["b"]})
    html = response.content.decode()
    assert response.context["totals"] == {"agree": 3, "conflict": 1}
    assert 'Conflicts <span class="count">1</span>' in html and 'Agreements <span class="count">3</span>' in html
    assert "strongest" not in html  # everything fits: no note that some are left out


def _relate(a, b, kind: str, score: float, **fields) -> Relation:
    return RelationFactory(
        claim_a=ClaimFactory(speaker=a), claim_b=ClaimFactory(speaker=b), type=kind, score=score, **fields
    )


@pytest.mark.parametrize(
    ("conflict_scores", "expected_conflicts"),
    [
        ((0.97, 0.96, 0.56), [0.97, 0.96]),
        ((0.58, 0.57, 0.56), [0.58, 0.57]),
    ],
)
def test_a_cell_with_many_relations_ranks_exactly_what_the_rules_decide(conflict_scores, expected_conflicts):
    """Many relations, and the strongest three are not all shown: two agreements between opposite
    sides of a dispute stay agreements (membership decides nothing), one a curator rejected goes."""
    rome, oslo = SpeakerFactory(affiliation="Italy"), SpeakerFactory(affiliation="Norway")
    for score in (0.99, 0.985):
        turned = _relate(rome, oslo, "agree", score)
        dispute = PropositionFactory(label=f"The bridge reopened ({score})")
        PropositionMemberFactory(proposition=dispute, claim=turned.claim_a, side=SUPPORTS)
        PropositionMemberFactory(proposition=dispute, claim=turned.claim_b, side=REFUTES)
    _relate(rome, oslo, "agree", 0.98, review_status=Relation.ReviewStatus.REJECTED)
    for score in (0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.62, 0.61):
        _relate(rome, oslo, "agree", score)
    for score in conflict_scores:
        _relate(oslo, rome, "conflict", score)
    for by, a, b in (("speaker", str(rome.pk), str(oslo.pk)), ("affiliation", "Norway", "Italy")):
        links = relations_between(by=by, a=a, b=b, limit=2)
        assert [r.score for r in links if r.type == "agree"] == [0.99, 0.985]
        assert [r.score for r in links if r.type == "conflict"] == expected_conflicts
        assert relations_between_totals(by=by, a=a, b=b, limit=2) == {"agree": 10, "conflict": 3}
