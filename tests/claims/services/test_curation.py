"""Curation services: each curator decision is stored, attributed, and refuses nonsense."""

from __future__ import annotations

import pytest

from claims.models import Claim, Origin, Proposition, PropositionMember, Relation, Speaker, SpeakerAlias, SpeakerMerge
from claims.services import (
    claim_edit,
    claim_move_to_dispute,
    claim_review,
    proposition_rename,
    propositions_merge,
    relation_create,
    relation_review,
    speaker_alias_split,
    speaker_update,
    speakers_merge,
)
from common.exceptions import ApplicationError
from tests.factories import (
    ClaimFactory,
    PropositionFactory,
    PropositionMemberFactory,
    RelationFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


# ---- claim_review / claim_edit -----------------------------------------------------------


def test_verifying_a_claim_records_who_and_when(curator):
    claim = ClaimFactory()

    claim_review(claim=claim, user=curator, status="verified")

    claim.refresh_from_db()
    assert claim.review_status == Claim.ReviewStatus.VERIFIED
    assert claim.reviewed_by == curator
    assert claim.reviewed_at is not None
    assert claim.history.first().history_user == curator


def test_new_text_makes_a_claim_edited_even_when_verified_was_asked(curator):
    claim = ClaimFactory()

    claim_review(claim=claim, user=curator, status="verified", content="Corrected words.")

    claim.refresh_from_db()
    assert (claim.review_status, claim.content) == (Claim.ReviewStatus.EDITED, "Corrected words.")


def test_a_curator_who_rewrites_a_noun_phrase_as_a_statement_makes_it_linkable(curator):
    claim = ClaimFactory(content="the handling of the flood relief money", states_clause=False)

    claim_edit(claim=claim, user=curator, changes={"content": "the harbour authority mishandled the flood relief money"})

    claim.refresh_from_db()
    assert claim.states_clause is None  # the extractor's reading was of the old words
    assert claim.states_something


def test_unchanged_text_does_not_count_as_an_edit(curator):
    claim = ClaimFactory()

    claim_review(claim=claim, user=curator, status="verified", content=claim.content)

    assert claim.review_status == Claim.ReviewStatus.VERIFIED


def test_an_edited_claim_cannot_be_marked_verified(curator):
    claim = claim_review(claim=ClaimFactory(), user=curator, status="edited", content="Corrected words.")

    with pytest.raises(ApplicationError, match="An edited claim stays edited"):
        claim_review(claim=claim, user=curator, status="verified")

    claim.refresh_from_db()
    assert (claim.review_status, claim.content) == (Claim.ReviewStatus.EDITED, "Corrected words.")


@pytest.mark.parametrize(
    ("status", "content", "message"),
    [
        ("approved", None, "Unknown review status"),
        ("edited", None, "needs its corrected text"),
        ("rejected", "Other words.", "cannot have its text edited"),
    ],
)
def test_claim_review_refuses_transitions_that_make_no_sense(curator, status, content, message):
    claim = ClaimFactory()

    with pytest.raises(ApplicationError, match=message):
        claim_review(claim=claim, user=curator, status=status, content=content)

    claim.refresh_from_db()
    assert claim.review_status == Claim.ReviewStatus.MACHINE


def test_editing_the_speaker_of_a_claim_makes_it_edited(curator):
    claim = ClaimFactory()
    other = SpeakerFactory()

    claim_edit(claim=claim, user=curator, changes={"speaker": other})

    claim.refresh_from_db()
    assert (claim.speaker, claim.review_status) == (other, Claim.ReviewStatus.EDITED)


def test_claim_edit_refuses_empty_text_and_fields_curators_do_not_own(curator):
    claim = ClaimFactory()

    with pytest.raises(ApplicationError, match="cannot be empty"):
        claim_edit(claim=claim, user=curator, changes={"content": "  "})
    with pytest.raises(ApplicationError, match="content_start"):
        claim_edit(claim=claim, user=curator, changes={"content_start": 3})


# ---- relations ---------------------------------------------------------------------------


def test_confirming_a_relation_marks_it_human_reviewed(curator):
    relation = RelationFactory()

    relation_review(relation=relation, user=curator, decision="confirmed")

    relation.refresh_from_db()
    assert relation.review_status == Relation.ReviewStatus.CONFIRMED
    assert relation.is_human_reviewed
    assert relation.reviewed_by == curator


def test_relation_review_only_knows_confirm_and_reject(curator):
    with pytest.raises(ApplicationError, match="confirmed or rejected"):
        relation_review(relation=RelationFactory(), user=curator, decision="machine")


def test_a_curator_relation_is_stored_in_pair_order_as_a_confirmed_curator_decision(curator):
    first, second = ClaimFactory(), ClaimFactory()

    relation = relation_create(claim_a=second, claim_b=first, type="agree", user=curator)

    assert (relation.claim_a, relation.claim_b) == (first, second)
    assert (relation.origin, relation.review_status) == (Origin.CURATOR, Relation.ReviewStatus.CONFIRMED)


def test_a_curator_relation_on_a_machine_pair_overrides_its_type(curator):
    machine = RelationFactory(type="agree")

    relation = relation_create(claim_a=machine.claim_a, claim_b=machine.claim_b, type="conflict", user=curator)

    assert relation.pk == machine.pk
    assert Relation.objects.get().type == "conflict"
    assert Relation.objects.get().origin == Origin.CURATOR


def test_relation_create_refuses_a_self_relation_and_unknown_types(curator):
    claim = ClaimFactory()
    with pytest.raises(ApplicationError, match="itself"):
        relation_create(claim_a=claim, claim_b=claim, type="agree", user=curator)
    with pytest.raises(ApplicationError, match="Unknown relation type"):
        relation_create(claim_a=claim, claim_b=ClaimFactory(), type="friends", user=curator)


# ---- speakers ----------------------------------------------------------------------------


def test_merging_speakers_moves_claims_and_aliases_and_records_the_merge(curator):
    source = SpeakerFactory(name="Bob Otto", role="spokesman", kind=Speaker.Kind.PERSON)
    SpeakerAlias.objects.create(speaker=source, name="B. Otto", normalized_name="b otto")
    target = SpeakerFactory(name="Robert Otto", role="")
    claims = [ClaimFactory(speaker=source), ClaimFactory(speaker=source)]
    ClaimFactory(speaker=target)

    merged = speakers_merge(source=source, target=target, user=curator)

    assert merged == target
    assert not Speaker.objects.filter(pk=source.pk).exists()
    assert target.claims.count() == 3
    assert set(target.aliases.values_list("name", flat=True)) == {"Bob Otto", "B. Otto"}
    assert Speaker.objects.get(pk=target.pk).role == "spokesman"  # blank filled from the source
    record = SpeakerMerge.objects.get(into=target)
    assert record.merged_by == curator
    assert record.snapshot["aliases"] == ["B. Otto"]
    assert record.snapshot["claim_ids"] == sorted(c.pk for c in claims)
    assert claims[0].history.first().history_user == curator


def test_earlier_merges_into_the_source_follow_it_into_the_target(curator):
    first, second, third = SpeakerFactory(), SpeakerFactory(), SpeakerFactory()
    speakers_merge(source=first, target=second, user=curator)

    speakers_merge(source=second, target=third, user=curator)

    assert SpeakerMerge.objects.filter(into=third).count() == 2


def test_a_speaker_cannot_be_merged_into_itself(curator):
    speaker = SpeakerFactory()
    with pytest.raises(ApplicationError, match="itself"):
        speakers_merge(source=speaker, target=speaker, user=curator)


def test_splitting_an_alias_takes_the_claims_that_use_that_name(curator):
    owner = SpeakerFactory(name="John Smith")
    alias = SpeakerAlias.objects.create(speaker=owner, name="Jon Smyth", normalized_name="jon smyth")
    as_alias = ClaimFactory(speaker=owner, speaker_mention="Jon Smyth")
    as_owner = ClaimFactory(speaker=owner, speaker_mention="John Smith")

    new = speaker_alias_split(alias=alias, user=curator)

    assert new.name == "Jon Smyth"
    assert list(new.claims.all()) == [as_alias]
    assert list(owner.claims.all()) == [as_owner]
    assert not owner.aliases.exists()


def test_splitting_an_alias_that_is_already_a_speaker_is_refused(curator):
    owner = SpeakerFactory(name="John Smith")
    SpeakerFactory(name="Jon Smyth")
    alias = SpeakerAlias.objects.create(speaker=owner, name="Jon Smyth", normalized_name="jon smyth")

    with pytest.raises(ApplicationError, match="already exists"):
        speaker_alias_split(alias=alias, user=curator)
    assert owner.aliases.count() == 1


def test_editing_a_speakers_affiliation_marks_it_curated_and_a_rename_keeps_the_old_name(curator):
    speaker = SpeakerFactory(name="Dmitry Peskov", affiliation="")

    speaker_update(speaker=speaker, user=curator, changes={"affiliation": "Russia", "name": "Dmitry S. Peskov"})

    speaker.refresh_from_db()
    assert speaker.curated and speaker.affiliation == "Russia"
    assert list(speaker.aliases.values_list("name", flat=True)) == ["Dmitry Peskov"]


def test_renaming_a_speaker_onto_another_speakers_name_is_refused_with_advice_to_merge(curator):
    SpeakerFactory(name="Halvard Brekke")
    speaker = SpeakerFactory(name="H. Brekke")

    with pytest.raises(ApplicationError, match="merge"):
        speaker_update(speaker=speaker, user=curator, changes={"name": "Halvard  BREKKE"})
    assert Speaker.objects.get(pk=speaker.pk).name == "H. Brekke"


# ---- disputes ----------------------------------------------------------------------------


def test_moving_a_claim_to_another_dispute_and_side_is_a_curator_decision(curator):
    member = PropositionMemberFactory(side="supports")
    other = PropositionFactory()

    moved = claim_move_to_dispute(claim=member.claim, proposition=other, side="refutes", user=curator)

    assert moved.pk == member.pk
    assert (moved.proposition, moved.side, moved.origin) == (other, "refutes", Origin.CURATOR)


def test_a_claim_outside_any_dispute_can_be_put_into_one(curator):
    claim, dispute = ClaimFactory(), PropositionFactory()

    claim_move_to_dispute(claim=claim, proposition=dispute, side="supports", user=curator)

    assert dispute.members.get().claim == claim


def test_moving_to_an_unknown_side_is_refused(curator):
    with pytest.raises(ApplicationError, match="Unknown side"):
        claim_move_to_dispute(claim=ClaimFactory(), proposition=PropositionFactory(), side="maybe", user=curator)


def test_renaming_a_dispute_marks_its_label_curated(curator):
    dispute = PropositionFactory(label="strikes hit")

    proposition_rename(proposition=dispute, label="  Russian strikes   hit ISIS targets ", user=curator)

    dispute.refresh_from_db()
    assert (dispute.label, dispute.label_curated) == ("Russian strikes hit ISIS targets", True)
    with pytest.raises(ApplicationError, match="needs a label"):
        proposition_rename(proposition=dispute, label=" ", user=curator)


def test_merging_disputes_keeps_every_member_and_its_side(curator):
    source, target = PropositionFactory(), PropositionFactory()
    PropositionMemberFactory(proposition=source, side="refutes")
    PropositionMemberFactory(proposition=source, side="supports")
    central = PropositionMemberFactory(proposition=target, side="supports").claim
    Proposition.objects.filter(pk=target.pk).update(central_claim=central)
    target.refresh_from_db()

    propositions_merge(source=source, target=target, user=curator)

    assert not Proposition.objects.filter(pk=source.pk).exists()
    sides = sorted(target.members.values_list("side", flat=True))
    assert sides == ["refutes", "supports", "supports"]
    assert PropositionMember.objects.filter(proposition=target, origin=Origin.CURATOR).count() == 2
    assert Proposition.objects.get(pk=target.pk).central_claim_id == central.pk  # still about what it was
