"""Who sees a match, and confidential requests seen by the providers contacted about them."""

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.services import transition_request
from tsc_hub.assistance.tests.factories import make_request
from tsc_hub.matching.models import Match
from tsc_hub.matching.services import suggest_match, transition_match


def _sees(user, match):
    return Match.objects.visible_to(user).filter(pk=match.pk).exists()


@pytest.mark.django_db
def test_a_suggestion_is_the_help_desks_draft(world):
    match = suggest_match(request=world["request"], candidate=world["profile"], by=world["officer"])
    assert _sees(world["officer"], match)
    assert _sees(world["coordination"], match)
    for who in ("focal_point", "lab", "provider", "other_officer", "nobody"):
        assert not _sees(world[who], match), who


@pytest.mark.django_db
def test_once_contacted_both_sides_see_it_and_outsiders_do_not(world):
    match = suggest_match(request=world["request"], candidate=world["profile"], by=world["officer"])
    match = transition_match(match=match, action="contact", by=world["officer"])
    for who in ("focal_point", "member", "lab", "officer"):
        assert _sees(world[who], match), who
    for who in ("provider", "other_officer", "other_focal_point", "advisory", "nobody"):
        assert not _sees(world[who], match), who


@pytest.mark.django_db
def test_a_confidential_request_is_seen_by_the_contacted_provider_only(world, cast, institution):
    request = make_request(by=cast["focal_point"], organisation=institution, visibility="confidential")
    request = transition_request(request=request, action="submit", by=cast["focal_point"])
    request = transition_request(request=request, action="accept", by=cast["officer"])
    match = suggest_match(request=request, candidate=world["offer"], by=world["officer"])
    assert not AssistanceRequest.objects.visible_to(world["lab"]).filter(pk=request.pk).exists()
    transition_match(match=match, action="contact", by=world["officer"])
    assert AssistanceRequest.objects.visible_to(world["lab"]).filter(pk=request.pk).exists()
    assert not AssistanceRequest.objects.visible_to(world["provider"]).filter(pk=request.pk).exists()
