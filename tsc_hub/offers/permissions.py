"""Who may create and change provider profiles and offers (the workflow tables say who may move them)."""

from __future__ import annotations

from tsc_hub.accounts.policy import Reach, Rule
from tsc_hub.accounts.roles import Role

A, C, H, PROVIDER = Role.PLATFORM_ADMIN, Role.COORDINATION_STAFF, Role.HELPDESK_OFFICER, Role.PROVIDER

ADD_PROFILE = "offers.add_profile"
CHANGE_PROFILE = "offers.change_profile"
ADD_OFFER = "offers.add_offer"
CHANGE_OFFER = "offers.change_offer"

# Administrators and coordination staff anywhere; help desk officers for organisations in the Parties their
# centre serves; providers for their own organisation.
_REACHES: tuple[tuple[str, Reach], ...] = ((A, "any"), (C, "any"), (H, "own"), (PROVIDER, "own"))

RULES: tuple[Rule, ...] = tuple(
    Rule(permission, role, reach)
    for permission in (ADD_PROFILE, CHANGE_PROFILE, ADD_OFFER, CHANGE_OFFER)
    for role, reach in _REACHES
)
