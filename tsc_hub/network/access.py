"""Fetch-and-authorise for pages and API alike: a record the person may read, else NotFound (its
existence is not revealed); the space and its records, else PermissionDenied."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tsc_hub.core.exceptions import NotFound, PermissionDenied
from tsc_hub.core.workflow import Workflow
from tsc_hub.network.models import AnnualReport, PerformanceScoring, Ticket, WorkPlan
from tsc_hub.network.permissions import in_space, roles_for
from tsc_hub.network.workflow import ACTION_LABELS, PLAN_WORKFLOW, REPORT_WORKFLOW, TICKET_WORKFLOW


def actions_of(workflow: Workflow, record: Any, user: Any) -> list[dict[str, Any]]:
    """The workflow steps the person may take on the record, with labels."""
    held = roles_for(user, record.centre_id)
    return [
        {"name": t.action, "label": ACTION_LABELS.get(t.action, t.action), "needs_reason": t.needs_reason}
        for t in workflow.from_state(record.state)
        if t.roles & held
    ]


def access_plan(user: Any, plan_id: int) -> Any:
    found = WorkPlan.objects.visible_to(user).with_related().filter(pk=plan_id).first()
    if found is None:
        raise NotFound(_("No such work plan, or you may not see it."))
    found.actions = actions_of(PLAN_WORKFLOW, found, user)
    return found


def access_report(user: Any, report_id: int) -> Any:
    found = AnnualReport.objects.visible_to(user).select_related("centre").filter(pk=report_id).first()
    if found is None:
        raise NotFound(_("No such report, or you may not see it."))
    found.actions = actions_of(REPORT_WORKFLOW, found, user)
    return found


def access_scoring(user: Any, scoring_id: int) -> PerformanceScoring:
    found = PerformanceScoring.objects.visible_to(user).select_related("centre").filter(pk=scoring_id).first()
    if found is None:
        raise NotFound(_("No such scoring, or you may not see it."))
    return found


def require_space(user: Any) -> None:
    if not in_space(user):
        raise PermissionDenied(
            _("The collaboration space is for the staff of the support centres and the coordination entity.")
        )


def access_ticket(user: Any, ticket_id: int) -> Any:
    require_space(user)
    found = Ticket.objects.visible_to(user).with_related().filter(pk=ticket_id).first()
    if found is None:
        raise NotFound(_("No such ticket, or you may not see it."))
    found.actions = actions_of(TICKET_WORKFLOW, found, user)
    return found
