"""Who stands on each side of an enquiry: the enquirer, and the help desk it was routed to."""

from __future__ import annotations

from typing import Any

from tsc_hub.accounts.models import RoleAssignment, User
from tsc_hub.helpdesk.models import Enquiry
from tsc_hub.helpdesk.workflow import ADMIN, COORDINATION, ENQUIRER, HELPDESK


def enquiry_roles(user: Any, enquiry: Enquiry) -> set[str]:
    """The roles for an enquiry: "enquirer" for the person who asked, help desk officer only for the
    enquiry's centre, coordination staff and administrators for every enquiry."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return set()
    roles = {ENQUIRER} if enquiry.requester_id == user.pk else set()
    for role, centre_id in user.role_assignments.active().values_list("role", "centre_id"):
        if role in (COORDINATION, ADMIN) or (
            role == HELPDESK and centre_id and centre_id == enquiry.centre_id
        ):
            roles.add(role)
    return roles


def enquiry_helpdesk(enquiry: Enquiry) -> set[Any]:
    """The owner; else the officers of the centre it was routed to; else (no centre, or a centre
    without officers yet) coordination staff, so that no enquiry goes unheard."""
    if enquiry.owner_id:
        return {enquiry.owner}
    if enquiry.centre_id:
        held = RoleAssignment.objects.active().filter(role=HELPDESK, centre_id=enquiry.centre_id)
        officers = set(User.objects.filter(role_assignments__in=held, is_active=True).distinct())
        if officers:
            return officers
    held = RoleAssignment.objects.active().filter(role=COORDINATION)
    return set(User.objects.filter(role_assignments__in=held).distinct())
