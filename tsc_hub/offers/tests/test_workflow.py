"""The transition tables, tested as data."""

import pytest

from tsc_hub.accounts.roles import Role
from tsc_hub.core.workflow import IllegalTransition
from tsc_hub.offers.workflow import ACTION_LABELS, OFFER_WORKFLOW, PROFILE_WORKFLOW, SYSTEM

WORKFLOWS = [PROFILE_WORKFLOW, OFFER_WORKFLOW]


def _reachable(workflow):
    seen, frontier = {workflow.initial}, [workflow.initial]
    while frontier:
        for transition in workflow.from_state(frontier.pop()):
            if transition.target not in seen:
                seen.add(transition.target)
                frontier.append(transition.target)
    return seen


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.name)
def test_every_state_is_reachable_from_draft(workflow):
    assert _reachable(workflow) == set(workflow.states)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.name)
def test_terminal_states_have_no_way_out_and_the_others_do(workflow):
    for state in workflow.states:
        assert bool(workflow.from_state(state)) == (state not in workflow.terminal), state


def test_the_offer_table_reads_as_specified():
    table = {
        (t.source, t.action): (t.target, set(t.roles), t.needs_reason) for t in OFFER_WORKFLOW.transitions
    }
    submitters = {"provider", "helpdesk_officer", "coordination_staff", "platform_admin"}
    reviewers = {"helpdesk_officer", "coordination_staff", "platform_admin"}
    withdrawers = {"provider", "coordination_staff", "platform_admin"}
    assert table == {
        ("draft", "submit"): ("in_review", submitters, False),
        ("in_review", "publish"): ("published", reviewers, False),
        ("in_review", "return"): ("draft", reviewers, True),
        ("draft", "withdraw"): ("withdrawn", withdrawers, False),
        ("in_review", "withdraw"): ("withdrawn", withdrawers, False),
        ("published", "withdraw"): ("withdrawn", withdrawers, False),
        ("published", "expire"): ("expired", {SYSTEM}, False),
    }


def test_profiles_never_expire():
    assert "expired" not in PROFILE_WORKFLOW.states
    assert all(t.action != "expire" for t in PROFILE_WORKFLOW.transitions)


def test_no_person_role_may_expire():
    assert all(SYSTEM not in Role.values for _ in [0])
    expire = OFFER_WORKFLOW.find("published", "expire")
    assert not expire.roles & set(Role.values)


@pytest.mark.parametrize(
    "role", sorted(set(Role.values) - {"coordination_staff", "platform_admin", "helpdesk_officer"})
)
def test_other_roles_cannot_publish(role):
    assert "publish" not in OFFER_WORKFLOW.actions_for("in_review", [role])


def test_an_illegal_action_names_the_allowed_ones():
    with pytest.raises(IllegalTransition) as error:
        OFFER_WORKFLOW.find("draft", "publish")
    assert error.value.allowed == ["submit", "withdraw"]


def test_every_action_has_a_label():
    actions = {t.action for w in WORKFLOWS for t in w.transitions}
    assert actions <= set(ACTION_LABELS)
