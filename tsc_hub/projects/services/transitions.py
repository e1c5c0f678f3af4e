"""Moving a project through its lifecycle (see workflow.py), with history, audit and notifications."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsc_hub.assistance.services import transition_request
from tsc_hub.assistance.states import RequestState
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.projects.models import Project
from tsc_hub.projects.services.access import lock, project_roles
from tsc_hub.projects.services.notices import tell
from tsc_hub.projects.states import ProjectState, RatingSide
from tsc_hub.projects.workflow import PROJECT_WORKFLOW


def _guard(project: Project, action: str) -> None:
    """Rules beyond the table: a project closes with a final report and both sides' ratings."""
    if action != "close":
        return
    problems: dict[str, list[str]] = {}
    if not any(value.strip() for value in project.final_report.values()):
        problems["final_report"] = [_("Write the final report before closing the project.")]
    rated = set(project.ratings.values_list("side", flat=True))
    if missing := [side for side in RatingSide if side not in rated]:
        labels = ", ".join(str(side.label) for side in missing)
        problems["ratings"] = [_("Still to rate the project: %(sides)s.") % {"sides": labels}]
    if problems:
        raise InvalidInput(
            _("A project closes once its final report is written and both sides have rated it."),
            code="closing_requirements",
            fields=problems,
        )


def _complete_request(project: Project, by: Any) -> None:
    """When the last open project of a request in implementation closes, the request is completed
    (the help desk then records the outcome and closes it in assistance)."""
    request = project.request
    others_open = request.projects.open().exclude(pk=project.pk).exists()
    if request.state == RequestState.IN_IMPLEMENTATION and not others_open:
        transition_request(request=request, action="complete", by=by)


@transaction.atomic
def transition_project(
    *, project: Project, action: str, by: Any, reason: str = "", record_only: bool = False
) -> Project:
    """Take `action` on the project if its state allows it and the person's roles for it do.

    Illegal actions raise IllegalTransition (409, with the allowed actions). Closing completes the
    request unless `record_only` (imports, demo data whose request already moved on).
    """
    locked = lock(project)
    step = PROJECT_WORKFLOW.find(locked.state, action)
    if by is not None and not step.roles & project_roles(by, locked):
        raise PermissionDenied(_("Your roles do not allow this action on this project."))
    if step.needs_reason and not reason.strip():
        raise InvalidInput(
            _("Give a reason for this action."), fields={"reason": [_("This field is required.")]}
        )
    _guard(locked, action)
    source = locked.state
    locked.state, locked.state_changed_at = step.target, timezone.now()
    locked.version += 1
    locked.save()
    locked.transitions.create(
        action=action, from_state=source, to_state=step.target, by=by, reason=reason.strip()
    )
    changes: dict[str, Any] = {"state": [source, step.target]}
    if reason.strip():
        changes["reason"] = reason.strip()
    record_event(actor=by, action=f"project.{action}", target=locked, changes=changes)
    if step.target == ProjectState.CLOSED and not record_only:
        _complete_request(locked, by)
    if action in ("close", "cancel"):
        tell(locked, action, by)
    return locked
