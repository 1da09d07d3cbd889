"""Alerts from newly linked claims: each kind of watch, the conflict and side flags, no repeats."""

from __future__ import annotations

import datetime

import pytest

from articles.models import Article
from claims.models import Claim, PropositionMember, Relation
from pipeline.services import article_link, article_relink
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    PropositionFactory,
    PropositionMemberFactory,
    RelationFactory,
    SpeakerFactory,
    UserFactory,
)
from watches.models import Alert, Watch
from watches.services import alerts_for_new_claims, watch_create

pytestmark = pytest.mark.django_db


def _claim(text: str, **fields) -> Claim:
    article = ArticleFactory(body=text)
    return ClaimFactory(article=article, content_start=0, content_end=len(text), **fields)


@pytest.fixture
def user():
    return UserFactory()


def test_a_saved_search_alerts_on_a_new_claim_that_matches_it_and_not_on_another(user):
    watch = watch_create(user=user, kind=Watch.Kind.SEARCH, query="chemical weapons")
    hit = _claim("The army used chemical weapons near the border.")
    miss = _claim("The minister opened a new bridge over the river.")

    alerts_for_new_claims(claim_ids=[hit.pk, miss.pk])

    assert list(Alert.objects.values_list("watch", "claim", "reason")) == [(watch.pk, hit.pk, Alert.Reason.MATCH)]


def test_a_saved_search_respects_its_facets(user):
    speaker = SpeakerFactory()
    watch_create(
        user=user, kind=Watch.Kind.SEARCH, query="weapons", speaker=speaker, cue_class=Claim.CueClass.DENY,
        date_from=datetime.date(2020, 1, 1),
    )  # fmt: skip
    hit = _claim(
        "No weapons were used.", speaker=speaker, cue_class=Claim.CueClass.DENY, claim_date=datetime.date(2021, 5, 1)
    )
    other_speaker = _claim("No weapons were used.", cue_class=Claim.CueClass.DENY, claim_date=datetime.date(2021, 5, 1))
    too_early = _claim(
        "No weapons were used.", speaker=speaker, cue_class=Claim.CueClass.DENY, claim_date=datetime.date(2019, 5, 1)
    )
    asserted = _claim("Weapons were used.", speaker=speaker, claim_date=datetime.date(2021, 5, 1))

    alerts_for_new_claims(claim_ids=[hit.pk, other_speaker.pk, too_early.pk, asserted.pk])

    assert list(Alert.objects.values_list("claim", flat=True)) == [hit.pk]


def test_a_search_without_text_matches_on_its_facets_alone(user):
    speaker = SpeakerFactory()
    watch_create(user=user, kind=Watch.Kind.SEARCH, speaker=speaker)
    hit = _claim("Anything at all.", speaker=speaker)
    miss = _claim("Anything at all.")

    alerts_for_new_claims(claim_ids=[hit.pk, miss.pk])

    assert list(Alert.objects.values_list("claim", flat=True)) == [hit.pk]


def test_a_watched_speaker_alerts_on_their_new_claim_only(user):
    speaker = SpeakerFactory()
    watch = watch_create(user=user, kind=Watch.Kind.SPEAKER, speaker=speaker)
    hit = _claim("Talks will resume next week.", speaker=speaker)
    miss = _claim("Talks will resume next week.")

    alerts_for_new_claims(claim_ids=[hit.pk, miss.pk])

    assert list(Alert.objects.values_list("watch", "claim", "reason")) == [(watch.pk, hit.pk, Alert.Reason.MATCH)]


def test_a_watched_speaker_taking_a_side_in_a_dispute_is_flagged(user):
    speaker = SpeakerFactory()
    watch_create(user=user, kind=Watch.Kind.SPEAKER, speaker=speaker)
    member = PropositionMemberFactory(
        claim=_claim("The strike hit a school.", speaker=speaker), side=PropositionMember.Side.REFUTES
    )

    alerts_for_new_claims(claim_ids=[member.claim_id])

    alert = Alert.objects.get()
    assert alert.reason == Alert.Reason.SIDE
    assert alert.detail == f"refutes: {member.proposition.label}"


def test_a_watched_dispute_alerts_on_a_new_member_and_flags_a_conflict_with_the_other_side(user):
    dispute = PropositionFactory()
    watch_create(user=user, kind=Watch.Kind.DISPUTE, dispute=dispute)
    PropositionMemberFactory(proposition=dispute, side=PropositionMember.Side.SUPPORTS)
    same_side = PropositionMemberFactory(proposition=dispute, side=PropositionMember.Side.SUPPORTS)
    other_side = PropositionMemberFactory(proposition=dispute, side=PropositionMember.Side.REFUTES)
    elsewhere = PropositionMemberFactory()

    alerts_for_new_claims(claim_ids=[same_side.claim_id, other_side.claim_id, elsewhere.claim_id])

    reasons = dict(Alert.objects.values_list("claim", "reason"))
    # Once both sides have members, every new member conflicts with someone in the dispute.
    assert reasons == {same_side.claim_id: Alert.Reason.CONFLICT, other_side.claim_id: Alert.Reason.CONFLICT}


def test_a_dispute_with_one_side_only_is_a_side_not_a_conflict(user):
    dispute = PropositionFactory()
    watch_create(user=user, kind=Watch.Kind.DISPUTE, dispute=dispute)
    first = PropositionMemberFactory(proposition=dispute, side=PropositionMember.Side.SUPPORTS)

    alerts_for_new_claims(claim_ids=[first.claim_id])

    assert Alert.objects.get().reason == Alert.Reason.SIDE


def test_a_new_claim_conflicting_with_a_watched_claim_is_flagged(user):
    watched = _claim("The ceasefire holds.")
    watch_create(user=user, kind=Watch.Kind.CLAIM, claim=watched)
    conflicting = _claim("The ceasefire does not hold.")
    agreeing = _claim("The ceasefire is holding.")
    unrelated = _claim("Markets rose today.")
    RelationFactory(claim_a=watched, claim_b=conflicting, type=Relation.Type.CONFLICT)
    RelationFactory(claim_a=watched, claim_b=agreeing, type=Relation.Type.AGREE)

    alerts_for_new_claims(claim_ids=[conflicting.pk, agreeing.pk, unrelated.pk])

    assert dict(Alert.objects.values_list("claim", "reason")) == {
        conflicting.pk: Alert.Reason.CONFLICT,
        agreeing.pk: Alert.Reason.RELATED,
    }


def test_a_new_claim_on_the_other_side_of_a_watched_claims_dispute_conflicts_with_it(user):
    watched = PropositionMemberFactory(side=PropositionMember.Side.SUPPORTS)
    watch_create(user=user, kind=Watch.Kind.CLAIM, claim=watched.claim)
    opposite = PropositionMemberFactory(proposition=watched.proposition, side=PropositionMember.Side.REFUTES)

    alerts_for_new_claims(claim_ids=[opposite.claim_id])

    assert Alert.objects.get().reason == Alert.Reason.CONFLICT


def test_a_rejected_relation_raises_no_alert(user):
    watched = _claim("The ceasefire holds.")
    watch_create(user=user, kind=Watch.Kind.CLAIM, claim=watched)
    other = _claim("The ceasefire does not hold.")
    RelationFactory(claim_a=watched, claim_b=other, review_status=Relation.ReviewStatus.REJECTED)

    alerts_for_new_claims(claim_ids=[other.pk])

    assert not Alert.objects.exists()


def test_each_user_gets_their_own_alert_and_a_rerun_adds_none(user):
    speaker = SpeakerFactory()
    someone_else = UserFactory()
    watch_create(user=user, kind=Watch.Kind.SPEAKER, speaker=speaker)
    watch_create(user=someone_else, kind=Watch.Kind.SEARCH, query="talks")
    claim = _claim("Talks will resume.", speaker=speaker)

    first = alerts_for_new_claims(claim_ids=[claim.pk])
    again = alerts_for_new_claims(claim_ids=[claim.pk])

    assert len(first) == 2 and again == []
    assert sorted(Alert.objects.values_list("user", flat=True)) == sorted([user.pk, someone_else.pk])


def test_the_link_stage_records_alerts_once_even_when_the_article_is_linked_again(user):
    speaker = SpeakerFactory()
    watch_create(user=user, kind=Watch.Kind.SPEAKER, speaker=speaker)
    article = ArticleFactory(body="Talks will resume next week, the envoy said.", status=Article.Status.EXTRACTED)
    claim = ClaimFactory(article=article, speaker=speaker, content_end=29)

    article_link(article=article)
    article_relink(article=article)

    assert list(Alert.objects.values_list("claim", flat=True)) == [claim.pk]


def test_a_watched_speaker_turning_sides_on_a_later_day_is_a_position_change_alert(user):
    speaker, dispute = SpeakerFactory(), PropositionFactory(label="The bridge was closed")
    watch = watch_create(user=user, kind=Watch.Kind.SPEAKER, speaker=speaker)
    before = ClaimFactory(speaker=speaker, claim_date=datetime.date(2015, 10, 1))
    PropositionMemberFactory(proposition=dispute, claim=before, side=PropositionMember.Side.SUPPORTS)
    alerts_for_new_claims(claim_ids=[before.pk])
    after = ClaimFactory(speaker=speaker, claim_date=datetime.date(2015, 10, 2))
    PropositionMemberFactory(proposition=dispute, claim=after, side=PropositionMember.Side.REFUTES)

    alerts_for_new_claims(claim_ids=[after.pk])

    alert = Alert.objects.get(watch=watch, claim=after)
    assert alert.reason == Alert.Reason.POSITION_CHANGE
    assert "supports" in alert.detail and "refutes" in alert.detail


def test_a_same_day_contradiction_inside_one_article_is_no_position_change_alert(user):
    speaker, dispute, article = SpeakerFactory(), PropositionFactory(label="The bridge was closed"), ArticleFactory()
    watch_create(user=user, kind=Watch.Kind.SPEAKER, speaker=speaker)
    day = datetime.date(2015, 10, 1)
    yes = ClaimFactory(speaker=speaker, claim_date=day, article=article)
    no = ClaimFactory(speaker=speaker, claim_date=day, article=article)
    PropositionMemberFactory(proposition=dispute, claim=yes, side=PropositionMember.Side.SUPPORTS)
    PropositionMemberFactory(proposition=dispute, claim=no, side=PropositionMember.Side.REFUTES)

    alerts_for_new_claims(claim_ids=[yes.pk, no.pk])

    assert not Alert.objects.filter(reason=Alert.Reason.POSITION_CHANGE).exists()
