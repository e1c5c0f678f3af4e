"""The match funnel as a transition table. "provider" is a role held for the provider's organisation;
the other roles are held for the request (see services.match_roles)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tsc_hub.core.workflow import Transition, Workflow
from tsc_hub.matching.states import TERMINAL, MatchState

M = MatchState
STAFF = frozenset({"helpdesk_officer", "coordination_staff", "platform_admin"})
REQUESTERS = frozenset({"national_focal_point", "institution_member"})
PROVIDER = frozenset({"provider"})

MATCH_WORKFLOW = Workflow(
    name="match",
    states=tuple(M.values),
    initial=M.SUGGESTED,
    terminal=frozenset(TERMINAL),
    transitions=(
        Transition(M.SUGGESTED, "contact", STAFF, M.CONTACTED),
        Transition(M.CONTACTED, "express_interest", PROVIDER | STAFF, M.PROVIDER_INTERESTED),
        Transition(M.CONTACTED, "provider_decline", PROVIDER | STAFF, M.PROVIDER_DECLINED, needs_reason=True),
        Transition(M.PROVIDER_INTERESTED, "requester_accept", REQUESTERS | STAFF, M.REQUESTER_ACCEPTED),
        Transition(
            M.PROVIDER_INTERESTED,
            "requester_decline",
            REQUESTERS | STAFF,
            M.REQUESTER_DECLINED,
            needs_reason=True,
        ),
        Transition(M.REQUESTER_ACCEPTED, "confirm", PROVIDER | STAFF, M.AGREED),
        Transition(M.AGREED, "start_project", STAFF, M.PROJECT_STARTED),
        *(
            Transition(state, "cancel", STAFF, M.CANCELLED, needs_reason=True)
            for state in (M.SUGGESTED, M.CONTACTED, M.PROVIDER_INTERESTED, M.REQUESTER_ACCEPTED, M.AGREED)
        ),
    ),
)

ACTION_LABELS: dict[str, Promise] = {
    "suggest": _("Suggested"),
    "contact": _("Contact the provider"),
    "express_interest": _("We are interested"),
    "provider_decline": _("Decline (provider)"),
    "requester_accept": _("Accept this provider"),
    "requester_decline": _("Decline (requester)"),
    "confirm": _("Confirm the agreement"),
    "start_project": _("Start the project"),
    "cancel": _("Cancel the match"),
}
