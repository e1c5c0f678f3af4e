import pytest

from tsc_hub.core.workflow import IllegalTransition, Transition, Workflow

FLOW = Workflow(
    name="doc",
    states=("draft", "review", "published"),
    initial="draft",
    terminal=frozenset({"published"}),
    transitions=(
        Transition("draft", "submit", frozenset({"author"}), "review"),
        Transition("review", "publish", frozenset({"editor"}), "published"),
        Transition("review", "reject", frozenset({"editor"}), "draft", needs_reason=True),
    ),
)


def test_actions_depend_on_state_and_role():
    assert FLOW.actions_for("review", ["editor"]) == ["publish", "reject"]
    assert FLOW.actions_for("review", ["author"]) == []


def test_an_illegal_action_lists_the_allowed_ones():
    with pytest.raises(IllegalTransition) as error:
        FLOW.find("draft", "publish")
    assert error.value.allowed == ["submit"]
    assert error.value.status == 409


def test_unknown_states_are_refused_when_the_table_is_built():
    with pytest.raises(ValueError, match="unknown state"):
        Workflow(name="x", states=("a",), initial="a", transitions=(Transition("a", "go", frozenset(), "b"),))


def test_terminal_states_have_no_way_out():
    with pytest.raises(ValueError, match="terminal"):
        Workflow(
            name="x",
            states=("a", "b"),
            initial="a",
            terminal=frozenset({"b"}),
            transitions=(Transition("b", "reopen", frozenset(), "a"),),
        )
