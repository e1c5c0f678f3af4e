"""Moving requests through their lifecycle with the services."""

import datetime

import pytest
from django.utils import timezone

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.services import (
    record_consent,
    record_outcome,
    transition_request,
    update_request,
)
from tsc_hub.assistance.services.drafting import data_from_request
from tsc_hub.assistance.tests.factories import make_request
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.workflow import IllegalTransition
from tsc_hub.notifications.models import Notification


def _walk(request, cast, *steps):
    for who, action, *reason in steps:
        request = transition_request(
            request=request, action=action, by=cast[who], reason=reason[0] if reason else ""
        )
    return request


@pytest.mark.django_db
def test_institution_submits_then_focal_point_endorses_and_the_request_is_routed(cast, institution, centre):
    request = make_request(by=cast["member"], organisation=institution)
    request = _walk(request, cast, ("member", "submit"))
    assert (request.state, request.centre) == ("submitted", centre)
    request = _walk(request, cast, ("focal_point", "endorse"))
    assert request.state == "endorsed"


@pytest.mark.django_db
def test_focal_point_submission_is_endorsed_at_once(cast, institution):
    request = _walk(
        make_request(by=cast["focal_point"], organisation=institution), cast, ("focal_point", "submit")
    )
    assert request.state == "endorsed"
    assert list(request.transitions.values_list("action", flat=True)) == ["create", "submit", "endorse"]


@pytest.mark.django_db
def test_the_whole_path_to_closure_keeps_who_when_and_why(cast, institution):
    request = make_request(by=cast["focal_point"], organisation=institution)
    request = _walk(
        request,
        cast,
        ("focal_point", "submit"),
        ("officer", "ask", "Which species?"),
        ("member", "answer", "Fall armyworm."),
        ("officer", "accept"),
        ("officer", "start_matching"),
        ("officer", "mark_matched"),
        ("member", "start_proposal"),
        ("coordination", "start_implementation"),
        ("focal_point", "complete"),
    )
    record_outcome(request=request, outcome={"fr": "12 techniciens formés"}, feedback={}, by=cast["member"])
    request = _walk(request, cast, ("officer", "close"))
    assert request.state == "closed"
    ask = request.transitions.get(action="ask")
    assert (ask.by, ask.reason, ask.from_state, ask.to_state) == (
        cast["officer"],
        "Which species?",
        "endorsed",
        "in_clarification",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who",
    ["other_focal_point", "other_member", "other_officer", "provider", "advisory", "reviewer", "nobody"],
)
def test_people_outside_the_request_cannot_submit_it(cast, institution, who):
    request = make_request(by=cast["member"], organisation=institution)
    with pytest.raises(PermissionDenied):
        transition_request(request=request, action="submit", by=cast[who])
    assert AssistanceRequest.objects.get(pk=request.pk).state == "draft"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_point", "member", "other_officer", "provider", "advisory", "nobody"])
def test_only_the_right_help_desk_accepts(cast, institution, who):
    request = _walk(
        make_request(by=cast["focal_point"], organisation=institution), cast, ("focal_point", "submit")
    )
    with pytest.raises(PermissionDenied):
        transition_request(request=request, action="accept", by=cast[who])


@pytest.mark.django_db
def test_an_illegal_action_names_the_allowed_ones(cast, institution):
    request = make_request(by=cast["member"], organisation=institution)
    with pytest.raises(IllegalTransition) as error:
        transition_request(request=request, action="accept", by=cast["officer"])
    assert error.value.allowed == ["submit", "withdraw"]


@pytest.mark.django_db
def test_declining_needs_a_reason_and_keeps_it(cast, institution):
    request = _walk(
        make_request(by=cast["focal_point"], organisation=institution), cast, ("focal_point", "submit")
    )
    with pytest.raises(InvalidInput):
        transition_request(request=request, action="decline", by=cast["officer"])
    request = transition_request(request=request, action="decline", by=cast["officer"], reason="Out of scope")
    assert (request.state, request.decline_reason) == ("declined", "Out of scope")


@pytest.mark.django_db
def test_traditional_knowledge_needs_consent_before_matching(cast, institution):
    request = make_request(
        by=cast["focal_point"], organisation=institution, involves_traditional_knowledge=True
    )
    request = _walk(request, cast, ("focal_point", "submit"), ("officer", "accept"))
    with pytest.raises(InvalidInput, match="prior informed consent"):
        transition_request(request=request, action="start_matching", by=cast["officer"])
    record_consent(request=request, reference="Community protocol signed 2026-10-01", by=cast["member"])
    assert (
        transition_request(request=request, action="start_matching", by=cast["officer"]).state == "matching"
    )


@pytest.mark.django_db
def test_closing_needs_an_outcome(cast, institution):
    request = make_request(by=cast["focal_point"], organisation=institution)
    request = _walk(
        request,
        cast,
        ("focal_point", "submit"),
        ("officer", "accept"),
        ("officer", "start_matching"),
        ("officer", "mark_matched"),
        ("officer", "start_proposal"),
        ("officer", "start_implementation"),
        ("officer", "complete"),
    )
    with pytest.raises(InvalidInput, match="outcome"):
        transition_request(request=request, action="close", by=cast["officer"])


@pytest.mark.django_db
def test_two_editors_do_not_overwrite_each_other(cast, institution):
    request = make_request(by=cast["member"], organisation=institution)
    first = data_from_request(request)
    first.contact_name = "First editor"
    update_request(request=request, data=first, expected_version=1, by=cast["member"])
    second = data_from_request(request)
    second.contact_name = "Second editor"
    with pytest.raises(Conflict):
        update_request(request=request, data=second, expected_version=1, by=cast["focal_point"])
    assert AssistanceRequest.objects.get(pk=request.pk).contact_name == "First editor"


@pytest.mark.django_db
def test_each_step_notifies_the_other_side(cast, institution):
    request = make_request(by=cast["member"], organisation=institution)
    _walk(request, cast, ("member", "submit"))
    assert Notification.objects.filter(recipient=cast["officer"]).exists()
    assert Notification.objects.filter(recipient=cast["focal_point"]).exists()
    assert not Notification.objects.filter(recipient=cast["member"]).exists()
    assert not Notification.objects.filter(recipient=cast["other_officer"]).exists()


@pytest.mark.django_db
def test_overdue_requests_are_flagged_to_their_holder_once(cast, institution):
    from tsc_hub.assistance.services import flag_overdue_requests

    request = _walk(
        make_request(by=cast["focal_point"], organisation=institution), cast, ("focal_point", "submit")
    )
    AssistanceRequest.objects.filter(pk=request.pk).update(
        state_changed_at=timezone.now() - datetime.timedelta(days=20)
    )
    assert list(AssistanceRequest.objects.overdue()) == [request]
    assert flag_overdue_requests() == 1
    assert flag_overdue_requests() == 0
    assert Notification.objects.filter(recipient=cast["officer"], template__contains="overdue").count() == 1
