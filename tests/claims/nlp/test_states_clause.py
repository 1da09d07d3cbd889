"""Extraction records whether a content states something: a verb heading a clause, or a predicate a
verb like "called" or "described ... as" gives it. A noun phrase only names a topic."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "sentence, content",
    [
        ("Officials said Clinton was leading 47 percent to 43 percent in the state.", "Clinton was leading"),
        ("The union vowed to close the port for the rest of the month.", "to close the port"),
        ("The mayor described the flood relief effort as a disgrace to the whole city.", "as a disgrace"),
        ("The mayor called the flood relief effort a disgrace to the whole city.", "a disgrace"),
    ],
)
def test_a_content_with_a_clause_or_a_predicate_states_something(extract, sentence, content):
    [claim] = extract(sentence)

    assert content in claim.content
    assert claim.states_clause


@pytest.mark.parametrize(
    "sentence, content",
    [
        (
            "The senator criticized her years as secretary of State at a rally on Monday.",
            "her years as secretary of State",
        ),
        ("Senator Ann Bell criticized the harbour authority's handling of the flood relief money.", "handling of"),
        ("The mayor praised the rescue teams for pulling dozens of people from the water.", "the rescue teams"),
    ],
)
def test_a_noun_phrase_names_a_topic_and_states_nothing(extract, sentence, content):
    [claim] = extract(sentence)

    assert content in claim.content
    assert not claim.states_clause
