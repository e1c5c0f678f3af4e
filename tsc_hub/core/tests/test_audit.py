import pytest

from tsc_hub.core.audit import diff_fields, record_event
from tsc_hub.core.models import AppendOnlyError, AuditEvent


@pytest.mark.django_db
def test_an_event_records_who_what_and_which_object(person):
    actor = person()
    event = record_event(
        actor=actor, action="update_profile", target=actor, changes={"display_name": ["a", "b"]}
    )
    event.refresh_from_db()
    assert event.actor == actor
    assert event.actor_label == actor.email
    assert (event.target_type, event.target_id) == ("accounts.user", str(actor.pk))
    assert event.changes == {"display_name": ["a", "b"]}


@pytest.mark.django_db
def test_events_cannot_be_changed_or_deleted(person):
    event = record_event(actor=None, action="seed", target=person())
    assert event.actor_label == "system"
    event.action = "tampered"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().update(action="tampered")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "seed"


def test_diff_lists_only_changed_fields():
    assert diff_fields({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": None}) == {"b": [2, 3]}


@pytest.mark.django_db
def test_people_without_a_staff_role_read_only_their_own_events(person):
    mine, other = person(), person()
    record_event(actor=mine, action="x", target=mine)
    record_event(actor=other, action="y", target=other)
    assert list(AuditEvent.objects.visible_to(mine).values_list("action", flat=True)) == ["x"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["platform_admin", "coordination_staff"])
def test_admins_and_coordination_read_the_whole_log(person, role):
    reader, other = person(role), person()
    record_event(actor=other, action="y", target=other)
    assert AuditEvent.objects.visible_to(reader).filter(action="y").exists()
