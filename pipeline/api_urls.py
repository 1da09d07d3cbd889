"""/api/v1/ routes of the pipeline: ingesting, and the jobs that follow it."""

from django.urls import path

from pipeline import apis

app_name = "pipeline_api"

urlpatterns = [
    path("ingest/", apis.IngestCreateApi.as_view(), name="ingest"),
    path("ingest/jobs/<int:pk>/", apis.IngestJobDetailApi.as_view(), name="ingest-job-detail"),
]
