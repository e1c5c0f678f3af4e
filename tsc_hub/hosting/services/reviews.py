"""Writes about reviewing: coordination assigns reviewers; reviewers declare conflicts or score, blind."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsc_hub.accounts.models import RoleAssignment, User
from tsc_hub.accounts.roles import Role
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.hosting.models import Application, Criterion, ReviewAssignment, Score
from tsc_hub.hosting.permissions import REVIEW
from tsc_hub.hosting.services.common import require_coordination
from tsc_hub.hosting.workflow import (
    A_INVITED,
    A_SUBMITTED,
    C_CANCELLED,
    C_CLOSED,
    C_DRAFT,
    C_OPEN,
    C_PHASE1,
    C_PHASE2,
    SCORING_STATE,
)

# The application state a phase scores: submitted ones in phase 1, invited ones in phase 2.
SCORED_STATE = {1: A_SUBMITTED, 2: A_INVITED}


@dataclass(frozen=True)
class ScoreData:
    """A score of one criterion (by code) with the reason for it."""

    criterion: str
    value: Decimal | float | int | str
    reason: str


def _is_reviewer(user: Any) -> bool:
    held = RoleAssignment.objects.active().filter(user_id=user.pk, role=Role.APPLICATION_REVIEWER)
    return bool(held.exists())


@transaction.atomic
def assign_reviewer(*, application: Application, reviewer: User, by: Any) -> ReviewAssignment:
    """Give an application to a reviewer (an application reviewer who is not one of its applicants)."""
    require_coordination(by)
    current = Application.objects.select_for_update().select_related("call").get(pk=application.pk)
    if current.call.state in (C_DRAFT, C_CLOSED, C_CANCELLED) or current.state not in (
        A_SUBMITTED,
        A_INVITED,
    ):
        raise Conflict(
            _("Only submitted or invited applications of a running call are reviewed."), code="not_reviewable"
        )
    if not _is_reviewer(reviewer):
        raise InvalidInput(
            _("Only people holding the application reviewer role review applications."),
            fields={"reviewer": [_("Not an application reviewer.")]},
        )
    own = RoleAssignment.objects.active().filter(user=reviewer, organisation_id=current.organisation_id)
    if own.exists():
        raise Conflict(
            _("A member of the applying organisation cannot review its application."),
            code="conflict_of_interest",
        )
    existing = ReviewAssignment.objects.filter(application=current, reviewer=reviewer).first()
    if existing is not None:
        message = (
            _("This reviewer declared a conflict of interest with this application.")
            if existing.conflict_declared_at
            else _("This reviewer is already assigned to this application.")
        )
        raise Conflict(message, code="already_assigned")
    assignment = ReviewAssignment.objects.create(application=current, reviewer=reviewer, assigned_by=by)
    record_event(
        actor=by, action="hosting.assign_reviewer", target=current, changes={"reviewer": reviewer.email}
    )
    return assignment


# A reviewer may be taken off an application while its phase is open: submitted ones until phase 1
# closes, invited ones during phase 2.
_UNASSIGNABLE_WHILE = {A_SUBMITTED: (C_OPEN, C_PHASE1), A_INVITED: (C_PHASE2,)}


@transaction.atomic
def unassign_reviewer(*, assignment: ReviewAssignment, by: Any) -> None:
    """Take an application from a reviewer who has not scored it yet, while its phase is open."""
    require_coordination(by)
    current = (
        ReviewAssignment.objects.select_for_update()
        .select_related("application__call", "reviewer")
        .get(pk=assignment.pk)
    )
    application = current.application
    if current.conflict_declared_at is not None:
        raise Conflict(
            _("This reviewer declared a conflict of interest; the declaration stays on record."),
            code="conflict_declared",
        )
    if application.call.state not in _UNASSIGNABLE_WHILE.get(application.state, ()):
        raise Conflict(
            _("The phase of this application is closed; its reviewers can no longer be changed."),
            code="phase_closed",
        )
    if current.scores.exists():
        raise Conflict(
            _("This reviewer has already scored the application and can no longer be unassigned."),
            code="already_scored",
        )
    reviewer = current.reviewer.email
    current.delete()
    record_event(
        actor=by, action="hosting.unassign_reviewer", target=application, changes={"reviewer": reviewer}
    )


def _own_assignment(assignment: ReviewAssignment, by: Any) -> ReviewAssignment:
    current = (
        ReviewAssignment.objects.select_for_update()
        .select_related("application", "application__call")
        .get(pk=assignment.pk)
    )
    if by is not None and (current.reviewer_id != by.pk or not by.has_perm(REVIEW)):
        raise PermissionDenied(_("Only the reviewer assigned can do this."))
    return current


@transaction.atomic
def declare_conflict(*, assignment: ReviewAssignment, reason: str, by: Any) -> ReviewAssignment:
    """Declare a conflict of interest: the reviewer leaves; their scores no longer count."""
    current = _own_assignment(assignment, by)
    if not reason.strip():
        message = _("Describe the conflict of interest.")
        raise InvalidInput(message, fields={"reason": [message]})
    if current.conflict_declared_at is not None:
        raise Conflict(_("A conflict of interest was already declared."), code="already_declared")
    current.conflict_declared_at = timezone.now()
    current.conflict_reason = reason.strip()
    current.save(update_fields=["conflict_declared_at", "conflict_reason"])
    record_event(
        actor=by,
        action="hosting.declare_conflict",
        target=current.application,
        changes={"reviewer": current.reviewer.email, "reason": current.conflict_reason},
    )
    return current


def _value(raw: Any, criterion: Criterion) -> Decimal:
    framework = criterion.phase.framework
    try:
        value = Decimal(str(raw))
    except InvalidOperation as error:
        raise InvalidInput(
            _("A score is a number."), fields={criterion.code: [_("Not a number.")]}
        ) from error
    if not value.is_finite() or not framework.scale_min <= value <= framework.scale_max:
        message = _("Scores go from %(low)s to %(high)s.") % {
            "low": framework.scale_min,
            "high": framework.scale_max,
        }
        raise InvalidInput(message, fields={criterion.code: [message]})
    return value.quantize(Decimal("0.01"))


@transaction.atomic
def score_application(*, assignment: ReviewAssignment, scores: list[ScoreData], by: Any) -> list[Score]:
    """Record (or change) the reviewer's scores of criteria of the phase under way, each with a reason."""
    current = _own_assignment(assignment, by)
    if current.conflict_declared_at is not None:
        raise PermissionDenied(_("You declared a conflict of interest with this application."))
    if by is not None and not _is_reviewer(by):
        raise PermissionDenied(_("Only application reviewers score applications."))
    call, application = current.application.call, current.application
    phase = next((n for n, state in SCORING_STATE.items() if state == call.state), None)
    if phase is None or application.state != SCORED_STATE[phase]:
        raise Conflict(_("This application is not being scored now."), code="not_scoring")
    criteria = {
        c.code: c
        for c in Criterion.objects.filter(
            phase__framework=call.framework_id, phase__number=phase
        ).select_related("phase__framework")
    }
    errors: dict[str, list[str]] = {}
    checked = []
    for item in scores:
        criterion = criteria.get(item.criterion)
        if criterion is None:
            errors[item.criterion] = [_("Not a criterion of this phase.")]
            continue
        if not item.reason.strip():
            errors[item.criterion] = [_("Give the reason for this score.")]
            continue
        checked.append((criterion, _value(item.value, criterion), item.reason.strip()))
    if errors:
        raise InvalidInput(_("Some scores are not valid."), fields=errors)
    saved = []
    for criterion, value, reason in checked:
        score, _created = Score.objects.update_or_create(
            assignment=current, criterion=criterion, defaults={"value": value, "reason": reason}
        )
        saved.append(score)
    record_event(
        actor=by,
        action="hosting.score_application",
        target=application,
        changes={"phase": phase, "scores": {c.code: str(v) for c, v, _reason in checked}},
    )
    return saved
