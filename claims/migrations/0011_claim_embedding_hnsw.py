# The claim's sentence embedding and its HNSW cosine index (pgvector). The extension comes first:
# a managed server needs pgvector >= 0.5 available (HNSW arrived in 0.5.0).

import pgvector.django.indexes
import pgvector.django.vector
from django.db import migrations
from pgvector.django import VectorExtension


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0010_speaker_unique_normalized_name"),
    ]

    operations = [
        VectorExtension(),
        migrations.AddField(
            model_name="claim",
            name="embedding",
            field=pgvector.django.vector.VectorField(blank=True, dimensions=384, null=True),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=pgvector.django.indexes.HnswIndex(
                ef_construction=64, fields=["embedding"], m=16, name="claim_embedding_hnsw", opclasses=["vector_cosine_ops"]
            ),
        ),
    ]
