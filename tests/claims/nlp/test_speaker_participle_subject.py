"""A source noun with a participle ("a coalition representing bakers") speaks, not the participle's object."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Parsed with "bakers" as a second subject of "endorsed".
        ("A coalition representing bakers endorsed the plan to cut flour tariffs.", "coalition"),
        # Parsed with "committee" as a modifier of "bakers".
        ("A committee representing bakers endorsed the plan to cut flour tariffs.", "committee"),
    ],
)
def test_the_noun_before_the_participle_is_the_source(extract, text, name):
    (claim,) = extract(text)
    assert claim.speaker.name == name
    assert claim.speaker.mention == text.split(" endorsed")[0]


def test_a_well_parsed_participle_phrase_keeps_its_head(extract):
    (claim,) = extract("A union representing nurses endorsed the proposal to hire more staff.")
    assert claim.speaker.name == "union"
    assert claim.speaker.mention == "A union representing nurses"
