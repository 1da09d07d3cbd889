"""Roles in the admin: analysts read, curators curate, only admins manage people."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from claims.models import Claim
from tests.claims.admin.conftest import claim_form
from tests.factories import ClaimFactory, PropositionFactory, RelationFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def test_an_analyst_can_browse_every_curation_list(analyst_admin):
    for model in ["claim", "speaker", "relation", "proposition", "propositionmember", "speakermerge"]:
        assert analyst_admin.get(reverse(f"admin:claims_{model}_changelist")).status_code == 200
    for model in ["article", "outlet"]:
        assert analyst_admin.get(reverse(f"admin:articles_{model}_changelist")).status_code == 200
    for model in ["ingestjob", "ingestitem", "feed"]:
        assert analyst_admin.get(reverse(f"admin:pipeline_{model}_changelist")).status_code == 200


def test_an_analyst_sees_a_claim_read_only_and_cannot_change_it(analyst_admin):
    claim = ClaimFactory()
    url = reverse("admin:claims_claim_change", args=[claim.pk])

    page = analyst_admin.get(url)
    response = analyst_admin.post(url, claim_form(claim, content="Changed by an analyst", review_status="verified"))

    assert page.status_code == 200 and 'name="content"' not in page.content.decode()
    assert response.status_code == 403
    claim.refresh_from_db()
    assert (claim.content, claim.review_status) != ("Changed by an analyst", "verified")


def test_an_analyst_cannot_run_curation_actions(analyst_admin):
    claim = ClaimFactory()

    analyst_admin.post(
        reverse("admin:claims_claim_changelist"), {"action": "verify_selected", "_selected_action": [claim.pk]}
    )

    assert Claim.objects.get(pk=claim.pk).review_status == Claim.ReviewStatus.MACHINE


@pytest.mark.parametrize(
    ("model", "factory", "data"),
    [
        ("speaker", SpeakerFactory, {"name": "Changed", "kind": "person", "role": "", "affiliation": ""}),
        ("relation", RelationFactory, {"type": "agree", "review_status": "confirmed"}),
        ("proposition", PropositionFactory, {"label": "Changed"}),
    ],
)
def test_an_analyst_cannot_change_speakers_relations_or_disputes(analyst_admin, model, factory, data):
    row = factory()

    response = analyst_admin.post(reverse(f"admin:claims_{model}_change", args=[row.pk]), data)

    assert response.status_code == 403
    assert row.history.count() == 1  # only its creation


def test_a_curator_can_change_a_claim(curator_admin):
    claim = ClaimFactory()

    response = curator_admin.post(
        reverse("admin:claims_claim_change", args=[claim.pk]), claim_form(claim, review_status="verified")
    )

    assert response.status_code == 302
    assert Claim.objects.get(pk=claim.pk).review_status == Claim.ReviewStatus.VERIFIED


def test_a_curator_cannot_see_or_manage_users_or_groups(curator_admin):
    target = get_user_model().objects.create_user("someone", password="x-long-password-9")

    assert curator_admin.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert curator_admin.get(reverse("admin:auth_group_changelist")).status_code == 403
    response = curator_admin.post(
        reverse("admin:auth_user_change", args=[target.pk]), {"username": "someone", "is_superuser": "on"}
    )
    assert response.status_code == 403
    assert not get_user_model().objects.get(pk=target.pk).is_superuser
    assert curator_admin.get(reverse("admin:auth_user_add")).status_code == 403


def test_the_admin_role_manages_users(admin_admin):
    assert admin_admin.get(reverse("admin:auth_user_changelist")).status_code == 200
    assert admin_admin.get(reverse("admin:auth_user_add")).status_code == 200


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(reverse("admin:claims_claim_changelist"))

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_curation_forms_need_a_csrf_token(curator_admin):
    claim = ClaimFactory()
    curator_admin.handler.enforce_csrf_checks = True

    response = curator_admin.post(
        reverse("admin:claims_claim_change", args=[claim.pk]), claim_form(claim, review_status="rejected")
    )

    assert response.status_code == 403
    assert Claim.objects.get(pk=claim.pk).review_status == Claim.ReviewStatus.MACHINE
