"""A reported clause without "that" after a speech verb and a time phrase ("said after the
storm the town would …"), which the parser reads as an adverbial clause."""

from __future__ import annotations


def test_a_clause_with_its_own_subject_after_the_time_phrase_is_reported(extract):
    text = "Okafor said after the storm the town would need a new sea wall."
    [claim] = extract(text)
    assert claim.cue == "said"
    assert claim.speaker.name == "Okafor"
    assert claim.content.endswith("the town would need a new sea wall")


def test_an_adverbial_clause_with_a_conjunction_is_not_reported(extract):
    text = "Varga said nothing after the vote as the crowd left the hall."
    assert extract(text) == []
