"""/api/v1/ routes of the articles app."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from articles import apis

app_name = "articles_api"

router = SimpleRouter()
router.register("outlets", apis.OutletViewSet, basename="outlet")
router.register("articles", apis.ArticleViewSet, basename="article")

urlpatterns = [
    path("ingest/", apis.IngestCreateApi.as_view(), name="ingest"),
    path("ingest/jobs/<int:pk>/", apis.IngestJobDetailApi.as_view(), name="ingest-job-detail"),
    *router.urls,
]
