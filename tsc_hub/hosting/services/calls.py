"""Writes about calls: create, change while draft or open, move along the workflow."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput
from tsc_hub.core.languages import UN_LANGUAGES
from tsc_hub.hosting.models import Call, Framework
from tsc_hub.hosting.services.common import (
    deadline_passed,
    multilingual,
    require_coordination,
    step_call,
)
from tsc_hub.hosting.states import Aggregation, CallKind
from tsc_hub.hosting.workflow import C_OPEN, EDITABLE_CALL_STATES


@dataclass(frozen=True)
class CallData:
    """What a call says: its kind, texts, framework (by code), deadline and aggregation per phase."""

    kind: str
    title: dict[str, str]
    framework: str
    deadline: datetime.datetime
    description: dict[str, str] = field(default_factory=dict)
    original_language: str = "en"
    phase1_aggregation: str = Aggregation.MEAN
    phase2_aggregation: str = Aggregation.MEAN
    reference: str | None = None


def _checked(data: CallData) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    if data.kind not in CallKind.values:
        errors["kind"] = [_("Unknown kind of call.")]
    framework = Framework.objects.filter(code=data.framework).first()
    if framework is None:
        errors["framework"] = [_("Unknown evaluation framework.")]
    elif framework.kind != data.kind:
        errors["framework"] = [_("This framework is for another kind of call.")]
    for name in ("phase1_aggregation", "phase2_aggregation"):
        if getattr(data, name) not in Aggregation.values:
            errors[name] = [_("Choose mean or zscore.")]
    if data.original_language not in UN_LANGUAGES:
        errors["original_language"] = [_("Choose one of the six UN languages.")]
    if data.deadline.tzinfo is None:
        errors["deadline"] = [_("Give the deadline with its time zone.")]
    values = {
        "kind": data.kind,
        "title": multilingual(data.title, "title", required=True),
        "description": multilingual(data.description, "description"),
        "framework": framework,
        "deadline": data.deadline,
        "original_language": data.original_language,
        "phase1_aggregation": data.phase1_aggregation,
        "phase2_aggregation": data.phase2_aggregation,
        "reference": data.reference or None,
    }
    if errors:
        raise InvalidInput(_("Some of the call's data is not valid."), fields=errors)
    return values


@transaction.atomic
def create_call(*, data: CallData, by: Any) -> Call:
    """Write a call for hosts, as a draft."""
    require_coordination(by)
    call = Call.objects.create(**_checked(data), created_by=by)
    record_event(actor=by, action="hosting.create_call", target=call, changes={"title": call.title})
    return call


@transaction.atomic
def update_call(*, call: Call, data: CallData, by: Any, version: int | None = None) -> Call:
    """Change a call while draft or open, if not changed since `version` (an open call keeps its kind and
    framework)."""
    require_coordination(by)
    current = Call.objects.select_for_update().get(pk=call.pk)
    if current.state not in EDITABLE_CALL_STATES:
        raise Conflict(_("A call can be changed only while it is a draft or open."), code="call_closed")
    if version is not None and version != current.version:
        raise Conflict(_("Someone changed this call after you opened it; reload it."), code="stale_version")
    values = _checked(data)
    if current.state == C_OPEN and (values["kind"], values["framework"]) != (current.kind, current.framework):
        raise Conflict(_("An open call keeps its kind and framework."), code="call_open")
    before = {name: str(getattr(current, name)) for name in values}
    for name, value in values.items():
        setattr(current, name, value)
    current.version += 1
    current.save()
    after = {name: str(getattr(current, name)) for name in values}
    changes = {k: [before[k], after[k]] for k in values if before[k] != after[k]}
    record_event(actor=by, action="hosting.update_call", target=current, changes=changes)
    return current


@transaction.atomic
def transition_call(*, call: Call, action: str, by: Any, reason: str = "") -> Call:
    """Publish, start phase 1 (once the deadline has passed), close a phase, or cancel a call."""
    from tsc_hub.hosting.services.phases import close_phase_locked

    current = Call.objects.select_for_update().get(pk=call.pk)
    if action == "start_review" and not deadline_passed(current):
        raise Conflict(
            _("Expressions of interest can be sent until the deadline; start phase 1 after it."),
            code="deadline_not_passed",
        )
    if action in ("close_phase1", "close_phase2"):
        close_phase_locked(current, 1 if action == "close_phase1" else 2, by)
    else:
        step_call(current, action, by, reason)
    return current
