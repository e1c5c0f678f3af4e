"""Reads of people, role assignments and tokens."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import UserManager
from django.db import models
from django.utils import timezone

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser, AnonymousUser

    Person = AbstractUser | AnonymousUser


class UserQuerySet(models.QuerySet[Any]):
    """People."""

    def visible_to(self, user: Person) -> UserQuerySet:
        """Administrators and coordination staff see everyone; a person sees themself."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("accounts.list_people"):
            return self
        return self.filter(pk=user.pk)


class RoleAssignmentQuerySet(models.QuerySet[Any]):
    """Role assignments."""

    def active(self, on: datetime.date | None = None) -> RoleAssignmentQuerySet:
        """Assignments in force on a day (today by default) and not revoked."""
        day = on or timezone.localdate()
        return self.filter(revoked_at__isnull=True, valid_from__lte=day).filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day)
        )

    def of_role(self, *roles: str) -> RoleAssignmentQuerySet:
        return self.filter(role__in=roles)

    def visible_to(self, user: Person) -> RoleAssignmentQuerySet:
        """Administrators and coordination staff see all assignments; a person sees their own."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("accounts.list_people"):
            return self
        return self.filter(user_id=user.pk)


class PersonalTokenQuerySet(models.QuerySet[Any]):
    """Personal API tokens."""

    def usable(self) -> PersonalTokenQuerySet:
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )

    def visible_to(self, user: Person) -> PersonalTokenQuerySet:
        """A person sees only their own tokens."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user_id=user.pk)


__all__ = ["PersonalTokenQuerySet", "RoleAssignmentQuerySet", "UserManager", "UserQuerySet"]
