"""The pipeline in the admin: articles (with their state and claims), ingest jobs, items and feeds.

Visible to all staff, failures explained. Article bodies are read-only: claim offsets point into
them. Re-running extraction is an action here, on articles and on claims: ``claims`` knows nothing
of the pipeline, so its ``ClaimAdmin`` is registered again, extended with that action.
"""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from articles.models import Article
from claims.admin import ClaimAdmin
from claims.models import Claim
from claims.nlp.types import EXTRACTOR_VERSION
from pipeline.models import Feed, FeedEntry, IngestItem, IngestJob
from pipeline.services import articles_reextract_enqueue

# What a curator may correct on an article; the rest is what ingest recorded (the body too: claim
# offsets point into it).
ARTICLE_CORRECTABLE_FIELDS = ["title", "author", "outlet", "published_at", "url"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records of what machines did: looked at, not edited."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class OutdatedFilter(admin.SimpleListFilter):
    title = "extractor version"
    parameter_name = "extractor"

    def lookups(self, request, model_admin):
        return [("current", f"current ({EXTRACTOR_VERSION})"), ("outdated", "older or never extracted")]

    def queryset(self, request, queryset):
        if self.value() == "current":
            return queryset.filter(extractor_version=EXTRACTOR_VERSION)
        if self.value() == "outdated":
            return queryset.exclude(extractor_version=EXTRACTOR_VERSION)
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "published_at", "status", "failure_reason_short", "extractor_version"]
    list_filter = ["status", OutdatedFilter, "source_kind", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "source_file", "author"]
    date_hierarchy = "published_at"
    actions = ["reextract_selected"]
    readonly_fields = [
        "status",
        "failure_reason",
        "claims_link",
        "source_file",
        "source_kind",
        "language",
        "extractor_version",
        "content_hash",
        "created_at",
        "body",
    ]
    fields = [*ARTICLE_CORRECTABLE_FIELDS, *readonly_fields]
    autocomplete_fields = ["outlet"]

    def has_add_permission(self, request) -> bool:
        return False  # articles come in through ingest (web page, API or `manage.py ingest`)

    @admin.display(description="why it failed")
    def failure_reason_short(self, article: Article) -> str:
        reason = article.failure_reason
        return reason if len(reason) <= 80 else reason[:79] + "…"

    @admin.display(description="claims")
    def claims_link(self, article: Article) -> str:
        url = reverse("admin:claims_claim_changelist") + f"?article__id__exact={article.pk}"
        return format_html('<a href="{}">{} claim(s)</a>', url, article.claims.count())

    @admin.action(description="Re-run extraction", permissions=["change"])
    def reextract_selected(self, request, queryset):
        count = articles_reextract_enqueue(article_ids=queryset.values_list("pk", flat=True))
        self.message_user(
            request, f"Queued re-extraction of {count} article(s); reviewed claims and curator links are kept."
        )


class IngestItemInline(admin.TabularInline):
    model = IngestItem
    fields = ["name", "outcome", "reason", "article", "claims_found"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(IngestJob)
class IngestJobAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "description", "state", "total", "created_by", "created_at", "finished_at"]
    list_filter = ["state"]
    list_select_related = ["created_by"]
    search_fields = ["description"]
    inlines = [IngestItemInline]


@admin.register(IngestItem)
class IngestItemAdmin(ReadOnlyAdmin):
    list_display = ["name", "job", "outcome", "reason", "article", "claims_found"]
    list_filter = ["outcome"]
    list_select_related = ["job", "article"]
    search_fields = ["name", "reason"]
    exclude = ["payload"]  # the raw input can be megabytes; the article holds the text


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "active", "last_polled_at", "last_error"]
    list_filter = ["active"]
    search_fields = ["url", "title"]
    readonly_fields = ["last_polled_at", "last_error"]
    autocomplete_fields = ["outlet"]


@admin.register(FeedEntry)
class FeedEntryAdmin(ReadOnlyAdmin):
    list_display = ["entry_id", "feed", "article"]
    list_select_related = ["feed", "article"]
    search_fields = ["entry_id"]


class ClaimPipelineAdmin(ClaimAdmin):
    """The curation admin of claims, with re-extraction of the selected claims' articles."""

    actions = [*ClaimAdmin.actions, "reextract_articles"]

    @admin.action(description="Re-run extraction for their articles", permissions=["change"])
    def reextract_articles(self, request, queryset):
        count = articles_reextract_enqueue(article_ids=set(queryset.values_list("article_id", flat=True)))
        self.message_user(
            request, f"Queued re-extraction of {count} article(s); reviewed claims and curator links are kept."
        )


admin.site.unregister(Claim)
admin.site.register(Claim, ClaimPipelineAdmin)
