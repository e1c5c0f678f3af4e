"""Who is concerned by a request: the requester side and the help desk side."""

from __future__ import annotations

from typing import Any

from tsc_hub.accounts.models import User
from tsc_hub.assistance.models import AssistanceRequest


def requester_side(request: AssistanceRequest) -> set[Any]:
    """The creator, the focal points of the Party and the members of the requesting organisation."""
    people = set(
        User.objects.filter(
            role_assignments__in=_active(role="national_focal_point", party_id=request.country_id)
        ).distinct()
    ) | set(
        User.objects.filter(
            role_assignments__in=_active(role="institution_member", organisation_id=request.organisation_id)
        ).distinct()
    )
    if request.created_by_id:
        people.add(request.created_by)
    return people


def helpdesk_side(request: AssistanceRequest) -> set[Any]:
    """The assigned officer; else the centre's officers; else, with no centre, coordination staff."""
    if request.officer_id:
        return {request.officer}
    if request.centre_id:
        return set(
            User.objects.filter(
                role_assignments__in=_active(role="helpdesk_officer", centre_id=request.centre_id)
            )
        )
    return set(User.objects.filter(role_assignments__in=_active(role="coordination_staff")))


def _active(**filters: Any) -> Any:
    from tsc_hub.accounts.models import RoleAssignment

    return RoleAssignment.objects.active().filter(**filters)
