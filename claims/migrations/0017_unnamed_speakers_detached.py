"""Speaker rows named only by a pronoun or quantifier ("he", "Those", "anyone") name no one: the
extractor could not resolve the mention, and one such row gathered different people's claims
across articles. Their claims keep the mention as written and lose the row; the rows go, unless
a curator made them theirs. (New claims never get one: claims.services.speakers.speaker_resolve.)"""

from django.db import migrations


def detach_unnamed_speakers(apps, schema_editor):
    from claims.naming import names_no_one  # the rule as it stands: a pure function of the name

    Speaker = apps.get_model("claims", "Speaker")
    Claim = apps.get_model("claims", "Claim")
    unnamed = [s.pk for s in Speaker.objects.filter(curated=False).only("pk", "name") if names_no_one(s.name)]
    Claim.objects.filter(speaker_id__in=unnamed).update(speaker=None)
    Speaker.objects.filter(pk__in=unnamed).delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0016_claim_add_names_thing")]

    operations = [migrations.RunPython(detach_unnamed_speakers, migrations.RunPython.noop)]
