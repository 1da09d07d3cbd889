"""The claim pages of the admin: filters, search, the highlighted source, reviews and bulk actions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import Claim
from tests.claims.admin.conftest import claim_form
from tests.factories import ArticleFactory, ClaimFactory, OutletFactory, SpeakerFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:claims_claim_changelist")


def _listed(response) -> set[int]:
    return {claim.pk for claim in response.context["cl"].result_list}


def test_the_claim_list_filters_by_status_confidence_speaker_outlet_and_type(curator_admin):
    otto = SpeakerFactory(name="Robert Otto")
    bbc = OutletFactory(name="BBC")
    verified = ClaimFactory(review_status="verified", confidence=0.9, speaker=otto, claim_type="direct")
    machine = ClaimFactory(confidence=0.2, article=ArticleFactory(outlet=bbc))

    assert _listed(curator_admin.get(CHANGELIST, {"review_status__exact": "verified"})) == {verified.pk}
    assert _listed(curator_admin.get(CHANGELIST, {"confidence": "low"})) == {machine.pk}
    assert _listed(curator_admin.get(CHANGELIST, {"speaker_name": "otto"})) == {verified.pk}
    assert _listed(curator_admin.get(CHANGELIST, {"article__outlet__id__exact": bbc.pk})) == {machine.pk}
    assert _listed(curator_admin.get(CHANGELIST, {"claim_type__exact": "direct"})) == {verified.pk}


def test_the_speaker_filter_finds_a_speaker_by_alias_and_keeps_other_filters(curator_admin):
    otto = SpeakerFactory(name="Robert Otto")
    otto.aliases.create(name="Bob Otto", normalized_name="bob otto")
    claim = ClaimFactory(speaker=otto, review_status="verified")
    ClaimFactory(speaker=otto)

    response = curator_admin.get(CHANGELIST, {"speaker_name": "Bob", "review_status__exact": "verified"})

    assert _listed(response) == {claim.pk}
    assert 'name="review_status__exact" value="verified"' in response.content.decode()


def test_the_claim_list_searches_claim_text_and_speaker_names(curator_admin):
    article = ArticleFactory(body="The minister said the bridge would reopen in May after repairs.")
    claim = ClaimFactory(article=article, content_start=18, content_end=62, speaker=SpeakerFactory(name="Ana Lopez"))
    ClaimFactory()

    assert _listed(curator_admin.get(CHANGELIST, {"q": "bridge"})) == {claim.pk}
    assert _listed(curator_admin.get(CHANGELIST, {"q": "Lopez"})) == {claim.pk}


def test_the_edit_page_shows_the_source_sentence_with_the_claim_highlighted_and_escaped(curator_admin):
    body = 'Intro. Otto said <script>alert("x")</script> & more was fine. Outro.'
    start = body.index("<script>")
    claim = ClaimFactory(
        article=ArticleFactory(body=body),
        content_start=start,
        content_end=body.index(" was fine"),
        sentence_start=7,
        sentence_end=body.index(" Outro"),
    )

    html = curator_admin.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()

    assert "<script>alert" not in html
    assert "Otto said <mark>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</mark> was fine." in html


def test_correcting_a_claims_text_in_the_admin_makes_it_edited_by_that_curator(curator_admin):
    claim = ClaimFactory()

    curator_admin.post(
        reverse("admin:claims_claim_change", args=[claim.pk]), claim_form(claim, content="The corrected claim.")
    )

    claim.refresh_from_db()
    assert (claim.content, claim.review_status) == ("The corrected claim.", Claim.ReviewStatus.EDITED)
    assert claim.reviewed_by == curator_admin.user and claim.reviewed_at is not None


def test_saving_the_form_untouched_is_not_an_edit(curator_admin):
    claim = ClaimFactory()
    content_as_browser_sends_it = claim.content.replace("\n", "\r\n") + "  "

    curator_admin.post(
        reverse("admin:claims_claim_change", args=[claim.pk]), claim_form(claim, content=content_as_browser_sends_it)
    )

    assert Claim.objects.get(pk=claim.pk).review_status == Claim.ReviewStatus.MACHINE


def test_correcting_and_rejecting_at_once_is_refused_with_a_message(curator_admin):
    claim = ClaimFactory()

    response = curator_admin.post(
        reverse("admin:claims_claim_change", args=[claim.pk]),
        claim_form(claim, content="New text", review_status="rejected"),
    )

    assert response.status_code == 200
    assert "Either correct the claim or reject it" in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).review_status == Claim.ReviewStatus.MACHINE


def test_bulk_verify_and_reject_record_the_curator_and_leave_edited_claims_edited(curator_admin):
    machine, edited = ClaimFactory(), ClaimFactory(review_status="edited", content="fixed")
    selected = {"_selected_action": [machine.pk, edited.pk]}

    curator_admin.post(CHANGELIST, {"action": "verify_selected", **selected})

    assert Claim.objects.get(pk=machine.pk).review_status == Claim.ReviewStatus.VERIFIED
    assert Claim.objects.get(pk=machine.pk).reviewed_by == curator_admin.user
    assert Claim.objects.get(pk=edited.pk).review_status == Claim.ReviewStatus.EDITED

    curator_admin.post(CHANGELIST, {"action": "reject_selected", **selected})

    assert set(Claim.objects.values_list("review_status", flat=True)) == {Claim.ReviewStatus.REJECTED}


def test_claims_cannot_be_added_or_deleted_by_curators(curator_admin):
    claim = ClaimFactory()

    assert curator_admin.get(reverse("admin:claims_claim_add")).status_code == 403
    assert curator_admin.post(reverse("admin:claims_claim_delete", args=[claim.pk]), {"post": "yes"}).status_code == 403
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_a_reverted_text_keeps_its_exact_spacing(curator_admin):
    article = ArticleFactory(body="He said the talks will resume soon and then left.")
    claim = ClaimFactory(article=article, content_start=8, content_end=39)  # ends with a space
    assert claim.content.endswith(" ")
    curator_admin.post(reverse("admin:claims_claim_change", args=[claim.pk]), claim_form(claim, content="Other."))
    first = claim.history.earliest()

    curator_admin.post(
        reverse("admin:claims_claim_simple_history", args=[claim.pk, first.history_id]), claim_form(first.instance)
    )

    assert Claim.objects.get(pk=claim.pk).content == "the talks will resume soon and "


def test_blank_text_is_refused_on_the_form(curator_admin):
    claim = ClaimFactory()

    response = curator_admin.post(
        reverse("admin:claims_claim_change", args=[claim.pk]), claim_form(claim, content="   ")
    )

    assert "cannot be empty" in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).review_status == Claim.ReviewStatus.MACHINE
