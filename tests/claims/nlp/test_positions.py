"""Two positions on one thing ("criticized [the plan]", "praised [the plan]") are judged by the
sides their cues take: the same side agrees, opposite sides conflict."""

from __future__ import annotations

import pytest

from claims.nlp.lexicons import lexicon
from claims.nlp.meaning import embed_texts
from claims.nlp.relation import ClaimFacts
from claims.nlp.relation.positions import AGAINST, FOR, SIDES, judge_positions, position_side

PLAN = "the governor's plan to close three rural hospitals"
PLAN_AGAIN = "the governor's plan to shut three rural hospitals"


def position(text: str, cue: str, side: str, speaker: str) -> ClaimFacts:
    [vector] = embed_texts([text])
    return ClaimFacts(text=text, embedding=vector, speaker=speaker, position=side, cue=cue)


@pytest.mark.parametrize(
    "cue, side", [("criticize", AGAINST), ("condemn", AGAINST), ("praise", FOR), ("endorse", FOR), ("Back", FOR)]
)
def test_a_cue_that_takes_a_side_gives_it(cue, side):
    assert position_side(cue, negated=False) == side


@pytest.mark.parametrize("cue", ["say", "cite", "mention", "announce"])
def test_a_cue_that_only_reports_or_describes_takes_no_side(cue):
    assert position_side(cue, negated=False) is None


def test_a_negated_cue_takes_no_side():
    assert position_side("endorse", negated=True) is None


def test_every_listed_cue_takes_one_of_the_two_sides():
    assert set(lexicon("position_verbs").values()) <= set(SIDES)


def test_two_speakers_against_one_thing_agree_and_say_why():
    judgement = judge_positions(
        position(PLAN, "criticized", AGAINST, "bell"), position(PLAN_AGAIN, "condemned", AGAINST, "union")
    )

    assert judgement.label == "agree"
    assert "'criticized' (against)" in judgement.reason and "'condemned' (against)" in judgement.reason
    assert judgement.score == pytest.approx(judgement.similarity) and judgement.similarity > 0.9


def test_one_for_and_one_against_one_thing_conflict():
    judgement = judge_positions(position(PLAN, "criticized", AGAINST, "bell"), position(PLAN, "praised", FOR, "reed"))

    assert judgement.label == "conflict"
    assert "one is for it, the other against" in judgement.reason


def test_one_speaker_taking_the_same_side_again_is_the_same_claim():
    judgement = judge_positions(
        position(PLAN, "criticized", AGAINST, "bell"), position(PLAN_AGAIN, "attacked", AGAINST, "bell")
    )

    assert judgement.label == "same_claim"
