"""Core speech verbs with a noun phrase or an infinitive instead of a clause: "noted the
delay", "told the crews to stay in port"."""

from __future__ import annotations


def _by_cue(claims, cue):
    return [c for c in claims if c.cue == cue]


def test_noting_a_thing_is_a_stance_on_it(extract):
    text = "The inspector noted the cracks in the north pier during her visit."
    [claim] = _by_cue(extract(text), "noted")
    assert claim.speaker.name == "inspector"
    assert claim.content.startswith("the cracks in the north pier")
    assert claim.confidence < 0.5  # a position toward a thing, not a proposition


def test_noting_a_clause_stays_a_report(extract):
    text = "The inspector noted that the north pier had cracked."
    [claim] = _by_cue(extract(text), "noted")
    assert claim.content == "the north pier had cracked"
    assert claim.confidence > 0.5


def test_telling_someone_to_act_is_an_instruction_with_its_addressee(extract):
    text = "The harbor master told the crews to keep their boats in port until Friday."
    [claim] = _by_cue(extract(text), "told")
    assert claim.speaker.name == "harbor master"
    assert claim.content == "the crews to keep their boats in port until Friday"


def test_telling_someone_how_to_act_is_no_instruction(extract):
    text = "The election inspector told voters how to register before the deadline."
    assert _by_cue(extract(text), "told") == []
