"""Who may record and change capacity needs and capacity-building activities."""

from __future__ import annotations

from tsc_hub.accounts.policy import Reach, Rule
from tsc_hub.accounts.roles import Role

A, C, H = Role.PLATFORM_ADMIN, Role.COORDINATION_STAFF, Role.HELPDESK_OFFICER
NFP, MEMBER, PROVIDER = Role.NATIONAL_FOCAL_POINT, Role.INSTITUTION_MEMBER, Role.PROVIDER

ADD_NEED = "capacity.add_need"
CHANGE_NEED = "capacity.change_need"
ADD_ACTIVITY = "capacity.add_activity"
CHANGE_ACTIVITY = "capacity.change_activity"

# A Party's needs: its national focal points ("own": the Party the role is held for), coordination staff
# and administrators anywhere.
_NEED_REACHES: tuple[tuple[str, Reach], ...] = ((A, "any"), (C, "any"), (NFP, "own"))
# An organisation's activities: its members and providers, the help desks serving its country,
# coordination staff and administrators anywhere.
_ACTIVITY_REACHES: tuple[tuple[str, Reach], ...] = (
    (A, "any"),
    (C, "any"),
    (H, "own"),
    (MEMBER, "own"),
    (PROVIDER, "own"),
)

RULES: tuple[Rule, ...] = (
    *(
        Rule(permission, role, reach)
        for permission in (ADD_NEED, CHANGE_NEED)
        for role, reach in _NEED_REACHES
    ),
    *(
        Rule(permission, role, reach)
        for permission in (ADD_ACTIVITY, CHANGE_ACTIVITY)
        for role, reach in _ACTIVITY_REACHES
    ),
)
