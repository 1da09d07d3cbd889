"""Only stored relations are links: the export, the claim page, the API, the matrix, a speaker's
counterparts and the home counts all count the same rows, and dispute membership implies none."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.exports import export_document
from claims.models import Origin, Relation
from claims.selectors import agreement_matrix, home_counts, relations_between, speaker_counterparts
from claims.selectors.links import LINKS_PARAMS, LINKS_SQL, claim_links, links_for_export
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
    """A claim by each of two speakers on opposite sides of one dispute, and no stored relation."""
    yes = ClaimFactory(speaker=SpeakerFactory(affiliation="Harbour board"))
    no = ClaimFactory(speaker=SpeakerFactory(affiliation="Dock union"))
    proposition = PropositionFactory(label="The ferry service will close in May", central_claim=yes)
    PropositionMemberFactory(proposition=proposition, claim=yes, side="supports")
    PropositionMemberFactory(proposition=proposition, claim=no, side="refutes")
    return yes, no


def ordered(a, b):
    return (a, b) if a.pk < b.pk else (b, a)


def cells(by: str = "speaker") -> dict:
    return {(p["a"], p["b"]): (p["agree"], p["conflict"]) for p in agreement_matrix(by=by, limit=50)}


def test_a_dispute_member_without_a_stored_relation_has_no_link_anywhere(dispute, client, django_user_model):
    yes, no = dispute
    assert list(links_for_export()) == [] and export_document()["relations"] == []
    assert claim_links(claim=yes) == {"agree": [], "conflict": [], "same_claim": []}
    assert cells() == {} and cells("affiliation") == {}
    assert speaker_counterparts(speaker=yes.speaker) == []
    assert (home_counts()["agree"], home_counts()["conflict"]) == (0, 0)
    assert relations_between(by="speaker", a=str(yes.speaker_id), b=str(no.speaker_id)) == []
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    for kind in ("agreeing", "conflicting"):
        response = client.get(f"/api/v1/claims/{yes.pk}/{kind}/")
        assert response.status_code == 200 and response.json()["count"] == 0


def test_a_stored_relation_counts_as_itself_everywhere_whatever_the_sides(dispute):
    yes, no = dispute
    a, b = ordered(yes, no)
    stored = RelationFactory(claim_a=a, claim_b=b, type=Relation.Type.AGREE, score=0.8, explanation="the model's reason")

    [exported] = links_for_export()
    assert (exported["type"], exported["score"], exported["explanation"]) == ("agree", 0.8, "the model's reason")
    assert exported["dispute"] == yes.dispute_membership.proposition_id  # both claims are in it
    assert [r.pk for r in claim_links(claim=yes)["agree"]] == [stored.pk]
    pair = (min(yes.speaker_id, no.speaker_id), max(yes.speaker_id, no.speaker_id))
    assert cells() == {pair: (1, 0)}
    assert speaker_counterparts(speaker=no.speaker) == [{"speaker": yes.speaker, "agree": 1, "conflict": 0}]
    assert (home_counts()["agree"], home_counts()["conflict"]) == (1, 0)
    [link] = relations_between(by="speaker", a=str(yes.speaker_id), b=str(no.speaker_id))
    assert (link.pk, link.type) == (stored.pk, "agree")


def test_a_relation_outside_a_shared_dispute_is_exported_with_no_dispute():
    copy, reprint = ClaimFactory(), ClaimFactory()
    PropositionMemberFactory(claim=copy)  # the reprint is in no dispute
    RelationFactory(claim_a=copy, claim_b=reprint, type="same_claim", score=0.95)

    [exported] = links_for_export()
    assert (exported["type"], exported["dispute"]) == ("same_claim", None)


def test_a_curator_rejection_removes_the_pair_everywhere(dispute):
    yes, no = dispute
    a, b = ordered(yes, no)
    RelationFactory(
        claim_a=a, claim_b=b, type="conflict", origin=Origin.CURATOR, review_status=Relation.ReviewStatus.REJECTED
    )
    assert cells() == {} and speaker_counterparts(speaker=yes.speaker) == []
    assert home_counts()["conflict"] == 0 and list(links_for_export()) == []
    assert claim_links(claim=yes)["conflict"] == []


def test_the_aggregates_match_the_export_and_the_links_sql(dispute):
    yes, no = dispute
    a, b = ordered(yes, no)
    RelationFactory(claim_a=a, claim_b=b, type="conflict")
    RelationFactory(claim_a=ClaimFactory(speaker=no.speaker), claim_b=ClaimFactory(speaker=SpeakerFactory()))
    exported = [link["type"] for link in links_for_export()]
    counts = home_counts()
    assert (counts["agree"], counts["conflict"]) == (exported.count("agree"), exported.count("conflict"))
    with connection.cursor() as cursor:
        cursor.execute(LINKS_SQL, LINKS_PARAMS)
        assert sorted(row[2] for row in cursor.fetchall()) == sorted(exported)


def test_the_claim_page_lists_stored_links_strongest_first_in_one_query():
    claim = ClaimFactory()
    weak = RelationFactory(claim_a=claim, claim_b=ClaimFactory(), type="agree", score=0.6)
    strong = RelationFactory(claim_a=claim, claim_b=ClaimFactory(), type="agree", score=0.9)
    conflict = RelationFactory(claim_a=claim, claim_b=ClaimFactory(), type="conflict", score=0.7)

    with CaptureQueriesContext(connection) as queries:
        links = claim_links(claim=claim)

    assert [r.pk for r in links["agree"]] == [strong.pk, weak.pk]
    assert [r.pk for r in links["conflict"]] == [conflict.pk]
    assert len(queries) == 1
