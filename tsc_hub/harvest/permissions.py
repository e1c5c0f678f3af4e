"""Who may manage harvest sources, start harvests and read their reports: coordination staff and
administrators, anywhere."""

from __future__ import annotations

from tsc_hub.accounts.policy import Rule
from tsc_hub.accounts.roles import Role

MANAGE_HARVEST = "harvest.manage_sources"

RULES: tuple[Rule, ...] = (
    Rule(MANAGE_HARVEST, Role.PLATFORM_ADMIN, "any"),
    Rule(MANAGE_HARVEST, Role.COORDINATION_STAFF, "any"),
)
