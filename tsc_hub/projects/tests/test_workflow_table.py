"""The project lifecycle, read as data."""

import pytest

from tsc_hub.projects.states import OPEN_STATES, TERMINAL_STATES, ProjectState
from tsc_hub.projects.workflow import PARTICIPANTS, PROJECT_WORKFLOW, STAFF

ROWS = {
    ("planning", "start"): ("in_progress", STAFF, False),
    ("in_progress", "complete"): ("completed", PARTICIPANTS, False),
    ("completed", "close"): ("closed", STAFF, False),
    ("planning", "cancel"): ("cancelled", STAFF, True),
    ("in_progress", "cancel"): ("cancelled", STAFF, True),
}


def test_the_table_is_exactly_the_documented_one():
    table = {(t.source, t.action): (t.target, t.roles, t.needs_reason) for t in PROJECT_WORKFLOW.transitions}
    assert table == ROWS


def test_every_state_is_reachable_and_ends_are_final():
    targets = {t.target for t in PROJECT_WORKFLOW.transitions} | {PROJECT_WORKFLOW.initial}
    assert targets == set(ProjectState.values)
    assert PROJECT_WORKFLOW.initial == "planning"
    assert all(not PROJECT_WORKFLOW.from_state(state) for state in TERMINAL_STATES)
    assert set(ProjectState.values) == OPEN_STATES | TERMINAL_STATES


def test_only_the_help_desk_starts_closes_and_cancels():
    for action in ("start", "close", "cancel"):
        for step in (t for t in PROJECT_WORKFLOW.transitions if t.action == action):
            assert step.roles == STAFF, step


@pytest.mark.parametrize(
    ("state", "roles", "expected"),
    [
        ("planning", {"helpdesk_officer"}, ["start", "cancel"]),
        ("planning", {"national_focal_point"}, []),
        ("in_progress", {"provider"}, ["complete"]),
        ("completed", {"institution_member"}, []),
        ("completed", {"coordination_staff"}, ["close"]),
        ("closed", {"platform_admin"}, []),
    ],
)
def test_actions_each_role_may_take(state, roles, expected):
    assert PROJECT_WORKFLOW.actions_for(state, roles) == expected


def test_a_completed_project_cannot_be_cancelled():
    assert "cancel" not in [t.action for t in PROJECT_WORKFLOW.from_state("completed")]
