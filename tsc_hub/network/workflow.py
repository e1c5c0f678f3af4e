"""The network's workflows as transition tables (state, action, who may, next state), tested as data.

Roles: "centre_staff" is a help desk officer of the record's own centre (permissions.CENTRE_STAFF);
"coordination_staff" is the global coordination entity, which reviews, approves and publishes.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tsc_hub.core.workflow import Transition, Workflow
from tsc_hub.network.permissions import CENTRE_STAFF, COORDINATION
from tsc_hub.network.states import PlanState, ReportState, TicketState

CENTRE = frozenset({CENTRE_STAFF})
COORD = frozenset({COORDINATION})
BOTH = CENTRE | COORD

P = PlanState
PLAN_WORKFLOW = Workflow(
    name="work_plan",
    states=tuple(P.values),
    initial=P.DRAFT,
    transitions=(
        Transition(P.DRAFT, "submit", CENTRE, P.SUBMITTED),
        Transition(P.SUBMITTED, "request_changes", COORD, P.CHANGES_REQUESTED, needs_reason=True),
        Transition(P.CHANGES_REQUESTED, "submit", CENTRE, P.SUBMITTED),
        Transition(P.SUBMITTED, "approve", COORD, P.APPROVED),
    ),
)
PLAN_EDITABLE = frozenset({P.DRAFT, P.CHANGES_REQUESTED})

R = ReportState
REPORT_WORKFLOW = Workflow(
    name="annual_report",
    states=tuple(R.values),
    initial=R.DRAFT,
    transitions=(
        Transition(R.DRAFT, "submit", CENTRE, R.SUBMITTED),
        Transition(R.SUBMITTED, "request_changes", COORD, R.CHANGES_REQUESTED, needs_reason=True),
        Transition(R.CHANGES_REQUESTED, "submit", CENTRE, R.SUBMITTED),
        Transition(R.SUBMITTED, "accept", COORD, R.ACCEPTED),
        Transition(R.ACCEPTED, "publish", COORD, R.PUBLISHED),
    ),
)
# The narrative may change and the figures be refreshed only while the centre holds the report.
REPORT_EDITABLE = frozenset({R.DRAFT, R.CHANGES_REQUESTED})

T = TicketState
TICKET_WORKFLOW = Workflow(
    name="ticket",
    states=tuple(T.values),
    initial=T.OPEN,
    terminal=frozenset({T.CLOSED}),
    transitions=(
        Transition(T.OPEN, "start", COORD, T.IN_PROGRESS),
        Transition(T.OPEN, "wait", COORD, T.WAITING, needs_reason=True),
        Transition(T.OPEN, "resolve", COORD, T.RESOLVED, needs_reason=True),
        Transition(T.IN_PROGRESS, "wait", COORD, T.WAITING, needs_reason=True),
        Transition(T.IN_PROGRESS, "resolve", COORD, T.RESOLVED, needs_reason=True),
        Transition(T.WAITING, "resume", BOTH, T.IN_PROGRESS),
        Transition(T.WAITING, "resolve", COORD, T.RESOLVED, needs_reason=True),
        Transition(T.RESOLVED, "close", BOTH, T.CLOSED),
        Transition(T.RESOLVED, "reopen", CENTRE, T.IN_PROGRESS, needs_reason=True),
    ),
)

ACTION_LABELS: dict[str, Promise] = {
    "submit": _("Submit to the coordination entity"),
    "request_changes": _("Request changes"),
    "approve": _("Approve"),
    "accept": _("Accept"),
    "publish": _("Publish"),
    "start": _("Start working on it"),
    "wait": _("Wait for the centre"),
    "resume": _("Resume"),
    "resolve": _("Mark as resolved"),
    "close": _("Close"),
    "reopen": _("Reopen"),
}
