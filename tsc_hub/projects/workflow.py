"""The lifecycle of a project as a transition table. "provider" is a role held for a provider partner's
organisation; the other roles are held for the project's request (see services.access.project_roles)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tsc_hub.core.workflow import Transition, Workflow
from tsc_hub.projects.states import TERMINAL_STATES, ProjectState

P = ProjectState
STAFF = frozenset({"helpdesk_officer", "coordination_staff", "platform_admin"})
REQUESTERS = frozenset({"national_focal_point", "institution_member"})
PROVIDER = frozenset({"provider"})
# Who works on the plan, the funds and the outputs: the help desk and both sides.
PARTICIPANTS = STAFF | REQUESTERS | PROVIDER

PROJECT_WORKFLOW = Workflow(
    name="project",
    states=tuple(P.values),
    initial=P.PLANNING,
    terminal=frozenset(TERMINAL_STATES),
    transitions=(
        Transition(P.PLANNING, "start", STAFF, P.IN_PROGRESS),
        Transition(P.IN_PROGRESS, "complete", PARTICIPANTS, P.COMPLETED),
        Transition(P.COMPLETED, "close", STAFF, P.CLOSED),
        Transition(P.PLANNING, "cancel", STAFF, P.CANCELLED, needs_reason=True),
        Transition(P.IN_PROGRESS, "cancel", STAFF, P.CANCELLED, needs_reason=True),
    ),
)

ACTION_LABELS: dict[str, Promise] = {
    "create": _("Project created"),
    "start": _("Start the project"),
    "complete": _("Mark as completed"),
    "close": _("Close the project"),
    "cancel": _("Cancel the project"),
}
