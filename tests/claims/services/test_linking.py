"""claims_link_for_article: nearest neighbours by meaning, the relation model's verdicts stored with
their reasons, disputes as propositions, curator decisions kept. The real encoder and relation
model run on our own sentences (tests/claim_texts.py)."""

from __future__ import annotations

import numpy as np
import pytest
from django.db import connection, transaction
from django.db.models import Q

from articles.models import Article
from claims.models import Claim, Origin, Proposition, PropositionMember, Relation
from claims.services.curation import relation_create, relation_review
from claims.services.extraction import claims_extract_for_article
from claims.services.linking import (
    _NEAREST_SQL,
    claim_vectors,
    claims_link_for_article,
    claims_nearest,
    relations_upsert,
)
from common.exceptions import ApplicationError
from tests.claim_texts import PARAPHRASE, SAME_PERSON, TALKS, TALKS_AGAIN, TALKS_DENIED, embedded, said
from tests.factories import ArticleFactory, CuratorFactory, RelationFactory, SpeakerFactory, claim_at
from tests.racing import race

pytestmark = pytest.mark.django_db


def relation_between(a: Claim, b: Claim) -> Relation:
    first, second = sorted([a, b], key=lambda c: c.pk)
    return Relation.objects.get(claim_a=first, claim_b=second)


def related(a: Claim, b: Claim) -> bool:
    first, second = sorted([a, b], key=lambda c: c.pk)
    return Relation.objects.filter(claim_a=first, claim_b=second).exists()


@pytest.fixture
def talks():
    """A statement, then (in a later article) its denial."""
    return said(TALKS, who="Union leader Dana Roth"), said(
        TALKS_DENIED, who="Port director Sam Hale", polarity="negated"
    )


# ---- what the model finds ----------------------------------------------------------------------


def test_a_paraphrase_is_found_as_the_same_claim():
    first, second = said(PARAPHRASE[0], who="Councillor Ann Lee"), said(PARAPHRASE[1], who="Councillor Ann Lee")

    claims_link_for_article(article=second.article)

    relation = relation_between(first, second)
    assert relation.type == Relation.Type.SAME_CLAIM
    assert relation.origin == Origin.MACHINE and 0 < relation.score <= 1 and relation.explanation


def test_a_denial_is_found_as_a_conflict_with_a_readable_reason(talks):
    statement, denial = talks

    claims_link_for_article(article=denial.article)

    relation = relation_between(statement, denial)
    assert relation.type == Relation.Type.CONFLICT
    assert 0 < relation.score <= 1
    assert len(relation.explanation.split()) >= 3  # a sentence a person can read, not a code


def test_a_claim_stored_negated_outside_its_words_conflicts_with_one_asserting_them():
    # "Investigators have no evidence to suggest that [the ferry operator falsified its safety logs]":
    # extraction stores it negated, and nothing in its words negates.
    statement = said("The ferry operator falsified its safety logs for the northern route", who="Inspector Kim Ode")
    article = ArticleFactory(body="Investigators have no evidence to suggest that the ferry operator falsified its safety logs.")
    no_evidence = embedded(
        claim_at(
            article,
            "the ferry operator falsified its safety logs",
            speaker=SpeakerFactory(name="Investigators"),
            cue="suggest",
            cue_lemma="suggest",
            cue_class=Claim.CueClass.HEDGE,
            polarity=Claim.Polarity.NEGATED,
        )
    )

    claims_link_for_article(article=no_evidence.article)

    relation = relation_between(statement, no_evidence)
    assert relation.type == Relation.Type.CONFLICT
    assert "one side's speaker says it is not so" in relation.explanation


def test_a_speaker_saying_it_again_in_another_article_is_the_same_claim_not_an_agreement():
    first = said(TALKS, who="Union leader Dana Roth")
    again = said(TALKS_AGAIN, who="Union leader Dana Roth")
    other = said(TALKS_AGAIN, who="Port director Sam Hale")

    claims_link_for_article(article=again.article)
    claims_link_for_article(article=other.article)

    assert relation_between(first, again).type == Relation.Type.SAME_CLAIM
    assert "same speaker" in relation_between(first, again).explanation
    assert relation_between(first, other).type == Relation.Type.AGREE


def test_a_statement_nested_in_another_of_the_same_article_is_not_a_second_source():
    body = f"Union leader Dana Roth said that port director Sam Hale had told him that {TALKS}."
    article = ArticleFactory(body=body)
    whole = claim_at(article, f"port director Sam Hale had told him that {TALKS}", speaker=SpeakerFactory(name="Dana Roth"))
    nested = claim_at(article, TALKS, speaker=SpeakerFactory(name="Sam Hale"))
    embedded(whole), embedded(nested)

    claims_link_for_article(article=article)

    assert not related(whole, nested)


def test_two_sources_in_one_article_saying_the_same_thing_are_compared():
    article = ArticleFactory(body=f"Dana Roth said {TALKS}. Later Sam Hale said {TALKS_AGAIN}.")
    first = embedded(claim_at(article, TALKS, speaker=SpeakerFactory(name="Dana Roth")))
    second = embedded(claim_at(article, TALKS_AGAIN, speaker=SpeakerFactory(name="Sam Hale")))

    claims_link_for_article(article=article)

    assert relation_between(first, second).type == Relation.Type.AGREE


def test_unnamed_officials_in_two_articles_are_two_sources():
    first = claim_at(ArticleFactory(body=f"Officials said {TALKS}."), TALKS, speaker=None, speaker_mention="Officials")
    second = claim_at(
        ArticleFactory(body=f"Officials said {TALKS_AGAIN}."), TALKS_AGAIN, speaker=None, speaker_mention="Officials"
    )
    embedded(first), embedded(second)

    claims_link_for_article(article=second.article)

    assert relation_between(first, second).type == Relation.Type.AGREE


def test_two_claims_about_the_same_person_that_say_different_things_are_left_unrelated():
    said(SAME_PERSON[0])
    farm = said(SAME_PERSON[1])

    claims_link_for_article(article=farm.article)

    assert not Relation.objects.exists()


def test_a_name_alone_is_too_short_to_be_paired_with_anything(talks):
    name_only = said("the talks")  # what a parser leaves of "X discussed the talks"

    summary = claims_link_for_article(article=name_only.article)

    assert summary.candidates == 0
    assert not Relation.objects.filter(Q(claim_a=name_only) | Q(claim_b=name_only)).exists()


def extracted(body: str) -> Claim:
    """The one claim extraction finds in an article of its own, stored and embedded as the pipeline does."""
    [claim] = claims_extract_for_article(article=ArticleFactory(body=body))
    return claim


def test_two_claims_that_only_name_one_topic_are_never_paired_however_alike():
    # Long enough, and word for word the same, but neither states anything to agree with, and
    # "mentioned" takes no side on it.
    first = extracted("Senator Ann Bell mentioned the harbour authority's handling of the flood relief money.")
    second = extracted("Mayor Tom Reed mentioned the harbour authority's handling of the flood relief money on Monday.")

    summary = claims_link_for_article(article=second.article)

    assert summary.candidates == 0
    assert not related(first, second)


def test_positions_on_one_thing_agree_when_on_one_side_and_conflict_when_on_opposite_sides():
    against = extracted("Senator Ann Bell criticized the governor's plan to close three rural hospitals.")
    also_against = extracted("The nurses' union condemned the governor's plan to shut three rural hospitals.")
    claims_link_for_article(article=also_against.article)
    in_favour = extracted("Mayor Tom Reed praised the governor's plan to close three rural hospitals.")
    claims_link_for_article(article=in_favour.article)

    assert relation_between(against, also_against).type == Relation.Type.AGREE
    assert relation_between(against, in_favour).type == Relation.Type.CONFLICT
    assert relation_between(also_against, in_favour).type == Relation.Type.CONFLICT
    assert "one is for it, the other against" in relation_between(against, in_favour).explanation


def test_a_rejection_is_a_position_against_and_conflicts_with_praise_but_not_rejecting_takes_no_side():
    rejected = extracted("The nurses' union rejected the governor's plan to close three rural hospitals.")
    praised = extracted("Mayor Tom Reed praised the governor's plan to close three rural hospitals.")
    claims_link_for_article(article=praised.article)
    not_rejected = extracted("The hospital board did not reject the governor's plan to close three rural hospitals.")

    assert (rejected.position, praised.position, not_rejected.position) == ("against", "for", None)
    assert relation_between(rejected, praised).type == Relation.Type.CONFLICT


def test_a_position_is_never_paired_with_a_statement_on_its_topic():
    position = extracted("Senator Ann Bell criticized the governor's plan to close three rural hospitals.")
    statement = extracted("Mayor Tom Reed said the governor's plan would close three rural hospitals.")

    summary = claims_link_for_article(article=statement.article)

    assert summary.candidates == 0
    assert not related(position, statement)


def test_praise_and_criticism_of_one_person_are_not_positions_on_a_thing():
    # A person is no proposition: every claim about a candidate would otherwise be one dispute.
    first = extracted("Senator Ann Bell criticized Governor Mary Lee of the northern province for her record.")
    second = extracted("Mayor Tom Reed praised Governor Mary Lee of the northern province for her record.")

    claims_link_for_article(article=second.article)

    assert not related(first, second)


def test_the_same_topic_stated_as_a_clause_is_paired_and_related():
    first = extracted("Senator Ann Bell said the harbour authority had mishandled the flood relief money.")
    second = extracted("Mayor Tom Reed said the harbour authority mishandled the flood relief money.")

    summary = claims_link_for_article(article=second.article)

    assert summary.candidates == 1
    assert relation_between(first, second).type in {Relation.Type.AGREE, Relation.Type.SAME_CLAIM}


def test_candidates_are_the_nearest_neighbours_not_every_claim(talks):
    statement, denial = talks
    for _ in range(5):
        said("the central bank raised its main interest rate by half a point on Tuesday")

    summary = claims_link_for_article(article=denial.article)

    assert summary.candidates == 1  # the statement; none of the interest-rate claims
    assert Relation.objects.filter(Q(claim_a=denial) | Q(claim_b=denial)).count() == 1


def test_the_candidate_search_walks_the_hnsw_index(talks):
    # A handful of rows make a sequential scan cheaper; the planner is told not to, to show that
    # the query's shape lets it use the index (at scale it chooses it: see make eval-linking).
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        params = {"ids": [talks[1].pk], "limit": 13, "rejected": "rejected", "max_distance": 0.5}
        cursor.execute("EXPLAIN " + _NEAREST_SQL, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "claim_embedding_hnsw" in plan


def test_a_small_database_is_searched_through_the_index_too(talks):
    # A handful of claims would get an exact sequential scan; the search takes the index at every
    # size, and leaves the planner as it found it for the rest of the transaction.
    def index_scans() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_get_xact_numscans('claim_embedding_hnsw'::regclass)")
            return cursor.fetchone()[0]

    before = index_scans()
    with transaction.atomic():
        found = claims_nearest(claims=[talks[1]])
        with connection.cursor() as cursor:
            cursor.execute("SHOW enable_seqscan")
            seqscan = cursor.fetchone()[0]

    assert [other for other, _ in found[talks[1].pk]] == [talks[0].pk]
    assert index_scans() > before and seqscan == "on"


def test_stored_vectors_are_read_in_binary_exactly_as_the_orm_reads_them(talks):
    statement, _ = talks
    bare = claim_at(ArticleFactory(body=f"He said {TALKS_AGAIN}."), TALKS_AGAIN)

    vectors = claim_vectors([statement.pk, bare.pk])

    assert list(vectors) == [statement.pk]  # a claim with no embedding has none
    stored = Claim.objects.get(pk=statement.pk).embedding
    vector = vectors[statement.pk]
    assert vector.dtype == np.float32 and np.array_equal(vector, np.asarray(stored, dtype=np.float32))


def test_claims_get_their_embedding_when_linked_if_they_had_none(talks):
    statement, denial = talks
    Claim.objects.filter(pk=denial.pk).update(embedding=None)  # e.g. stored before embeddings existed
    denial.refresh_from_db()

    claims_link_for_article(article=denial.article)

    denial.refresh_from_db()
    assert denial.embedding is not None and len(denial.embedding) == 384


# ---- disputes are propositions -----------------------------------------------------------------


def test_a_conflict_founds_a_dispute_around_the_earlier_claim_labelled_with_its_words(talks):
    statement, denial = talks

    claims_link_for_article(article=denial.article)

    dispute = Proposition.objects.get()
    assert dispute.central_claim_id == statement.pk
    assert dispute.label == TALKS
    sides = dict(PropositionMember.objects.values_list("claim_id", "side"))
    assert sides == {statement.pk: "supports", denial.pk: "refutes"}


def test_a_later_claim_related_to_the_central_claim_joins_its_side(talks):
    statement, denial = talks
    claims_link_for_article(article=denial.article)
    again = said(TALKS_AGAIN, who="A union steward")

    claims_link_for_article(article=again.article)

    again.refresh_from_db()
    assert again.dispute_membership.side == "supports"
    assert relation_between(again, statement).type in (Relation.Type.AGREE, Relation.Type.SAME_CLAIM)


def test_a_claim_sharing_only_words_with_a_dispute_stays_out_of_it(talks):
    statement, denial = talks
    claims_link_for_article(article=denial.article)
    sports = said("the dock workers will hold their annual sports day at the port in June")

    claims_link_for_article(article=sports.article)

    assert not PropositionMember.objects.filter(claim=sports).exists()
    assert not Relation.objects.filter(Q(claim_a=sports) | Q(claim_b=sports)).exists()


# ---- curator decisions and re-runs ---------------------------------------------------------------


def test_relinking_keeps_a_rejected_relation_and_never_creates_the_pair_again(talks):
    statement, denial = talks
    claims_link_for_article(article=denial.article)
    relation = relation_between(statement, denial)
    relation_review(relation=relation, user=CuratorFactory(), decision="rejected")

    claims_link_for_article(article=denial.article)
    claims_link_for_article(article=statement.article)

    relation.refresh_from_db()
    assert relation.review_status == Relation.ReviewStatus.REJECTED
    assert Relation.objects.filter(claim_a=relation.claim_a, claim_b=relation.claim_b).count() == 1


def test_relinking_keeps_the_curators_side_and_label(talks):
    statement, denial = talks
    claims_link_for_article(article=denial.article)
    dispute = Proposition.objects.get()
    dispute.label, dispute.label_curated = "Pay talks at the port", True
    dispute.save()
    member = PropositionMember.objects.get(claim=denial)
    member.side, member.origin = "supports", Origin.CURATOR  # a curator's (odd) decision
    member.save()

    claims_link_for_article(article=denial.article)
    claims_link_for_article(article=statement.article)

    member.refresh_from_db()
    dispute.refresh_from_db()
    assert (member.side, member.origin, member.proposition_id) == ("supports", Origin.CURATOR, dispute.pk)
    assert dispute.label == "Pay talks at the port"


def test_relinking_does_not_duplicate_machine_links(talks):
    statement, denial = talks
    claims_link_for_article(article=denial.article)
    before = (Relation.objects.count(), PropositionMember.objects.count(), Proposition.objects.count())

    claims_link_for_article(article=denial.article)
    claims_link_for_article(article=statement.article)

    assert (Relation.objects.count(), PropositionMember.objects.count(), Proposition.objects.count()) == before
    assert Article.objects.get(pk=denial.article_id).status == Article.Status.LINKED


def test_relinking_drops_a_machine_link_it_no_longer_finds():
    article = ArticleFactory(body="The mayor said the ferry would sail on Sunday. The council said rents would rise.")
    ferry = embedded(claim_at(article, "the ferry would sail on Sunday", speaker=SpeakerFactory()))
    rents = embedded(claim_at(article, "rents would rise", speaker=SpeakerFactory()))
    RelationFactory(claim_a=ferry, claim_b=rents, type=Relation.Type.AGREE)

    claims_link_for_article(article=article)

    assert not Relation.objects.exists()


def test_an_article_without_extracted_claims_cannot_be_linked():
    article = ArticleFactory(status=Article.Status.FETCHED)

    with pytest.raises(ApplicationError, match="extract its claims before linking"):
        claims_link_for_article(article=article)


def test_machine_relations_get_their_history_rows_as_they_are_written(talks):
    a, b = sorted(c.pk for c in talks)

    assert relations_upsert([(a, b, Relation.Type.CONFLICT, 0.8, "denied")]) == 1
    assert relations_upsert([(a, b, Relation.Type.CONFLICT, 0.805, "denied")]) == 0  # within tolerance
    assert relations_upsert([(a, b, Relation.Type.AGREE, 0.6, "same words")]) == 1

    relation = Relation.objects.get(claim_a=a, claim_b=b)
    rows = list(relation.history.order_by("history_id"))
    assert [r.history_type for r in rows] == ["+", "~"]
    assert [(r.type, r.score, r.explanation) for r in rows] == [
        ("conflict", 0.8, "denied"),
        ("agree", 0.6, "same words"),
    ]
    assert all(r.history_user_id is None and r.origin == Origin.MACHINE for r in rows)
    assert rows[-1].updated_at == relation.updated_at and rows[0].created_at == relation.created_at


# ---- two workers at once -----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_workers_linking_articles_that_meet_store_one_relation_and_neither_fails(talks):
    statement, denial = talks

    race(
        lambda: claims_link_for_article(article=statement.article),
        lambda: claims_link_for_article(article=denial.article),
    )

    relation = relation_between(statement, denial)
    assert (relation.type, relation.origin) == (Relation.Type.CONFLICT, Origin.MACHINE)
    assert relation.history.count() == 1
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.LINKED}


@pytest.mark.django_db(transaction=True)
def test_a_relation_a_curator_makes_while_a_worker_links_the_pair_stands(talks):
    statement, denial = talks
    curator = CuratorFactory()

    race(
        lambda: relation_create(claim_a=statement, claim_b=denial, type="agree", user=curator),
        lambda: claims_link_for_article(article=denial.article),  # reads before the curator commits
        in_order=True,
    )

    relation = relation_between(statement, denial)
    assert (relation.type, relation.origin, relation.review_status) == ("agree", Origin.CURATOR, "confirmed")


@pytest.mark.django_db(transaction=True)
def test_a_verdict_a_curator_confirms_while_a_worker_relinks_keeps_the_curators_type(talks):
    statement, denial = talks
    claims_link_for_article(article=denial.article)
    stored = relation_between(statement, denial)
    Relation.objects.filter(pk=stored.pk).update(type=Relation.Type.AGREE)  # an older verdict, shown to the curator
    stored.refresh_from_db()

    race(
        lambda: relation_review(relation=stored, user=None, decision="confirmed"),
        lambda: claims_link_for_article(article=denial.article),  # would turn it into a conflict
        in_order=True,
    )

    stored.refresh_from_db()
    assert (stored.type, stored.review_status) == (Relation.Type.AGREE, "confirmed")
