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
