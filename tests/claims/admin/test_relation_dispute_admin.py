"""Relations and disputes in the admin: confirm, reject, relate, move, rename and merge."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import Origin, Proposition, PropositionMember, Relation
from tests.factories import ClaimFactory, PropositionFactory, PropositionMemberFactory, RelationFactory

pytestmark = pytest.mark.django_db


def test_confirm_and_reject_actions_review_relations(curator_admin):
    confirmed, rejected = RelationFactory(), RelationFactory()
    url = reverse("admin:claims_relation_changelist")

    curator_admin.post(url, {"action": "confirm_selected", "_selected_action": [confirmed.pk]})
    curator_admin.post(url, {"action": "reject_selected", "_selected_action": [rejected.pk]})

    assert Relation.objects.get(pk=confirmed.pk).review_status == Relation.ReviewStatus.CONFIRMED
    assert Relation.objects.get(pk=rejected.pk).review_status == Relation.ReviewStatus.REJECTED
    assert Relation.objects.get(pk=rejected.pk).reviewed_by == curator_admin.user


def test_a_curator_relates_two_claims_given_in_either_order(curator_admin):
    first, second = ClaimFactory(), ClaimFactory()

    response = curator_admin.post(
        reverse("admin:claims_relation_add"), {"claim_a": second.pk, "claim_b": first.pk, "type": "conflict"}
    )

    assert response.status_code == 302
    relation = Relation.objects.get()
    assert (relation.claim_a, relation.claim_b, relation.origin) == (first, second, Origin.CURATOR)


def test_changing_a_machine_relations_type_makes_it_a_curator_relation(curator_admin):
    relation = RelationFactory(type="agree")

    curator_admin.post(
        reverse("admin:claims_relation_change", args=[relation.pk]), {"type": "conflict", "review_status": "machine"}
    )

    relation.refresh_from_db()
    assert (relation.type, relation.origin, relation.review_status) == ("conflict", Origin.CURATOR, "confirmed")


def test_moving_a_claim_to_another_dispute_and_side(curator_admin):
    member = PropositionMemberFactory(side="supports")
    other = PropositionFactory()

    curator_admin.post(
        reverse("admin:claims_propositionmember_change", args=[member.pk]),
        {"proposition": other.pk, "side": "refutes"},
    )

    member.refresh_from_db()
    assert (member.proposition, member.side, member.origin) == (other, "refutes", Origin.CURATOR)


def test_adding_a_claim_that_is_already_in_a_dispute_moves_it(curator_admin):
    member = PropositionMemberFactory(side="supports")
    other = PropositionFactory()

    response = curator_admin.post(
        reverse("admin:claims_propositionmember_add"),
        {"claim": member.claim_id, "proposition": other.pk, "side": "supports"},
    )

    assert response.status_code == 302
    assert PropositionMember.objects.get().proposition == other


def test_renaming_a_dispute_marks_the_label_curated(curator_admin):
    dispute = PropositionFactory(label="strikes isis")

    curator_admin.post(
        reverse("admin:claims_proposition_change", args=[dispute.pk]),
        {"label": "Strikes hit ISIS", "members-TOTAL_FORMS": 0, "members-INITIAL_FORMS": 0},
    )

    dispute.refresh_from_db()
    assert (dispute.label, dispute.label_curated) == ("Strikes hit ISIS", True)


def test_merging_disputes_through_the_confirmation_page(curator_admin):
    keep, fold = PropositionFactory(), PropositionFactory()
    PropositionMemberFactory(proposition=fold, side="refutes")
    url = reverse("admin:claims_proposition_changelist")
    selected = {"action": "merge_selected", "_selected_action": [keep.pk, fold.pk]}

    assert b'name="merge_target"' in curator_admin.post(url, selected).content
    curator_admin.post(url, {**selected, "post": "yes", "merge_target": keep.pk})

    assert list(Proposition.objects.all()) == [keep]
    assert keep.members.get().side == "refutes"


def test_relating_an_already_related_pair_points_to_the_existing_relation(curator_admin):
    existing = RelationFactory(type="agree")

    response = curator_admin.post(
        reverse("admin:claims_relation_add"),
        {"claim_a": existing.claim_b_id, "claim_b": existing.claim_a_id, "type": "conflict"},
    )

    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert Relation.objects.get().type == "agree"
