# The unique constraint's index serves the lookups the plain index on normalized_name served.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0009_speakers_merge_same_normalized_name'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalspeaker',
            name='normalized_name',
            field=models.CharField(max_length=300),
        ),
        migrations.AlterField(
            model_name='speaker',
            name='normalized_name',
            field=models.CharField(max_length=300),
        ),
        migrations.AddConstraint(
            model_name='speaker',
            constraint=models.UniqueConstraint(fields=('normalized_name',), name='speaker_unique_normalized_name'),
        ),
    ]
