"""Position changes: a speaker's side in a dispute over days and reports, and where it turns."""

import datetime

import pytest

from claims.models import PropositionMember
from claims.selectors.positions import (
    dispute_position_changes,
    position_changes_for_claims,
    speaker_position_changes,
    speaker_position_history,
)
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    PropositionFactory,
    PropositionMemberFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

SUPPORTS, REFUTES = PropositionMember.Side.SUPPORTS, PropositionMember.Side.REFUTES
DAY1, DAY2, DAY3 = datetime.date(2015, 10, 1), datetime.date(2015, 10, 2), datetime.date(2015, 10, 5)


def said(speaker, dispute, side, day, article=None):
    """A claim by ``speaker`` on ``day`` (in ``article``, else a new one), a member of ``dispute`` on ``side``."""
    claim = ClaimFactory(speaker=speaker, claim_date=day, article=article or ArticleFactory())
    PropositionMemberFactory(proposition=dispute, claim=claim, side=side)
    return claim


@pytest.fixture
def speaker():
    return SpeakerFactory(name="Maria Vance")


@pytest.fixture
def dispute():
    return PropositionFactory(label="The bridge was closed")


def test_a_change_of_side_across_days_is_a_change(speaker, dispute):
    yes = said(speaker, dispute, SUPPORTS, DAY1)
    no = said(speaker, dispute, REFUTES, DAY2)
    [change] = speaker_position_changes(speaker)
    assert (change.before.claim_id, change.after.claim_id) == (yes.pk, no.pk)
    assert (change.before.side, change.after.side) == (SUPPORTS, REFUTES)
    assert (change.before.day, change.after.day) == (DAY1, DAY2)


def test_a_contradiction_inside_one_article_on_one_day_is_no_change(speaker, dispute):
    article = ArticleFactory()
    said(speaker, dispute, SUPPORTS, DAY1, article)
    said(speaker, dispute, REFUTES, DAY1, article)
    assert speaker_position_changes(speaker) == []
    assert dispute_position_changes(dispute) == []


def test_two_articles_of_one_day_taking_opposite_sides_are_a_change(speaker, dispute):
    said(speaker, dispute, SUPPORTS, DAY1)
    said(speaker, dispute, REFUTES, DAY1)
    assert len(speaker_position_changes(speaker)) == 1


def test_back_and_forth_counts_each_turn_and_repeats_do_not(speaker, dispute):
    first = said(speaker, dispute, SUPPORTS, DAY1)
    again = said(speaker, dispute, SUPPORTS, DAY2)  # same side again: no change, but now the latest
    no = said(speaker, dispute, REFUTES, DAY3)
    back = said(speaker, dispute, SUPPORTS, DAY3 + datetime.timedelta(days=1))
    changes = speaker_position_changes(speaker)
    assert [(c.before.claim_id, c.after.claim_id) for c in changes] == [(again.pk, no.pk), (no.pk, back.pk)]
    assert first.pk not in {c.before.claim_id for c in changes}


def test_a_mixed_article_leaves_the_stance_as_it_was(speaker, dispute):
    yes = said(speaker, dispute, SUPPORTS, DAY1)
    article = ArticleFactory()
    said(speaker, dispute, SUPPORTS, DAY2, article)
    said(speaker, dispute, REFUTES, DAY2, article)
    no = said(speaker, dispute, REFUTES, DAY3)
    [change] = speaker_position_changes(speaker)
    assert (change.before.claim_id, change.after.claim_id) == (yes.pk, no.pk)


def test_an_undated_claim_takes_its_articles_publication_day(speaker, dispute):
    said(speaker, dispute, SUPPORTS, DAY1)
    published = datetime.datetime(2015, 10, 9, 12, tzinfo=datetime.UTC)
    late = said(speaker, dispute, REFUTES, None, ArticleFactory(published_at=published))
    [change] = speaker_position_changes(speaker)
    assert change.after.claim_id == late.pk and change.after.day == published.date()


def test_sides_in_different_disputes_or_by_different_speakers_never_meet(speaker, dispute):
    other_dispute, other_speaker = PropositionFactory(), SpeakerFactory()
    said(speaker, dispute, SUPPORTS, DAY1)
    said(speaker, other_dispute, REFUTES, DAY2)
    said(other_speaker, dispute, REFUTES, DAY2)
    assert speaker_position_changes(speaker) == []
    assert dispute_position_changes(dispute) == []
    assert set(speaker_position_history(speaker)) == {dispute.pk, other_dispute.pk}


def test_the_dispute_lists_every_speakers_changes_oldest_first(speaker, dispute):
    other = SpeakerFactory()
    said(other, dispute, REFUTES, DAY1)
    said(speaker, dispute, SUPPORTS, DAY1)
    said(speaker, dispute, REFUTES, DAY2)
    said(other, dispute, SUPPORTS, DAY3)
    changes = dispute_position_changes(dispute)
    assert [(c.speaker_id, c.after.day) for c in changes] == [(speaker.pk, DAY2), (other.pk, DAY3)]


def test_new_claims_get_the_changes_they_take_part_in(speaker, dispute):
    yes = said(speaker, dispute, SUPPORTS, DAY1)
    no = said(speaker, dispute, REFUTES, DAY2)
    back = said(speaker, dispute, SUPPORTS, DAY3)
    assert [(c.before.claim_id, c.after.claim_id) for c in position_changes_for_claims([back.pk])] == [(no.pk, back.pk)]
    assert len(position_changes_for_claims([no.pk])) == 2  # it turned from yes, and back turns from it
    assert position_changes_for_claims([yes.pk])[0].after.claim_id == no.pk
    unrelated = ClaimFactory(speaker=speaker, claim_date=DAY3)  # in no dispute
    assert position_changes_for_claims([unrelated.pk]) == []


def test_a_claim_a_curator_rejected_takes_no_side(speaker, dispute):
    said(speaker, dispute, SUPPORTS, DAY1)
    no = said(speaker, dispute, REFUTES, DAY2)
    no.review_status = no.ReviewStatus.REJECTED
    no.save()
    assert speaker_position_changes(speaker) == []
    assert dispute_position_changes(dispute) == []
