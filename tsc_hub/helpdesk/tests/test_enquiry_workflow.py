"""The life of an enquiry: the table as data, then the steps through the services."""

import datetime

import pytest
from django.utils import timezone

from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.workflow import IllegalTransition
from tsc_hub.helpdesk.services import reply_to_enquiry, transition_enquiry
from tsc_hub.helpdesk.states import EnquiryState
from tsc_hub.helpdesk.workflow import ASKER, ENQUIRY_WORKFLOW, STAFF

TABLE = {
    ("new", "start"): ("in_progress", STAFF, False),
    ("new", "answer"): ("answered", STAFF, False),
    ("new", "close"): ("closed", STAFF, True),
    ("in_progress", "answer"): ("answered", STAFF, False),
    ("in_progress", "close"): ("closed", STAFF, True),
    ("answered", "close"): ("closed", STAFF | ASKER, False),
    ("answered", "reopen"): ("in_progress", STAFF | ASKER, False),
    ("closed", "reopen"): ("in_progress", STAFF | ASKER, False),
}


def test_the_table_is_exactly_this():
    rows = {(t.source, t.action): (t.target, t.roles, t.needs_reason) for t in ENQUIRY_WORKFLOW.transitions}
    assert rows == TABLE


def test_every_state_is_reached_and_none_is_a_dead_end():
    reached = {t.target for t in ENQUIRY_WORKFLOW.transitions} | {ENQUIRY_WORKFLOW.initial}
    assert reached == set(EnquiryState.values)
    assert all(ENQUIRY_WORKFLOW.from_state(state) for state in EnquiryState.values)


def test_only_the_help_desk_starts_and_answers():
    for step in ENQUIRY_WORKFLOW.transitions:
        if step.action in {"start", "answer"}:
            assert step.roles == STAFF


@pytest.mark.django_db
def test_an_enquiry_walks_from_new_to_closed_and_back(cast, make_enquiry):
    enquiry = make_enquiry(by=cast["focal_point"])
    assert (enquiry.state, enquiry.centre.code) == ("new", "east-africa")
    enquiry = transition_enquiry(enquiry=enquiry, action="start", by=cast["officer"])
    assert (enquiry.state, enquiry.owner) == ("in_progress", cast["officer"])
    reply_to_enquiry(enquiry=enquiry, body="Start with the form at /requests/new/.", by=cast["officer"])
    enquiry.refresh_from_db()
    assert enquiry.state == "answered"
    assert enquiry.first_answered_at is not None
    enquiry = transition_enquiry(enquiry=enquiry, action="close", by=cast["focal_point"])
    old_due = enquiry.due_at
    enquiry = transition_enquiry(enquiry=enquiry, action="reopen", by=cast["focal_point"])
    assert enquiry.state == "in_progress"
    assert enquiry.due_at > old_due
    steps = list(enquiry.steps.values_list("action", "to_state"))
    assert steps == [
        ("submit", "new"),
        ("start", "in_progress"),
        ("answer", "answered"),
        ("close", "closed"),
        ("reopen", "in_progress"),
    ]


@pytest.mark.django_db
def test_the_enquirer_writing_back_reopens_an_answered_enquiry(cast, make_enquiry):
    enquiry = make_enquiry(by=cast["member"])
    reply_to_enquiry(enquiry=enquiry, body="See the guide.", by=cast["officer"])
    reply_to_enquiry(enquiry=enquiry, body="Which guide?", by=cast["member"])
    enquiry.refresh_from_db()
    assert enquiry.state == "in_progress"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_point", "other_officer", "provider", "nobody"])
def test_only_its_help_desk_starts_an_enquiry(cast, make_enquiry, who):
    enquiry = make_enquiry(by=cast["focal_point"])
    with pytest.raises(PermissionDenied):
        transition_enquiry(enquiry=enquiry, action="start", by=cast[who])


@pytest.mark.django_db
def test_closing_an_unanswered_enquiry_needs_a_reason(cast, make_enquiry):
    enquiry = make_enquiry()
    with pytest.raises(InvalidInput):
        transition_enquiry(enquiry=enquiry, action="close", by=cast["officer"])
    closed = transition_enquiry(enquiry=enquiry, action="close", reason="Duplicate", by=cast["officer"])
    assert closed.steps.last().reason == "Duplicate"


@pytest.mark.django_db
def test_an_illegal_step_names_the_allowed_ones(cast, make_enquiry):
    with pytest.raises(IllegalTransition) as error:
        transition_enquiry(enquiry=make_enquiry(), action="reopen", by=cast["officer"])
    assert error.value.allowed == ["answer", "close", "start"]


@pytest.mark.django_db
def test_time_in_each_state_is_a_query(cast, make_enquiry):
    enquiry = make_enquiry()
    transition_enquiry(enquiry=enquiry, action="start", by=cast["officer"])
    started = enquiry.steps.get(action="start").at
    assert timezone.now() - started < datetime.timedelta(minutes=1)
