"""The match funnel: suggested → contacted → interested → accepted → agreed → project."""

import datetime

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.workflow import IllegalTransition
from tsc_hub.matching.models import Match
from tsc_hub.matching.services import suggest_match, transition_match
from tsc_hub.matching.states import TERMINAL, MatchState
from tsc_hub.matching.workflow import MATCH_WORKFLOW
from tsc_hub.offers.tests.factories import OfferFactory, ProfileFactory


def _agree(world, match):
    match = transition_match(match=match, action="contact", by=world["officer"])
    match = transition_match(match=match, action="express_interest", by=world["lab"])
    match = transition_match(match=match, action="requester_accept", by=world["focal_point"])
    return transition_match(match=match, action="confirm", by=world["lab"])


def test_the_table_reaches_every_state_and_ends_are_final():
    targets = {step.target for step in MATCH_WORKFLOW.transitions} | {MATCH_WORKFLOW.initial}
    assert targets == set(MatchState.values)
    assert all(not MATCH_WORKFLOW.from_state(state) for state in TERMINAL)


@pytest.mark.django_db
def test_a_suggestion_walks_to_agreement_and_marks_the_request_matched(world):
    match = suggest_match(request=world["request"], candidate=world["profile"], by=world["officer"])
    assert AssistanceRequest.objects.get(pk=world["request"].pk).state == "matching"
    match = _agree(world, match)
    assert match.state == "agreed"
    assert match.agreed_at is not None
    assert AssistanceRequest.objects.get(pk=world["request"].pk).state == "matched"
    steps = list(match.steps.values_list("action", "by__email"))
    assert [a for a, _ in steps] == ["suggest", "contact", "express_interest", "requester_accept", "confirm"]
    assert steps[2][1] == world["lab"].email
    assert Match.objects.successful().count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_point", "member", "lab", "other_officer", "provider", "nobody"])
def test_only_the_help_desk_suggests(world, who):
    with pytest.raises(PermissionDenied):
        suggest_match(request=world["request"], candidate=world["profile"], by=world[who])


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_point", "member", "provider", "other_officer"])
def test_only_the_provider_side_expresses_interest(world, who):
    match = suggest_match(request=world["request"], candidate=world["offer"], by=world["officer"])
    match = transition_match(match=match, action="contact", by=world["officer"])
    with pytest.raises(PermissionDenied):
        transition_match(match=match, action="express_interest", by=world[who])


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["lab", "provider", "other_focal_point", "other_member"])
def test_only_the_requester_side_accepts(world, who):
    match = suggest_match(request=world["request"], candidate=world["offer"], by=world["officer"])
    match = transition_match(match=match, action="contact", by=world["officer"])
    match = transition_match(match=match, action="express_interest", by=world["lab"])
    with pytest.raises(PermissionDenied):
        transition_match(match=match, action="requester_accept", by=world[who])


@pytest.mark.django_db
def test_a_decline_needs_a_reason_from_the_list(world):
    match = transition_match(
        match=suggest_match(request=world["request"], candidate=world["profile"], by=world["officer"]),
        action="contact",
        by=world["officer"],
    )
    with pytest.raises(InvalidInput):
        transition_match(match=match, action="provider_decline", by=world["lab"])
    with pytest.raises(InvalidInput):
        transition_match(match=match, action="provider_decline", by=world["lab"], reason_code="other")
    match = transition_match(
        match=match, action="provider_decline", by=world["lab"], reason_code="no_capacity"
    )
    assert (match.state, match.decline_reason) == ("provider_declined", "no_capacity")


@pytest.mark.django_db
def test_illegal_funnel_step_names_the_allowed_ones(world):
    match = suggest_match(request=world["request"], candidate=world["profile"], by=world["officer"])
    with pytest.raises(IllegalTransition) as error:
        transition_match(match=match, action="confirm", by=world["lab"])
    assert error.value.allowed == ["cancel", "contact"]


@pytest.mark.django_db
def test_offers_outside_coverage_or_past_deadline_are_never_suggested(world, provider_org):
    elsewhere = OfferFactory(
        primary_organisation=provider_org, state="published", areas_benefited_parties=["co"]
    )
    with pytest.raises(InvalidInput, match="does not cover"):
        suggest_match(request=world["request"], candidate=elsewhere, by=world["officer"])
    late = OfferFactory(
        primary_organisation=provider_org,
        state="published",
        application_deadline=datetime.date.today() - datetime.timedelta(days=1),
    )
    with pytest.raises(InvalidInput, match="deadline"):
        suggest_match(request=world["request"], candidate=late, by=world["officer"])
    draft = ProfileFactory(organisation=provider_org, state="draft")
    with pytest.raises(InvalidInput, match="published"):
        suggest_match(request=world["request"], candidate=draft, by=world["officer"])


@pytest.mark.django_db
def test_a_provider_at_capacity_is_not_suggested(world, cast, institution):
    from tsc_hub.assistance.services import transition_request
    from tsc_hub.assistance.tests.factories import make_request

    world["profile"].capacity = 1
    world["profile"].save()
    _agree(world, suggest_match(request=world["request"], candidate=world["profile"], by=world["officer"]))
    other = transition_request(
        request=make_request(by=cast["focal_point"], organisation=institution),
        action="submit",
        by=cast["focal_point"],
    )
    other = transition_request(request=other, action="accept", by=cast["officer"])
    with pytest.raises(InvalidInput, match="capacity"):
        suggest_match(request=other, candidate=world["profile"], by=world["officer"])


@pytest.mark.django_db
def test_the_same_provider_is_not_suggested_twice(world):
    suggest_match(request=world["request"], candidate=world["profile"], by=world["officer"])
    with pytest.raises(Conflict):
        suggest_match(request=world["request"], candidate=world["profile"], by=world["officer"])
