"""claims_link_for_article: index candidates, stored relations and disputes, curator decisions kept."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from claims.models import Claim, Origin, Proposition, PropositionMember, Relation
from claims.selectors.links import claim_links
from claims.services.curation import relation_create, relation_review
from claims.services.linking import claims_link_for_article
from common.exceptions import ApplicationError
from tests.factories import (
    ArticleFactory,
    CuratorFactory,
    PropositionMemberFactory,
    RelationFactory,
    SpeakerFactory,
    claim_at,
)
from tests.racing import race

pytestmark = pytest.mark.django_db

MOSCOW = "Russian officials insisted they hit ISIS targets in Idlib and Hama."
WASHINGTON = "U.S. defense officials said Russia is not striking ISIS targets in Idlib."


def claim_in(article: Article, content: str, *, terms, entities=(), polarity="asserted", speaker=None) -> Claim:
    return claim_at(
        article, content, speaker=speaker or SpeakerFactory(), terms=list(terms), entities=list(entities),
        polarity=polarity,
    )


def otto_denial() -> Claim:
    """A later article's claim that refutes the Moscow claim, in its own words."""
    article = ArticleFactory(body="Robert Otto said those were not anti-ISIS strikes in Idlib.")
    return claim_in(
        article,
        "those were not anti-ISIS strikes in Idlib",
        terms=["anti", "isis", "strike", "idlib"],
        entities=["ISIS", "Idlib"],
        polarity="negated",
    )


@pytest.fixture
def moscow_claim():
    article = ArticleFactory(body=MOSCOW)
    return claim_in(
        article,
        "they hit ISIS targets in Idlib and Hama",
        terms=["hit", "isis", "target", "idlib", "hama"],
        entities=["ISIS", "Idlib", "Hama"],
    )


@pytest.fixture
def washington_claim():
    article = ArticleFactory(body=WASHINGTON)
    return claim_in(
        article,
        "Russia is not striking ISIS targets in Idlib",
        terms=["russia", "strike", "isis", "target", "idlib"],
        entities=["Russia", "ISIS", "Idlib"],
        polarity="negated",
    )


def relation_between(a: Claim, b: Claim) -> Relation:
    first, second = sorted([a, b], key=lambda c: c.pk)
    return Relation.objects.get(claim_a=first, claim_b=second)


def test_it_stores_a_conflict_with_a_readable_explanation(moscow_claim, washington_claim):
    claims_link_for_article(article=washington_claim.article)

    relation = relation_between(moscow_claim, washington_claim)
    assert relation.type == Relation.Type.CONFLICT
    assert relation.origin == Origin.MACHINE
    assert relation.explanation.startswith("opposite polarity on: ")
    assert "ISIS" in relation.explanation
    assert 0 < relation.score <= 1


def test_a_conflict_founds_a_dispute_with_a_side_for_each_claim(moscow_claim, washington_claim):
    claims_link_for_article(article=washington_claim.article)

    dispute = Proposition.objects.get()
    assert "ISIS" in dispute.label
    sides = dict(PropositionMember.objects.values_list("claim_id", "side"))
    assert sides == {moscow_claim.pk: "supports", washington_claim.pk: "refutes"}


def test_a_later_claim_joins_the_dispute_and_agrees_with_its_side(moscow_claim, washington_claim):
    claims_link_for_article(article=washington_claim.article)
    otto = otto_denial()

    claims_link_for_article(article=otto.article)

    assert otto.dispute_membership.side == "refutes"
    assert relation_between(otto, washington_claim).type == Relation.Type.AGREE
    assert relation_between(otto, moscow_claim).type == Relation.Type.CONFLICT


def test_a_reply_is_linked_to_the_claim_just_before_it():
    body = "Russian officials insisted they hit ISIS targets in Idlib. But U.S. defense officials said that was untrue."
    article = ArticleFactory(body=body)
    russian = claim_in(
        article, "they hit ISIS targets in Idlib", terms=["hit", "isis", "target", "idlib"], entities=["ISIS"]
    )
    reply = claim_in(article, "that was untrue", terms=["untrue"], polarity="negated")

    claims_link_for_article(article=article)

    relation = relation_between(russian, reply)
    assert relation.type == Relation.Type.CONFLICT
    assert relation.explanation == "denies the claim just before it: 'that was untrue'"
    assert reply.dispute_membership.proposition_id == russian.dispute_membership.proposition_id
    assert {russian.dispute_membership.side, reply.dispute_membership.side} == {"supports", "refutes"}


def test_candidates_come_from_the_index_not_from_every_claim(moscow_claim, washington_claim):
    unrelated = ArticleFactory(body="The central bank raised interest rates by half a point on Tuesday.")
    for _ in range(5):
        claim_in(unrelated, "raised interest rates by half a point", terms=["raise", "interest", "rate", "point"])

    with CaptureQueriesContext(connection) as queries:
        summary = claims_link_for_article(article=washington_claim.article)

    assert summary.candidates == 1  # the Moscow claim; none of the interest-rate claims
    lookups = [q["sql"] for q in queries.captured_queries if '"claims_claim"."terms" &&' in q["sql"]]
    assert lookups, "the candidate query uses the GIN-indexed array overlap"


def test_relinking_keeps_a_relation_the_curator_rejected(moscow_claim, washington_claim):
    claims_link_for_article(article=washington_claim.article)
    relation = relation_between(moscow_claim, washington_claim)
    relation.review_status = Relation.ReviewStatus.REJECTED
    relation.save()

    claims_link_for_article(article=washington_claim.article)
    claims_link_for_article(article=moscow_claim.article)

    relation.refresh_from_db()
    assert relation.review_status == Relation.ReviewStatus.REJECTED
    assert relation.type == Relation.Type.CONFLICT
    assert Relation.objects.filter(claim_a=relation.claim_a, claim_b=relation.claim_b).count() == 1


def test_relinking_keeps_the_curators_side_and_label(moscow_claim, washington_claim):
    claims_link_for_article(article=washington_claim.article)
    dispute = Proposition.objects.get()
    dispute.label, dispute.label_curated = "Russian strikes hit ISIS targets", True
    dispute.save()
    member = washington_claim.dispute_membership
    member.side, member.origin = "supports", Origin.CURATOR  # a curator's (odd) decision
    member.save()

    claims_link_for_article(article=washington_claim.article)
    claims_link_for_article(article=moscow_claim.article)

    member.refresh_from_db()
    dispute.refresh_from_db()
    assert (member.side, member.origin, member.proposition_id) == ("supports", Origin.CURATOR, dispute.pk)
    assert dispute.label == "Russian strikes hit ISIS targets"
    # The machine side of the other claim follows the curator's: still opposite, so still a conflict.
    assert PropositionMember.objects.get(claim=moscow_claim).side == "refutes"
    assert relation_between(moscow_claim, washington_claim).type == Relation.Type.CONFLICT


def test_relinking_does_not_duplicate_machine_links(moscow_claim, washington_claim):
    claims_link_for_article(article=washington_claim.article)
    before = (Relation.objects.count(), PropositionMember.objects.count(), Proposition.objects.count())

    claims_link_for_article(article=washington_claim.article)
    claims_link_for_article(article=moscow_claim.article)

    assert (Relation.objects.count(), PropositionMember.objects.count(), Proposition.objects.count()) == before
    assert Article.objects.get(pk=washington_claim.article_id).status == Article.Status.LINKED


def test_an_article_without_extracted_claims_cannot_be_linked():
    article = ArticleFactory(status=Article.Status.FETCHED)

    with pytest.raises(ApplicationError, match="extract its claims before linking"):
        claims_link_for_article(article=article)


def test_joining_a_large_dispute_stores_only_direct_evidence(moscow_claim, washington_claim):
    claims_link_for_article(article=washington_claim.article)
    dispute = Proposition.objects.get()
    bystanders = [PropositionMemberFactory(proposition=dispute, side="refutes").claim for _ in range(25)]
    otto = otto_denial()

    claims_link_for_article(article=otto.article)

    stored = Relation.objects.filter(Q(claim_a=otto) | Q(claim_b=otto))
    assert {r.claim_a_id if r.claim_b_id == otto.pk else r.claim_b_id for r in stored} == {
        moscow_claim.pk,
        washington_claim.pk,
    }
    implied = claim_links(claim=otto)
    assert {r.claim_a_id for r in implied["agree"] if r.pk is None} >= {c.pk for c in bystanders}


def test_strikes_on_a_rival_party_refute_the_dispute_about_isis(moscow_claim, washington_claim):
    claims_link_for_article(article=washington_claim.article)
    article = ArticleFactory(body="Activists said Russian airstrikes hit positions of a rebel group near Hama.")
    rebels = claim_in(
        article,
        "Russian airstrikes hit positions of a rebel group near Hama",
        terms=["russian", "airstrike", "hit", "position", "rebel", "group", "hama"],
        entities=["Russian", "Hama"],
    )

    claims_link_for_article(article=article)

    assert rebels.dispute_membership.side == "refutes"
    assert relation_between(rebels, moscow_claim).type == Relation.Type.CONFLICT
    assert "different parties" in relation_between(rebels, moscow_claim).explanation


# ---- two workers at once -----------------------------------------------------------------------

DAM_DENIAL = "The Velm water board said the Ostra dam was not leaking into the valley."
DAM_REPORT = "Engineers from Tarsk said the Ostra dam was leaking into the valley again."


@pytest.fixture
def dam_claims() -> tuple[Claim, Claim]:
    """Two articles' claims that conflict, both extracted and committed, neither linked yet."""
    denial = claim_in(
        ArticleFactory(body=DAM_DENIAL),
        "the Ostra dam was not leaking into the valley",
        terms=["ostra", "dam", "leak", "valley"],
        entities=["Ostra"],
        polarity="negated",
    )
    report = claim_in(
        ArticleFactory(body=DAM_REPORT),
        "the Ostra dam was leaking into the valley again",
        terms=["ostra", "dam", "leak", "valley"],
        entities=["Ostra"],
    )
    return denial, report


@pytest.mark.django_db(transaction=True)
def test_two_workers_linking_articles_that_meet_store_one_relation_and_neither_fails(dam_claims):
    denial, report = dam_claims

    race(
        lambda: claims_link_for_article(article=denial.article),
        lambda: claims_link_for_article(article=report.article),
    )

    relation = relation_between(denial, report)
    assert (relation.type, relation.origin) == (Relation.Type.CONFLICT, Origin.MACHINE)
    assert relation.history.count() == 1
    dispute = Proposition.objects.get()
    assert dict(dispute.members.values_list("claim_id", "side")).keys() == {denial.pk, report.pk}
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.LINKED}


@pytest.mark.django_db(transaction=True)
def test_a_relation_a_curator_makes_while_a_worker_links_the_pair_stands(dam_claims):
    denial, report = dam_claims
    curator = CuratorFactory()

    race(
        lambda: relation_create(claim_a=denial, claim_b=report, type="agree", user=curator),
        lambda: claims_link_for_article(article=report.article),  # reads before the curator commits
        in_order=True,
    )

    relation = relation_between(denial, report)
    assert (relation.type, relation.origin, relation.review_status) == ("agree", Origin.CURATOR, "confirmed")


@pytest.mark.django_db(transaction=True)
def test_a_relation_a_curator_makes_just_after_a_worker_linked_the_pair_goes_on_the_workers_row(dam_claims):
    denial, report = dam_claims
    curator = CuratorFactory()

    race(
        lambda: claims_link_for_article(article=report.article),
        lambda: relation_create(claim_a=report, claim_b=denial, type="agree", user=curator),  # finds no row yet
        in_order=True,
    )

    relation = relation_between(denial, report)
    assert (relation.type, relation.origin, relation.review_status) == ("agree", Origin.CURATOR, "confirmed")
    assert [h.history_type for h in relation.history.order_by("history_id")] == ["+", "~"]


@pytest.mark.django_db(transaction=True)
def test_a_verdict_a_curator_confirms_while_a_worker_relinks_keeps_the_curators_type(dam_claims):
    denial, report = dam_claims
    claims_link_for_article(article=report.article)
    stored = relation_between(denial, report)
    Relation.objects.filter(pk=stored.pk).update(type=Relation.Type.AGREE)  # an older verdict, shown to the curator
    stored.refresh_from_db()

    race(
        lambda: relation_review(relation=stored, user=None, decision="confirmed"),
        lambda: claims_link_for_article(article=report.article),  # would turn it into a conflict
        in_order=True,
    )

    stored.refresh_from_db()
    assert (stored.type, stored.review_status) == (Relation.Type.AGREE, "confirmed")


@pytest.mark.django_db(transaction=True)
def test_a_stale_link_a_curator_confirms_while_a_worker_relinks_is_not_deleted():
    article = ArticleFactory(body="The mayor said the ferry would sail on Sunday. The council said rents would rise.")
    ferry = claim_in(article, "the ferry would sail on Sunday", terms=["ferry", "sail", "sunday"])
    rents = claim_in(article, "rents would rise", terms=["rent", "rise"])
    stale = RelationFactory(claim_a=ferry, claim_b=rents, type=Relation.Type.AGREE)  # no longer found

    race(
        lambda: relation_review(relation=stale, user=None, decision="confirmed"),
        lambda: claims_link_for_article(article=article),
        in_order=True,
    )

    stale.refresh_from_db()
    assert stale.review_status == "confirmed"


def test_relinking_drops_a_machine_link_it_no_longer_finds():
    article = ArticleFactory(body="The mayor said the ferry would sail on Sunday. The council said rents would rise.")
    ferry = claim_in(article, "the ferry would sail on Sunday", terms=["ferry", "sail", "sunday"])
    rents = claim_in(article, "rents would rise", terms=["rent", "rise"])
    RelationFactory(claim_a=ferry, claim_b=rents, type=Relation.Type.AGREE)

    claims_link_for_article(article=article)

    assert not Relation.objects.exists()
