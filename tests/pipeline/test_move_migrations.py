"""Migrations pipeline.0001 / articles.0003: ingest jobs, items, feeds and entries move to the pipeline app
with every row, link, id sequence and permission they had."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection
from django.db.migrations.executor import MigrationExecutor

from articles.models import Article
from pipeline.models import Feed, FeedEntry, IngestItem, IngestJob

BEFORE = [("articles", "0002_ingestitem_stage_attempts"), ("claims", "0010_speaker_unique_normalized_name")]

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(*targets: tuple[str, str | None]) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(list(targets) or executor.loader.graph.leaf_nodes())


@pytest.fixture
def old_apps():
    """The schema as it was before the move, and its models; the latest schema again afterwards."""
    migrate(("pipeline", None))
    yield MigrationExecutor(connection).loader.project_state(BEFORE).apps
    migrate()


def _old_world(apps) -> dict:
    """Rows as the articles app held them: two articles, a job with three items, a feed with an entry."""
    user = apps.get_model("auth", "User").objects.create(username="ingester")
    outlet = apps.get_model("articles", "Outlet").objects.create(name="Wire")
    Article = apps.get_model("articles", "Article")
    first = Article.objects.create(body="One said so.", content_hash="a" * 64, outlet=outlet, status="linked")
    second = Article.objects.create(body="Two said not.", content_hash="b" * 64, outlet=outlet)
    job = apps.get_model("articles", "IngestJob").objects.create(created_by=user, description="CLI", total=3)
    Item = apps.get_model("articles", "IngestItem")
    items = [
        Item.objects.create(job=job, name="one.txt", outcome="created", stage="done", article=first, claims_found=4),
        Item.objects.create(job=job, name="two.txt", outcome="duplicate", stage="done", article=first),
        Item.objects.create(job=job, name="https://x.example/p", stage="parse", attempts=2, payload={"url": "u"}),
    ]
    feed = apps.get_model("articles", "Feed").objects.create(url="https://x.example/rss", outlet=outlet, last_error="")
    entry = apps.get_model("articles", "FeedEntry").objects.create(feed=feed, entry_id="e-1", article=second)
    view_jobs = apps.get_model("auth", "Permission").objects.get(
        content_type__app_label="articles", codename="view_ingestjob"
    )
    apps.get_model("auth", "Group").objects.create(name="job watchers").permissions.add(view_jobs.pk)
    return {"job": job.pk, "items": [i.pk for i in items], "feed": feed.pk, "entry": entry.pk, "articles": (first.pk, second.pk)}


def test_every_job_item_feed_and_entry_is_there_after_the_move_with_its_links(old_apps):
    ids = _old_world(old_apps)

    migrate()

    job = IngestJob.objects.get(pk=ids["job"])
    assert (job.created_by.username, job.description, job.total) == ("ingester", "CLI", 3)
    items = list(job.items.order_by("id").values_list("pk", "name", "outcome", "stage", "attempts", "article_id", "claims_found", "payload"))
    first, second = ids["articles"]
    assert items == [
        (ids["items"][0], "one.txt", "created", "done", 0, first, 4, {}),
        (ids["items"][1], "two.txt", "duplicate", "done", 0, first, 0, {}),
        (ids["items"][2], "https://x.example/p", "pending", "parse", 2, None, 0, {"url": "u"}),
    ]
    entry = FeedEntry.objects.select_related("feed__outlet").get(pk=ids["entry"])
    assert (entry.feed.pk, entry.feed.url, entry.feed.outlet.name, entry.article_id) == (ids["feed"], "https://x.example/rss", "Wire", second)
    assert Article.objects.get(pk=first).ingest_items.count() == 2  # the article's side of the link too


def test_after_the_move_ids_go_on_and_the_database_still_refuses_a_broken_link(old_apps):
    ids = _old_world(old_apps)

    migrate()

    assert IngestJob.objects.create().pk > ids["job"]
    assert Feed.objects.create(url="https://y.example/rss").pk > ids["feed"]
    with pytest.raises(IntegrityError):  # the foreign key constraints came along with the tables
        IngestItem.objects.create(job_id=ids["job"] + 1000, name="orphan")


def test_permissions_on_jobs_stay_with_the_groups_that_had_them(old_apps):
    _old_world(old_apps)

    migrate()

    kept = Group.objects.get(name="job watchers").permissions.get()
    assert (kept.codename, kept.content_type) == ("view_ingestjob", ContentType.objects.get_for_model(IngestJob))
    assert not ContentType.objects.filter(app_label="articles", model="ingestjob").exists()
