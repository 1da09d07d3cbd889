"""Watches (what a user follows), the alerts they raise, and how alerts reach the user.

A saved search keeps its query as a stored ``tsquery`` (a generated column), so matching new
claims is one SQL join of their stored ``search_vector`` with the watches: no query is parsed
again per claim, and no watch is re-run over the whole base (``watches.services.alerts``).
"""

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchQueryField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from articles.models import Outlet
from claims.models import Claim, Proposition, Speaker
from common.models import BaseModel


class Watch(BaseModel):
    class Kind(models.TextChoices):
        SEARCH = "search", "Saved search"
        SPEAKER = "speaker", "Speaker"
        DISPUTE = "dispute", "Dispute"
        CLAIM = "claim", "Claim"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watches")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    label = models.CharField(max_length=300, blank=True)
    # The watched speaker; for a saved search, its speaker facet (both match claim.speaker_id).
    speaker = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    dispute = models.ForeignKey(Proposition, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    # A saved search: web-search syntax as on the claims page, and its facets (blank = any).
    query = models.CharField(max_length=500, blank=True)
    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    cue_class = models.CharField(max_length=10, choices=Claim.CueClass.choices, blank=True)
    claim_type = models.CharField(max_length=15, choices=Claim.Type.choices, blank=True)
    polarity = models.CharField(max_length=10, choices=Claim.Polarity.choices, blank=True)
    date_from = models.DateField(null=True, blank=True)
    date_to = models.DateField(null=True, blank=True)
    search_query = models.GeneratedField(
        expression=SearchQuery(F("query"), config="english", search_type="websearch"),
        output_field=SearchQueryField(),
        db_persist=True,
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # Matching new claims: saved searches are read by kind, the others by their target.
            models.Index(fields=["kind"], name="watch_kind"),
        ]
        constraints = [
            models.CheckConstraint(
                name="watch_target_fits_kind",
                condition=(
                    Q(kind="search")
                    | Q(kind="speaker", speaker__isnull=False)
                    | Q(kind="dispute", dispute__isnull=False)
                    | Q(kind="claim", claim__isnull=False)
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.label or f"{self.get_kind_display()} {self.pk}"


class Alert(BaseModel):
    class Reason(models.TextChoices):
        # Ordered by weight: when a claim meets a watch in several ways, the first one is kept.
        CONFLICT = "conflict", "Conflicts with what you watch"
        SIDE = "side", "Took a side in a dispute"
        POSITION_CHANGE = "position", "Changed position"
        RELATED = "related", "Related to a watched claim"
        MATCH = "match", "New matching claim"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts")
    watch = models.ForeignKey(Watch, on_delete=models.CASCADE, related_name="alerts")
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    detail = models.CharField(max_length=500, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set once the alert went out by e-mail (at once or in a digest), so it is mailed only once.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The unread count in every page's navigation reads only this small index.
            models.Index(fields=["user"], condition=Q(read_at__isnull=True), name="alert_unread_per_user"),
            models.Index(fields=["user", "-created_at"], name="alert_user_recent"),
        ]
        constraints = [
            # Linking an article again finds the same matches: they must not alert twice.
            models.UniqueConstraint(fields=["watch", "claim"], name="alert_once_per_watch_and_claim"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: claim {self.claim_id}"

    def get_absolute_url(self) -> str:
        return reverse("claims:detail", args=[self.claim_id])


class AlertPreference(BaseModel):
    class Email(models.TextChoices):
        OFF = "off", "No e-mail"
        IMMEDIATE = "immediate", "At once"
        DIGEST = "digest", "Daily digest"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_preference")
    email = models.CharField(max_length=10, choices=Email.choices, default=Email.OFF)

    def __str__(self) -> str:
        return f"{self.user}: {self.email}"


class WebhookSubscription(BaseModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webhooks")
    url = models.URLField(max_length=2000)
    # Signs each body (HMAC-SHA256); shown to its owner so the receiver can verify it.
    secret = models.CharField(max_length=100)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.url


class WebhookDelivery(BaseModel):
    """One alert sent to one subscription: the unit of retries, and what the delivery log shows."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries")
    # Sent as a header with every attempt: the receiver's key for ignoring a repeat.
    delivery_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The exact body, fixed at the first attempt, so that every retry sends (and signs) the same bytes.
    body = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    response_code = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["alert", "subscription"], name="delivery_once_per_alert_and_subscription"),
        ]

    def __str__(self) -> str:
        return f"{self.delivery_id} {self.status}"
