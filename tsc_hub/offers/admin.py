"""Profiles, offers and their workflow steps in the admin: read and search; changes go through the site."""

from __future__ import annotations

from django.contrib import admin

from tsc_hub.core.admin import ReadOnlyAdmin
from tsc_hub.offers.models import Offer, ProviderProfile, RecordTransition


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
