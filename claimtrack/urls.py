from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from claims.views import home

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/v1/", include("claimtrack.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("articles/", include("pipeline.urls")),  # ingest pages, and retrying an article
    path("watches/", include("watches.urls")),  # watches, the alert inbox, webhooks
    path("", home, name="home"),
    path("", include("claims.urls")),
]

# Under /api/ an unknown URL answers JSON like every other API error.
handler404 = "common.api.page_not_found"
