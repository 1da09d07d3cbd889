"""A claim extraction stored as negated while its words negate nothing ("Investigators have no
evidence to suggest that [the mayor approved the permit]", "The minister expressed doubt that [the
harbour would reopen this year]"): its speaker says the content is not so, as a denying cue's does.
The real encoder, relation model and linking's denial checks, on sentences of our own."""

from __future__ import annotations

import pytest

from claims.nlp.meaning import embed_texts
from claims.nlp.relation import ClaimFacts, Judgement, RelationModel
from claims.nlp.relation.denial import agreements_denied, conflicts_resting_on_denial
from claims.nlp.relation.features import negated_outside_content
from claims.nlp.types import CueClass, RelationType

MIN_SHARE = 0.3
PERMIT = "the mayor approved the building permit for the new marina"
HARBOUR = "the harbour would reopen to cargo ships this year"


@pytest.fixture(scope="module")
def model() -> RelationModel:
    return RelationModel.load()


def side(text: str, *, negated: bool = False, cue_class: str = CueClass.ASSERT, cue_lemma: str = "say") -> ClaimFacts:
    (vector,) = embed_texts([text])
    return ClaimFacts(
        text=text, embedding=vector, negated=negated, cue_class=cue_class, cue=cue_lemma, cue_lemma=cue_lemma
    )


def linked(model: RelationModel, a: ClaimFacts, b: ClaimFacts) -> Judgement:
    """The verdict as linking stores it: the model's, then both denial checks."""
    pairs = [(a, b)]
    judgements = conflicts_resting_on_denial(pairs, model.judge_many(pairs), embed=embed_texts, min_share=MIN_SHARE)
    (judgement,) = agreements_denied(pairs, judgements, embed=embed_texts, min_share=MIN_SHARE)
    return judgement


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        # "Investigators have no evidence to suggest that [the mayor approved …]"
        (PERMIT, {"negated": True, "cue_class": CueClass.HEDGE, "cue_lemma": "suggest"}, True),
        # "The minister expressed doubt that [the harbour would reopen …]"
        (HARBOUR, {"negated": True, "cue_lemma": "doubt"}, True),
        # "The port denied that [the harbour would reopen …]": a denying cue, as before
        (HARBOUR, {"negated": True, "cue_class": CueClass.DENY, "cue_lemma": "deny"}, True),
        # "The mayor made no claim that [the permit was approved]": nothing said, nothing denied
        (PERMIT, {"negated": True, "cue_lemma": "claim"}, False),
        # The words negate themselves: their own reading stands
        ("the mayor never approved the building permit", {"negated": True, "cue_lemma": "suggest"}, False),
        (PERMIT, {"negated": False, "cue_lemma": "suggest"}, False),
        (PERMIT, {}, False),  # a headline: polarity unknown
    ],
)
def test_it_tells_a_negation_outside_the_words_from_one_in_them(text, known, expected):
    facts = ClaimFacts(text=text, embedding=embed_texts([text])[0], **known)

    assert negated_outside_content(facts) is expected


def test_no_evidence_for_a_statement_conflicts_with_the_statement_and_says_why(model):
    no_evidence = side(PERMIT, negated=True, cue_class=CueClass.HEDGE, cue_lemma="suggest")
    asserted = side("The mayor approved the building permit for the new marina")

    judgement = linked(model, asserted, no_evidence)

    assert judgement.label == RelationType.CONFLICT
    assert "one side's speaker says it is not so" in judgement.reason


def test_a_doubt_conflicts_with_the_statement_doubted(model):
    doubted = side(HARBOUR, negated=True, cue_lemma="doubt")
    asserted = side("The harbour will reopen to cargo ships this year")

    judgement = linked(model, doubted, asserted)

    assert judgement.label == RelationType.CONFLICT
    assert "says it is not so" in judgement.reason


def test_a_denying_cue_keeps_its_own_words_in_the_reason(model):
    denied = side(HARBOUR, negated=True, cue_class=CueClass.DENY, cue_lemma="deny")
    asserted = side("The harbour will reopen to cargo ships this year")

    assert "one side's speaker denies it" in linked(model, denied, asserted).reason


def test_saying_nothing_of_a_statement_is_no_denial_of_it(model):
    # "The mayor made no claim that [the mayor approved …]" says nothing was said, as "did not say" does.
    unsaid = side(PERMIT, negated=True, cue_lemma="claim")
    asserted = side("The mayor approved the building permit for the new marina")

    assert linked(model, unsaid, asserted).label != RelationType.CONFLICT


def test_no_evidence_for_a_statement_agrees_with_its_plain_negation(model):
    # The denial counts once: "no evidence that [he approved it]" and "he did not approve it" say the same.
    no_evidence = side(PERMIT, negated=True, cue_class=CueClass.HEDGE, cue_lemma="suggest")
    negation = side("The mayor did not approve the building permit for the new marina", negated=True)

    assert linked(model, no_evidence, negation).label in {RelationType.AGREE, RelationType.SAME_CLAIM}
