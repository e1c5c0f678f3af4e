"""The audit log in the admin, and the read-only base every app's admin uses."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tsc_hub.core.models import AuditEvent


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """Browse only: writes go through the services, which check the rules and keep the audit log."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Search and read the log; nobody adds, changes or deletes through the admin."""

    list_display = ("at", "actor_label", "action", "target_type", "target_id", "target_label")
    list_filter = ("action", "target_type")
    search_fields = ("actor_label", "target_label", "target_id")
    date_hierarchy = "at"
