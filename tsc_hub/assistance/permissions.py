"""Permissions of the assistance app, added to the role policy when the app is ready.

Most of what people may do to a request is decided by the transition table (workflow.py) with the
roles they hold for that request; these rules cover the rest.
"""

from tsc_hub.accounts.policy import Rule
from tsc_hub.accounts.roles import Role

RULES: tuple[Rule, ...] = (
    Rule("assistance.read_all_requests", Role.COORDINATION_STAFF, "any"),
    Rule("assistance.read_all_requests", Role.PLATFORM_ADMIN, "any"),
    Rule("assistance.configure", Role.COORDINATION_STAFF, "any"),
    Rule("assistance.configure", Role.PLATFORM_ADMIN, "any"),
)
