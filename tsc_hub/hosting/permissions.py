"""Who may do what about hosting, as policy rules (registered from HostingConfig.ready).

The workflow tables say who moves calls and applications; these rules say who writes the rest. Reviewers
additionally need an assignment to the application, which the services check.
"""

from __future__ import annotations

from tsc_hub.accounts.policy import Rule
from tsc_hub.accounts.roles import Role

MANAGE_CALLS = "hosting.manage_calls"  # create and move calls, assign reviewers, close phases, decide
APPLY = "hosting.apply"  # write an application for one's organisation
REVIEW = "hosting.review"  # score applications one is assigned to
READ_REPORT = "hosting.read_report"  # evaluation reports, shortlists and scenarios

RULES: tuple[Rule, ...] = (
    Rule(MANAGE_CALLS, Role.COORDINATION_STAFF, "any"),
    Rule(MANAGE_CALLS, Role.PLATFORM_ADMIN, "any"),
    Rule(READ_REPORT, Role.COORDINATION_STAFF, "any"),
    Rule(READ_REPORT, Role.PLATFORM_ADMIN, "any"),
    Rule(APPLY, Role.INSTITUTION_MEMBER, "own"),
    Rule(REVIEW, Role.APPLICATION_REVIEWER, "any"),
)
