"""A message someone puts out ("released a statement saying …") speaks for its author."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The bakers' union released a statement saying the strike would go ahead on Monday.",
            "bakers' union",
            "the strike would go ahead on Monday",
        ),
        (
            "His office put out a statement saying the harbour cannot take more ferries.",
            "His office",
            "the harbour cannot take more ferries",
        ),
        (
            "The mayor issued a letter on Friday saying the library will stay open.",
            "mayor",
            "the library will stay open",
        ),
    ],
)
def test_the_author_of_an_issued_message_is_the_speaker(extract, text, speaker, content):
    (claim,) = extract(text)
    assert speaker in claim.speaker.mention
    assert claim.content == content


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Received, not issued: the letter has another author.
        ("The mayor received a letter saying the library will close in May.", "letter"),
        # Not a message: a report shows things of its own.
        ("The union published a report showing that wages fell by three percent.", "report"),
    ],
)
def test_a_message_received_or_a_record_keeps_speaking_for_itself(extract, text, speaker):
    (claim,) = extract(text)
    assert claim.speaker.name == speaker
