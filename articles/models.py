from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
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
        """Where a stored article stands: the one state of an article once it exists.

        An article is stored together with its claims, so a new one is seen first as EXTRACTED
        (waiting to be linked). FETCHED means its claims wait for extraction: never extracted,
        retried after a failure, or asked to be extracted again.
        """

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
    place = models.CharField(max_length=200, blank=True, help_text="Where the story was filed (its dateline).")
    body = models.TextField()
    language = models.CharField(max_length=10, default="en")
    source_file = models.CharField(max_length=500, blank=True, help_text="Name of the ingested file, if any.")
    source_kind = models.CharField(max_length=10, choices=SourceKind.choices, default=SourceKind.TEXT)
    content_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the normalised body.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.FETCHED, db_index=True)
    failure_reason = models.TextField(blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    # The original this article republishes (``articles.syndication``): always the root of its
    # group, so that counting distinct ``coalesce(copy_of, id)`` counts independent reports.
    copy_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies",
        help_text="The article this one republishes (a syndicated copy or an updated version).",
    )  # fmt: skip

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["outlet", "published_at"])]

    def __str__(self) -> str:
        return self.title or self.source_file or f"Article {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("claims:article_detail", args=[self.pk])  # the article with its claims marked


class ArticleFingerprint(BaseModel):
    """An article's MinHash bands (``articles.nearcopy``): the index that finds its near-copies.

    The row also records that the article was checked for being a copy, so each article is
    checked once (``articles.syndication.article_find_original``).
    """

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="fingerprint")
    shingle_count = models.PositiveIntegerField()
    bands = ArrayField(models.BigIntegerField(), default=list, blank=True)

    class Meta:
        indexes = [GinIndex(fields=["bands"], name="articlefingerprint_bands_gin")]

    def __str__(self) -> str:
        return f"fingerprint of article {self.article_id}"
