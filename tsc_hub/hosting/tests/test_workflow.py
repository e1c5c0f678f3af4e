"""The transition tables, read as data, and the shipped frameworks."""

import pytest

from tsc_hub.accounts.roles import Role
from tsc_hub.hosting.frameworks import load_frameworks, read_frameworks
from tsc_hub.hosting.models import Framework
from tsc_hub.hosting.workflow import APPLICATION_WORKFLOW, CALL_WORKFLOW, COORDINATION


def test_only_coordination_moves_calls():
    assert all(t.roles == COORDINATION for t in CALL_WORKFLOW.transitions)
    assert CALL_WORKFLOW.actions_for("open", {Role.INSTITUTION_MEMBER}) == []


def test_the_call_goes_through_both_phases_in_order():
    path = [
        ("draft", "publish"),
        ("open", "start_review"),
        ("phase1", "close_phase1"),
        ("phase2", "close_phase2"),
    ]
    state = "draft"
    for source, action in path:
        assert state == source
        state = CALL_WORKFLOW.find(state, action).target
    assert state in CALL_WORKFLOW.terminal


def test_applicants_submit_and_withdraw_and_only_coordination_decides():
    assert APPLICATION_WORKFLOW.actions_for("draft", {Role.INSTITUTION_MEMBER}) == ["submit", "withdraw"]
    for action in ("invite", "not_invite", "shortlist", "not_shortlist"):
        assert all(t.roles == COORDINATION for t in APPLICATION_WORKFLOW.transitions if t.action == action)
    for role in (Role.PROVIDER, Role.NATIONAL_FOCAL_POINT, Role.HELPDESK_OFFICER, Role.APPLICATION_REVIEWER):
        assert APPLICATION_WORKFLOW.actions_for("draft", {role}) == []


@pytest.mark.django_db
def test_the_shipped_frameworks_are_loaded_with_the_eight_annex_criteria():
    assert {f["code"] for f in read_frameworks()} == set(Framework.objects.values_list("code", flat=True))
    host = Framework.objects.get(code="global-coordination-host")
    for phase in host.phases.all():
        assert phase.criteria.count() == 8
    assert "中立" in str(host.phases.get(number=2).criteria.get(code="neutrality").names["zh"])
    subregional = Framework.objects.get(code="subregional-hosts")
    assert [p.number for p in subregional.phases.all()] == [1, 2]
    assert load_frameworks() == 2  # idempotent
    assert host.phases.get(number=1).criteria.count() == 8
