"""Polarity of the content and the class of the cue."""

from __future__ import annotations

import pytest

from claims.nlp.types import CueClass, Polarity


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor said the plan had not worked.",
        "The mayor said the plan had never worked.",
        "The mayor said the plan didn't work.",
        "The mayor said there was no plan.",
        "The mayor said the report was untrue.",
        "The mayor said the bridge was definitely not safe.",
        "The mayor denied that the plan had worked.",
    ],
)
def test_it_marks_negated_content(extract, sentence):
    [claim] = extract(sentence)
    assert claim.polarity == Polarity.NEGATED


def test_it_marks_plain_content_as_asserted(extract):
    [claim] = extract("The mayor said the plan had worked.")
    assert claim.polarity == Polarity.ASSERTED


def test_a_denial_of_a_negative_is_asserted(extract):
    [claim] = extract("The mayor denied that the plan had not worked.")
    assert claim.polarity == Polarity.ASSERTED


@pytest.mark.parametrize(
    ("verb", "cue_class"),
    [("said", CueClass.ASSERT), ("denied", CueClass.DENY), ("believes", CueClass.HEDGE), ("reported", CueClass.REPORT)],
)
def test_it_classifies_the_cue(extract, verb, cue_class):
    [claim] = extract(f"The mayor {verb} that the budget was gone.")
    assert claim.cue_class == cue_class
