"""The network's records in the admin: read and search; changes go through the site."""

from __future__ import annotations

from django.contrib import admin

from tsc_hub.core.admin import ReadOnlyAdmin
from tsc_hub.network.models import (
    AnnualReport,
    JointMeeting,
    PerformanceCriterion,
    PerformanceScoring,
    SharedDocument,
    Ticket,
    ToolExchange,
    WorkPlan,
)


@admin.register(WorkPlan)
class WorkPlanAdmin(ReadOnlyAdmin):
    list_display = ("centre", "start_year", "end_year", "state", "approved_at")
    list_filter = ("state",)


@admin.register(AnnualReport)
class AnnualReportAdmin(ReadOnlyAdmin):
    list_display = ("centre", "year", "state", "figures_at", "published_at")
    list_filter = ("state", "year")


@admin.register(PerformanceCriterion)
class PerformanceCriterionAdmin(ReadOnlyAdmin):
    list_display = ("code", "weight", "position", "active")


@admin.register(PerformanceScoring)
class PerformanceScoringAdmin(ReadOnlyAdmin):
    list_display = ("centre", "year", "total", "version", "scored_by")


@admin.register(ToolExchange)
class ToolExchangeAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "from_centre", "to_centre", "kind", "date")


@admin.register(JointMeeting)
class JointMeetingAdmin(ReadOnlyAdmin):
    list_display = ("date", "place")


@admin.register(SharedDocument)
class SharedDocumentAdmin(ReadOnlyAdmin):
    list_display = ("title", "centre", "name", "uploaded_at")


@admin.register(Ticket)
class TicketAdmin(ReadOnlyAdmin):
    list_display = ("subject", "centre", "category", "state", "first_response_due", "resolution_due")
    list_filter = ("state", "category")
