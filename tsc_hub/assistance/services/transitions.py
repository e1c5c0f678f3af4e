"""Moving a request through its lifecycle (see workflow.py), with history, audit and notifications."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.services.people import helpdesk_side, requester_side
from tsc_hub.assistance.states import RequestState
from tsc_hub.assistance.workflow import NFP, REQUEST_WORKFLOW
from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.languages import pick_text
from tsc_hub.notifications.services import notify


def _guard(request: AssistanceRequest, action: str) -> None:
    """Rules beyond the table: consent before matching, an outcome before closing."""
    if action == "start_matching" and request.needs_consent:
        raise InvalidInput(
            _(
                "Indigenous or traditional knowledge is involved: "
                "record prior informed consent before matching."
            ),
            code="consent_required",
        )
    if action == "close" and not request.outcome:
        raise InvalidInput(_("Record the outcome before closing the request."), code="outcome_required")


def _route(request: AssistanceRequest) -> None:
    """A submitted request goes to the support centre that serves its Party (none: the global help desk)."""
    if request.centre_id is None:
        request.centre = SupportCentre.objects.serving(request.country_id).order_by("code").first()


def _apply(request: AssistanceRequest, action: str, target: str, by: Any, reason: str) -> None:
    source = request.state
    request.state = target
    request.state_changed_at = timezone.now()
    request.overdue_notified_at = None
    request.version += 1
    if action == "decline":
        request.decline_reason = reason
    if action == "submit":
        _route(request)
    request.save()
    request.transitions.create(action=action, from_state=source, to_state=target, by=by, reason=reason)
    record_event(
        actor=by,
        action=f"request.{action}",
        target=request,
        changes={"state": [source, target], "reason": reason} if reason else {"state": [source, target]},
    )


NOTICES = {
    "submit": gettext_noop("Request “%(title)s” was submitted."),
    "endorse": gettext_noop("Request “%(title)s” was endorsed by the national focal point."),
    "return_to_draft": gettext_noop("Request “%(title)s” was returned to draft."),
    "ask": gettext_noop("The help desk asked a question about request “%(title)s”."),
    "answer": gettext_noop("The requester answered the help desk about request “%(title)s”."),
    "accept": gettext_noop("Request “%(title)s” was accepted."),
    "decline": gettext_noop("Request “%(title)s” was declined."),
    "start_matching": gettext_noop("The help desk is looking for providers for request “%(title)s”."),
    "mark_matched": gettext_noop("A provider was found for request “%(title)s”."),
    "start_proposal": gettext_noop("The project proposal for request “%(title)s” is being drafted."),
    "start_implementation": gettext_noop("The project of request “%(title)s” has started."),
    "complete": gettext_noop("The cooperation on request “%(title)s” is completed."),
    "close": gettext_noop("Request “%(title)s” was closed."),
    "withdraw": gettext_noop("Request “%(title)s” was withdrawn."),
}


def _tell(request: AssistanceRequest, action: str, by: Any) -> None:
    """Everyone on both sides hears of each step, except whoever took it."""
    title = pick_text(request.title, language=request.original_language).text
    notify(
        recipients=requester_side(request) | helpdesk_side(request),
        exclude=by,
        target=request,
        url=f"/requests/{request.pk}/",
        template=NOTICES[action],
        params={"title": title},
    )


@transaction.atomic
def transition_request(
    *, request: AssistanceRequest, action: str, by: Any, reason: str = ""
) -> AssistanceRequest:
    """Take `action` on the request if its state allows it and the person's roles for it do.

    Illegal actions raise IllegalTransition (409, with the allowed actions). When a focal point
    submits, its endorsement is implied and recorded as a second step.
    """
    locked = AssistanceRequest.objects.select_for_update().get(pk=request.pk)
    step = REQUEST_WORKFLOW.find(locked.state, action)
    roles = roles_held_for(by, locked) if by is not None else set(step.roles)
    if not step.roles & roles:
        raise PermissionDenied(_("Your roles do not allow this action on this request."))
    if step.needs_reason and not reason.strip():
        raise InvalidInput(
            _("Give a reason for this action."), fields={"reason": [_("This field is required.")]}
        )
    _guard(locked, action)
    _apply(locked, action, step.target, by, reason.strip())
    if action == "submit" and NFP in roles:
        _apply(locked, "endorse", RequestState.ENDORSED, by, "")
    _tell(locked, action, by)
    return locked
