"""A claim's speaker mention is the source phrase as written; name keys read only its leading name."""

from __future__ import annotations

import pytest

from claims.models import SpeakerAlias
from claims.naming import mention_name_key
from claims.services import speaker_alias_split
from tests.factories import ClaimFactory, SpeakerFactory


@pytest.mark.parametrize(
    ("mention", "key"),
    [
        ("Jon Smyth, a spokesman for the port authority who", "jon smyth"),
        ("Rep. Jon Smyth (D-Ore.)", "rep jon smyth"),
        ("Jon Smyth -- the port's spokesman --", "jon smyth"),
        ("the harbour workers", "harbour workers"),
    ],
)
def test_the_name_key_of_a_mention_stops_where_its_name_ends(mention, key):
    assert mention_name_key(mention) == key


@pytest.mark.django_db
def test_splitting_an_alias_takes_the_claims_whose_source_phrase_starts_with_that_name(curator):
    owner = SpeakerFactory(name="John Smith")
    alias = SpeakerAlias.objects.create(speaker=owner, name="Jon Smyth", normalized_name="jon smyth")
    with_appositive = ClaimFactory(speaker=owner, speaker_mention="Jon Smyth, who runs the ferry line,")
    as_owner = ClaimFactory(speaker=owner, speaker_mention="John Smith, the ferry captain")

    new = speaker_alias_split(alias=alias, user=curator)

    assert list(new.claims.all()) == [with_appositive]
    assert list(owner.claims.all()) == [as_owner]
