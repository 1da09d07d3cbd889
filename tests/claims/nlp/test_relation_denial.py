"""A conflict in words stands only when the denial is what separates the two sides: linking's
check on what the model calls a conflict, run with the real encoder on sentences of our own."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claims.nlp.meaning import embed_texts
from claims.nlp.relation import ClaimFacts, RelationModel
from claims.nlp.relation.denial import agreements_denied, conflicts_resting_on_denial, without_denial
from claims.nlp.types import CueClass, RelationType

MIN_SHARE = 0.3


@pytest.fixture(scope="module")
def model() -> RelationModel:
    return RelationModel.load()


def facts(*texts: str) -> list[ClaimFacts]:
    return [ClaimFacts(text=t, embedding=v) for t, v in zip(texts, embed_texts(list(texts)), strict=True)]


def checked(model: RelationModel, a: ClaimFacts, b: ClaimFacts):
    (judgement,) = conflicts_resting_on_denial([(a, b)], [model.judge(a, b)], embed=embed_texts, min_share=MIN_SHARE)
    return judgement


def test_the_words_without_their_denial():
    assert without_denial("The talks have not collapsed, a false report said") == (
        "the talks have not collapsed a false report said",
        "the talks have collapsed a report said",
    )
    assert without_denial("The talks have collapsed") is None


@pytest.mark.parametrize(
    "denial, statement",
    [
        ("The mayor is not qualified to lead the harbour board", "The mayor is qualified to lead the harbour board"),
        # Already 0.97 alike: the "not" is all of the little that separates them.
        ("The wage talks between the dock workers and the port authority have not collapsed",
         "The wage talks between the dock workers and the port authority have collapsed"),
    ],
)
def test_a_statement_and_its_negation_stay_a_conflict(model, denial, statement):
    a, b = facts(denial, statement)
    assert model.judge(a, b).label == RelationType.CONFLICT

    assert checked(model, a, b).label == RelationType.CONFLICT


def test_a_stray_negation_in_a_long_claim_is_no_conflict(model):
    a, b = facts(
        "The port authority did not tell the public the truth about the cost of the new cranes, the delays "
        "at the harbour or how the wage talks with the dock workers were going",
        "The wage talks between the dock workers and the port authority were going badly, with delays at the harbour",
    )
    before = model.judge(a, b)
    assert before.label == RelationType.CONFLICT  # the shared words and a "not" are all the model sees

    after = checked(model, a, b)

    assert after.label == "unrelated"
    assert "denies something, but not what the other says" in after.reason
    assert after.similarity == before.similarity


def test_a_denial_in_the_cue_is_not_checked(model):
    a, b = facts("the wage talks had collapsed", "the wage talks collapsed on Friday after a long night")
    denied = replace(a, cue_class=CueClass.DENY, negated=True)  # "denied that [the wage talks had collapsed]"
    judgement = model.judge(denied, b)
    assert judgement.label == RelationType.CONFLICT

    (after,) = conflicts_resting_on_denial([(denied, b)], [judgement], embed=embed_texts, min_share=MIN_SHARE)

    assert after is judgement


def test_other_verdicts_pass_untouched_and_nothing_is_embedded_for_them(model):
    a, b = facts("The council approved the budget on Monday", "On Monday the council approved the budget")
    judgement = model.judge(a, b)
    assert judgement.label != RelationType.CONFLICT

    def no_encoder(texts):
        raise AssertionError("embedded without a conflict to check")

    assert conflicts_resting_on_denial([(a, b)], [judgement], embed=no_encoder, min_share=MIN_SHARE) == [judgement]


# ---- the other half: an agreement one side denies ----------------------------------------------


def settled(model: RelationModel, a: ClaimFacts, b: ClaimFacts):
    (judgement,) = agreements_denied([(a, b)], [model.judge(a, b)], embed=embed_texts, min_share=MIN_SHARE)
    return judgement


@pytest.mark.parametrize(
    "denial, statement",
    [
        (
            "he had never suggested the city should use a registry to track cyclists",
            "he would certainly use a registry to track cyclists in the city",
        ),
        (
            "the port authority never approved the sale of the harbour land",
            "the port authority approved the sale of the harbour land last spring",
        ),
    ],
)
def test_an_agreement_that_one_side_denies_is_a_conflict_with_its_reason(model, denial, statement):
    a, b = facts(denial, statement)
    assert model.judge(a, b).label == RelationType.AGREE  # what the model alone says

    judgement = settled(model, a, b)

    assert judgement.label == RelationType.CONFLICT
    assert "one side denies what the other says" in judgement.reason


def test_an_agreement_whose_negation_adds_something_else_stays_an_agreement(model):
    a, b = facts(
        "the harbour will stay open to cargo ships this winter",
        "the harbour will stay open to cargo ships this winter and no jobs will be lost",
    )

    assert settled(model, a, b).label == RelationType.AGREE

