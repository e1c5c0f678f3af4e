"""Read-only admin views: reference data changes through the shipped files and `tsc-hub geography load`."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tsc_hub.geography.models import Party, Region


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Browse only: edits here would be lost at the next load and would bypass the audit log."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Party)
class PartyAdmin(ReadOnlyAdmin):
    list_display = ("code", "__str__", "cbd_group", "m49_subregion", "is_ldc", "is_sids")
    list_filter = ("cbd_group", "m49_region", "is_ldc", "is_sids")
    search_fields = ("code", "names")


@admin.register(Region)
class RegionAdmin(ReadOnlyAdmin):
    list_display = ("identifier", "__str__", "kind", "rule")
    list_filter = ("kind",)
    search_fields = ("identifier", "labels", "rule")
