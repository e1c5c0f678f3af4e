"""Support centres in the admin (read-only until the centres issue brings their workflows)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tsc_hub.centres.models import SupportCentre


@admin.register(SupportCentre)
class SupportCentreAdmin(admin.ModelAdmin[SupportCentre]):
    list_display = ("code", "__str__", "host")
    filter_horizontal = ("parties_served",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
