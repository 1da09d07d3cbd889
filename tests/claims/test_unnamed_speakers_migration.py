"""Migration 0017: speaker rows named only by a pronoun lose their claims (which keep the mention)
and go; a curator's row and real names stay."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from claims.models import Claim, Speaker
from tests.factories import ClaimFactory, SpeakerFactory

BEFORE = ("claims", "0016_claim_add_names_thing")

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(*targets: tuple[str, str]) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(list(targets) or executor.loader.graph.leaf_nodes())


def test_claims_of_a_pronoun_speaker_keep_their_mention_and_the_row_goes():
    he, those, kept_by_curator, named = (
        SpeakerFactory(name="he"),
        SpeakerFactory(name="Those"),
        SpeakerFactory(name="They", curated=True),
        SpeakerFactory(name="Ruth Bell"),
    )
    claims = [ClaimFactory(speaker=s, speaker_mention=s.name) for s in (he, he, those, kept_by_curator, named)]
    migrate(BEFORE)  # 0017's reverse does nothing: going back and forth runs it on these rows
    migrate()

    after = {c.pk: c for c in Claim.objects.filter(pk__in=[c.pk for c in claims])}
    assert [after[c.pk].speaker_id for c in claims] == [None, None, None, kept_by_curator.pk, named.pk]
    assert [after[c.pk].speaker_mention for c in claims] == ["he", "he", "Those", "They", "Ruth Bell"]
    assert set(Speaker.objects.values_list("name", flat=True)) >= {"They", "Ruth Bell"}
    assert not Speaker.objects.filter(name__in=["he", "Those"]).exists()
