"""Attribution cues beyond "said that": positions toward a thing, evidence that shows something,
intentions urged on others, and clauses framed as a poll's result or someone's view."""

from __future__ import annotations

import pytest

from claims.nlp.types import ClaimType, CueClass, ExtractedClaim


def _one(claims: list[ExtractedClaim]) -> ExtractedClaim:
    assert len(claims) == 1, [(c.cue, c.content) for c in claims]
    return claims[0]


def test_an_accusation_keeps_what_the_accused_is_said_to_have_done(extract):
    claim = _one(extract("The harbour master accused the ferry company of ignoring the storm warnings."))
    assert claim.speaker.name == "harbour master"
    assert claim.content == "the ferry company of ignoring the storm warnings"
    assert claim.cue_class == CueClass.ASSERT
    assert claim.confidence < 0.5


def test_a_comparison_keeps_what_the_thing_is_likened_to(extract):
    claim = _one(extract("Local growers likened the tariff to a tax on farmers."))
    assert claim.speaker.name == "Local growers"
    assert claim.content == "the tariff to a tax on farmers"


def test_a_call_for_an_action_named_by_a_gerund_is_a_position(extract):
    claim = _one(extract("Residents have called for reopening the old footbridge."))
    assert claim.cue_lemma == "call"
    assert claim.content == "reopening the old footbridge"


def test_a_proposal_named_by_a_gerund_is_a_position(extract):
    claim = _one(extract("The transport board proposes extending the tram line to the airport."))
    assert claim.speaker.name == "transport board"
    assert claim.content == "extending the tram line to the airport"


def test_an_acknowledged_thing_is_the_content(extract):
    claim = _one(extract("The council acknowledged the delays on the northern line."))
    assert claim.content == "the delays on the northern line"


def test_pointing_to_a_thing_is_a_position_but_pointing_an_object_is_not(extract):
    claim = _one(extract("The union pointed to the longer shifts as a cause of the accidents."))
    assert claim.content == "the longer shifts as a cause of the accidents"
    assert extract("The crew pointed a torch at the hull.") == []


def test_a_record_reports_what_it_shows(extract):
    claim = _one(extract("Footage from the dock shows that the crane was still raised."))
    assert claim.speaker.name == "Footage"
    assert claim.content == "the crane was still raised"
    assert claim.cue_class == CueClass.REPORT


def test_evidence_that_shows_a_thing_keeps_what_it_shows_of_it(extract):
    claim = _one(extract("The harbour survey shows the western pier with a widening crack."))
    assert claim.content == "the western pier with a widening crack"
    assert claim.cue_class == CueClass.REPORT


def test_a_person_who_finds_an_object_reports_nothing(extract):
    assert extract("The diver found a rusty anchor near the pier.") == []


def test_a_person_who_finds_a_thing_to_be_so_judges_it(extract):
    claim = _one(extract("A county judge found the parking fee unlawful."))
    assert claim.speaker.name == "county judge"
    assert claim.content == "the parking fee unlawful"


def test_an_intention_encouraged_on_others_is_the_encouragers(extract):
    claims = extract("The senator spoke at the harbour, encouraging voters to call their representatives.")
    claim = next(c for c in claims if c.cue_lemma == "encourage")
    assert claim.speaker.name == "senator"
    assert claim.content == "voters to call their representatives"


def test_a_clause_framed_by_a_poll_is_the_polls_report(extract):
    claim = _one(extract("In the latest survey, the ferry operator trails its rival among commuters."))
    assert claim.speaker.name == "latest survey"
    assert claim.content == "the ferry operator trails its rival among commuters"
    assert claim.cue_class == CueClass.REPORT
    assert claim.claim_type == ClaimType.INDIRECT


def test_a_clause_framed_as_someones_view_is_their_belief(extract):
    claim = _one(extract("In the mayor's view, the tunnel is a waste of money."))
    assert claim.speaker.name == "mayor"
    assert claim.content == "the tunnel is a waste of money"
    assert claim.cue_class == CueClass.HEDGE


def test_a_clause_as_someone_put_it_is_theirs(extract):
    claim = _one(extract("As one resident put it, the harbour has never been this empty."))
    assert claim.speaker.name == "resident"
    assert claim.content == "the harbour has never been this empty"


@pytest.mark.parametrize(
    "text",
    [
        'The harbour needs "a dredging plan with teeth," as one resident put it.',
        'The harbour needs, as one resident put it, "a dredging plan with teeth."',
    ],
)
def test_beside_a_quotation_as_someone_put_it_credits_them_with_the_quoted_words(extract, text):
    claim = _one(extract(text))
    assert claim.speaker.name == "resident"
    assert claim.content == "a dredging plan with teeth"


def test_a_place_framed_by_in_is_no_source(extract):
    assert extract("In the old harbour, the ferry operator trails its rival.") == []


def test_a_frame_around_a_reporting_verb_leaves_the_verb_its_claim(extract):
    claim = _one(extract("In a survey, most pilots said the runway was too short."))
    assert claim.cue_lemma == "say"
    assert claim.speaker.name == "most pilots"
