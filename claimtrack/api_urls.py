"""Every REST endpoint under /api/v1/, one include per app."""

from django.urls import include, path

urlpatterns = [
    path("", include("articles.api_urls")),
    path("", include("claims.api_urls")),
]
