from django.contrib import admin

from watches.models import Alert, Watch, WebhookDelivery, WebhookSubscription


@admin.register(Watch)
class WatchAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "user", "created_at"]
    list_filter = ["kind"]
    raw_id_fields = ["user", "speaker", "dispute", "claim", "outlet"]


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "reason", "created_at", "read_at"]
    list_filter = ["reason"]
    raw_id_fields = ["user", "watch", "claim"]


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["url", "user", "active", "created_at"]
    raw_id_fields = ["user"]
    exclude = ["secret"]  # the owner's to see, not the admin's


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["delivery_id", "status", "attempts", "response_code", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["alert", "subscription"]
