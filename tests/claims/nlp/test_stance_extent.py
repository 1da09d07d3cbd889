"""A stance's content covers a second object or gerund the parser hangs on the verb after "and"."""

from __future__ import annotations


def _by_cue(claims, lemma):
    return [c for c in claims if c.cue_lemma == lemma]


def test_a_second_predicate_after_and_is_part_of_the_stance(extract):
    text = 'The council condemned Monday\'s vote as "reckless and divisive" and a "grave threat" to the city\'s budget.'
    [claim] = _by_cue(extract(text), "condemn")
    assert claim.content == 'Monday\'s vote as "reckless and divisive" and a "grave threat" to the city\'s budget'


def test_a_coordinated_gerund_is_part_of_the_stance(extract):
    text = "He has mentioned refinancing student loans and forcing universities to spend more on students."
    [claim] = _by_cue(extract(text), "mention")
    assert claim.content == "refinancing student loans and forcing universities to spend more on students"


def test_a_coordinated_reporting_gerund_stays_a_claim_of_its_own(extract):
    text = (
        "The two rivals met on Monday, each touting their own record and saying the other lacks the judgment to lead."
    )
    claims = extract(text)
    [touting] = _by_cue(claims, "tout")
    assert touting.content == "their own record"
    assert _by_cue(claims, "say")


def test_examples_set_off_by_a_comma_are_part_of_the_stance(extract):
    text = (
        "And he railed against the corrupting influence of big donors, including the one supporting "
        "Jones that gave more than $10 million."
    )
    [claim] = _by_cue(extract(text), "rail")
    assert claim.content == (
        "the corrupting influence of big donors, including the one supporting Jones that gave more than $10 million"
    )
