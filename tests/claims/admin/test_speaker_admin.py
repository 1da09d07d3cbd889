"""Speakers in the admin: merge with a confirmation page, split an alias out, curate kind and role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import Speaker, SpeakerMerge
from tests.factories import ClaimFactory, SpeakerFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:claims_speaker_changelist")


def test_merging_speakers_asks_which_to_keep_first(curator_admin):
    a, b = SpeakerFactory(name="Bob Otto"), SpeakerFactory(name="Robert Otto")

    response = curator_admin.post(CHANGELIST, {"action": "merge_selected", "_selected_action": [a.pk, b.pk]})

    assert response.status_code == 200
    assert b'name="merge_target"' in response.content
    assert Speaker.objects.count() == 2


def test_confirming_a_merge_moves_the_claims_and_records_it(curator_admin):
    a, b, c = SpeakerFactory(name="Bob Otto"), SpeakerFactory(name="Robert Otto"), SpeakerFactory(name="R. Otto")
    claims = [ClaimFactory(speaker=a), ClaimFactory(speaker=c)]

    curator_admin.post(
        CHANGELIST,
        {"action": "merge_selected", "_selected_action": [a.pk, b.pk, c.pk], "post": "yes", "merge_target": b.pk},
    )

    assert list(Speaker.objects.all()) == [b]
    assert {claim.speaker_id for claim in claims[0].__class__.objects.all()} == {b.pk}
    assert set(b.aliases.values_list("name", flat=True)) == {"Bob Otto", "R. Otto"}
    assert SpeakerMerge.objects.filter(into=b, merged_by=curator_admin.user).count() == 2
    assert b"merged into" not in curator_admin.get(CHANGELIST).content  # no error shown


def test_merging_a_single_speaker_only_warns(curator_admin):
    a = SpeakerFactory()

    response = curator_admin.post(CHANGELIST, {"action": "merge_selected", "_selected_action": [a.pk]}, follow=True)

    assert "Select two or more speakers" in response.content.decode()


def test_splitting_an_alias_out_confirms_then_creates_the_speaker(curator_admin):
    owner = SpeakerFactory(name="John Smith")
    alias = owner.aliases.create(name="Jon Smyth", normalized_name="jon smyth")
    moved = ClaimFactory(speaker=owner, speaker_mention="Jon Smyth")
    url = reverse("admin:claims_speaker_split_alias", args=[owner.pk, alias.pk])

    page = curator_admin.get(url)
    response = curator_admin.post(url)

    assert moved.content[:40] in page.content.decode()
    new = Speaker.objects.get(name="Jon Smyth")
    assert response["Location"] == reverse("admin:claims_speaker_change", args=[new.pk])
    assert list(new.claims.all()) == [moved]


def test_an_analyst_cannot_split_an_alias(analyst_admin):
    owner = SpeakerFactory(name="John Smith")
    alias = owner.aliases.create(name="Jon Smyth", normalized_name="jon smyth")

    response = analyst_admin.post(reverse("admin:claims_speaker_split_alias", args=[owner.pk, alias.pk]))

    assert response.status_code == 403
    assert owner.aliases.count() == 1


def test_setting_kind_role_and_affiliation_marks_the_speaker_curated(curator_admin):
    speaker = SpeakerFactory(name="Dmitry Peskov", kind="unknown")

    curator_admin.post(
        reverse("admin:claims_speaker_change", args=[speaker.pk]),
        {
            "name": "Dmitry Peskov",
            "kind": "person",
            "role": "Kremlin spokesman",
            "affiliation": "Russia",
            "aliases-TOTAL_FORMS": 0,
            "aliases-INITIAL_FORMS": 0,
        },
    )

    speaker.refresh_from_db()
    assert (speaker.kind, speaker.role, speaker.affiliation, speaker.curated) == (
        "person",
        "Kremlin spokesman",
        "Russia",
        True,
    )
