"""What every hosting service shares: permission checks, workflow steps with their history rows."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from tsc_hub.accounts import policy
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.languages import clean_multilingual
from tsc_hub.hosting.models import Application, ApplicationTransition, Call, CallTransition
from tsc_hub.hosting.permissions import MANAGE_CALLS
from tsc_hub.hosting.workflow import APPLICATION_WORKFLOW, CALL_WORKFLOW


def require(by: Any, permission: str, obj: Any, message: str) -> None:
    """PermissionDenied unless `by` (None: the system) holds `permission` for `obj`."""
    if by is not None and not by.has_perm(permission, obj):
        raise PermissionDenied(message)


def require_coordination(by: Any) -> None:
    require(by, MANAGE_CALLS, None, _("Only coordination staff and administrators manage calls for hosts."))


def multilingual(value: Any, name: str, *, required: bool = False) -> dict[str, str]:
    try:
        return clean_multilingual(value, required=required)
    except ValueError as error:
        raise InvalidInput(str(error), fields={name: [str(error)]}) from error


def deadline_passed(call: Call) -> bool:
    return timezone.now() > call.deadline


def step_call(call: Call, action: str, by: Any, reason: str = "") -> None:
    """Move a (locked) call along its table, with the history row and the audit event."""
    step = CALL_WORKFLOW.find(call.state, action)
    if by is not None and not step.roles & policy.roles_held_for(by, call):
        raise PermissionDenied(
            _("Your roles do not allow you to “%(action)s” this call.") % {"action": action}
        )
    if step.needs_reason and not reason.strip():
        message = _("Say why.")
        raise InvalidInput(message, fields={"reason": [message]})
    source, call.state = call.state, step.target
    call.save(update_fields=["state", "updated_at"])
    CallTransition.objects.create(
        call=call, action=action, from_state=source, to_state=step.target, by=by, reason=reason.strip()
    )
    record_event(actor=by, action=f"hosting.{action}", target=call, changes={"state": [source, step.target]})


def step_application(application: Application, action: str, by: Any, reason: str = "") -> None:
    """Move a (locked) application along its table, with the history row and the audit event."""
    step = APPLICATION_WORKFLOW.find(application.state, action)
    if by is not None and not step.roles & policy.roles_held_for(by, application):
        raise PermissionDenied(
            _("Your roles do not allow you to “%(action)s” this application.") % {"action": action}
        )
    source, application.state = application.state, step.target
    fields = ["state", "updated_at"]
    if action == "submit":
        application.submitted_at = timezone.now()
        fields.append("submitted_at")
    application.save(update_fields=fields)
    ApplicationTransition.objects.create(
        application=application,
        action=action,
        from_state=source,
        to_state=step.target,
        by=by,
        reason=reason.strip(),
    )
    record_event(
        actor=by,
        action=f"hosting.{action}_application",
        target=application,
        changes={"state": [source, step.target], "reason": reason.strip()},
    )
