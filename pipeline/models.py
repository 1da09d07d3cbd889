"""Ingest jobs and their items, feeds and the entries seen: the pipeline's own records.

An item is the unit of work until its article exists (``IngestItem.stage``); then the article's
status is the state (see ``pipeline.stages``). The tables kept their rows when these models moved
here from ``articles`` (migration ``pipeline.0001_move_ingest_models_from_articles``).
"""

from django.conf import settings
from django.db import models

from articles.models import Article, Outlet
from common.models import BaseModel
from pipeline.stages import STAGE_EXTRACT, STAGE_FETCH, STAGE_PARSE


class IngestJob(BaseModel):
    """One request to ingest several items (files, URLs, a feed poll, pasted text)."""

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    description = models.CharField(max_length=300, blank=True)
    total = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"Ingest job {self.pk} ({self.state})"


class IngestItem(BaseModel):
    """One file, URL, feed entry or text inside a job, and what became of it."""

    class Outcome(models.TextChoices):
        PENDING = "pending", "Pending"
        CREATED = "created", "New article"
        DUPLICATE = "duplicate", "Duplicate"
        FEED = "feed", "Feed read"
        FAILED = "failed", "Failed"

    class Stage(models.TextChoices):
        """The stage the item waits for, or failed at; DONE once its article exists (or its feed was read)."""

        FETCH = STAGE_FETCH, "Fetch"
        PARSE = STAGE_PARSE, "Parse"
        EXTRACT = STAGE_EXTRACT, "Extract claims"
        DONE = "done", "Done"

    job = models.ForeignKey(IngestJob, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(max_length=2000, help_text="File name, URL or a label for pasted text.")
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PENDING, db_index=True)
    stage = models.CharField(max_length=10, choices=Stage.choices, default=Stage.EXTRACT)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Runs of the current stage so far.")
    reason = models.TextField(blank=True)
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="ingest_items")
    claims_found = models.PositiveIntegerField(default=0)
    payload = models.JSONField(default=dict, blank=True, help_text="Input kept until processed (text, metadata).")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.name}: {self.outcome}"


class Feed(BaseModel):
    """An RSS/Atom feed polled on a schedule; each entry is ingested once."""

    url = models.URLField(max_length=2000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.SET_NULL)
    active = models.BooleanField(default=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.title or self.url


class FeedEntry(BaseModel):
    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    entry_id = models.CharField(max_length=2000)
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["feed", "entry_id"], name="feedentry_unique_per_feed")]
        verbose_name_plural = "feed entries"

    def __str__(self) -> str:
        return self.entry_id
