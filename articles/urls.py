from django.urls import path

from articles import views

app_name = "articles"
urlpatterns = [
    path("<int:pk>/", views.article_detail, name="detail"),
    path("<int:pk>/retry/", views.article_retry_view, name="retry"),
    path("ingest/", views.ingest, name="ingest"),
    path("ingest/<int:pk>/", views.ingest_job_detail, name="ingest_job"),
]
