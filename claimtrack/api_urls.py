"""Every REST endpoint under /api/v1/, one include per app."""

from django.urls import include, path

from common.api import TokenObtainApi

urlpatterns = [
    path("auth/token/", TokenObtainApi.as_view(), name="api-token"),
    path("", include("claims.api_urls")),
    path("", include("pipeline.api_urls")),
    path("", include("watches.api_urls")),
]
