"""Requests in the admin: read-only records; the checklist and the target times are configuration."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tsc_hub.assistance.models import AssistanceRequest, EligibilityCriterion, StateTarget


@admin.register(StateTarget)
class StateTargetAdmin(admin.ModelAdmin[StateTarget]):
    """How long a request may stay in each state before it is flagged overdue."""

    list_display = ("state", "target_days")
    list_editable = ("target_days",)


@admin.register(EligibilityCriterion)
class EligibilityCriterionAdmin(admin.ModelAdmin[EligibilityCriterion]):
    """The help desk's checklist and each item's weight in the priority score."""

    list_display = ("code", "__str__", "weight", "position", "active")
    list_editable = ("weight", "position", "active")


@admin.register(AssistanceRequest)
class AssistanceRequestAdmin(admin.ModelAdmin[AssistanceRequest]):
    """Requests change only through their workflow, on the site or the API."""

    list_display = ("__str__", "country", "state", "centre", "priority_score", "state_changed_at")
    list_filter = ("state", "urgency", "visibility")
    list_select_related = ("country", "centre")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
