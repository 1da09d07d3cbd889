"""A live blog's post time glued to the first word ("10:03PMBrandt says …") is not the speaker's name."""

from __future__ import annotations

from claims.nlp.loader import get_nlp


def test_a_time_glued_to_a_name_is_two_tokens():
    assert [t.text for t in get_nlp()("Posted 10:03PMBrandt says")] == ["Posted", "10:03PM", "Brandt", "says"]
    # A time written apart from the name tokenizes as before.
    assert [t.text for t in get_nlp()("at 9:15 PM Ruiz said")][:4] == ["at", "9:15", "PM", "Ruiz"]


def test_the_speaker_after_a_post_time_is_named_without_it(extract):
    (claim,) = extract("February 6, 2016 10:03PMBrandt says the plan is a giveaway to the shipping companies.")
    assert claim.speaker.name == "Brandt"
    assert claim.speaker.mention == "Brandt"
    assert claim.content == "the plan is a giveaway to the shipping companies"


def test_the_name_after_a_post_time_speaks_when_the_byline_before_it_is_parsed_as_the_subject(extract):
    (claim,) = extract("Ana Ruiz February 6, 2016 9:12PMBrandt Says The Plan Is A Giveaway To Shipping Firms")
    assert claim.speaker.name == "Brandt"
    assert claim.speaker.mention == "Brandt"


def test_a_time_of_day_after_the_subject_leaves_the_subject_speaking(extract):
    (claim,) = extract("Mayor Ana Ruiz at 10:30 Sunday said the bridge was closed.")
    assert claim.speaker.name == "Ana Ruiz"
