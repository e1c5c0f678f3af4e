"""Starting a project from agreed matches moves the match and the request through their own services."""

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.geography.models import Party
from tsc_hub.matching.models import Match
from tsc_hub.matching.services import suggest_match
from tsc_hub.notifications.models import Notification
from tsc_hub.organisations.tests.factories import OrganisationFactory
from tsc_hub.projects.models import Project
from tsc_hub.projects.services import PartnerData, create_project
from tsc_hub.projects.tests.conftest import agree, project_data


def _state(model, pk):
    return model.objects.values_list("state", flat=True).get(pk=pk)


@pytest.mark.django_db
def test_creating_from_an_agreed_match_moves_match_and_request(world):
    assert _state(AssistanceRequest, world["request"].pk) == "matched"
    project = create_project(match_ids=[world["match"].pk], data=project_data(), by=world["officer"])
    assert project.state == "planning"
    assert _state(Match, world["match"].pk) == "project_started"
    request = AssistanceRequest.objects.get(pk=world["request"].pk)
    assert request.state == "in_implementation"
    actions = list(request.transitions.values_list("action", flat=True))
    assert actions[-2:] == ["start_proposal", "start_implementation"]
    assert list(project.matches.all()) == [world["match"]]
    assert list(project.transitions.values_list("action", "to_state")) == [("create", "planning")]
    assert project.created_by == world["officer"]


@pytest.mark.django_db
def test_the_partners_come_from_the_request_and_the_matches(world, institution, provider_org):
    co_funder = OrganisationFactory(country=Party.objects.get(code="de"))
    project = create_project(
        match_ids=[world["match"].pk],
        data=project_data(),
        partners=[PartnerData(organisation_id=co_funder.pk, role="co_funder")],
        by=world["coordination"],
    )
    partners = set(project.partners.values_list("organisation_id", "party_id", "role"))
    assert partners == {
        (institution.pk, "ke", "requester"),
        (provider_org.pk, "gb", "provider"),
        (co_funder.pk, "de", "co_funder"),
    }
    assert project.cooperation_type == "north_south"


@pytest.mark.django_db
def test_a_request_in_proposal_goes_straight_to_implementation(world):
    from tsc_hub.assistance.services import transition_request

    transition_request(request=world["request"], action="start_proposal", by=world["focal_point"])
    create_project(match_ids=[world["match"].pk], data=project_data(), by=world["officer"])
    assert _state(AssistanceRequest, world["request"].pk) == "in_implementation"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who",
    ["focal_point", "member", "lab", "provider", "other_officer", "other_focal_point", "advisory", "nobody"],
)
def test_only_the_requests_help_desk_creates(world, who):
    with pytest.raises(PermissionDenied):
        create_project(match_ids=[world["match"].pk], data=project_data(), by=world[who])
    assert not Project.objects.exists()
    assert _state(Match, world["match"].pk) == "agreed"


@pytest.mark.django_db
def test_a_match_not_agreed_is_refused(world, new_offer):
    pending = suggest_match(request=world["request"], candidate=new_offer(), by=world["officer"])
    with pytest.raises(Conflict) as error:
        create_project(match_ids=[pending.pk], data=project_data(), by=world["officer"])
    assert error.value.code == "match_not_agreed"


@pytest.mark.django_db
def test_a_match_has_one_project(world, project):
    with pytest.raises(Conflict):
        create_project(match_ids=[world["match"].pk], data=project_data(), by=world["officer"])


@pytest.mark.django_db
def test_matches_of_different_requests_are_refused(world, accepted_request, new_offer):
    other = agree(world, accepted_request(), new_offer())
    with pytest.raises(InvalidInput, match="same request"):
        create_project(match_ids=[world["match"].pk, other.pk], data=project_data(), by=world["officer"])


@pytest.mark.django_db
def test_several_agreed_matches_of_one_request_make_one_project(world, new_offer):
    second = agree(world, world["request"], new_offer())
    project = create_project(
        match_ids=[world["match"].pk, second.pk], data=project_data(), by=world["officer"]
    )
    assert project.matches.count() == 2
    assert project.partners.filter(role="provider").count() == 1  # the same organisation, once
    assert set(Match.objects.values_list("state", flat=True)) == {"project_started"}


@pytest.mark.django_db
def test_a_title_is_required_and_dates_are_ordered(world):
    import datetime

    data = project_data(title={}, start_date=datetime.date(2026, 5, 1), end_date=datetime.date(2026, 1, 1))
    with pytest.raises(InvalidInput) as error:
        create_project(match_ids=[world["match"].pk], data=data, by=world["officer"])
    assert set(error.value.fields) == {"title", "end_date"}


@pytest.mark.django_db
def test_record_only_attaches_a_project_without_moving_anything(world):
    from tsc_hub.matching.services import transition_match

    transition_match(match=world["match"], action="start_project", by=world["officer"])
    before = list(
        AssistanceRequest.objects.get(pk=world["request"].pk).transitions.values_list("pk", flat=True)
    )
    project = create_project(match_ids=[world["match"].pk], data=project_data(), by=None, record_only=True)
    assert project.matches.get().state == "project_started"
    request = AssistanceRequest.objects.get(pk=world["request"].pk)
    assert request.state == "matched"
    assert list(request.transitions.values_list("pk", flat=True)) == before


@pytest.mark.django_db
def test_both_sides_and_the_help_desk_hear_of_a_new_project(world):
    Notification.objects.all().delete()
    create_project(match_ids=[world["match"].pk], data=project_data(), by=world["officer"])
    told = set(
        Notification.objects.filter(template__startswith="The project “").values_list(
            "recipient__email", flat=True
        )
    )
    assert {world["focal_point"].email, world["member"].email, world["lab"].email} <= told
    assert world["officer"].email not in told  # whoever acted is not told
    assert world["provider"].email not in told
