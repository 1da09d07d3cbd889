"""Indirect speech: reporting verbs and nouns in both orders, 'according to', headlines."""

from __future__ import annotations

import pytest

from claims.nlp.types import ClaimType


def _one(claims):
    assert len(claims) == 1, [c.content for c in claims]
    return claims[0]


def test_it_reads_speaker_said_that_clause(extract):
    claim = _one(extract("The ministry said that grain exports would rise next year."))
    assert claim.claim_type == ClaimType.INDIRECT
    assert claim.content == "grain exports would rise next year"
    assert claim.speaker.name == "ministry"


def test_it_reads_the_inverted_order_clause_then_speaker(extract):
    claim = _one(extract("Grain exports will rise next year, the ministry said."))
    assert claim.content == "Grain exports will rise next year"
    assert claim.speaker.mention == "the ministry"


def test_it_takes_the_teller_not_the_addressee_as_speaker(extract):
    claim = _one(extract("Two farm officials told reporters that the harvest was late."))
    assert claim.speaker.name == "farm officials"
    assert claim.content == "the harvest was late"


def test_it_reads_according_to(extract):
    claim = _one(extract("The harvest was late this autumn, according to the farmers' union."))
    assert claim.claim_type == ClaimType.ACCORDING_TO
    assert claim.content == "The harvest was late this autumn"
    assert "union" in claim.speaker.name


def test_it_credits_the_person_quoted_not_the_outlet(extract):
    claim = _one(extract("The minister was quoted by the paper as saying that bread prices would fall."))
    assert claim.speaker.name == "minister"
    assert claim.content == "bread prices would fall"


def test_it_reads_a_headline_with_a_colon_attribution(extract):
    claim = _one(extract("Farm officials: Harvest is the worst in a decade"))
    assert claim.claim_type == ClaimType.HEADLINE
    assert claim.cue == ":"
    assert claim.content == "Harvest is the worst in a decade"


def test_it_keeps_passive_attribution_without_a_source(extract):
    claim = _one(extract("It was reported that the factory would close."))
    assert claim.speaker is None
    assert claim.content == "the factory would close"


def test_it_marks_indirect_speech_with_a_quoted_phrase_as_mixed(extract):
    claim = _one(extract("Harper said the repairs were “ahead of schedule and under budget.”"))
    assert claim.claim_type == ClaimType.MIXED
    assert claim.content.startswith("the repairs were")


def test_it_credits_a_statement_to_whoever_issued_it(extract):
    claim = _one(extract("The company said in a statement that the recall was voluntary."))
    assert claim.speaker.name == "company"
    assert claim.content == "the recall was voluntary"


def test_it_reads_a_reporting_noun_with_a_that_clause(extract):
    claim = _one(extract("The union rejected the company's claim that wages had risen."))
    assert claim.cue_lemma == "claim"
    assert claim.speaker.name == "company"
    assert claim.content == "wages had risen"


@pytest.mark.parametrize(
    "verb",
    [
        "claimed",
        "insisted",
        "confirmed",
        "acknowledged",
        "warned",
        "argued",
        "wrote",
        "tweeted",
        "reported",
        "announced",
        "believes",
        "added",
        "suggested",
        "told the council",
    ],
)
def test_it_recognises_a_wide_set_of_reporting_verbs(extract, verb):
    claim = _one(extract(f"The inspector {verb} that the dam was unsafe."))
    assert claim.content == "the dam was unsafe"
    assert claim.speaker.name == "inspector"


def test_it_does_not_credit_inference_to_an_inanimate_subject(extract):
    claims = extract("The falling prices suggest that demand is weak.")
    assert claims == []


def test_it_reads_a_stance_toward_an_object_with_low_confidence(extract):
    claim = _one(extract("The senator criticized the new toll on the bridge."))
    assert claim.content == "the new toll on the bridge"
    assert claim.speaker.name == "senator"
    assert claim.confidence < 0.5


def test_it_credits_intentions_to_people(extract):
    claim = _one(extract("The governor pledged to rebuild the flooded school by spring."))
    assert claim.content == "to rebuild the flooded school by spring"
    assert claim.speaker.name == "governor"


def test_it_keeps_a_named_persons_speech_nested_in_another_report(extract):
    outer, inner = extract("Two aides said Harper told them that the bridge would reopen in May.")
    assert outer.speaker.name == "aides"
    assert inner.speaker.name == "Harper"
    assert inner.content == "the bridge would reopen in May"


def test_it_does_not_split_off_an_unnamed_nested_belief(extract):
    claims = extract("Officials said the agency believes the bridge is safe.")
    assert [c.speaker.name for c in claims] == ["Officials"]


def test_according_to_also_claims_the_sentence_an_also_sentence_continues(extract):
    text = (
        "Engineers have found cracks in the pier. They have also found rust on the cables, according to the inspectors."
    )
    first, second = extract(text)
    assert first.content == "Engineers have found cracks in the pier"
    assert second.content == "They have also found rust on the cables"
    assert first.speaker.name == second.speaker.name == "inspectors"
    assert first.claim_type == second.claim_type == ClaimType.ACCORDING_TO


def test_a_stance_claim_leaves_out_when_and_how_it_was_said(extract):
    claim = _one(extract("The mayor attacked the ferry operator in a late-night radio interview on Friday."))
    assert claim.content == "the ferry operator"


def test_a_stance_claim_keeps_what_the_verb_says_of_its_object(extract):
    blamed = _one(extract("The union blamed the harbour board for the strike."))
    assert blamed.content == "the harbour board for the strike"
    described = _one(extract("The mayor described the closure as a disgrace."))
    assert described.content == "the closure as a disgrace"


def test_a_stance_claim_stops_before_a_comment_set_off_by_a_comma(extract):
    claim = _one(extract("The council praised the new ferry timetable, which starts in June."))
    assert claim.content == "the new ferry timetable"


def test_it_reads_a_view_voiced_through_a_light_verb(extract):
    claim = _one(extract("Dock workers expressed concern that the new channel was too shallow."))
    assert claim.content == "the new channel was too shallow"
    assert claim.speaker.name == "Dock workers"


def test_it_reads_an_attitude_noun_toward_a_thing_with_low_confidence(extract):
    claim = _one(extract("The union's criticism of the ferry timetable grew louder."))
    assert claim.content == "the ferry timetable"
    assert claim.speaker.name == "union"
    assert claim.confidence < 0.5
    voiced = _one(extract("Local farmers voiced doubts about the irrigation scheme."))
    assert voiced.content == "the irrigation scheme"
    assert voiced.speaker.name == "Local farmers"


def test_it_keeps_one_claim_for_a_report_the_speaker_repeats_further_down(extract):
    text = (
        "Mayor Linda Harper confirmed on Monday that the city will close the old bridge in May.\n\n"
        "The council met for three hours on Monday evening.\n\n"
        "Harper confirmed that the city will close the old bridge in May but indicated that a ferry "
        "service would run meanwhile."
    )
    claims = extract(text)
    assert [c.content for c in claims] == [
        "the city will close the old bridge in May",
        "a ferry service would run meanwhile",
    ]
    assert {c.speaker.name for c in claims} == {"Linda Harper"}


def test_it_keeps_a_quote_the_speaker_repeats(extract):
    text = (
        "“The old bridge will close in May,” Mayor Linda Harper said on Monday.\n\n"
        "“The old bridge will close in May,” Harper repeated at the evening meeting."
    )
    assert len(extract(text)) == 2


def test_it_keeps_according_to_content_whose_verb_could_report(extract):
    claim = _one(extract("According to the harbour master, the dredging will continue."))
    assert claim.content == "the dredging will continue"
    assert claim.claim_type == "according_to"


def test_it_keeps_the_condition_a_report_starts_with(extract):
    claim = _one(extract("The mayor said that if the river rises again, the old bridge will close."))
    assert claim.content == "if the river rises again, the old bridge will close"
