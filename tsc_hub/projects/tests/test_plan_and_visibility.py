"""The plan is kept by the help desk and both sides; who sees which project."""

import datetime
from decimal import Decimal

import pytest

from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.workflow import IllegalTransition
from tsc_hub.notifications.models import Notification
from tsc_hub.projects.models import Project
from tsc_hub.projects.services import (
    add_indicator,
    add_milestone,
    complete_milestone,
    create_project,
    transition_project,
    update_indicator,
    update_milestone,
)
from tsc_hub.projects.tests.conftest import agree, project_data


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["officer", "focal_point", "member", "lab", "coordination"])
def test_the_help_desk_and_both_sides_keep_the_plan(world, project, who):
    milestone = add_milestone(project=project, title={"en": "Lab set up"}, due_date=None, by=world[who])
    indicator = add_indicator(
        project=project, name={"en": "Species barcoded"}, unit="species", target=200, by=world[who]
    )
    assert update_indicator(indicator=indicator, current_value="25", by=world[who]).current_value == Decimal(
        "25"
    )
    assert complete_milestone(milestone=milestone, by=world[who]).done_at is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who", ["provider", "other_officer", "other_focal_point", "other_member", "advisory", "nobody"]
)
def test_outsiders_do_not_touch_the_plan(world, project, who):
    milestone = add_milestone(project=project, title={"en": "Lab set up"}, due_date=None, by=world["officer"])
    with pytest.raises(PermissionDenied):
        add_milestone(project=project, title={"en": "Mine"}, due_date=None, by=world[who])
    with pytest.raises(PermissionDenied):
        complete_milestone(milestone=milestone, by=world[who])
    with pytest.raises(PermissionDenied):
        add_indicator(project=project, name={"en": "X"}, unit="u", target=1, by=world[who])


@pytest.mark.django_db
def test_milestones_are_ordered_and_done_once(world, project):
    first = add_milestone(
        project=project, title={"en": "One"}, due_date=datetime.date(2026, 3, 1), by=world["lab"]
    )
    second = add_milestone(project=project, title={"en": "Two"}, due_date=None, by=world["lab"])
    assert (first.position, second.position) == (1, 2)
    update_milestone(milestone=second, title={"en": "Two"}, due_date=None, position=0, by=world["lab"])
    assert [m.pk for m in project.milestones.all()] == [second.pk, first.pk]
    Notification.objects.all().delete()
    complete_milestone(milestone=first, by=world["lab"])
    assert Notification.objects.filter(
        recipient=world["focal_point"], template__startswith="Milestone"
    ).exists()
    with pytest.raises(Conflict):
        complete_milestone(milestone=first, by=world["lab"])
    with pytest.raises(InvalidInput):
        add_milestone(project=project, title={}, due_date=None, by=world["lab"])


@pytest.mark.django_db
def test_indicator_values_are_checked(world, project):
    with pytest.raises(InvalidInput) as error:
        add_indicator(project=project, name={"en": "X"}, unit="", target="lots", by=world["lab"])
    assert set(error.value.fields) == {"unit", "target"}
    indicator = add_indicator(
        project=project, name={"en": "Staff trained"}, unit="people", baseline=2, target=12, by=world["lab"]
    )
    assert indicator.current_value == Decimal("2.00")
    assert update_indicator(indicator=indicator, current_value=7, by=world["lab"]).progress_percent == 50


@pytest.mark.django_db
def test_an_illegal_transition_names_the_allowed_ones(world, project):
    with pytest.raises(IllegalTransition) as error:
        transition_project(project=project, action="close", by=world["officer"])
    assert error.value.status == 409
    assert error.value.allowed == ["cancel", "start"]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_point", "lab", "provider", "other_officer", "advisory"])
def test_only_the_help_desk_starts_a_project(world, project, who):
    with pytest.raises(PermissionDenied):
        transition_project(project=project, action="start", by=world[who])


def _sees(user, project):
    return Project.objects.visible_to(user).filter(pk=project.pk).exists()


@pytest.mark.django_db
def test_a_public_requests_project_is_public(world, project):
    from django.contrib.auth.models import AnonymousUser

    for who in (
        "officer",
        "coordination",
        "admin",
        "focal_point",
        "member",
        "lab",
        "provider",
        "advisory",
        "nobody",
    ):
        assert _sees(world[who], project), who
    assert _sees(AnonymousUser(), project)


@pytest.mark.django_db
def test_a_confidential_requests_project_is_seen_by_those_concerned_only(world, accepted_request, new_offer):
    from django.contrib.auth.models import AnonymousUser

    request = accepted_request(visibility="confidential")
    match = agree(world, request, new_offer())
    project = create_project(match_ids=[match.pk], data=project_data(), by=world["officer"])
    for who in ("officer", "coordination", "admin", "focal_point", "member", "lab"):
        assert _sees(world[who], project), who
    for who in ("provider", "other_officer", "other_focal_point", "other_member", "advisory", "nobody"):
        assert not _sees(world[who], project), who
    assert not _sees(AnonymousUser(), project)


@pytest.mark.django_db
def test_a_provider_partner_added_later_sees_the_project(
    world, accepted_request, new_offer, institution, cast
):
    from tsc_hub.projects.services import PartnerData, set_partners

    request = accepted_request(visibility="confidential")
    project = create_project(
        match_ids=[agree(world, request, new_offer()).pk], data=project_data(), by=world["officer"]
    )
    outsider_org = cast["provider"].role_assignments.get().organisation
    assert not _sees(cast["provider"], project)
    partners = [
        PartnerData(organisation_id=institution.pk, role="requester"),
        PartnerData(organisation_id=outsider_org.pk, role="provider"),
    ]
    set_partners(project=project, partners=partners, expected_version=project.version, by=world["officer"])
    assert _sees(cast["provider"], project)
