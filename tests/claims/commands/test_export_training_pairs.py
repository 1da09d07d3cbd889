"""`manage.py export_training_pairs` writes curator decisions in the relation trainer's CSV format."""

import csv

import pytest
from django.core.management import call_command

from claims.models import Origin, Relation
from tests.factories import ClaimFactory, PropositionMemberFactory, RelationFactory

pytestmark = pytest.mark.django_db


def test_it_writes_confirmed_curator_made_and_rejected_relations_and_nothing_else(tmp_path):
    a, b, c, d = (ClaimFactory(content=text) for text in ("the pier opens", "the pier is open", "no it is shut", "rain"))
    member = PropositionMemberFactory(claim=a)
    RelationFactory(claim_a=a, claim_b=b, type="agree", review_status=Relation.ReviewStatus.CONFIRMED)
    RelationFactory(claim_a=a, claim_b=c, type="conflict", origin=Origin.CURATOR)
    RelationFactory(claim_a=b, claim_b=d, type="agree", review_status=Relation.ReviewStatus.REJECTED)
    RelationFactory(claim_a=c, claim_b=d, type="agree")  # the machine's, unreviewed: not a decision
    out = tmp_path / "curated.csv"

    summary = call_command("export_training_pairs", out=str(out))

    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert summary == f"Wrote 3 curated pairs to {out}."
    assert list(rows[0]) == ["text_a", "text_b", "label", "group"]
    assert [(r["text_a"], r["text_b"], r["label"]) for r in rows] == [
        ("the pier opens", "the pier is open", "agree"),
        ("the pier opens", "no it is shut", "conflict"),
        ("the pier is open", "rain", "unrelated"),
    ]
    assert rows[0]["group"] == rows[1]["group"] == f"dispute-{member.proposition_id}"
