"""The review workflow as data: states, steps and who may take them."""

import pytest

from tsc_hub.accounts.roles import Role
from tsc_hub.core.workflow import IllegalTransition
from tsc_hub.knowledge import querysets
from tsc_hub.knowledge.states import ResourceState
from tsc_hub.knowledge.workflow import GLOBAL_REVIEWERS, RESOURCE_WORKFLOW, REVIEWERS, SUBMITTERS

TABLE = {
    ("draft", "submit"): "in_review",
    ("in_review", "publish"): "published",
    ("in_review", "return"): "draft",
    ("draft", "withdraw"): "withdrawn",
    ("in_review", "withdraw"): "withdrawn",
    ("published", "withdraw"): "withdrawn",
}


def test_the_table_is_exactly_the_documented_one():
    assert {(t.source, t.action): t.target for t in RESOURCE_WORKFLOW.transitions} == TABLE
    assert set(RESOURCE_WORKFLOW.states) == set(ResourceState.values)
    assert RESOURCE_WORKFLOW.initial == "draft"
    assert RESOURCE_WORKFLOW.terminal == {"withdrawn"}


def test_only_return_needs_a_reason():
    assert [t.action for t in RESOURCE_WORKFLOW.transitions if t.needs_reason] == ["return"]


def test_reviewers_publish_and_return_and_owners_do_not():
    assert {
        Role.KNOWLEDGE_REVIEWER,
        Role.COORDINATION_STAFF,
        Role.PLATFORM_ADMIN,
        Role.HELPDESK_OFFICER,
    } == REVIEWERS
    for role in (Role.PROVIDER, Role.INSTITUTION_MEMBER, Role.NATIONAL_FOCAL_POINT):
        assert RESOURCE_WORKFLOW.actions_for("in_review", [role]) == ["withdraw"]
        assert RESOURCE_WORKFLOW.actions_for("draft", [role]) == ["submit", "withdraw"]


def test_roles_without_a_part_take_no_step():
    for role in (Role.ADVISORY_MEMBER, Role.APPLICATION_REVIEWER):
        assert role not in SUBMITTERS
        for state in RESOURCE_WORKFLOW.states:
            assert RESOURCE_WORKFLOW.actions_for(state, [role]) == []


def test_nothing_leaves_withdrawn():
    with pytest.raises(IllegalTransition) as raised:
        RESOURCE_WORKFLOW.find("withdrawn", "publish")
    assert raised.value.allowed == []


def test_the_querysets_read_all_with_the_same_roles_as_the_workflow_reviews_all():
    assert set(querysets.GLOBAL_REVIEWERS) == GLOBAL_REVIEWERS
