"""The lifecycles of provider profiles and offers, as transition tables.

draft → in_review (submit) → published (publish) or back to draft (return, with a reason);
published → withdrawn (withdraw); draft and in_review → withdrawn; published offers → expired when their
application deadline has passed (the system only; profiles never expire). Withdrawn and expired are final.
"""

from __future__ import annotations

from tsc_hub.accounts.roles import Role
from tsc_hub.core.workflow import Transition, Workflow
from tsc_hub.offers.models import ACTION_LABELS, RecordState

DRAFT, IN_REVIEW, PUBLISHED = (
    RecordState.DRAFT.value,
    RecordState.IN_REVIEW.value,
    RecordState.PUBLISHED.value,
)
WITHDRAWN, EXPIRED = RecordState.WITHDRAWN.value, RecordState.EXPIRED.value

__all__ = ["ACTION_LABELS", "EDITABLE_STATES", "OFFER_WORKFLOW", "PROFILE_WORKFLOW", "SYSTEM"]

# No person holds this role: only scheduled jobs and commands (acting as the system) take such steps.
SYSTEM = "system"

SUBMITTERS = frozenset({Role.PROVIDER, Role.HELPDESK_OFFICER, Role.COORDINATION_STAFF, Role.PLATFORM_ADMIN})
REVIEWERS = frozenset({Role.HELPDESK_OFFICER, Role.COORDINATION_STAFF, Role.PLATFORM_ADMIN})
WITHDRAWERS = frozenset({Role.PROVIDER, Role.COORDINATION_STAFF, Role.PLATFORM_ADMIN})

_COMMON = (
    Transition(DRAFT, "submit", SUBMITTERS, IN_REVIEW),
    Transition(IN_REVIEW, "publish", REVIEWERS, PUBLISHED),
    Transition(IN_REVIEW, "return", REVIEWERS, DRAFT, needs_reason=True),
    Transition(DRAFT, "withdraw", WITHDRAWERS, WITHDRAWN),
    Transition(IN_REVIEW, "withdraw", WITHDRAWERS, WITHDRAWN),
    Transition(PUBLISHED, "withdraw", WITHDRAWERS, WITHDRAWN),
)

PROFILE_WORKFLOW = Workflow(
    name="provider_profile",
    states=(DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN),
    initial=DRAFT,
    terminal=frozenset({WITHDRAWN}),
    transitions=_COMMON,
)

OFFER_WORKFLOW = Workflow(
    name="offer",
    states=(DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN, EXPIRED),
    initial=DRAFT,
    terminal=frozenset({WITHDRAWN, EXPIRED}),
    transitions=(*_COMMON, Transition(PUBLISHED, "expire", frozenset({SYSTEM}), EXPIRED)),
)

# States in which a record's content may still be changed.
EDITABLE_STATES = frozenset({DRAFT, IN_REVIEW, PUBLISHED})
