"""Merge speakers that share a normalized name, before 0010 makes the name key unique.

Two workers resolving the same new speaker at once could each insert a row. Each group of
such rows is merged the way ``claims.services.curation.speakers_merge`` merges: the kept
speaker (a curated one, else the oldest, which resolution already returned) takes the others'
claims, aliases and earlier merges, fills its blank fields from them, and a ``SpeakerMerge``
row keeps a snapshot of every merged speaker. No history rows are written here (historical
models are not live in a migration); the ``SpeakerMerge`` snapshots are the trace.
"""

from django.db import migrations
from django.db.models import Count


def merge_same_name(apps, schema_editor):
    Speaker = apps.get_model("claims", "Speaker")
    keys = (
        Speaker.objects.values("normalized_name")
        .annotate(rows=Count("id"))
        .filter(rows__gt=1)
        .values_list("normalized_name", flat=True)
    )
    for key in list(keys):
        kept, *merged = Speaker.objects.filter(normalized_name=key).order_by("-curated", "id")
        for source in merged:
            _merge(apps, source, kept)


def _merge(apps, source, target):
    Claim = apps.get_model("claims", "Claim")
    SpeakerAlias = apps.get_model("claims", "SpeakerAlias")
    SpeakerMerge = apps.get_model("claims", "SpeakerMerge")
    aliases = list(SpeakerAlias.objects.filter(speaker=source).values_list("name", "normalized_name"))
    snapshot = {
        "name": source.name,
        "normalized_name": source.normalized_name,
        "kind": source.kind,
        "role": source.role,
        "affiliation": source.affiliation,
        "curated": source.curated,
        "aliases": [name for name, _ in aliases],
        "claim_ids": list(Claim.objects.filter(speaker=source).order_by("pk").values_list("pk", flat=True)),
    }
    Claim.objects.filter(speaker=source).update(speaker=target)
    known = set(SpeakerAlias.objects.filter(speaker=target).values_list("normalized_name", flat=True))
    for name, key in aliases:
        if key != target.normalized_name and key not in known:
            SpeakerAlias.objects.create(speaker=target, name=name, normalized_name=key)
            known.add(key)
    SpeakerMerge.objects.filter(into=source).update(into=target)
    if target.kind == "unknown":
        target.kind = source.kind
    target.role = target.role or source.role
    target.affiliation = target.affiliation or source.affiliation
    target.curated = target.curated or source.curated
    target.save()
    SpeakerMerge.objects.create(
        merged_name=source.name, merged_speaker_id=source.pk, into=target, merged_by=None, snapshot=snapshot
    )
    source.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0008_aggregate_summary_tables"),
    ]

    operations = [
        migrations.RunPython(merge_same_name, migrations.RunPython.noop),
    ]
