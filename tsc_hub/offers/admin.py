"""Profiles, offers and their workflow steps in the admin: read and search; changes go through the site."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tsc_hub.offers.models import Offer, ProviderProfile, RecordTransition


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """Nothing is added, changed or deleted here: services keep the history and the audit log."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ProviderProfile)
class ProviderProfileAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "organisation", "state", "capacity", "version", "updated_at")
    list_filter = ("state",)
    search_fields = ("title", "chm_identifier", "contact_email")
    list_select_related = ("organisation",)


@admin.register(Offer)
class OfferAdmin(ReadOnlyAdmin):
    list_display = (
        "__str__",
        "primary_organisation",
        "state",
        "application_deadline",
        "version",
        "updated_at",
    )
    list_filter = ("state",)
    search_fields = ("title", "chm_identifier", "contact_email")
    list_select_related = ("primary_organisation",)


@admin.register(RecordTransition)
class RecordTransitionAdmin(ReadOnlyAdmin):
    list_display = ("record_type", "record_id", "from_state", "to_state", "action", "by", "at")
    list_filter = ("record_type", "action", "to_state")
    list_select_related = ("by",)
