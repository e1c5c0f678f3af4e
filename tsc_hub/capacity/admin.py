"""Needs and activities in the admin: read and search; changes go through the site (audited services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tsc_hub.capacity.models import CapacityActivity, CapacityNeed


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """Nothing is added, changed or deleted here: services keep the version and the audit log."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CapacityNeed)
class CapacityNeedAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "party", "priority", "capacity_type", "status", "version", "updated_at")
    list_filter = ("status", "priority", "capacity_type")
    search_fields = ("title", "party__code")
    list_select_related = ("party",)


@admin.register(CapacityActivity)
class CapacityActivityAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "organisation", "status", "start_date", "end_date", "version", "updated_at")
    list_filter = ("status",)
    search_fields = ("title",)
    list_select_related = ("organisation",)
