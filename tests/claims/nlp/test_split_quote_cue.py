"""The later part of a quote attributed once shows its speaker's real cue, not ":"."""

from __future__ import annotations


def test_a_follow_on_quote_shows_the_cue_its_speaker_was_quoted_with(extract):
    text = (
        "“The plan is ready and the money is there,” the harbour master, Lena Ortiz, said on Monday, "
        "adding that work starts soon. “We have waited for this road for ten long years.”"
    )
    claims = [c for c in extract(text) if c.claim_type == "direct"]
    assert len(claims) == 2, claims
    assert all(c.cue == "said" for c in claims)
    assert claims[0].speaker.name == claims[1].speaker.name


def test_a_quote_with_no_verb_anywhere_still_shows_a_colon(extract):
    claims = extract("Lena Ortiz: “We have waited for this road for ten long years.”")
    assert [c.cue for c in claims] == [":"]
