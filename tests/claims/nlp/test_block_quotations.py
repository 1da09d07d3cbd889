"""A paragraph closing on "X added:" and the next paragraph without quotation marks: the
paragraph is X's words, set off as a block quotation."""

from __future__ import annotations

from claims.nlp.types import ClaimType


def test_the_paragraph_after_a_speech_verb_and_a_colon_is_the_speakers(extract):
    text = (
        "Mayor Ines Varga spoke to the council on Tuesday about the flooded pier.\n\n"
        "Varga added:\n\n"
        "The pier has flooded three times this year. Nobody in this town can keep paying for it.\n\n"
        "The council will vote on the repairs next month."
    )
    [claim] = [c for c in extract(text) if c.cue == "added"]
    assert claim.speaker.name.endswith("Varga")
    assert claim.claim_type == ClaimType.DIRECT
    assert claim.content == "The pier has flooded three times this year. Nobody in this town can keep paying for it."


def test_a_colon_without_a_speaker_sets_off_no_quotation(extract):
    text = "The repairs were listed as follows:\n\nA new sea wall, two pumps and a raised walkway for the pier."
    assert extract(text) == []


def test_the_block_quotation_ends_with_its_paragraph(extract):
    text = "Varga added:\n\nThe pier has flooded three times this year.\n\nThe council will vote on the repairs next month."
    claims = extract(text)
    assert all("council will vote" not in c.content for c in claims)
