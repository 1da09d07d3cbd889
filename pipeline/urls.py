from django.urls import path

from pipeline import views

app_name = "pipeline"
urlpatterns = [
    path("<int:pk>/retry/", views.article_retry_view, name="article_retry"),
    path("ingest/", views.ingest, name="ingest"),
    path("ingest/<int:pk>/", views.ingest_job_detail, name="ingest_job"),
]
