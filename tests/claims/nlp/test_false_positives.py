"""Sentences that look like attributions to the rules but attribute nothing, next to the real
attributions they must not cost."""

from __future__ import annotations


def _contents(claims) -> list[str]:
    return [c.content for c in claims]


# -- clauses a reporting verb does not report ---------------------------------------------------
def test_a_verb_in_a_though_clause_does_not_attribute_the_main_clause(extract):
    assert extract("The port stays busy all winter, though critics noted a drop in safety.") == []


def test_a_verb_in_an_even_though_clause_does_not_attribute_the_main_clause(extract):
    text = "The mayor cut the library budget this spring, even though the audit disclosed a small surplus."
    assert "The mayor cut the library budget this spring" not in _contents(extract(text))


def test_an_as_clause_still_attributes_the_main_clause(extract):
    [claim] = extract("The bridge will close in May, as the mayor said.")
    assert claim.content == "The bridge will close in May"


def test_the_sentence_before_a_semicolon_is_the_writers(extract):
    [claim] = extract("It was a bad storm; the fishermen's union says it will rebuild the pier.")
    assert claim.content == "it will rebuild the pier"
    assert claim.speaker.mention == "the fishermen's union"


def test_the_main_predicate_after_a_relative_clause_is_not_reported(extract):
    assert extract("Nothing the mayor says is true unless proven otherwise.") == []
