"""After a verb of causing or finding, its object is the one who speculates, wonders or says."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        (
            "No group has claimed responsibility for the attack, leading investigators to question "
            "whether it was an isolated incident.",
            "question",
            "investigators",
        ),
        (
            "The abrupt announcement led some to speculate that the feud over the budget was to blame.",
            "speculate",
            "some",
        ),
        (
            "The scandal has left many Republicans, including his supporters, wondering what he really believes.",
            "wondering",
            "many Republicans",
        ),
    ],
)
def test_the_object_of_a_verb_of_causing_speaks(extract, text, cue, name):
    [claim] = [c for c in extract(text) if c.cue == cue]
    assert claim.speaker.name == name


def test_the_object_of_a_verb_of_urging_does_not_take_the_urgers_stance(extract):
    # "pushed colleagues to reject …" is the senator's own position, as the content says.
    claims = extract("Senator Ana Ruiz is pushing fellow Democrats to reject the debt deal reached last week.")
    assert claims
    assert {c.speaker.name for c in claims} == {"Ana Ruiz"}


@pytest.mark.parametrize(
    "text",
    [
        "Ms. Ruiz left the hosts of ''Morning Joe,'' adding that the race was tight.",
        "The senator watched the vote, saying that it was a farce.",
        "The mayor led the review, to show that the budget was sound.",
    ],
)
def test_a_verb_set_off_by_a_comma_from_the_object_stays_the_subjects(extract, text):
    claims = extract(text)
    assert claims
    assert all(c.speaker.name in {"Ruiz", "mayor", "senator"} for c in claims)
