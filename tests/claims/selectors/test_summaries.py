"""The summary tables (migration claims.0008) equal a count from scratch after every kind of write.

``summaries()`` is what the tables say; ``truth()`` counts the same things again from the data:
facets with GROUP BYs over the claims, links with the Python rules of
``claims.selectors.links.links_for_export`` (not the SQL the tables are built with), dispute
sides with a join over the members. Every test writes through a different path (factories,
services, queryset updates, bulk commands, raw SQL, TRUNCATE, other connections) and compares.
"""

from __future__ import annotations

import datetime
import io
import threading
from collections import Counter, defaultdict

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from articles.models import Article
from claims.aggregate_cache import data_version
from claims.models import Claim, Origin, Proposition, PropositionMember, Relation, Speaker
from claims.selectors import summaries as summary_tables
from claims.selectors.links import links_for_export
from claims.services import (
    claim_edit,
    claim_move_to_dispute,
    claim_review,
    proposition_create,
    propositions_merge,
    relation_create,
    relation_review,
    speaker_update,
    speakers_merge,
)
from claims.services.linking import claims_link_for_article
from evaluation.synthetic import synthetic_clear
from tests.claim_texts import TALKS, TALKS_DENIED, embedded
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    OutletFactory,
    PropositionFactory,
    PropositionMemberFactory,
    RelationFactory,
    SpeakerFactory,
    claim_at,
)

SUPPORTS, REFUTES = PropositionMember.Side.SUPPORTS, PropositionMember.Side.REFUTES
AGREE, CONFLICT = Relation.Type.AGREE, Relation.Type.CONFLICT


# ---- what the tables say, and the truth ------------------------------------------------------


def summaries() -> dict:
    data_version()  # a transaction that wrote folds its own writes in first, as pages do
    facets = summary_tables.facet_counts()
    with connection.cursor() as cursor:
        cursor.execute("SELECT key_lo, key_hi, agree, conflict FROM claims_agg_link_count WHERE agree + conflict > 0")
        pairs = {(lo, hi): (agree, conflict) for lo, hi, agree, conflict in cursor.fetchall()}
        cursor.execute("SELECT type, n FROM claims_agg_link_total WHERE n <> 0")
        totals = dict(cursor.fetchall())
        cursor.execute("SELECT dispute_id, supports, refutes, support_outlets, refute_outlets FROM claims_agg_dispute")
        disputes = {row[0]: row[1:] for row in cursor.fetchall()}
    affiliations = {
        (a, b): (agree, conflict)
        for a, b, agree, conflict in summary_tables.link_pairs(by="affiliation", limit=10**6)
    }
    return {
        "facets": {name: dict(values) for name, values in facets.items() if isinstance(values, list)},
        "total": facets["total"],
        "dates": (facets["first_date"], facets["last_date"]),
        "pairs": pairs,
        "link_totals": totals,
        "affiliation_pairs": affiliations,
        "disputes": disputes,
    }


def _grouped(queryset, field: str) -> dict:
    return dict(queryset.values_list(field).annotate(n=Count("id")).order_by())


def truth() -> dict:
    claims = Claim.objects.all()
    facets = {
        "speaker": _grouped(claims.exclude(speaker=None), "speaker_id"),
        "affiliation": _grouped(claims.exclude(speaker=None).exclude(speaker__affiliation=""), "speaker__affiliation"),
        "outlet": _grouped(claims.exclude(article__outlet=None), "article__outlet_id"),
        "cue_class": _grouped(claims, "cue_class"),
        "type": _grouped(claims, "claim_type"),
        "polarity": _grouped(claims, "polarity"),
        "review_status": _grouped(claims, "review_status"),
        "month": _grouped(claims.exclude(claim_date=None).annotate(month=TruncMonth("claim_date")), "month"),
    }
    dated = claims.exclude(claim_date=None).order_by("claim_date").values_list("claim_date", flat=True)
    speakers = dict(claims.values_list("id", "speaker_id"))
    affiliation = dict(Speaker.objects.values_list("id", "affiliation"))
    pairs: dict = defaultdict(Counter)
    by_affiliation: dict = defaultdict(Counter)
    for link in links_for_export():
        if link["type"] not in (AGREE, CONFLICT):
            continue
        a, b = speakers[link["a"]] or 0, speakers[link["b"]] or 0
        pairs[(min(a, b), max(a, b))][link["type"]] += 1
        if affiliation.get(a) and affiliation.get(b):
            low, high = sorted([affiliation[a], affiliation[b]])
            by_affiliation[(low, high)][link["type"]] += 1
    sides = Proposition.objects.filter(members__isnull=False).annotate(
        supports=Count("members", filter=Q(members__side=SUPPORTS)),
        refutes=Count("members", filter=Q(members__side=REFUTES)),
        support_outlets=Count("members__claim__article__outlet", filter=Q(members__side=SUPPORTS), distinct=True),
        refute_outlets=Count("members__claim__article__outlet", filter=Q(members__side=REFUTES), distinct=True),
    )
    link_totals = Counter()
    for counts in pairs.values():
        link_totals.update(counts)
    return {
        "facets": facets,
        "total": claims.count(),
        "dates": (dated.first(), dated.last()),
        "pairs": {key: (c[AGREE], c[CONFLICT]) for key, c in pairs.items()},
        "link_totals": {kind: n for kind, n in link_totals.items() if n},
        "affiliation_pairs": {key: (c[AGREE], c[CONFLICT]) for key, c in by_affiliation.items()},
        "disputes": {d.pk: (d.supports, d.refutes, d.support_outlets, d.refute_outlets) for d in sides},
    }


def assert_exact() -> None:
    assert summaries() == truth()


# ---- a small world: two disputes, relations inside and across them ------------------------------


@pytest.fixture
def world():
    cnn, hill = OutletFactory(name="Cable News"), OutletFactory(name="The Capitol Paper")
    moscow = SpeakerFactory(name="Irina Volkova", affiliation="Russia")
    pentagon = SpeakerFactory(name="Mark Dalton", affiliation="United States")
    analyst = SpeakerFactory(name="Lena Haas", affiliation="")
    day = datetime.date(2016, 3, 14)

    def claim(speaker, outlet=cnn, polarity="asserted", when=day, **fields):
        return ClaimFactory(speaker=speaker, article=ArticleFactory(outlet=outlet), polarity=polarity,
                            claim_date=when, **fields)  # fmt: skip

    strikes, ceasefire = PropositionFactory(label="Convoy was struck"), PropositionFactory(label="Truce holds")
    c = {
        "yes1": claim(moscow),
        "yes2": claim(moscow, outlet=hill, when=datetime.date(2016, 4, 2)),
        "no1": claim(pentagon, polarity="negated", cue_class="deny"),
        "no2": claim(pentagon, outlet=hill, polarity="negated", cue_class="deny"),
        "aside": claim(analyst, when=None, claim_type=Claim.Type.DIRECT),
        "anonymous": claim(None, outlet=None, cue_class="report"),
        "truce_yes": claim(moscow, when=datetime.date(2016, 5, 1)),
        "truce_no": claim(pentagon, outlet=hill),
    }
    for key, side in (
        ("yes1", SUPPORTS),
        ("yes2", SUPPORTS),
        ("no1", REFUTES),
        ("no2", REFUTES),
        ("anonymous", SUPPORTS),
    ):
        PropositionMemberFactory(proposition=strikes, claim=c[key], side=side)
    PropositionMemberFactory(proposition=ceasefire, claim=c["truce_yes"], side=SUPPORTS)
    PropositionMemberFactory(proposition=ceasefire, claim=c["truce_no"], side=REFUTES)
    # A machine relation inside a dispute (it counts as itself), one across disputes, one outside any.
    RelationFactory(claim_a=c["yes1"], claim_b=c["no1"], type=AGREE)
    RelationFactory(claim_a=c["yes2"], claim_b=c["truce_no"], type=CONFLICT)
    RelationFactory(claim_a=c["aside"], claim_b=c["no2"], type=AGREE)
    return {"claims": c, "strikes": strikes, "ceasefire": ceasefire, "speakers": (moscow, pentagon, analyst),
            "outlets": (cnn, hill)}  # fmt: skip


@pytest.mark.django_db
class TestOneTransaction:
    def test_the_world_as_built_is_counted_exactly(self, world):
        assert_exact()
        said = summaries()
        # Only the three stored relations are links, each as its own type (membership implies none).
        assert said["total"] == 8 and said["link_totals"] == {"agree": 2, "conflict": 1}

    def test_deleting_a_claim_a_relation_a_dispute_and_an_article(self, world):
        c = world["claims"]
        c["no1"].delete()  # with its membership and its relation
        assert_exact()
        Relation.objects.filter(claim_a=c["aside"]).delete()
        assert_exact()
        world["ceasefire"].delete()
        assert_exact()
        c["yes2"].article.delete()
        assert_exact()

    def test_curators_rejecting_confirming_and_relating_claims(self, world, curator):
        c = world["claims"]
        claim_review(claim=c["no2"], user=curator, status=Claim.ReviewStatus.REJECTED)  # leaves the sides' pairs
        assert_exact()
        inside = Relation.objects.get(claim_a=c["yes1"], claim_b=c["no1"])
        relation_review(relation=inside, user=curator, decision=Relation.ReviewStatus.REJECTED)  # removes the pair
        assert_exact()
        relation_create(claim_a=c["yes1"], claim_b=c["yes2"], type=CONFLICT, user=curator)  # overrides the sides
        assert_exact()
        relation_review(relation=inside, user=curator, decision=Relation.ReviewStatus.CONFIRMED)
        assert_exact()
        claim_edit(claim=c["aside"], user=curator, changes={"polarity": "negated", "cue_class": "deny"})
        assert_exact()
        claim_review(claim=c["no2"], user=curator, status=Claim.ReviewStatus.MACHINE)  # back among the sides
        assert_exact()

    def test_merging_speakers_and_changing_an_affiliation(self, world, curator):
        moscow, pentagon, analyst = world["speakers"]
        speakers_merge(source=analyst, target=pentagon, user=curator)
        assert_exact()
        speaker_update(speaker=moscow, user=curator, changes={"affiliation": "Syria"})
        assert_exact()
        pentagon.delete()  # its claims keep no speaker
        assert_exact()

    def test_moving_claims_between_disputes_and_merging_disputes(self, world, curator):
        c = world["claims"]
        claim_move_to_dispute(claim=c["no1"], proposition=world["ceasefire"], side=SUPPORTS, user=curator)
        assert_exact()
        claim_move_to_dispute(claim=c["aside"], proposition=world["strikes"], side=REFUTES, user=curator)
        assert_exact()
        fresh = proposition_create(label="Aid reached the city", user=curator)
        claim_move_to_dispute(claim=c["yes2"], proposition=fresh, side=REFUTES, user=curator)
        assert_exact()
        propositions_merge(source=world["ceasefire"], target=world["strikes"], user=curator)
        assert_exact()

    def test_writes_that_no_service_makes(self, world):
        c = world["claims"]
        Article.objects.filter(pk=c["yes1"].article_id).update(outlet=world["outlets"][1])  # outlet and dispute outlets
        assert_exact()
        Claim.objects.filter(speaker=world["speakers"][0]).update(
            claim_date=datetime.date(2015, 1, 1), review_status="verified"
        )
        assert_exact()
        PropositionMember.objects.filter(claim=c["no2"]).update(side=SUPPORTS)
        assert_exact()
        Relation.objects.update(origin=Origin.CURATOR)
        assert_exact()
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM claims_relation WHERE claim_a_id = %s OR claim_b_id = %s", [c["yes2"].pk] * 2)
        assert_exact()

    def test_truncating_a_table_recounts_everything(self, world):
        with connection.cursor() as cursor:
            # TRUNCATE refuses to run over this transaction's deferred foreign-key checks: run them first.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("TRUNCATE claims_relation")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        assert_exact()

    def test_the_linker_and_bulk_commands(self):
        first = embedded(claim_at(ArticleFactory(body=f"Officials said that {TALKS}."), TALKS))
        second = claim_at(ArticleFactory(body=f"A spokesman said {TALKS_DENIED}."), TALKS_DENIED, polarity="negated")
        claims_link_for_article(article=second.article)
        assert Relation.objects.filter(claim_a=first, claim_b=second).exists()
        assert_exact()
        call_command("make_synthetic_claims", claims=300, articles=30, seed=4, stdout=io.StringIO())
        assert_exact()
        synthetic_clear()  # raw SQL deletes
        assert_exact()


# ---- other connections: the writes of two transactions that overlap ----------------------------


def _commit_in_thread(work, *, started: threading.Event | None = None, proceed: threading.Event | None = None):
    """Run ``work`` in a transaction on its own connection; optionally signal, then wait before committing."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL lock_timeout = '5s'")
                work()
                if started is not None:
                    started.set()
                if proceed is not None:
                    assert proceed.wait(30)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


@pytest.mark.django_db(transaction=True)
def test_two_writers_joining_one_dispute_at_once_are_both_counted_and_do_not_wait_for_each_other():
    moscow, pentagon = SpeakerFactory(affiliation="Russia"), SpeakerFactory(affiliation="United States")
    dispute = PropositionFactory(label="Bridge was destroyed")
    PropositionMemberFactory(proposition=dispute, claim=ClaimFactory(speaker=moscow), side=SUPPORTS)
    late_yes, late_no = ClaimFactory(speaker=moscow), ClaimFactory(speaker=pentagon)
    assert_exact()

    # The first writer adds its member and stays open; the second adds its own and commits
    # meanwhile (neither sees the other's member); then the first commits. Counting each
    # writer's own view would miss one of the two late members on the dispute's sides.
    started, proceed = threading.Event(), threading.Event()
    first, first_errors = _commit_in_thread(
        lambda: PropositionMember.objects.create(proposition=dispute, claim=late_yes, side=SUPPORTS),
        started=started, proceed=proceed,
    )  # fmt: skip
    assert started.wait(30)
    second, second_errors = _commit_in_thread(
        lambda: PropositionMember.objects.create(proposition=dispute, claim=late_no, side=REFUTES)
    )
    second.join(30)
    assert not second.is_alive() and not second_errors, second_errors  # it did not wait for the open writer
    proceed.set()
    first.join(30)
    assert not first.is_alive() and not first_errors, first_errors

    assert_exact()
    assert summaries()["disputes"][dispute.pk][:2] == (2, 1)  # both late members counted on their sides


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_write_leaves_the_summaries_as_they_were():
    ClaimFactory.create_batch(2)
    before = summaries()
    with pytest.raises(RuntimeError), transaction.atomic():
        RelationFactory(claim_a=ClaimFactory(), claim_b=ClaimFactory())
        assert summaries()["link_totals"] == {"conflict": 1}  # this transaction sees its own write
        raise RuntimeError("roll back")
    assert summaries() == before
    assert_exact()
