"""Needs and activities in the admin: read and search; changes go through the site (audited services)."""

from __future__ import annotations

from django.contrib import admin

from tsc_hub.capacity.models import CapacityActivity, CapacityNeed
from tsc_hub.core.admin import ReadOnlyAdmin


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
