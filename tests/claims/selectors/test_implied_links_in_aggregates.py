"""The matrix, a speaker's counterparts, the home counts and a matrix cell count the links disputes imply.

They must agree with ``claims.selectors.links`` (the claim page, the export): opposite sides
conflict, one side agrees, and a curator's relation overrides the sides (a rejected one removes the pair).
"""

from __future__ import annotations

import pytest

from claims.models import Origin, Relation
from claims.selectors import agreement_matrix, home_counts, relations_between, speaker_counterparts
from claims.selectors.links import links_for_export
from tests.factories import (
    ClaimFactory,
    PropositionFactory,
    PropositionMemberFactory,
    RelationFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dispute():
    """One claim by each of two speakers, on opposite sides of one dispute, and no stored relation."""
    yes_speaker, no_speaker = SpeakerFactory(affiliation="Russia"), SpeakerFactory(affiliation="United States")
    yes, no = ClaimFactory(speaker=yes_speaker), ClaimFactory(speaker=no_speaker)
    proposition = PropositionFactory(label="Strikes hit ISIS")
    PropositionMemberFactory(proposition=proposition, claim=yes, side="supports")
    PropositionMemberFactory(proposition=proposition, claim=no, side="refutes")
    return yes, no


def cells(by: str = "speaker") -> dict:
    return {(p["a"], p["b"]): (p["agree"], p["conflict"]) for p in agreement_matrix(by=by, limit=50)}


def pair(a, b) -> tuple:
    return (min(a, b), max(a, b))


def test_opposite_sides_of_a_dispute_are_a_conflict_in_the_matrix(dispute):
    yes, no = dispute
    assert cells() == {pair(yes.speaker_id, no.speaker_id): (0, 1)}
    assert cells("affiliation") == {("Russia", "United States"): (0, 1)}


def test_opposite_sides_of_a_dispute_are_a_conflict_among_counterparts(dispute):
    yes, no = dispute
    assert speaker_counterparts(speaker=yes.speaker) == [{"speaker": no.speaker, "agree": 0, "conflict": 1}]
    assert speaker_counterparts(speaker=no.speaker) == [{"speaker": yes.speaker, "agree": 0, "conflict": 1}]


def test_the_home_counts_and_the_matrix_cell_count_the_implied_conflict(dispute):
    yes, no = dispute
    assert (home_counts()["agree"], home_counts()["conflict"]) == (0, 1)
    [link] = relations_between(by="speaker", a=str(yes.speaker_id), b=str(no.speaker_id))
    assert (link.pk, link.type, link.claim_a.speaker, link.claim_b.speaker) == (None, "conflict", yes.speaker, no.speaker)


def test_a_machine_relation_between_the_sides_counts_once_as_the_sides_say(dispute):
    yes, no = dispute
    stored = RelationFactory(claim_a=min(yes, no, key=lambda c: c.pk), claim_b=max(yes, no, key=lambda c: c.pk),
                             type=Relation.Type.AGREE)  # fmt: skip
    assert cells() == {pair(yes.speaker_id, no.speaker_id): (0, 1)}
    [link] = relations_between(by="speaker", a=str(yes.speaker_id), b=str(no.speaker_id))
    assert (link.pk, link.type) == (stored.pk, "conflict")


def test_a_curator_rejection_removes_the_pair_everywhere(dispute):
    yes, no = dispute
    first, second = sorted(dispute, key=lambda c: c.pk)
    RelationFactory(claim_a=first, claim_b=second, origin=Origin.CURATOR, review_status=Relation.ReviewStatus.REJECTED)
    assert cells() == {} and speaker_counterparts(speaker=yes.speaker) == []
    assert home_counts()["conflict"] == 0 and list(links_for_export()) == []


def test_the_aggregates_match_the_export(dispute):
    yes, no = dispute
    third = ClaimFactory(speaker=yes.speaker)
    PropositionMemberFactory(proposition=yes.dispute_membership.proposition, claim=third, side="supports")
    RelationFactory(claim_a=ClaimFactory(speaker=no.speaker), claim_b=ClaimFactory(speaker=SpeakerFactory()))
    exported = [link["type"] for link in links_for_export()]
    counts = home_counts()
    assert (counts["agree"], counts["conflict"]) == (exported.count("agree"), exported.count("conflict"))
