"""The shipped relation model on sentences of our own: paraphrase, denial, same person saying different things."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claims.nlp.meaning import embed_texts
from claims.nlp.relation import ClaimFacts, RelationModel
from claims.nlp.types import CueClass


@pytest.fixture(scope="module")
def model() -> RelationModel:
    return RelationModel.load()


def facts(*texts: str, **known) -> list[ClaimFacts]:
    return [ClaimFacts(text=text, embedding=vector, **known) for text, vector in zip(texts, embed_texts(list(texts)), strict=False)]


def test_it_finds_a_paraphrase_the_same_claim_or_an_agreement(model):
    a, b = facts("The city council approved the new budget on Monday.", "On Monday the new budget was approved by the city council.")

    judgement = model.judge(a, b)

    assert judgement.label in {"same_claim", "agree"}
    assert 0.0 <= judgement.score <= 1.0


def test_it_marks_a_denial_as_a_conflict_and_says_what_is_negated(model):
    a, b = facts("The talks have not collapsed", "The talks collapsed")

    judgement = model.judge(a, b)

    assert judgement.label == "conflict"
    assert "collapsed" in judgement.reason


def test_the_reason_names_the_word_the_negation_bears_on_not_the_last_shared_one(model):
    a, b = facts("The governor did not sign the budget bill on Friday", "The governor signed the budget bill on Friday")

    judgement = model.judge(a, b)

    assert judgement.label == "conflict"
    assert "negates 'sign'" in judgement.reason


def test_it_marks_a_spokesman_denying_a_report_as_a_conflict(model):
    a, b = facts(
        "The factory was closed because of a gas leak", "The company denied that the factory was closed over a gas leak"
    )

    assert model.judge(a, b).label == "conflict"


def test_it_leaves_two_claims_about_one_person_that_say_different_things_unrelated(model):
    a, b = facts(
        "Maria Lopez won the regional cycling championship in June.",
        "Maria Lopez will open a bakery on the high street next spring.",
    )

    assert model.judge(a, b).label == "unrelated"


@pytest.mark.parametrize(
    "other_than, negated",
    [
        ("The fire was started by something other than faulty wiring", "The fire was not started by faulty wiring"),
        ("The money went to projects other than the new stadium", "The money did not go to the new stadium"),
    ],
)
def test_other_than_negates_as_not_does_so_the_two_agree(model, other_than, negated):
    a, b = facts(other_than, negated)

    assert model.judge(a, b).label in ("agree", "same_claim")


def test_its_verdict_does_not_depend_on_the_order_of_the_pair(model):
    a, b = facts("The bridge will reopen in May", "The bridge will not reopen before autumn")

    forward, backward = model.judge(a, b), model.judge(b, a)

    assert (forward.label, round(forward.score, 6)) == (backward.label, round(backward.score, 6))


def test_it_judges_many_pairs_at_once_like_one_by_one(model):
    a, b, c = facts("The mayor resigned", "The mayor did not resign", "Heavy rain flooded the harbour")

    many = model.judge_many([(a, b), (a, c)])

    one_by_one = [model.judge(a, b), model.judge(a, c)]
    # Batched matrix products may differ from single ones in the last bits of a float.
    assert [(j.label, j.reason) for j in many] == [(j.label, j.reason) for j in one_by_one]
    assert [j.score for j in many] == pytest.approx([j.score for j in one_by_one], abs=1e-9)


def test_a_known_denial_cue_counts_as_a_difference_between_the_sides(model):
    asserted = facts("The plant will close next year", cue_class=CueClass.ASSERT)[0]
    denied = facts("The plant will close next year", cue_class=CueClass.DENY)[0]

    assert model.judge(asserted, denied).p_conflict > model.judge(asserted, asserted).p_conflict


def test_a_denied_statement_and_its_plain_negation_say_the_same(model):
    # "The ministry denied that the talks had collapsed" / "The talks have not collapsed."
    denied = facts("the talks had collapsed", negated=True, cue_class=CueClass.DENY)[0]
    negation = facts("The talks have not collapsed", negated=True, cue_class=CueClass.ASSERT)[0]

    assert model.judge(denied, negation).label in ("agree", "same_claim")


def test_a_denied_statement_conflicts_with_the_statement_asserted(model):
    # "The ministry denied that the talks had collapsed" / "The talks have collapsed."
    denied = facts("the talks had collapsed", negated=True, cue_class=CueClass.DENY)[0]
    asserted = facts("The talks have collapsed", negated=False, cue_class=CueClass.ASSERT)[0]

    judgement = model.judge(denied, asserted)

    assert judgement.label == "conflict"
    assert "speaker denies it" in judgement.reason
    assert judgement.p_conflict > model.judge(denied, facts("The talks have not collapsed", negated=True)[0]).p_conflict


def test_a_refusal_and_a_report_of_the_same_thing_withheld_agree(model):
    # "The foundation refused to release the names of its donors" / "The donors' names were not disclosed."
    refused = facts("to release the names of its foreign donors", negated=True, cue_class=CueClass.DENY)[0]
    withheld = facts("The names of the foundation's foreign donors were not disclosed", negated=True, cue_class=CueClass.REPORT)[0]

    assert model.judge(refused, withheld).label == "agree"


def test_one_speaker_saying_a_statement_twice_is_the_same_claim_reported_again(model):
    first, second = facts(
        "The wage talks between the dock workers and the port authority have collapsed",
        "Negotiations on pay between the port authority and the dock workers broke down",
    )
    one_speaker = model.judge(replace(first, speaker="speaker:7"), replace(second, speaker="speaker:7"))
    two_speakers = model.judge(replace(first, speaker="speaker:7"), replace(second, speaker="speaker:8"))

    assert one_speaker.label == "same_claim" and "same speaker" in one_speaker.reason
    assert two_speakers.label == "agree"


def test_one_speaker_contradicting_themselves_is_still_a_conflict(model):
    said, unsaid = facts(
        "The wage talks between the dock workers and the port authority have collapsed",
        "The wage talks between the dock workers and the port authority have not collapsed",
        speaker="speaker:7",
    )

    assert model.judge(said, unsaid).label == "conflict"
