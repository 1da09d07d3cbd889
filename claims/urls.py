from django.urls import path

from claims import quote_flag_views, relation_views, views

app_name = "claims"
urlpatterns = [
    path("claims/", views.claim_list, name="list"),
    path("claims/export.csv", views.claim_export_csv, name="export_csv"),
    path("claims/export.json", views.claim_export_json, name="export_json"),
    path("claims/<int:pk>/", views.claim_detail, name="detail"),
    path("claims/<int:pk>/relate/", relation_views.claim_relate_view, name="relate"),
    path("quote-flags/<int:pk>/dismiss/", quote_flag_views.quote_flag_dismiss_view, name="quote_flag_dismiss"),
    path("speakers/<int:pk>/", views.speaker_detail, name="speaker_detail"),
    path("disputes/<int:pk>/", views.dispute_detail, name="dispute_detail"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    path("matrix/", views.matrix, name="matrix"),
    path("matrix/cell/", views.matrix_cell, name="matrix_cell"),
]
