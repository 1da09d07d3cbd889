"""An abbreviated rank before a name ("Navy Capt. Jeff Davis") is one token, not a sentence's end."""

from __future__ import annotations

import pytest

from claims.nlp.loader import get_nlp


@pytest.mark.parametrize("title", ["Capt.", "Sgt.", "Lt.", "Col.", "Maj."])
def test_an_abbreviated_rank_is_one_token_inside_its_sentence(title):
    doc = get_nlp()(f"Pentagon spokesman Navy {title} Jeff Davis said the strike hit a depot.")
    assert title in [t.text for t in doc]
    assert len(list(doc.sents)) == 1


def test_the_speaker_after_an_abbreviated_rank_is_the_named_person(extract):
    (claim,) = extract("The drills went well, Army Capt. Christian Pardo said.")
    assert claim.speaker.name == "Christian Pardo"
    assert claim.speaker.mention == "Army Capt. Christian Pardo"
