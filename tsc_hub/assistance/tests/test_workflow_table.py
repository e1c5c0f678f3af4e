"""The request lifecycle as data."""

from tsc_hub.assistance.states import TERMINAL_STATES, RequestState
from tsc_hub.assistance.workflow import REQUEST_WORKFLOW, REQUESTERS, STAFF


def _reachable() -> set[str]:
    seen, frontier = {REQUEST_WORKFLOW.initial}, [REQUEST_WORKFLOW.initial]
    while frontier:
        state = frontier.pop()
        for step in REQUEST_WORKFLOW.from_state(state):
            if step.target not in seen:
                seen.add(step.target)
                frontier.append(step.target)
    return seen


def test_every_state_is_reachable_from_draft():
    assert _reachable() == set(RequestState.values)


def test_every_open_state_can_be_withdrawn_and_terminal_states_are_final():
    for state in RequestState.values:
        actions = {step.action for step in REQUEST_WORKFLOW.from_state(state)}
        assert ("withdraw" in actions) == (state not in TERMINAL_STATES)
        if state in TERMINAL_STATES:
            assert actions == set()


def test_only_the_help_desk_accepts_or_declines():
    for step in REQUEST_WORKFLOW.transitions:
        if step.action in {"accept", "decline", "ask", "start_matching", "close"}:
            assert step.roles == STAFF
        if step.action in {"submit", "answer"}:
            assert step.roles == REQUESTERS


def test_only_the_focal_point_endorses():
    [endorse] = [step for step in REQUEST_WORKFLOW.transitions if step.action == "endorse"]
    assert endorse.roles == {"national_focal_point"}


def test_declines_questions_and_withdrawals_need_a_reason():
    for step in REQUEST_WORKFLOW.transitions:
        if step.action in {"decline", "ask", "withdraw", "answer", "return_to_draft"}:
            assert step.needs_reason
