"""A denial is a deny verb, or a statement that something is untrue; the polarity keeps the negation."""

from __future__ import annotations

from claims.nlp.types import CueClass, Polarity


def _only(claims, word):
    found = [c for c in claims if word in c.content]
    assert len(found) == 1, claims
    return found[0]


def test_it_marks_said_that_was_untrue_as_a_denial(extract):
    claims = extract("The ministry insisted its planes hit depots, but two city officials said that was untrue.")
    claim = _only(claims, "untrue")
    assert claim.cue_class == CueClass.DENY
    assert claim.polarity == Polarity.NEGATED
    assert claim.speaker is not None and "officials" in claim.speaker.mention


def test_it_marks_a_negated_truth_predicate_as_a_denial(extract):
    claim = _only(extract("The mayor said the report was not accurate."), "accurate")
    assert claim.cue_class == CueClass.DENY


def test_a_deny_verb_stays_a_denial(extract):
    claim = _only(extract("The governor denied that the bridge was closed for repairs."), "bridge")
    assert claim.cue_class == CueClass.DENY


def test_an_ordinary_negated_statement_is_not_a_denial(extract):
    claim = _only(extract("The coach said the team would not travel to the final."), "travel")
    assert claim.cue_class == CueClass.ASSERT
    assert claim.polarity == Polarity.NEGATED


def test_a_negated_negative_predicate_is_not_a_denial(extract):
    claim = _only(extract("The senator said the rumour was not false."), "false")
    assert claim.cue_class == CueClass.ASSERT


def test_a_negated_denial_concedes_the_clause(extract):
    claims = extract(
        "The dean did not dispute that tuition fees had risen sharply. "
        "The rector never denied that the library would close next spring."
    )
    assert _only(claims, "fees").polarity == Polarity.ASSERTED
    assert _only(claims, "library").polarity == Polarity.ASSERTED


def test_a_denial_of_a_clause_is_still_negated(extract):
    claim = _only(extract("The mayor denied that the bridge was unsafe for heavy lorries."), "bridge")
    assert claim.polarity == Polarity.NEGATED
