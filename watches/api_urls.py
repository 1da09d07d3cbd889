"""/api/v1/ routes of the watches app."""

from django.urls import path

from watches import apis

app_name = "watches_api"
urlpatterns = [
    path("watches/", apis.WatchListCreateApi.as_view(), name="watch-list"),
    path("watches/<int:pk>/", apis.WatchDetailApi.as_view(), name="watch-detail"),
    path("alerts/", apis.AlertListApi.as_view(), name="alert-list"),
    path("alerts/read-all/", apis.AlertReadAllApi.as_view(), name="alert-read-all"),
    path("alerts/<int:pk>/read/", apis.AlertReadApi.as_view(), name="alert-read"),
    path("webhooks/", apis.WebhookListCreateApi.as_view(), name="webhook-list"),
    path("webhooks/<int:pk>/", apis.WebhookDeleteApi.as_view(), name="webhook-detail"),
    path("webhook-deliveries/", apis.DeliveryListApi.as_view(), name="delivery-list"),
]
