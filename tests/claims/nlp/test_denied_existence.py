"""What a sentence says does not exist ("nothing", "no evidence") neither speaks nor makes its
clause someone's positive claim."""

from __future__ import annotations

import pytest

from claims.nlp.types import Polarity


@pytest.mark.parametrize(
    "sentence",
    [
        "There is nothing that suggests the pump failed before the storm.",
        "There is no evidence that suggests the mayor knew about the leak.",
        "Nothing says the council must close the pier.",
        "Nothing in the minutes suggests that the treasurer moved the funds.",
    ],
)
def test_nothing_and_no_evidence_speak_for_nobody(extract, sentence):
    assert extract(sentence) == []


def test_a_speaker_with_no_evidence_to_suggest_a_clause_denies_it(extract):
    (claim,) = extract("The auditors have no evidence to suggest that the treasurer moved the funds.")
    assert claim.speaker.name == "auditors"
    assert claim.content == "the treasurer moved the funds"
    assert claim.polarity == Polarity.NEGATED


def test_a_report_under_no_is_no_positive_claim(extract):
    (claim,) = extract("The mayor made no claim that the pier was safe.")
    assert claim.content == "the pier was safe"
    assert claim.polarity == Polarity.NEGATED


def test_a_thing_reported_under_no_is_negated(extract):
    claim = next(c for c in extract("The harbour police reported no injuries at the regatta.") if c.cue == "reported")
    assert claim.polarity == Polarity.NEGATED


def test_people_under_no_still_speak(extract):
    (claim,) = extract("No one on the council said the plan had worked.")
    assert claim.speaker.mention == "No one on the council"


def test_a_noun_of_doubt_negates_and_no_doubt_asserts(extract):
    (doubt,) = extract("The treasurer expressed doubt that the audit would finish on time.")
    (no_doubt,) = extract("The treasurer expressed no doubt that the audit would finish on time.")
    assert doubt.polarity == Polarity.NEGATED
    assert no_doubt.polarity == Polarity.ASSERTED
