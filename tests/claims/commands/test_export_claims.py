"""`manage.py export_claims` writes what ../shared/eval/score_claims.py reads."""

import json

import pytest
from django.core.management import call_command

from claims.models import Claim, Relation
from evaluation.extraction import load_scorer
from tests.factories import ArticleFactory, ClaimFactory, RelationFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_claims():
    article = ArticleFactory(
        source_file="story.txt", body="Officials said the strikes hit rebels. Moscow said the strikes hit ISIS."
    )
    otto = SpeakerFactory(name="Robert Otto")
    otto.aliases.create(name="Otto", normalized_name="otto")
    first = ClaimFactory(article=article, speaker=otto, speaker_mention="Otto", content_start=15, content_end=37)
    second = ClaimFactory(article=article, content_start=51, content_end=71)
    return first, second


def test_it_writes_articles_claims_and_relations(tmp_path, two_claims):
    first, second = two_claims
    RelationFactory(claim_a=first, claim_b=second, type=Relation.Type.CONFLICT)
    out = tmp_path / "export.json"

    summary = call_command("export_claims", out=str(out))

    document = json.loads(out.read_text())
    assert "2 claims" in summary
    assert [a["source_file"] for a in document["articles"]] == ["story.txt"]
    claim = next(c for c in document["claims"] if c["id"] == first.pk)
    assert claim["content"] == "the strikes hit rebels"
    assert claim["speaker"]["name"] == "Robert Otto"
    assert claim["speaker"]["aliases"] == ["Otto"]
    assert claim["speaker_mention"] == "Otto"
    assert document["relations"] == [
        {"a": first.pk, "b": second.pk, "type": "conflict", "score": 0.8, "origin": "machine",
         "explanation": "opposite polarity", "dispute": None}
    ]


def test_it_leaves_out_claims_a_curator_rejected(tmp_path, two_claims):
    first, second = two_claims
    Claim.objects.filter(pk=second.pk).update(review_status=Claim.ReviewStatus.REJECTED)
    out = tmp_path / "export.json"

    call_command("export_claims", out=str(out))

    assert [c["id"] for c in json.loads(out.read_text())["claims"]] == [first.pk]


def test_the_shared_scorer_matches_exported_claims_to_gold(tmp_path, two_claims):
    try:
        scorer = load_scorer()
    except FileNotFoundError as missing:
        pytest.skip(f"../shared/eval is not beside the project: {missing}")
    out = tmp_path / "export.json"
    call_command("export_claims", out=str(out))
    gold = [
        {"article": "story.txt", "speaker_any": ["Otto"], "content": "the strikes hit rebels", "optional": False},
        {"article": "story.txt", "speaker_any": ["Lavrov"], "content": "the strikes hit ISIS", "optional": False},
    ]

    result = scorer.score(json.loads(out.read_text()), gold)

    # The first claim matches span and speaker; the second has the span but another speaker.
    assert result["claims"]["matched"] == 1
    assert result["claims"]["span_right_speaker_wrong"] == 1
