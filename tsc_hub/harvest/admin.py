"""Harvest sources and runs in the admin: read and search; changes go through the site or the command."""

from __future__ import annotations

from django.contrib import admin

from tsc_hub.core.admin import ReadOnlyAdmin
from tsc_hub.harvest.models import HarvestRun, HarvestSource


@admin.register(HarvestSource)
class HarvestSourceAdmin(ReadOnlyAdmin):
    list_display = ("name", "protocol", "base_url", "schedule", "active", "last_harvested_from")
    list_filter = ("protocol", "schedule", "active")
    search_fields = ("name", "base_url")


@admin.register(HarvestRun)
class HarvestRunAdmin(ReadOnlyAdmin):
    list_display = (
        "source",
        "state",
        "started_at",
        "created",
        "updated",
        "unchanged",
        "withdrawn",
        "skipped",
    )
    list_filter = ("state", "source")
    list_select_related = ("source",)
