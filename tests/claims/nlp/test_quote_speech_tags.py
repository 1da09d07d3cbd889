"""A quotation ended by a comma and followed by a short clause of a verb and its subject ("…,”
he surmised.") is that subject's, whatever the verb."""

from __future__ import annotations

from claims.nlp.types import ClaimType


def _direct(claims):
    return [c for c in claims if c.claim_type == ClaimType.DIRECT]


def test_a_quote_tagged_with_an_unlisted_verb_is_its_subjects(extract):
    claims = extract(
        "Her father, Brad Olsen, worried that voters read too little news. "
        '"People are afraid of wasting their votes on a third party," he surmised.'
    )
    [quote] = _direct(claims)
    assert quote.content == "People are afraid of wasting their votes on a third party"
    assert quote.speaker.name == "Brad Olsen"
    assert quote.cue == "surmised"


def test_a_quote_closed_by_a_full_stop_takes_no_tag_from_the_next_sentence(extract):
    claims = extract('"The harbour will be dredged by the spring and the ferries will run again." The mayor smiled.')
    assert not any(c.speaker is not None and c.speaker.name == "mayor" for c in claims)
