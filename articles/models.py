from django.conf import settings
from django.db import models
from django.urls import reverse

from common.models import BaseModel


class Outlet(BaseModel):
    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Article(BaseModel):
    class Status(models.TextChoices):
        FETCHED = "fetched", "Fetched"
        EXTRACTED = "extracted", "Claims extracted"
        LINKED = "linked", "Claims linked"
        FAILED = "failed", "Failed"

    class SourceKind(models.TextChoices):
        TEXT = "text", "Text file"
        JSONL = "jsonl", "JSON Lines"
        HTML = "html", "HTML file"
        URL = "url", "Web page"
        FEED = "feed", "Feed entry"
        PASTE = "paste", "Pasted or posted text"

    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    title = models.CharField(max_length=500, blank=True)
    author = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=2000, blank=True, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    body = models.TextField()
    language = models.CharField(max_length=10, default="en")
    source_file = models.CharField(max_length=500, blank=True, help_text="Name of the ingested file, if any.")
    source_kind = models.CharField(max_length=10, choices=SourceKind.choices, default=SourceKind.TEXT)
    content_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the normalised body.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.FETCHED, db_index=True)
    failure_reason = models.TextField(blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["outlet", "published_at"])]

    def __str__(self) -> str:
        return self.title or self.source_file or f"Article {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", args=[self.pk])


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
        """The pipeline stage the item waits for (or failed at); each stage is one Celery task."""

        FETCH = "fetch", "Fetch"
        PARSE = "parse", "Parse"
        EXTRACT = "extract", "Extract claims"
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

    def __str__(self) -> str:
        return self.entry_id
