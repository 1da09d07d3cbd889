"""Migrations 0009/0010: speakers that share a name key are merged, then the key is made unique."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection
from django.db.migrations.executor import MigrationExecutor

from claims.models import Claim, Speaker, SpeakerAlias, SpeakerMerge
from tests.factories import ClaimFactory, SpeakerFactory

BEFORE = ("claims", "0008_aggregate_summary_tables")

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(*targets: tuple[str, str]) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(list(targets) or executor.loader.graph.leaf_nodes())


@pytest.fixture
def claims_then_before_unique_names():
    """Three claims made on the latest schema, then the schema as it was before 0009; the latest
    schema again afterwards, whatever happened. (Claims are made first: the current model has
    columns that later migrations add, so it cannot insert into the old table.)"""
    claims = [ClaimFactory() for _ in range(3)]
    migrate(BEFORE)
    yield claims
    migrate()


def test_speakers_sharing_a_name_key_become_one_the_way_a_curator_merge_does(claims_then_before_unique_names):
    # Rows as two racing workers made them: one name key, three rows (the factory would find the first).
    oldest = Speaker.objects.create(name="Lena Okafor", normalized_name="lena okafor")
    SpeakerAlias.objects.create(speaker=oldest, name="L. Okafor", normalized_name="l okafor")
    curated = Speaker.objects.create(
        name="Lena Okafor.", normalized_name="lena okafor", role="harbour master", curated=True
    )
    later = Speaker.objects.create(name="LENA OKAFOR", normalized_name="lena okafor", affiliation="Port of Velm")
    claims = claims_then_before_unique_names
    for claim, speaker in zip(claims, (oldest, later, curated), strict=True):
        Claim.objects.filter(pk=claim.pk).update(speaker=speaker)  # sets only the speaker column
    bystander = SpeakerFactory(name="Tomas Brell")

    migrate()

    kept = Speaker.objects.get(normalized_name="lena okafor")
    assert kept.pk == curated.pk  # a curated row wins over the oldest
    assert (kept.role, kept.affiliation) == ("harbour master", "Port of Velm")
    assert sorted(kept.claims.values_list("pk", flat=True)) == sorted(c.pk for c in claims)
    assert list(kept.aliases.values_list("name", flat=True)) == ["L. Okafor"]
    records = SpeakerMerge.objects.filter(into=kept).order_by("merged_speaker_id")
    assert [r.merged_speaker_id for r in records] == [oldest.pk, later.pk]
    assert records[0].snapshot["claim_ids"] == [claims[0].pk]
    assert Speaker.objects.filter(pk=bystander.pk).exists()


def test_after_the_migration_the_database_refuses_a_second_row_for_a_name_key():
    Speaker.objects.create(name="Lena Okafor", normalized_name="lena okafor")

    with pytest.raises(IntegrityError):
        Speaker.objects.create(name="Lena  OKAFOR", normalized_name="lena okafor")
