"""The lifecycle of a request for assistance, as a transition table (state, action, roles, next state).

Roles are checked within their scope: a focal point only for its own Party's requests, an
institution member for its own organisation's, a help desk officer for the Parties its centre serves.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tsc_hub.assistance.states import TERMINAL_STATES, RequestState
from tsc_hub.core.workflow import Transition, Workflow

S = RequestState
NFP = "national_focal_point"
MEMBER = "institution_member"
HELPDESK = "helpdesk_officer"
COORDINATION = "coordination_staff"
ADMIN = "platform_admin"

REQUESTERS = frozenset({NFP, MEMBER})
STAFF = frozenset({HELPDESK, COORDINATION, ADMIN})
FOCAL_POINT = frozenset({NFP})
EVERYONE_INVOLVED = REQUESTERS | STAFF
OPEN_STATES = tuple(state for state in S if state not in TERMINAL_STATES)


def _withdrawals() -> tuple[Transition, ...]:
    return tuple(
        Transition(state, "withdraw", REQUESTERS | STAFF, S.WITHDRAWN, needs_reason=True)
        for state in OPEN_STATES
    )


REQUEST_WORKFLOW = Workflow(
    name="request",
    states=tuple(S.values),
    initial=S.DRAFT,
    terminal=frozenset(TERMINAL_STATES),
    transitions=(
        Transition(S.DRAFT, "submit", REQUESTERS, S.SUBMITTED),
        Transition(S.SUBMITTED, "endorse", FOCAL_POINT, S.ENDORSED),
        Transition(S.SUBMITTED, "return_to_draft", FOCAL_POINT | STAFF, S.DRAFT, needs_reason=True),
        Transition(S.ENDORSED, "ask", STAFF, S.IN_CLARIFICATION, needs_reason=True),
        Transition(S.ENDORSED, "accept", STAFF, S.ACCEPTED),
        Transition(S.ENDORSED, "decline", STAFF, S.DECLINED, needs_reason=True),
        Transition(S.IN_CLARIFICATION, "answer", REQUESTERS, S.ENDORSED, needs_reason=True),
        Transition(S.IN_CLARIFICATION, "accept", STAFF, S.ACCEPTED),
        Transition(S.IN_CLARIFICATION, "decline", STAFF, S.DECLINED, needs_reason=True),
        Transition(S.ACCEPTED, "start_matching", STAFF, S.MATCHING),
        Transition(S.MATCHING, "mark_matched", STAFF, S.MATCHED),
        Transition(S.MATCHED, "start_proposal", EVERYONE_INVOLVED, S.PROPOSAL),
        Transition(S.PROPOSAL, "start_implementation", STAFF, S.IN_IMPLEMENTATION),
        Transition(S.IN_IMPLEMENTATION, "complete", EVERYONE_INVOLVED, S.COMPLETED),
        Transition(S.COMPLETED, "close", STAFF, S.CLOSED),
        *_withdrawals(),
    ),
)

# Who is expected to act next in each open state, for the tracker.
NEXT_STEP: dict[str, tuple[Promise, Promise]] = {
    S.DRAFT: (_("The requester"), _("completes and submits the request.")),
    S.SUBMITTED: (_("The national focal point"), _("endorses the request.")),
    S.ENDORSED: (_("The help desk"), _("reviews the request: accepts it, declines it or asks a question.")),
    S.IN_CLARIFICATION: (_("The requester"), _("answers the help desk's question.")),
    S.ACCEPTED: (_("The help desk"), _("starts looking for providers.")),
    S.MATCHING: (_("The help desk"), _("finds a provider both sides agree on.")),
    S.MATCHED: (_("The requester and the provider"), _("draft the project proposal.")),
    S.PROPOSAL: (_("The help desk"), _("starts the project once the proposal is ready.")),
    S.IN_IMPLEMENTATION: (
        _("The requester and the provider"),
        _("carry out the project and report progress."),
    ),
    S.COMPLETED: (_("The help desk"), _("records the outcome and closes the request.")),
}

ACTION_LABELS: dict[str, Promise] = {
    "submit": _("Submit"),
    "endorse": _("Endorse"),
    "return_to_draft": _("Return to draft"),
    "ask": _("Ask a question"),
    "answer": _("Answer"),
    "accept": _("Accept"),
    "decline": _("Decline"),
    "start_matching": _("Start matching"),
    "mark_matched": _("Mark as matched"),
    "start_proposal": _("Start the project proposal"),
    "start_implementation": _("Start implementation"),
    "complete": _("Mark as completed"),
    "close": _("Close"),
    "withdraw": _("Withdraw"),
    "reassign": _("Reassign to another centre"),
    "assign_officer": _("Assign an officer"),
    "create": _("Drafted"),
    "record_consent": _("Prior informed consent recorded"),
    "assess_eligibility": _("Eligibility assessed"),
    "record_outcome": _("Outcome recorded"),
}
