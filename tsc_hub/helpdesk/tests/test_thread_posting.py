"""Who may write in a request's conversation, and who hears of it."""

import pytest

from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.helpdesk.models import RequestMessage
from tsc_hub.helpdesk.services import post_message
from tsc_hub.notifications.models import Notification

WRITERS = ["focal_point", "member", "officer", "coordination", "admin"]
NOT_WRITERS = [
    "other_focal_point",
    "other_member",
    "other_officer",
    "provider",
    "advisory",
    "reviewer",
    "nobody",
]


def _notified(person):
    return Notification.objects.filter(recipient=person).count()


@pytest.mark.django_db
@pytest.mark.parametrize("who", WRITERS)
def test_the_requester_side_and_the_help_desk_write_messages(cast, request_, who):
    message = post_message(request=request_, body="  Hello  ", by=cast[who], language="fr")
    assert (message.body, message.internal, message.language) == ("Hello", False, "fr")
    assert AuditEvent.objects.filter(action="request.message", target_id=str(message.pk)).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", NOT_WRITERS)
def test_everyone_else_is_refused_and_nothing_is_saved(cast, request_, who):
    with pytest.raises(PermissionDenied):
        post_message(request=request_, body="Hello", by=cast[who])
    assert not RequestMessage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["officer", "coordination", "admin"])
def test_the_help_desk_writes_internal_notes(cast, request_, who):
    assert post_message(request=request_, body="Note", internal=True, by=cast[who]).internal


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_point", "member"])
def test_the_requester_trying_an_internal_note_is_refused(cast, request_, who):
    with pytest.raises(PermissionDenied) as error:
        post_message(request=request_, body="Psst", internal=True, by=cast[who])
    assert error.value.code == "internal_note_refused"
    assert not RequestMessage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("body", "language"), [("   ", "en"), ("x" * 10_001, "en"), ("Hi", "de")])
def test_empty_long_or_unknown_language_messages_are_clear_errors(cast, request_, body, language):
    with pytest.raises(InvalidInput) as error:
        post_message(request=request_, body=body, language=language, by=cast["officer"])
    assert set(error.value.fields) <= {"body", "language"}
    assert not RequestMessage.objects.exists()


@pytest.mark.django_db
def test_a_help_desk_message_reaches_the_requester_side(cast, request_):
    before = {who: _notified(cast[who]) for who in ("focal_point", "member", "officer")}
    post_message(request=request_, body="We need your budget.", by=cast["officer"])
    assert _notified(cast["focal_point"]) == before["focal_point"] + 1
    assert _notified(cast["member"]) == before["member"] + 1
    assert _notified(cast["officer"]) == before["officer"]


@pytest.mark.django_db
def test_a_requester_message_reaches_the_help_desk(cast, request_):
    before = _notified(cast["officer"])
    post_message(request=request_, body="Here it is.", by=cast["member"])
    assert _notified(cast["officer"]) == before + 1
    assert Notification.objects.filter(recipient=cast["focal_point"], template__contains="wrote").count() == 0


@pytest.mark.django_db
def test_an_internal_note_never_notifies_the_requester(cast, request_, person, centre, with_totp):
    colleague = with_totp(person("helpdesk_officer", centre=centre))
    before = {who: _notified(cast[who]) for who in ("focal_point", "member")}
    post_message(request=request_, body="Budget thin", internal=True, by=cast["officer"])
    assert {who: _notified(cast[who]) for who in ("focal_point", "member")} == before
    assert Notification.objects.filter(recipient=colleague, template__contains="internal note").exists()
