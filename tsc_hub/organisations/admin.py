"""Organisations in the admin: read and search; changes go through the site's forms (audited)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tsc_hub.organisations.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ("__str__", "acronym", "country", "organisation_type", "updated_at")
    list_filter = ("organisation_type", "country__cbd_group")
    search_fields = ("acronym", "names", "city")
    list_select_related = ("country", "organisation_type")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
