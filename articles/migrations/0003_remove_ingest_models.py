"""Ingest jobs, items, feeds and feed entries are the pipeline's now (``pipeline.0001``, which renamed
their tables): they leave this app's state. Nothing changes in the database here.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0002_ingestitem_stage_attempts"),
        ("pipeline", "0001_move_ingest_models_from_articles"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="feedentry", name="feed"),
                migrations.RemoveField(model_name="feedentry", name="article"),
                migrations.RemoveField(model_name="ingestitem", name="article"),
                migrations.RemoveField(model_name="ingestitem", name="job"),
                migrations.RemoveField(model_name="ingestjob", name="created_by"),
                migrations.DeleteModel(name="Feed"),
                migrations.DeleteModel(name="FeedEntry"),
                migrations.DeleteModel(name="IngestItem"),
                migrations.DeleteModel(name="IngestJob"),
            ],
        ),
    ]
