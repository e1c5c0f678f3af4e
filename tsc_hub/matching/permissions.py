"""Who may run the engine's global operations (help desk actions on a request follow the match workflow)."""

from __future__ import annotations

from tsc_hub.accounts.policy import Rule
from tsc_hub.accounts.roles import Role

A, C = Role.PLATFORM_ADMIN, Role.COORDINATION_STAFF

RUN_ASSIGNMENT = "matching.run_assignment"
MANAGE_ENGINE = "matching.manage_engine"  # train and choose the weights, run the batch suggestions

RULES: tuple[Rule, ...] = tuple(
    Rule(permission, role, "any") for permission in (RUN_ASSIGNMENT, MANAGE_ENGINE) for role in (A, C)
)
