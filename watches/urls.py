from django.urls import path

from watches import views

app_name = "watches"
urlpatterns = [
    path("", views.watch_list, name="list"),
    path("new/", views.watch_create, name="create"),
    path("<int:pk>/delete/", views.watch_delete, name="delete"),
    path("preference/", views.preference_set, name="preference"),
    path("webhooks/new/", views.webhook_create, name="webhook_create"),
    path("webhooks/<int:pk>/delete/", views.webhook_delete, name="webhook_delete"),
    path("deliveries/", views.delivery_list, name="deliveries"),
    path("alerts/", views.alert_list, name="alerts"),
    path("alerts/<int:pk>/read/", views.alert_read, name="alert_read"),
    path("alerts/read-all/", views.alerts_read_all, name="alerts_read_all"),
]
