"""Recording, changing and closing needs and activities: permission, versions, audit."""

import pytest

from tsc_hub.capacity import services
from tsc_hub.capacity.models import CapacityActivity, CapacityNeed
from tsc_hub.capacity.tests.factories import ActivityFactory, NeedFactory, activity_data, need_data
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.organisations.tests.factories import OrganisationFactory


@pytest.mark.django_db
def test_focal_point_records_a_public_need_for_their_party_with_an_audit_event(cast):
    need = services.create_need(data=need_data(), by=cast["focal_point"])
    assert (need.party_id, need.status, need.version) == ("ke", "open", 1)
    assert need.created_by == cast["focal_point"]
    event = AuditEvent.objects.get(action="create_capacity_need")
    assert event.actor == cast["focal_point"]
    assert event.changes["gbf_targets"] == ["GBF-TARGET-04", "GBF-TARGET-20"]
    assert event.changes["party"] == "ke"


@pytest.mark.django_db
def test_invalid_input_writes_nothing(cast):
    with pytest.raises(InvalidInput):
        services.create_need(data=need_data(gbf_targets=[]), by=cast["focal_point"])
    assert not CapacityNeed.objects.exists()
    assert not AuditEvent.objects.filter(action__contains="capacity").exists()


@pytest.mark.django_db
def test_an_update_moves_the_version_and_records_what_changed(cast):
    need = services.create_need(data=need_data(), by=cast["focal_point"])
    first_change = need.status_changed_at
    changed = services.update_need(
        need=need,
        data=need_data(priority="low", status="being_addressed"),
        expected_version=1,
        by=cast["focal_point"],
    )
    assert (changed.version, changed.priority, changed.status) == (2, "low", "being_addressed")
    assert changed.status_changed_at > first_change
    event = AuditEvent.objects.get(action="update_capacity_need")
    assert event.changes == {"priority": ["high", "low"], "status": ["open", "being_addressed"]}


@pytest.mark.django_db
def test_a_stale_update_is_refused(cast):
    need = NeedFactory(version=3)
    with pytest.raises(Conflict) as error:
        services.update_need(need=need, data=need_data(), expected_version=2, by=cast["coordination"])
    assert error.value.code == "stale_version"
    need.refresh_from_db()
    assert need.version == 3


@pytest.mark.django_db
def test_a_met_need_is_closed_for_changes(cast):
    need = NeedFactory()
    closed = services.close_need(need=need, expected_version=1, by=cast["focal_point"])
    assert (closed.status, closed.version) == ("met", 2)
    assert AuditEvent.objects.get(action="close_capacity_need").changes == {"status": ["open", "met"]}
    for attempt in (
        lambda: services.update_need(need=need, data=need_data(), expected_version=2, by=cast["admin"]),
        lambda: services.close_need(need=need, expected_version=2, by=cast["admin"]),
    ):
        with pytest.raises(Conflict) as error:
            attempt()
        assert error.value.code == "record_closed"


@pytest.mark.django_db
def test_a_focal_point_cannot_move_a_need_to_another_party(cast):
    need = NeedFactory()
    with pytest.raises(PermissionDenied):
        services.update_need(
            need=need, data=need_data(party="co"), expected_version=1, by=cast["focal_point"]
        )
    need.refresh_from_db()
    assert (need.party_id, need.version) == ("ke", 1)


@pytest.mark.django_db
def test_a_member_cannot_move_an_activity_to_another_organisation(cast, institution):
    activity = ActivityFactory(organisation=institution)
    elsewhere = OrganisationFactory()
    with pytest.raises(PermissionDenied):
        services.update_activity(
            activity=activity,
            data=activity_data(elsewhere, status="ongoing"),
            expected_version=1,
            by=cast["member"],
        )
    activity.refresh_from_db()
    assert (activity.organisation, activity.version) == (institution, 1)


@pytest.mark.django_db
def test_coordination_staff_record_needs_for_any_party(cast):
    need = services.create_need(data=need_data(party="co"), by=cast["coordination"])
    assert need.party_id == "co"


@pytest.mark.django_db
def test_a_member_records_an_activity_of_their_organisation(cast, institution):
    activity = services.create_activity(data=activity_data(institution), by=cast["member"])
    assert (activity.status, activity.version, activity.created_by) == ("planned", 1, cast["member"])
    assert {"co", "ke", "tz"} <= activity.covered_party_codes()
    event = AuditEvent.objects.get(action="create_capacity_activity")
    assert event.changes["regions"] == ["0938DB0F-E4BB-464F-ABBB-ADD615BE5371"]


@pytest.mark.django_db
def test_the_help_desk_serving_the_country_records_and_closes_activities(cast, institution):
    activity = services.create_activity(data=activity_data(institution), by=cast["officer"])
    updated = services.update_activity(
        activity=activity,
        data=activity_data(institution, status="ongoing"),
        expected_version=1,
        by=cast["officer"],
    )
    assert updated.status == "ongoing"
    closed = services.close_activity(activity=activity, expected_version=2, by=cast["officer"])
    assert (closed.status, closed.version) == ("completed", 3)
    assert AuditEvent.objects.filter(target_type="capacity.capacityactivity").count() == 3


@pytest.mark.django_db
def test_a_completed_activity_cannot_be_changed(cast, institution):
    activity = ActivityFactory(organisation=institution, status="completed")
    with pytest.raises(Conflict):
        services.update_activity(
            activity=activity, data=activity_data(institution), expected_version=1, by=cast["member"]
        )


@pytest.mark.django_db
def test_the_system_writes_without_a_person():
    need = services.create_need(data=need_data(), by=None)
    assert need.created_by is None
    assert AuditEvent.objects.get(action="create_capacity_need").actor_label == "system"
    assert CapacityActivity.objects.count() == 0
