"""Reads of calls, applications, assignments and scores: chainable filters and one `visible_to(user)` each.

Blind scoring lives here: a score is visible to the reviewer who gave it; to anyone else (coordination staff,
the other reviewers of the application) only once its phase has closed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Q

from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.accounts.roles import Role
from tsc_hub.hosting.states import CallState
from tsc_hub.hosting.workflow import PHASE_CLOSED_IN

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    Person = AbstractBaseUser | AnonymousUser

COORDINATION_ROLES = (Role.COORDINATION_STAFF, Role.PLATFORM_ADMIN)


def _signed_in(user: Person) -> bool:
    return bool(user.is_authenticated and getattr(user, "is_active", False))


def _held(user: Person) -> Any:
    return RoleAssignment.objects.active().filter(user_id=user.pk)


def is_coordination(user: Person) -> bool:
    """Whether the person holds a role that sees and decides everything about hosting."""
    return _signed_in(user) and _held(user).filter(role__in=COORDINATION_ROLES).exists()


def member_organisations(user: Person) -> Any:
    """A subquery of the organisations the person is an institution member of (the applicants)."""
    return _held(user).filter(role=Role.INSTITUTION_MEMBER).values("organisation_id")


def _reviewing(user: Person) -> Any:
    """The person's assignments that still count: not conflicted, and the reviewer role still held."""
    from tsc_hub.hosting.models import ReviewAssignment

    if not _held(user).filter(role=Role.APPLICATION_REVIEWER).exists():
        return ReviewAssignment.objects.none()
    return ReviewAssignment.objects.filter(reviewer_id=user.pk, conflict_declared_at__isnull=True)


class CallQuerySet(models.QuerySet[Any]):
    """Calls for hosts."""

    def visible_to(self, user: Person) -> Any:
        """Open calls for everyone; every call for coordination staff; those people applied to or review."""
        public = Q(state=CallState.OPEN)
        if not _signed_in(user):
            return self.filter(public)
        if is_coordination(user):
            return self
        from tsc_hub.hosting.models import Application

        applied = Application.objects.filter(organisation__in=member_organisations(user)).values("call_id")
        reviewed = _reviewing(user).values("application__call_id")
        return self.filter(public | Q(pk__in=applied) | Q(pk__in=reviewed))

    def open(self) -> Any:
        return self.filter(state=CallState.OPEN)


class ApplicationQuerySet(models.QuerySet[Any]):
    """Applications to host a centre."""

    def visible_to(self, user: Person) -> Any:
        """Coordination staff see all; members of the applying organisation theirs; reviewers those assigned
        to them (and not given up for a conflict of interest). Nobody else any."""
        if not _signed_in(user):
            return self.none()
        if is_coordination(user):
            return self
        assigned = _reviewing(user).values("application_id")
        return self.filter(Q(organisation__in=member_organisations(user)) | Q(pk__in=assigned))

    def of_call(self, call: Any) -> Any:
        return self.filter(call=call)

    def in_state(self, *states: str) -> Any:
        return self.filter(state__in=states)

    def with_related(self) -> Any:
        return self.select_related(
            "call", "organisation", "organisation__organisation_type", "organisation__country", "subregion"
        ).prefetch_related("parties_served")


class AssignmentQuerySet(models.QuerySet[Any]):
    """Reviewers' assignments."""

    def visible_to(self, user: Person) -> Any:
        """Coordination staff see all; a reviewer their own (conflicted ones too, to see the record)."""
        if not _signed_in(user):
            return self.none()
        if is_coordination(user):
            return self
        return self.filter(reviewer_id=user.pk)

    def active(self) -> Any:
        return self.filter(conflict_declared_at__isnull=True)


def phase_closed() -> Q:
    """Scores whose phase has closed for their call."""
    closed = Q()
    for number, states in PHASE_CLOSED_IN.items():
        closed |= Q(criterion__phase__number=number, assignment__application__call__state__in=states)
    return closed


class ScoreQuerySet(models.QuerySet[Any]):
    """Reviewers' scores."""

    def visible_to(self, user: Person) -> Any:
        """The reviewer's own scores; once the phase has closed, coordination staff see every score and
        reviewers those of the applications assigned to them. Before that, nobody sees another's score."""
        if not _signed_in(user):
            return self.none()
        own = Q(assignment__reviewer_id=user.pk)
        if is_coordination(user):
            return self.filter(own | phase_closed())
        assigned = _reviewing(user).values("application_id")
        return self.filter(own | (phase_closed() & Q(assignment__application_id__in=assigned)))

    def counted(self) -> Any:
        """Scores of assignments that still count (a declared conflict removes the reviewer's scores)."""
        return self.filter(assignment__conflict_declared_at__isnull=True)

    def of_phase(self, number: int) -> Any:
        return self.filter(criterion__phase__number=number)
