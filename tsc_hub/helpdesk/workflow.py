"""The life of an enquiry as a transition table. "enquirer" is the signed-in person who asked; the
help desk roles are held for the enquiry's centre (see services.enquiries.enquiry_roles)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tsc_hub.core.workflow import Transition, Workflow
from tsc_hub.helpdesk.states import EnquiryState

E = EnquiryState
HELPDESK = "helpdesk_officer"
COORDINATION = "coordination_staff"
ADMIN = "platform_admin"
ENQUIRER = "enquirer"
STAFF = frozenset({HELPDESK, COORDINATION, ADMIN})
REQUESTERS = frozenset({"national_focal_point", "institution_member"})
ASKER = frozenset({ENQUIRER})

ENQUIRY_WORKFLOW = Workflow(
    name="enquiry",
    states=tuple(E.values),
    initial=E.NEW,
    transitions=(
        Transition(E.NEW, "start", STAFF, E.IN_PROGRESS),
        Transition(E.NEW, "answer", STAFF, E.ANSWERED),
        Transition(E.NEW, "close", STAFF, E.CLOSED, needs_reason=True),
        Transition(E.IN_PROGRESS, "answer", STAFF, E.ANSWERED),
        Transition(E.IN_PROGRESS, "close", STAFF, E.CLOSED, needs_reason=True),
        Transition(E.ANSWERED, "close", STAFF | ASKER, E.CLOSED),
        Transition(E.ANSWERED, "reopen", STAFF | ASKER, E.IN_PROGRESS),
        Transition(E.CLOSED, "reopen", STAFF | ASKER, E.IN_PROGRESS),
    ),
)

ACTION_LABELS: dict[str, Promise] = {
    "submit": _("Received"),
    "start": _("Start working on it"),
    "answer": _("Mark as answered"),
    "close": _("Close"),
    "reopen": _("Reopen"),
    "assign": _("Assigned"),
}
