"""The shipped attribution tagger beside the rules: it adds what the rules miss, marks what both find."""

from __future__ import annotations

import pytest

from claims.nlp.extract import extract_claims
from claims.nlp.types import ExtractionMethod, Polarity

MISSED_BY_RULES = "Local farmers are convinced the new irrigation canal will ruin the wetlands downstream."


def test_the_rules_alone_miss_this_attribution(nlp):
    assert extract_claims(MISSED_BY_RULES, nlp=nlp, tagger=None) == []


def test_the_tagger_adds_the_attribution_with_a_resolved_speaker(nlp, tagger):
    (claim,) = extract_claims(MISSED_BY_RULES, nlp=nlp, tagger=tagger)
    assert claim.method == ExtractionMethod.MODEL
    assert claim.speaker is not None and claim.speaker.mention == "Local farmers"
    assert claim.content == "the new irrigation canal will ruin the wetlands downstream"
    assert claim.confidence < 0.5  # below every rule claim


def test_a_claim_both_find_is_marked_both(nlp, tagger):
    (claim,) = extract_claims(
        "Many residents think the council has wasted money on the new fountain.", nlp=nlp, tagger=tagger
    )
    assert claim.method == ExtractionMethod.BOTH


def test_a_rules_only_claim_keeps_rules(nlp):
    (claim,) = extract_claims("The mayor said the bridge would open in May.", nlp=nlp, tagger=None)
    assert claim.method == ExtractionMethod.RULES


def test_a_tagged_question_is_not_a_claim(nlp, tagger):
    claims = extract_claims(
        "Reporters asked whether the minister would resign before the vote.", nlp=nlp, tagger=tagger
    )
    assert all(c.method != ExtractionMethod.MODEL for c in claims)


def test_a_tagged_position_under_a_negated_cue_is_negated(nlp, tagger):
    # The rules list no cue here; the tagger finds "did not favor" and the thing it names.
    text = "Several council members did not favor the new tax on imported steel from the northern provinces."
    assert extract_claims(text, nlp=nlp, tagger=None) == []
    (claim,) = extract_claims(text, nlp=nlp, tagger=tagger)
    assert claim.method == ExtractionMethod.MODEL
    assert claim.content == "the new tax on imported steel from the northern provinces"
    assert claim.names_thing
    assert claim.polarity == Polarity.NEGATED


def test_a_tagged_position_under_a_plain_cue_is_asserted(nlp, tagger):
    text = "Several council members favor the new tax on imported steel from the northern provinces."
    claims = [c for c in extract_claims(text, nlp=nlp, tagger=tagger) if c.method == ExtractionMethod.MODEL]
    assert [c.polarity for c in claims] == [Polarity.ASSERTED]


@pytest.mark.parametrize(
    "text",
    [
        "Councillor Ana Ruiz asked the engineer at a hearing whether he thought the contractors had breached the"
        " safety agreement covering the eastern tunnel.",
        "Senator Paul Brandt asked the minister at a hearing whether she thought the navy had violated the treaty"
        " governing the testing of long-range missiles.",
    ],
)
def test_what_a_tagged_cue_asks_is_no_claim(nlp, tagger, text):
    # The tagger tags "asked" and the clause after "whether he thought": a question, which nobody asserts.
    assert extract_claims(text, nlp=nlp, tagger=tagger) == []


def test_a_tagged_content_inside_the_speakers_own_description_is_no_claim(nlp, tagger):
    # The relative clause on the speaker describes her; it is not what she said.
    text = (
        "Senator Ruth Calder, who introduced a bill last month aimed at improving conditions in rural clinics, "
        "said in a statement that the new rules were a welcome first step."
    )
    claims = extract_claims(text, nlp=nlp, tagger=tagger)
    assert [c.content for c in claims if "rural clinics" in c.content] == []
    assert any(c.content.startswith("the new rules were a welcome first step") for c in claims)


def test_a_tagged_content_reported_by_someone_else_inside_the_cue_is_not_the_cue_speakers(nlp, tagger):
    # The tagger pairs "insisted" with the innermost clause, which Khan says, not the governor.
    text = (
        "The governor also insisted in the same interview that Mr. Khan was wrong to say "
        "he had not sacrificed for his country."
    )
    claims = extract_claims(text, nlp=nlp, tagger=tagger)
    assert not [c for c in claims if c.speaker and c.speaker.mention == "The governor" and c.content.startswith("he had not")]


def test_a_tagged_content_under_the_cue_speakers_own_saying_stays(nlp, tagger):
    (claim,) = extract_claims("The mayor insisted on saying the budget was balanced.", nlp=nlp, tagger=tagger)
    assert claim.speaker.mention == "The mayor"
    assert claim.content == "the budget was balanced"
