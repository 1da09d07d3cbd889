"""A participle the parser hangs on a reported clause ("argued that a toll would …, saying …")
is said by whoever reports the clause when that clause's own subject cannot speak."""

from __future__ import annotations


def _by_cue(claims, cue: str):
    return next(c for c in claims if c.cue == cue)


def test_the_reporter_says_what_a_participle_on_the_reported_clause_adds(extract):
    claims = extract(
        "Mayor Ines Varga argued that a new toll would keep trucks off the bridge, saying it is "
        "“all about safety for the children who cross it.”"
    )
    assert _by_cue(claims, "saying").speaker.name.endswith("Ines Varga")


def test_a_participle_whose_borrowed_subject_can_speak_keeps_it(extract):
    claims = extract(
        "Mayor Ines Varga said a maintenance guy walked in front of her office, saying he was "
        "“here to fix the seven holes in the wall.”"
    )
    assert _by_cue(claims, "saying").speaker.name == "maintenance guy"
