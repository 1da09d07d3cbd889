"""History: every curation change is kept with who, when and the old values, and can be reverted."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import Claim
from tests.claims.admin.conftest import claim_form
from tests.factories import ClaimFactory, PropositionFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def _edit_claim(client, claim: Claim, content: str) -> None:
    client.post(reverse("admin:claims_claim_change", args=[claim.pk]), claim_form(claim, content=content))


def test_a_claim_edit_shows_in_its_history_with_the_curator_and_the_old_text(curator_admin):
    claim = ClaimFactory()
    original = claim.content

    _edit_claim(curator_admin, claim, "Corrected text.")
    page = curator_admin.get(reverse("admin:claims_claim_history", args=[claim.pk])).content.decode()

    latest, before = claim.history.all()[:2]
    assert (latest.content, latest.history_user, latest.review_status) == (
        "Corrected text.",
        curator_admin.user,
        "edited",
    )
    assert before.content == original
    assert curator_admin.user.username in page and "edited: content" in page


def test_reverting_a_claim_from_its_history_restores_text_and_status(curator_admin):
    claim = ClaimFactory()
    original = claim.content
    _edit_claim(curator_admin, claim, "A wrong correction.")
    first = claim.history.earliest()

    response = curator_admin.post(
        reverse("admin:claims_claim_simple_history", args=[claim.pk, first.history_id]),
        claim_form(first.instance),
    )

    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.content, claim.review_status) == (original, Claim.ReviewStatus.MACHINE)
    assert claim.history.count() == 4  # created, edited, and the revert's text and status


def test_an_analyst_sees_history_but_cannot_revert(analyst_admin, curator_admin):
    claim = ClaimFactory()
    _edit_claim(curator_admin, claim, "Corrected text.")
    first = claim.history.earliest()
    url = reverse("admin:claims_claim_simple_history", args=[claim.pk, first.history_id])

    assert analyst_admin.get(reverse("admin:claims_claim_history", args=[claim.pk])).status_code == 200
    assert analyst_admin.post(url, claim_form(first.instance)).status_code == 403
    assert Claim.objects.get(pk=claim.pk).content == "Corrected text."


def test_a_speaker_change_and_a_dispute_rename_are_in_their_history(curator_admin):
    speaker, dispute = SpeakerFactory(role=""), PropositionFactory(label="old label")

    curator_admin.post(
        reverse("admin:claims_speaker_change", args=[speaker.pk]),
        {
            "name": speaker.name,
            "kind": "person",
            "role": "minister",
            "affiliation": "",
            "aliases-TOTAL_FORMS": 0,
            "aliases-INITIAL_FORMS": 0,
        },
    )
    curator_admin.post(
        reverse("admin:claims_proposition_change", args=[dispute.pk]),
        {"label": "new label", "members-TOTAL_FORMS": 0, "members-INITIAL_FORMS": 0},
    )

    speaker_change = speaker.history.first()
    assert (speaker_change.role, speaker_change.history_user) == ("minister", curator_admin.user)
    assert speaker_change.prev_record.role == ""
    assert [h.label for h in dispute.history.all()] == ["new label", "old label"]
