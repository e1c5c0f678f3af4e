"""The review workflow of knowledge-hub resources, as a transition table.

draft → in_review (submit) → published (publish), or back to draft (return, with a reason);
draft, in_review and published → withdrawn (withdraw). Withdrawn is final.

Who: the roles below, held for the resource (a scoped role counts only when the resource is inside its
scope: the owner organisation for providers and institution members; a tagged country or the owner's
country for national focal points; a Party the centre serves for help desk officers). Global roles always
count. The table is data: tests read it as data.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tsc_hub.accounts.roles import Role
from tsc_hub.core.workflow import Transition, Workflow
from tsc_hub.knowledge.states import ResourceState

DRAFT, IN_REVIEW = ResourceState.DRAFT.value, ResourceState.IN_REVIEW.value
PUBLISHED, WITHDRAWN = ResourceState.PUBLISHED.value, ResourceState.WITHDRAWN.value

# Global roles that review every resource; help desk officers review those of the Parties they serve.
GLOBAL_REVIEWERS = frozenset({Role.KNOWLEDGE_REVIEWER, Role.COORDINATION_STAFF, Role.PLATFORM_ADMIN})
REVIEWERS = GLOBAL_REVIEWERS | {Role.HELPDESK_OFFICER}
SUBMITTERS = REVIEWERS | {Role.PROVIDER, Role.INSTITUTION_MEMBER, Role.NATIONAL_FOCAL_POINT}
WITHDRAWERS = SUBMITTERS

RESOURCE_WORKFLOW = Workflow(
    name="resource",
    states=(DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN),
    initial=DRAFT,
    terminal=frozenset({WITHDRAWN}),
    transitions=(
        Transition(DRAFT, "submit", SUBMITTERS, IN_REVIEW),
        Transition(IN_REVIEW, "publish", REVIEWERS, PUBLISHED),
        Transition(IN_REVIEW, "return", REVIEWERS, DRAFT, needs_reason=True),
        Transition(DRAFT, "withdraw", WITHDRAWERS, WITHDRAWN),
        Transition(IN_REVIEW, "withdraw", WITHDRAWERS, WITHDRAWN),
        Transition(PUBLISHED, "withdraw", WITHDRAWERS, WITHDRAWN),
    ),
)

# A published resource stays published when its owners change it: the change is a new revision.
EDITABLE_STATES = frozenset({DRAFT, IN_REVIEW, PUBLISHED})

ACTION_LABELS = {
    "create": _("Created"),
    "import": _("Imported"),
    "submit": _("Submit for review"),
    "publish": _("Publish"),
    "return": _("Return to the submitter"),
    "withdraw": _("Withdraw"),
}
