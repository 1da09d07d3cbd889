"""Curators review claims and relations and merge speakers through the API."""

from claims.models import Claim, Relation, Speaker


def test_a_curator_verifies_a_claim(curator_api, curator, world):
    claim = world.claims["struck"]
    response = curator_api.post(f"/api/v1/claims/{claim.pk}/review/", {"status": "verified"}, format="json")
    assert response.status_code == 200
    assert response.json()["review_status"] == "verified"
    assert response.json()["reviewed_by"] == curator.username
    claim.refresh_from_db()
    assert (claim.review_status, claim.reviewed_by) == ("verified", curator)


def test_correcting_the_text_marks_the_claim_edited(curator_api, world):
    claim = world.claims["avoided"]
    body = curator_api.post(
        f"/api/v1/claims/{claim.pk}/review/", {"status": "verified", "content": "The strikes avoided civilians."}, format="json"
    ).json()
    assert (body["review_status"], body["content"]) == ("edited", "The strikes avoided civilians.")


def test_a_rule_the_service_enforces_comes_back_as_a_400_message(curator_api, world):
    claim = world.claims["avoided"]
    response = curator_api.post(f"/api/v1/claims/{claim.pk}/review/", {"status": "rejected", "content": "Other text"}, format="json")
    assert response.status_code == 400
    assert "rejected" in response.json()["message"]
    claim.refresh_from_db()
    assert claim.review_status == Claim.ReviewStatus.MACHINE


def test_an_unknown_review_status_is_a_400(curator_api, world):
    response = curator_api.post(f"/api/v1/claims/{world.claims['struck'].pk}/review/", {"status": "great"}, format="json")
    assert response.status_code == 400
    assert "status" in response.json()["extra"]["fields"]


def test_rejecting_a_relation_takes_it_off_the_conflicting_list(curator_api, world):
    url = f"/api/v1/claims/{world.claims['struck'].pk}/conflicting/"
    assert len(curator_api.get(url).json()["results"]) == 1
    response = curator_api.post(f"/api/v1/relations/{world.conflict.pk}/review/", {"decision": "rejected"}, format="json")
    assert response.status_code == 200
    assert response.json()["review_status"] == "rejected"
    assert curator_api.get(url).json()["results"] == []


def test_a_relation_decision_must_be_confirmed_or_rejected(curator_api, world):
    response = curator_api.post(f"/api/v1/relations/{world.agree.pk}/review/", {"decision": "machine"}, format="json")
    assert response.status_code == 400
    world.agree.refresh_from_db()
    assert world.agree.review_status == Relation.ReviewStatus.MACHINE


def test_merging_speakers_moves_claims_and_keeps_the_name_as_alias(curator_api, world):
    response = curator_api.post(f"/api/v1/speakers/{world.otto.pk}/merge/", {"into": world.kirby.pk}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["claim_count"]) == (world.kirby.pk, 3)
    assert "Robert Otto" in body["aliases"]
    assert not Speaker.objects.filter(pk=world.otto.pk).exists()
    assert curator_api.get(f"/api/v1/speakers/{world.otto.pk}/").status_code == 404


def test_merging_into_an_unknown_or_the_same_speaker_is_refused(curator_api, world):
    unknown = curator_api.post(f"/api/v1/speakers/{world.otto.pk}/merge/", {"into": 999999}, format="json")
    itself = curator_api.post(f"/api/v1/speakers/{world.otto.pk}/merge/", {"into": world.otto.pk}, format="json")
    assert unknown.status_code == 404
    assert itself.status_code == 400
    assert Speaker.objects.filter(pk=world.otto.pk).exists()


def test_reviews_need_a_json_or_form_body_not_plain_text(curator_api, world):
    response = curator_api.post(f"/api/v1/claims/{world.claims['struck'].pk}/review/", "verified", content_type="text/plain")
    assert response.status_code == 415
    assert "text/plain" in response.json()["message"]
