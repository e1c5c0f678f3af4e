"""The transition tables as data: who may take each step."""

import pytest

from tsc_hub.network.permissions import CENTRE_STAFF, COORDINATION
from tsc_hub.network.workflow import PLAN_WORKFLOW, REPORT_WORKFLOW, TICKET_WORKFLOW


def test_only_the_centre_submits_and_only_coordination_approves_plans():
    assert PLAN_WORKFLOW.actions_for("draft", {CENTRE_STAFF}) == ["submit"]
    assert PLAN_WORKFLOW.actions_for("draft", {COORDINATION}) == []
    assert sorted(PLAN_WORKFLOW.actions_for("submitted", {COORDINATION})) == ["approve", "request_changes"]
    assert PLAN_WORKFLOW.actions_for("submitted", {CENTRE_STAFF}) == []
    assert PLAN_WORKFLOW.find("submitted", "request_changes").needs_reason
    assert PLAN_WORKFLOW.actions_for("approved", {CENTRE_STAFF, COORDINATION}) == []


def test_reports_are_reviewed_then_published_by_coordination():
    assert REPORT_WORKFLOW.actions_for("submitted", {COORDINATION}) == ["request_changes", "accept"]
    assert REPORT_WORKFLOW.actions_for("accepted", {COORDINATION}) == ["publish"]
    assert REPORT_WORKFLOW.actions_for("accepted", {CENTRE_STAFF}) == []
    assert REPORT_WORKFLOW.actions_for("changes_requested", {CENTRE_STAFF}) == ["submit"]


@pytest.mark.parametrize(
    ("state", "centre", "coordination"),
    [
        ("open", [], ["start", "wait", "resolve"]),
        ("in_progress", [], ["wait", "resolve"]),
        ("waiting", ["resume"], ["resume", "resolve"]),
        ("resolved", ["close", "reopen"], ["close"]),
        ("closed", [], []),
    ],
)
def test_ticket_steps(state, centre, coordination):
    assert TICKET_WORKFLOW.actions_for(state, {CENTRE_STAFF}) == centre
    assert TICKET_WORKFLOW.actions_for(state, {COORDINATION}) == coordination
