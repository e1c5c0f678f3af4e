"""What every network service shares: who may act, multilingual checks, workflow steps."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.languages import UN_LANGUAGES, clean_multilingual
from tsc_hub.core.workflow import Transition, Workflow
from tsc_hub.network.permissions import CENTRE_STAFF, COORDINATION, roles_for


class Problems:
    """Field errors gathered before raising one InvalidInput."""

    def __init__(self) -> None:
        self.fields: dict[str, list[str]] = {}

    def add(self, name: str, message: str) -> None:
        self.fields.setdefault(name, []).append(message)

    def raise_if_any(self, message: str) -> None:
        if self.fields:
            raise InvalidInput(message, fields=self.fields)


def text(problems: Problems, name: str, value: Any, *, required: bool = False) -> dict[str, str]:
    """A checked multilingual value (only UN language keys), or {} with a problem noted."""
    try:
        return clean_multilingual(value, required=required)
    except ValueError as error:
        problems.add(name, str(error))
        return {}


def language(problems: Problems, value: str) -> str:
    if value not in UN_LANGUAGES:
        problems.add("original_language", _("Choose one of the six UN languages."))
    return value


def require_centre_staff(by: Any, centre_id: int, message: str) -> None:
    """Only the centre's own staff (or the system, `by=None`)."""
    if by is not None and CENTRE_STAFF not in roles_for(by, centre_id):
        raise PermissionDenied(message)


def require_coordination(by: Any, message: str) -> None:
    """Only coordination entity staff (or the system, `by=None`)."""
    if by is not None and COORDINATION not in roles_for(by, None):
        raise PermissionDenied(message)


def step(
    *,
    record: Any,
    workflow: Workflow,
    action: str,
    by: Any,
    reason: str,
    history: Any,
    link: str,
) -> Transition:
    """Check and apply one transition of `record` (locked by the caller); keep its history and audit it."""
    transition = workflow.find(record.state, action)
    if by is not None and not transition.roles & roles_for(by, record.centre_id):
        raise PermissionDenied(
            _("Your roles do not allow you to “%(action)s” this record.") % {"action": action}
        )
    reason = reason.strip()
    if transition.needs_reason and not reason:
        message = _("Say why, so that the other side knows what to do.")
        raise InvalidInput(message, fields={"reason": [message]})
    source = record.state
    record.state = transition.target
    record.state_changed_at = timezone.now()
    history.objects.create(
        **{link: record}, action=action, from_state=source, to_state=transition.target, by=by, reason=reason
    )
    label = record._meta.model_name
    changes = {"state": [source, transition.target], "reason": reason}
    record_event(actor=by, action=f"network.{action}_{label}", target=record, changes=changes)
    return transition
