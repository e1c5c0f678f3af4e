"""Resources, revisions and workflow steps in the admin: read and search; changes go through the site."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tsc_hub.knowledge.models import Resource, ResourceRevision, ResourceTransition


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """Nothing is added, changed or deleted here: services keep the revisions and the audit log."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Resource)
class ResourceAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "kind", "owner", "state", "source", "version", "published_at", "updated_at")
    list_filter = ("kind", "state", "source")
    search_fields = ("title", "chm_identifier", "original_identifier")
    list_select_related = ("owner",)


@admin.register(ResourceRevision)
class ResourceRevisionAdmin(ReadOnlyAdmin):
    list_display = ("resource", "version", "by", "at", "note")
    list_select_related = ("resource", "by")


@admin.register(ResourceTransition)
class ResourceTransitionAdmin(ReadOnlyAdmin):
    list_display = ("resource", "from_state", "to_state", "action", "by", "at")
    list_filter = ("action", "to_state")
    list_select_related = ("resource", "by")
