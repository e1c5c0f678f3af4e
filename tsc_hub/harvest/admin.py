"""Harvest sources and runs in the admin: read and search; changes go through the site or the command."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tsc_hub.harvest.models import HarvestRun, HarvestSource


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """Nothing is added, changed or deleted here: services check the rules and keep the audit log."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


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
