"""Ingest jobs, items, feeds and feed entries move here from ``articles``, rows and all.

The tables are renamed (``articles_ingestjob`` → ``pipeline_ingestjob`` …), not copied: ids,
foreign keys (constraints follow a renamed table), sequences and indexes stay as they are, and
their names are made the ones Django gives the same models in this app. The content types are
relabelled too, so the role groups keep their permissions and the admin's log keeps its links.
``articles.0003_remove_ingest_models`` then drops the models from the articles app's state.

Runs after ``claims.0002_roles``: on a new database the roles are given these models'
permissions while the models are still in ``articles``, then keep them through the relabelling.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ["ingestjob", "ingestitem", "feed", "feedentry"]


def _table_rename(schema_editor, old: str, new: str) -> None:
    """Rename one table with its sequence, and its indexes and constraints as Django would name them."""
    connection = schema_editor.connection
    quote = schema_editor.quote_name
    schema_editor.execute(f"ALTER TABLE {quote(old)} RENAME TO {quote(new)}")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [new])
        [sequence] = cursor.fetchone()
        constraints = connection.introspection.get_constraints(cursor, new)
    if sequence:
        schema_editor.execute(f"ALTER SEQUENCE {sequence} RENAME TO {quote(new + '_id_seq')}")
    for name, info in constraints.items():
        if not name.startswith(old + "_"):
            continue  # named in the model (feedentry_unique_per_feed): kept
        renamed = _django_name(schema_editor, new, name[len(old) :], info)
        kind = "INDEX" if info["index"] and not (info["primary_key"] or info["unique"] or info["check"]) else "CONSTRAINT"
        if kind == "INDEX":
            schema_editor.execute(f"ALTER INDEX {quote(name)} RENAME TO {quote(renamed)}")
        else:
            schema_editor.execute(f"ALTER TABLE {quote(new)} RENAME CONSTRAINT {quote(name)} TO {quote(renamed)}")


def _django_name(schema_editor, table: str, rest: str, info: dict) -> str:
    """The name Django's schema editor gives this index or constraint on ``table``."""
    columns = info["columns"]
    if info["primary_key"] or info["check"] or (info["unique"] and rest.endswith("_key")):
        return table + rest  # PostgreSQL's own names: <table>_pkey, <table>_<column>_check, _key
    if info["foreign_key"]:
        to_table, to_column = info["foreign_key"]
        return schema_editor._create_index_name(table, columns, suffix=f"_fk_{to_table}_{to_column}")
    return schema_editor._create_index_name(table, columns, suffix="_like" if rest.endswith("_like") else "")


def tables_to_pipeline(apps, schema_editor):
    for model in MODELS:
        _table_rename(schema_editor, f"articles_{model}", f"pipeline_{model}")


def tables_to_articles(apps, schema_editor):
    for model in MODELS:
        _table_rename(schema_editor, f"pipeline_{model}", f"articles_{model}")


def content_types_to_pipeline(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="articles", model__in=MODELS).update(app_label="pipeline")


def content_types_to_articles(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="pipeline", model__in=MODELS).update(app_label="articles")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("articles", "0002_ingestitem_stage_attempts"),
        ("claims", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(tables_to_pipeline, tables_to_articles)],
            state_operations=[
                migrations.CreateModel(
                    name='Feed',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('url', models.URLField(max_length=2000, unique=True)),
                        ('title', models.CharField(blank=True, max_length=300)),
                        ('active', models.BooleanField(default=True)),
                        ('last_polled_at', models.DateTimeField(blank=True, null=True)),
                        ('last_error', models.TextField(blank=True)),
                        ('outlet', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='articles.outlet')),
                    ],
                    options={
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='IngestJob',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('state', models.CharField(choices=[('queued', 'Queued'), ('running', 'Running'), ('done', 'Done'), ('failed', 'Failed')], db_index=True, default='queued', max_length=10)),
                        ('description', models.CharField(blank=True, max_length=300)),
                        ('total', models.PositiveIntegerField(default=0)),
                        ('finished_at', models.DateTimeField(blank=True, null=True)),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'ordering': ['-id'],
                    },
                ),
                migrations.CreateModel(
                    name='IngestItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('name', models.CharField(help_text='File name, URL or a label for pasted text.', max_length=2000)),
                        ('outcome', models.CharField(choices=[('pending', 'Pending'), ('created', 'New article'), ('duplicate', 'Duplicate'), ('feed', 'Feed read'), ('failed', 'Failed')], db_index=True, default='pending', max_length=10)),
                        ('stage', models.CharField(choices=[('fetch', 'Fetch'), ('parse', 'Parse'), ('extract', 'Extract claims'), ('done', 'Done')], default='extract', max_length=10)),
                        ('attempts', models.PositiveSmallIntegerField(default=0, help_text='Runs of the current stage so far.')),
                        ('reason', models.TextField(blank=True)),
                        ('claims_found', models.PositiveIntegerField(default=0)),
                        ('payload', models.JSONField(blank=True, default=dict, help_text='Input kept until processed (text, metadata).')),
                        ('article', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='ingest_items', to='articles.article')),
                        ('job', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='pipeline.ingestjob')),
                    ],
                    options={
                        'ordering': ['id'],
                    },
                ),
                migrations.CreateModel(
                    name='FeedEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('entry_id', models.CharField(max_length=2000)),
                        ('article', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='articles.article')),
                        ('feed', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='pipeline.feed')),
                    ],
                    options={
                        'constraints': [models.UniqueConstraint(fields=('feed', 'entry_id'), name='feedentry_unique_per_feed')],
                    },
                ),
            ],
        ),
        migrations.RunPython(content_types_to_pipeline, content_types_to_articles),
    ]
