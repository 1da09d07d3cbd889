"""Re-extraction with the real extractor: machine claims refresh, human decisions survive."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from claims.models import Claim, Origin, Relation, Speaker
from claims.nlp.types import EXTRACTOR_VERSION
from claims.services import (
    claim_move_to_dispute,
    claim_review,
    claims_extract_for_article,
    claims_store_extracted,
    proposition_rename,
    relation_create,
    relation_review,
    speakers_merge,
)
from claims.services.extraction import extract_from_texts
from tests.factories import ArticleFactory, PropositionFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

BODY = (
    "Robert Otto, a spokesman for the ministry, said the strikes hit ISIS targets. "
    '"We did not hit any civilians," Otto told reporters on Monday. '
    "U.S. officials said the strikes hit rebels instead.\n\n"
    "Russia denied that its jets had bombed a hospital. "
    "According to the Pentagon, the campaign will continue."
)


@pytest.fixture
def article(nlp):
    article = ArticleFactory(body=BODY, status=Article.Status.FETCHED, extractor_version="")
    claims_extract_for_article(article=article)
    return article


def _claim(article: Article, words: str) -> Claim:
    return article.claims.get(content__contains=words)


def _pretend_an_older_extractor_made(article: Article) -> None:
    Article.objects.filter(pk=article.pk).update(extractor_version="2020.1")
    article.claims.update(extractor_version="2020.1")


def test_reextract_outdated_keeps_every_human_decision(article, curator):
    verified = claim_review(claim=_claim(article, "ISIS targets"), user=curator, status="verified")
    edited = claim_review(
        claim=_claim(article, "civilians"), user=curator, status="edited", content="We hit no civilians"
    )
    rejected = claim_review(claim=_claim(article, "rebels"), user=curator, status="rejected")
    russia, pentagon = _claim(article, "hospital"), _claim(article, "campaign")
    government = SpeakerFactory(name="Government of Russia", kind=Speaker.Kind.GOVERNMENT)
    speakers_merge(source=russia.speaker, target=government, user=curator)
    curator_relation = relation_create(claim_a=russia, claim_b=pentagon, type="conflict", user=curator)
    machine_relation = Relation.objects.create(claim_a=verified, claim_b=russia, type="agree", score=0.4)
    relation_review(relation=machine_relation, user=curator, decision="rejected")
    dispute = proposition_rename(proposition=PropositionFactory(), label="The strikes hit civilians", user=curator)
    claim_move_to_dispute(claim=pentagon, proposition=dispute, side="refutes", user=curator)
    _pretend_an_older_extractor_made(article)

    call_command("reextract", "--outdated", verbosity=0)

    assert _claim(article, "ISIS targets").review_status == Claim.ReviewStatus.VERIFIED
    assert Claim.objects.get(pk=edited.pk).content == "We hit no civilians"
    assert Claim.objects.get(pk=rejected.pk).review_status == Claim.ReviewStatus.REJECTED
    assert article.claims.filter(content__contains="civilians").count() == 1  # not extracted again
    assert Claim.objects.get(pk=russia.pk).speaker == government  # same id, merged speaker kept
    assert Claim.objects.get(pk=russia.pk).extractor_version == EXTRACTOR_VERSION  # but refreshed
    curator_relation.refresh_from_db()
    assert (curator_relation.type, curator_relation.origin) == ("conflict", Origin.CURATOR)
    assert Relation.objects.get(pk=machine_relation.pk).review_status == Relation.ReviewStatus.REJECTED
    member = Claim.objects.get(pk=pentagon.pk).dispute_membership
    assert (member.proposition, member.side, member.origin) == (dispute, "refutes", Origin.CURATOR)
    dispute.refresh_from_db()
    assert (dispute.label, dispute.label_curated) == ("The strikes hit civilians", True)
    assert Article.objects.get(pk=article.pk).extractor_version == EXTRACTOR_VERSION


def test_a_machine_claim_found_again_keeps_its_id_and_gains_no_history(article):
    before = {c.pk: c.history.count() for c in article.claims.all()}

    call_command("reextract", "--article", str(article.pk), verbosity=0)

    assert {c.pk: c.history.count() for c in article.claims.all()} == before


def test_a_vanished_machine_claim_is_deleted_unless_a_curator_built_on_it(article, curator):
    [extracted] = extract_from_texts([article.body])
    keep_ids = {_claim(article, "ISIS targets").pk}
    related, plain = _claim(article, "hospital"), _claim(article, "campaign")
    relation_create(claim_a=related, claim_b=_claim(article, "ISIS targets"), type="agree", user=curator)
    still_found = [item for item in extracted if "hospital" not in item.content and "campaign" not in item.content]

    claims_store_extracted(article=article, extracted=still_found)

    assert Claim.objects.filter(pk=related.pk).exists()
    assert not Claim.objects.filter(pk=plain.pk).exists()
    assert plain.history.first().history_type == "-"  # the deletion is on record
    assert keep_ids <= set(article.claims.values_list("pk", flat=True))


def test_reextract_outdated_skips_articles_of_the_current_version(article, nlp):
    other = ArticleFactory(body="The minister said the bridge would reopen in May.", extractor_version="2020.1")

    message = call_command("reextract", "--outdated", verbosity=0)

    assert message.startswith("Re-extracted 1 of 1 articles")
    assert Article.objects.get(pk=other.pk).claims.count() == 1


def test_reextract_names_an_unknown_article():
    with pytest.raises(CommandError, match="No article with id 999999"):
        call_command("reextract", "--article", "999999", verbosity=0)


def test_reextract_needs_to_be_told_which_articles():
    with pytest.raises(CommandError, match="one of the arguments"):
        call_command("reextract", verbosity=0)


def test_a_claim_whose_extent_the_extractor_moves_keeps_its_id_and_its_alerts(article, analyst):
    from watches.models import Alert, Watch
    from watches.services import alerts_for_new_claims, watch_create

    claim = _claim(article, "campaign will continue")
    watch_create(user=analyst, kind=Watch.Kind.SPEAKER, speaker=claim.speaker)
    [alert_id] = alerts_for_new_claims(claim_ids=[claim.pk])
    [extracted] = extract_from_texts([article.body])
    start = claim.content_start + claim.content.index("campaign")  # a narrower extent: "campaign will ..."
    moved_extent = [
        replace(item, content_start=start, content=article.body[start : item.content_end])
        if item.content_start == claim.content_start
        else item
        for item in extracted
    ]

    claims_store_extracted(article=article, extracted=moved_extent)

    moved = Claim.objects.get(pk=claim.pk)
    assert (moved.content_start, moved.content) == (start, article.body[start : claim.content_end])
    assert article.claims.filter(content__contains="campaign will continue").count() == 1
    assert alerts_for_new_claims(claim_ids=[moved.pk]) == []  # nothing new to tell
    assert Alert.objects.filter(pk=alert_id, claim_id=claim.pk).exists()
