"""Content over several pieces of text: split quotes with a second speaker, inverted
verb-first attributions, and clauses someone was only told."""

from __future__ import annotations

from claims.nlp.types import ClaimType


def _direct(claims):
    return [c for c in claims if c.claim_type == ClaimType.DIRECT]


def test_a_second_quote_with_its_own_attribution_is_not_merged_into_the_first(extract):
    text = "“The ferry must keep running,” Okafor said. “Our island cannot wait another winter,” Lindqvist added."
    first, second = _direct(extract(text))
    assert first.content == "The ferry must keep running"
    assert first.speaker.name == "Okafor"
    assert second.content == "Our island cannot wait another winter"
    assert second.speaker.name == "Lindqvist"


def test_a_second_quote_without_an_attribution_still_joins_the_first(extract):
    text = "“The ferry must keep running,” Okafor said. “Our island cannot wait another winter.”"
    [claim] = _direct(extract(text))
    assert claim.speaker.name == "Okafor"
    assert "Our island cannot wait" in claim.content


def test_a_verb_first_attribution_before_a_colon_names_the_speaker(extract):
    text = "Said Okafor: “Nobody on this island has ever missed a ferry because of the weather.”"
    [claim] = _direct(extract(text))
    # The name recognizer may take the verb into the name ("Said Okafor"): the speaker
    # registry's concern, not the attribution's.
    assert claim.speaker.name.endswith("Okafor")
    assert claim.content.startswith("Nobody on this island")


def test_the_person_who_is_told_a_clause_is_not_its_speaker(extract):
    text = "The harbor master phoned the crews and let them know that “the north pier is closed until spring.”"
    claims = extract(text)
    assert all(c.speaker is None or c.speaker.mention.lower() != "them" for c in claims)


def test_a_split_quote_joins_its_parts_without_the_attribution_between_them(extract):
    text = (
        "“The harbor will flood again,” said Ines Varga, who ran the port authority for a decade before "
        "the merger, during a meeting with fishermen on Friday. “Nobody has paid for the sea wall.”"
    )
    [claim] = _direct(extract(text))
    assert claim.content == "The harbor will flood again \u2026 Nobody has paid for the sea wall."
    # The offsets still span the whole run, so the claim sits where it was written.
    assert text[claim.content_start :].startswith("The harbor")
    assert text[: claim.content_end].endswith("sea wall.")
    assert "authority" not in claim.terms and "merger" not in claim.terms
    assert {"flood", "wall"} <= set(claim.terms)
