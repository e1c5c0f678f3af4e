"""Read-only admin views: reference data changes through the shipped files and `tsc-hub geography load`."""

from __future__ import annotations

from django.contrib import admin

from tsc_hub.core.admin import ReadOnlyAdmin
from tsc_hub.geography.models import Party, Region


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
