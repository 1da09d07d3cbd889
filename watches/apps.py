from django.apps import AppConfig


class WatchesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "watches"
    verbose_name = "Watches and alerts"
