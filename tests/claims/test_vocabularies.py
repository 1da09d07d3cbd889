"""The vocabularies are written once, in claims/nlp/types.py: each model's choices hold the same names and values."""

from __future__ import annotations

import pytest

from claims.models import Claim, Origin, PropositionMember, Relation, Speaker
from claims.nlp import types as vocabulary


@pytest.mark.parametrize(
    ("choices", "words"),
    [
        (Claim.Type, vocabulary.ClaimType),
        (Claim.CueClass, vocabulary.CueClass),
        (Claim.Polarity, vocabulary.Polarity),
        (Speaker.Kind, vocabulary.SpeakerKind),
        (Relation.Type, vocabulary.RelationType),
        (PropositionMember.Side, vocabulary.Side),
        (Origin, vocabulary.Origin),
    ],
)
def test_a_models_choices_are_the_nlp_vocabulary_member_for_member(choices, words):
    assert [(m.name, m.value) for m in choices] == [(m.name, m.value) for m in words]
