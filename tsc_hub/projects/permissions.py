"""Permissions of the projects app, added to the role policy when the app is ready.

Who may act on a project is decided by the transition table (workflow.py) and the roles people hold
for the project's request and its provider partners (services/access.py); these rules cover the rest.
"""

from tsc_hub.accounts.policy import Rule
from tsc_hub.accounts.roles import Role

RULES: tuple[Rule, ...] = (
    Rule("projects.manage_exchange_rates", Role.COORDINATION_STAFF, "any"),
    Rule("projects.manage_exchange_rates", Role.PLATFORM_ADMIN, "any"),
)
