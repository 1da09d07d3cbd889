"""Agreement and conflict implied by dispute sides: in the export and on the claim page, curators first."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.exports import export_document
from claims.models import Claim, Origin, Relation
from claims.selectors.links import LINKS_PARAMS, LINKS_SQL, claim_links, links_for_export
from tests.factories import ClaimFactory, PropositionFactory, PropositionMemberFactory, RelationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dispute():
    """'Strikes hit ISIS': two claims support it, one refutes it; no relation rows at all."""
    proposition = PropositionFactory(label="ISIS · strike")
    claims = [ClaimFactory() for _ in range(3)]
    for claim, side in zip(claims, ["supports", "supports", "refutes"], strict=True):
        PropositionMemberFactory(proposition=proposition, claim=claim, side=side)
    return proposition, claims


def pairs(links) -> dict[tuple[int, int], str]:
    return {(link["a"], link["b"]): link["type"] for link in links}


def test_members_on_one_side_agree_and_across_sides_conflict(dispute):
    _, (first, second, refuter) = dispute

    found = pairs(links_for_export())

    assert found == {
        (first.pk, second.pk): "agree",
        (first.pk, refuter.pk): "conflict",
        (second.pk, refuter.pk): "conflict",
    }
    assert Relation.objects.count() == 0


def test_the_export_carries_implied_pairs_with_an_explanation(dispute):
    _, (first, _, refuter) = dispute

    exported = {(r["a"], r["b"]): r for r in export_document()["relations"]}

    assert exported[(first.pk, refuter.pk)]["explanation"] == (
        "opposite sides of the dispute 'ISIS · strike' (supports vs refutes)"
    )


def test_a_curator_rejection_removes_the_pair_and_a_confirmation_keeps_its_type(dispute):
    _, (first, second, refuter) = dispute
    RelationFactory(claim_a=first, claim_b=refuter, type="conflict", review_status=Relation.ReviewStatus.REJECTED)
    RelationFactory(claim_a=first, claim_b=second, type="conflict", origin=Origin.CURATOR)

    found = pairs(links_for_export())

    assert (first.pk, refuter.pk) not in found
    assert found[(first.pk, second.pk)] == "conflict"  # the curator said so, whatever the sides say
    assert found[(second.pk, refuter.pk)] == "conflict"


def test_a_machine_verdict_between_members_yields_to_their_sides(dispute):
    _, (first, second, _) = dispute
    RelationFactory(claim_a=first, claim_b=second, type="conflict", explanation="opposite polarity on: ISIS")

    assert pairs(links_for_export())[(first.pk, second.pk)] == "agree"


def test_a_rejected_claim_takes_no_part(dispute):
    _, (first, second, refuter) = dispute
    Claim.objects.filter(pk=refuter.pk).update(review_status=Claim.ReviewStatus.REJECTED)

    assert pairs(links_for_export()) == {(first.pk, second.pk): "agree"}


def test_the_claim_page_lists_stored_and_implied_links_in_a_few_queries(dispute):
    _, (first, second, refuter) = dispute
    outsider = ClaimFactory()
    stored = RelationFactory(claim_a=first, claim_b=outsider, type="agree", score=0.9, explanation="both assert: ISIS")

    with CaptureQueriesContext(connection) as queries:
        links = claim_links(claim=first)

    assert [r.claim_b for r in links["agree"]] == [outsider, second]  # the stored verdict scores higher
    assert links["agree"][0].pk == stored.pk
    assert links["agree"][1].pk is None and links["agree"][1].explanation == "both support the dispute 'ISIS · strike'"
    assert [r.claim_b for r in links["conflict"]] == [refuter]
    assert links["same_claim"] == []
    assert len(queries) <= 5


def _links_sql_types() -> dict[tuple[int, int], str]:
    with connection.cursor() as cursor:
        cursor.execute(LINKS_SQL, LINKS_PARAMS)
        return {(a, b): kind for a, b, kind, *_ in cursor.fetchall()}


@pytest.mark.parametrize(("second_side", "shown"), [("supports", "agree"), ("refutes", "conflict")])
def test_a_same_claim_verdict_between_members_yields_to_their_sides_on_the_page_in_counts_and_in_the_export(
    second_side, shown
):
    # A wire story printed twice, both copies placed in one dispute about a ferry strike.
    proposition = PropositionFactory(label="ferry · strike")
    copy, reprint = ClaimFactory(), ClaimFactory()
    PropositionMemberFactory(proposition=proposition, claim=copy, side="supports")
    PropositionMemberFactory(proposition=proposition, claim=reprint, side=second_side)
    stored = RelationFactory(claim_a=copy, claim_b=reprint, type="same_claim", score=0.95, explanation="the same words")

    exported = {(link["a"], link["b"]): link for link in links_for_export()}[(copy.pk, reprint.pk)]
    on_page = claim_links(claim=copy)

    assert exported["type"] == shown and _links_sql_types()[(copy.pk, reprint.pk)] == shown
    assert [r.pk for r in on_page[shown]] == [stored.pk] and on_page["same_claim"] == []
    assert exported["score"] == on_page[shown][0].score == 0.95  # direct evidence: its own score and words
    assert exported["explanation"] == on_page[shown][0].explanation == "the same words"


def test_a_same_claim_verdict_outside_a_shared_dispute_stays_the_same_claim_everywhere():
    copy, reprint = ClaimFactory(), ClaimFactory()
    PropositionMemberFactory(claim=copy)  # the reprint is in no dispute
    stored = RelationFactory(claim_a=copy, claim_b=reprint, type="same_claim", score=0.95)

    assert pairs(links_for_export())[(copy.pk, reprint.pk)] == "same_claim"
    assert _links_sql_types()[(copy.pk, reprint.pk)] == "same_claim"
    assert [r.pk for r in claim_links(claim=reprint)["same_claim"]] == [stored.pk]
