"""Resources, revisions and workflow steps in the admin: read and search; changes go through the site."""

from __future__ import annotations

from django.contrib import admin

from tsc_hub.core.admin import ReadOnlyAdmin
from tsc_hub.knowledge.models import Resource, ResourceRevision, ResourceTransition


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
