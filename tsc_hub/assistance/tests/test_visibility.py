"""Who may read which request."""

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.services import transition_request
from tsc_hub.assistance.tests.factories import make_request


def _accepted(cast, institution, **changes):
    request = make_request(by=cast["focal_point"], organisation=institution, **changes)
    request = transition_request(request=request, action="submit", by=cast["focal_point"])
    return transition_request(request=request, action="accept", by=cast["officer"])


def _visible(user, request):
    return AssistanceRequest.objects.visible_to(user).filter(pk=request.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_point", "member", "officer", "coordination", "admin"])
def test_a_draft_is_seen_by_its_own_people(cast, institution, who):
    assert _visible(cast[who], make_request(by=cast["member"], organisation=institution))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who",
    ["other_focal_point", "other_member", "other_officer", "provider", "advisory", "reviewer", "nobody"],
)
def test_a_draft_is_hidden_from_everyone_else(cast, institution, who):
    assert not _visible(cast[who], make_request(by=cast["member"], organisation=institution))


@pytest.mark.django_db
def test_anonymous_sees_only_accepted_public_requests(cast, institution):
    from django.contrib.auth.models import AnonymousUser

    draft = make_request(by=cast["member"], organisation=institution)
    public = _accepted(cast, institution)
    confidential = _accepted(cast, institution, visibility="confidential")
    seen = set(AssistanceRequest.objects.visible_to(AnonymousUser()))
    assert public in seen
    assert draft not in seen
    assert confidential not in seen


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["other_focal_point", "other_officer", "provider", "advisory", "nobody"])
def test_confidential_requests_stay_hidden_from_outsiders_after_acceptance(cast, institution, who):
    assert not _visible(cast[who], _accepted(cast, institution, visibility="confidential"))


@pytest.mark.django_db
def test_visible_to_returns_each_request_once(cast, institution):
    make_request(by=cast["member"], organisation=institution)
    assert AssistanceRequest.objects.visible_to(cast["officer"]).count() == 1
