"""The workflows of calls and applications, as transition tables (data, tested as data).

Call: draft → open (publish) → phase1 (start_review, once the deadline has passed) → phase2 (close_phase1)
→ closed (close_phase2); cancel from draft, open, phase1 and phase2. Coordination staff and administrators.

Application: draft → submitted (submit, before the deadline) by the applicant organisation's members;
submitted → invited / not_invited when phase 1 closes, invited → shortlisted / not_shortlisted when phase 2
closes (coordination, through closing the phase); withdrawn by the applicant while not decided.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tsc_hub.accounts.roles import Role
from tsc_hub.core.workflow import Transition, Workflow
from tsc_hub.hosting.states import ApplicationState, CallState

COORDINATION = frozenset({Role.COORDINATION_STAFF, Role.PLATFORM_ADMIN})
APPLICANTS = frozenset({Role.INSTITUTION_MEMBER})

C_DRAFT, C_OPEN, C_PHASE1 = CallState.DRAFT.value, CallState.OPEN.value, CallState.PHASE1.value
C_PHASE2, C_CLOSED, C_CANCELLED = CallState.PHASE2.value, CallState.CLOSED.value, CallState.CANCELLED.value

CALL_WORKFLOW = Workflow(
    name="hosting_call",
    states=tuple(CallState.values),
    initial=C_DRAFT,
    terminal=frozenset({C_CLOSED, C_CANCELLED}),
    transitions=(
        Transition(C_DRAFT, "publish", COORDINATION, C_OPEN),
        Transition(C_OPEN, "start_review", COORDINATION, C_PHASE1),
        Transition(C_PHASE1, "close_phase1", COORDINATION, C_PHASE2),
        Transition(C_PHASE2, "close_phase2", COORDINATION, C_CLOSED),
        Transition(C_DRAFT, "cancel", COORDINATION, C_CANCELLED, needs_reason=True),
        Transition(C_OPEN, "cancel", COORDINATION, C_CANCELLED, needs_reason=True),
        Transition(C_PHASE1, "cancel", COORDINATION, C_CANCELLED, needs_reason=True),
        Transition(C_PHASE2, "cancel", COORDINATION, C_CANCELLED, needs_reason=True),
    ),
)

A_DRAFT, A_SUBMITTED = ApplicationState.DRAFT.value, ApplicationState.SUBMITTED.value
A_INVITED, A_NOT_INVITED = ApplicationState.INVITED.value, ApplicationState.NOT_INVITED.value
A_SHORTLISTED, A_NOT_SHORTLISTED = ApplicationState.SHORTLISTED.value, ApplicationState.NOT_SHORTLISTED.value
A_WITHDRAWN = ApplicationState.WITHDRAWN.value

APPLICATION_WORKFLOW = Workflow(
    name="hosting_application",
    states=tuple(ApplicationState.values),
    initial=A_DRAFT,
    terminal=frozenset({A_NOT_INVITED, A_SHORTLISTED, A_NOT_SHORTLISTED, A_WITHDRAWN}),
    transitions=(
        Transition(A_DRAFT, "submit", APPLICANTS, A_SUBMITTED),
        Transition(A_SUBMITTED, "invite", COORDINATION, A_INVITED),
        Transition(A_SUBMITTED, "not_invite", COORDINATION, A_NOT_INVITED),
        Transition(A_INVITED, "shortlist", COORDINATION, A_SHORTLISTED),
        Transition(A_INVITED, "not_shortlist", COORDINATION, A_NOT_SHORTLISTED),
        Transition(A_DRAFT, "withdraw", APPLICANTS, A_WITHDRAWN),
        Transition(A_SUBMITTED, "withdraw", APPLICANTS, A_WITHDRAWN),
        Transition(A_INVITED, "withdraw", APPLICANTS, A_WITHDRAWN),
    ),
)

# The call states in which coordination may still change a call (an open one keeps its kind and framework).
EDITABLE_CALL_STATES = frozenset({C_DRAFT, C_OPEN})
# The call states in which an application may still be written (and submitted before the deadline).
WRITABLE_CALL_STATES = frozenset({C_OPEN})
# A phase is closed, and its scores may be shown to everyone who sees the application, in these call states.
PHASE_CLOSED_IN = {1: frozenset({C_PHASE2, C_CLOSED}), 2: frozenset({C_CLOSED})}
# Reviewers score a phase's criteria while the call is in that phase.
SCORING_STATE = {1: C_PHASE1, 2: C_PHASE2}

ACTION_LABELS = {
    "create": _("Created"),
    "publish": _("Publish the call"),
    "start_review": _("Close submissions and start phase 1"),
    "close_phase1": _("Close phase 1 and invite to phase 2"),
    "close_phase2": _("Close phase 2 and draw up the shortlist"),
    "cancel": _("Cancel the call"),
    "submit": _("Submit"),
    "invite": _("Invited to phase 2"),
    "not_invite": _("Not invited to phase 2"),
    "shortlist": _("Shortlisted"),
    "not_shortlist": _("Not shortlisted"),
    "withdraw": _("Withdraw"),
}
