"""Outlets in the admin. Articles are in ``pipeline.admin``: their list shows where each stands in the
pipeline, links to their claims and re-runs extraction, which ``articles`` knows nothing of.
"""

from __future__ import annotations

from django.contrib import admin

from articles.models import Outlet


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "country"]
    search_fields = ["name", "domain"]
    list_filter = ["country"]
