"""Cached aggregates (matrix, facets, home counts, most contested) follow every write.

The first tests run inside one test transaction, as a request that writes would; the last ones
commit for real, from other connections, as ingest workers and curators do in production.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from claims.models import Claim, PropositionMember, Relation
from claims.selectors import agreement_matrix, claim_facets, disputes_most_contested, home_counts
from claims.services import relation_create, relation_review, speakers_merge
from claims.services.linking import claims_link_for_article
from tests.claim_texts import TALKS, TALKS_DENIED, embedded
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    PropositionFactory,
    PropositionMemberFactory,
    RelationFactory,
    SpeakerFactory,
    claim_at,
)


def cells(by: str = "speaker") -> dict:
    return {(p["a"], p["b"]): (p["agree"], p["conflict"]) for p in agreement_matrix(by=by, limit=500)}


def claim_in(article, content: str, *, entities=(), polarity="asserted") -> Claim:
    return claim_at(article, content, entities=list(entities), polarity=polarity)


def conflict_between(first, second) -> Relation:
    return RelationFactory(claim_a=ClaimFactory(speaker=first), claim_b=ClaimFactory(speaker=second))


@pytest.mark.django_db
class TestWithinOneTransaction:
    def test_a_second_read_without_a_write_between_costs_only_the_version_query(self):
        peskov, warren = SpeakerFactory(), SpeakerFactory()
        conflict_between(peskov, warren)
        first = cells()
        with CaptureQueriesContext(connection) as captured:
            assert cells() == first
        assert len(captured) == 1

    def test_the_matrix_counts_a_conflict_the_linker_finds(self):
        moscow = embedded(claim_in(ArticleFactory(body=f"Officials said that {TALKS}."), TALKS))
        washington = claim_in(ArticleFactory(body=f"A spokesman said {TALKS_DENIED}."), TALKS_DENIED, polarity="negated")
        assert cells() == {}

        claims_link_for_article(article=washington.article)

        pair = tuple(sorted([moscow.speaker_id, washington.speaker_id]))
        assert cells() == {pair: (0, 1)}

    def test_a_rejected_relation_leaves_the_matrix_and_the_home_counts(self, curator):
        peskov, warren = SpeakerFactory(), SpeakerFactory()
        relation = conflict_between(peskov, warren)
        assert cells() and home_counts()["conflict"] == 1

        relation_review(relation=relation, user=curator, decision="rejected")

        assert cells() == {} and home_counts()["conflict"] == 0

    def test_a_curator_relation_is_counted_at_once(self, curator):
        peskov, warren = SpeakerFactory(affiliation="Russia"), SpeakerFactory(affiliation="United States")
        a, b = ClaimFactory(speaker=peskov), ClaimFactory(speaker=warren)
        assert cells("affiliation") == {}

        relation_create(claim_a=a, claim_b=b, type="agree", user=curator)

        assert cells("affiliation") == {("Russia", "United States"): (1, 0)}

    def test_a_speaker_merge_moves_the_pairs_to_the_speaker_that_remains(self, curator):
        peskov, alias, warren = SpeakerFactory(), SpeakerFactory(), SpeakerFactory()
        conflict_between(alias, warren)
        assert set(cells()) == {tuple(sorted([alias.pk, warren.pk]))}

        speakers_merge(source=alias, target=peskov, user=curator)

        assert set(cells()) == {tuple(sorted([peskov.pk, warren.pk]))}

    def test_facets_see_a_bulk_update_that_no_service_made(self):
        ClaimFactory.create_batch(3, polarity=Claim.Polarity.ASSERTED)
        assert dict(claim_facets(queryset=Claim.objects.all())["polarity"]) == {"asserted": 3}

        Claim.objects.update(polarity=Claim.Polarity.NEGATED)  # no save(), no signal, no service

        assert dict(claim_facets(queryset=Claim.objects.all())["polarity"]) == {"negated": 3}

    def test_the_most_contested_list_follows_new_members(self):
        dispute = PropositionFactory()
        PropositionMemberFactory(proposition=dispute, side=PropositionMember.Side.SUPPORTS)
        assert disputes_most_contested() == []

        PropositionMemberFactory(proposition=dispute, side=PropositionMember.Side.REFUTES)

        assert [(d.pk, d.supports, d.refutes) for d in disputes_most_contested()] == [(dispute.pk, 1, 1)]


def _in_another_connection(work) -> None:
    """Run ``work`` in a thread, i.e. on its own database connection, and commit it there."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with transaction.atomic():
                work()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive() and not errors, errors


@pytest.mark.django_db(transaction=True)
def test_commits_from_other_connections_invalidate_and_quiet_reads_hit_the_cache():
    peskov, warren = SpeakerFactory(), SpeakerFactory()
    pair = tuple(sorted([peskov.pk, warren.pk]))
    conflict_between(peskov, warren)
    assert cells() == {pair: (0, 1)}
    with CaptureQueriesContext(connection) as captured:
        assert cells() == {pair: (0, 1)}
    assert len(captured) == 1  # committed data, nothing written since: served from the cache

    _in_another_connection(lambda: conflict_between(peskov, warren))

    assert cells() == {pair: (0, 2)}


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_write_is_never_served_and_writers_do_not_wait_for_each_other():
    peskov, warren = SpeakerFactory(), SpeakerFactory()
    conflict_between(peskov, warren)
    before = cells()

    def impatient_writer() -> None:  # fails after 2 s of waiting for a lock
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '2s'")
        SpeakerFactory()

    with pytest.raises(RuntimeError), transaction.atomic():
        conflict_between(peskov, warren)
        assert sum(c for _, c in cells().values()) == 2  # this transaction sees its own write
        # Another writer commits while this transaction holds its counter slot: no lock wait.
        _in_another_connection(impatient_writer)
        raise RuntimeError("roll back")

    assert cells() == before
