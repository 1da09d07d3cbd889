# Disputes are propositions: a central claim instead of shared key terms. The term columns only
# served the old word-overlap linking and go with it.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0011_claim_embedding_hnsw"),
    ]

    operations = [
        migrations.AddField(
            model_name="proposition",
            name="central_claim",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="central_of",
                to="claims.claim",
            ),
        ),
        migrations.AddField(
            model_name="historicalproposition",
            name="central_claim",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="claims.claim",
            ),
        ),
        migrations.RemoveIndex(model_name="claim", name="claim_terms_gin"),
        migrations.RemoveField(model_name="claim", name="terms"),
        migrations.RemoveField(model_name="historicalclaim", name="terms"),
        migrations.RemoveField(model_name="proposition", name="key_terms"),
        migrations.RemoveField(model_name="historicalproposition", name="key_terms"),
    ]
