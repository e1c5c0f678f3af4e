"""Who is who in the network, for one record's centre.

"centre_staff" is not a stored role: it is a help desk officer whose role is scoped to *that* centre. The
workflow tables name it beside the global roles. Coordination staff review, approve and score; platform
administrators read everything (to support people) but take no review step.
"""

from __future__ import annotations

from typing import Any

from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.accounts.roles import Role

CENTRE_STAFF = "centre_staff"
COORDINATION = Role.COORDINATION_STAFF.value
ADMIN = Role.PLATFORM_ADMIN.value
READ_ALL = frozenset({COORDINATION, ADMIN})


def _active(user: Any) -> Any:
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return RoleAssignment.objects.none()
    return RoleAssignment.objects.active().filter(user_id=user.pk)


def staff_centres(user: Any) -> set[int]:
    """The centres the person works for (help desk officer roles scoped to a centre)."""
    held = _active(user).filter(role=Role.HELPDESK_OFFICER, centre__isnull=False)
    return set(held.values_list("centre_id", flat=True))


def global_roles(user: Any) -> set[str]:
    """The person's coordination and administrator roles."""
    return set(_active(user).filter(role__in=READ_ALL).values_list("role", flat=True))


def reads_all(user: Any) -> bool:
    """Coordination staff and administrators read every record of the network."""
    return bool(global_roles(user))


def is_coordination(user: Any) -> bool:
    return COORDINATION in global_roles(user)


def roles_for(user: Any, centre_id: int | None) -> set[str]:
    """The workflow roles the person holds for a record of `centre_id`."""
    roles = global_roles(user)
    if centre_id is not None and centre_id in staff_centres(user):
        roles.add(CENTRE_STAFF)
    return roles


def in_space(user: Any) -> bool:
    """Whether the person may enter the collaboration space: staff of any centre, coordination, admins."""
    return bool(staff_centres(user)) or reads_all(user)
