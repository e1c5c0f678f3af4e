"""Enquiries: routing to the centre serving the Party, overdue answers, anonymous visitors, visibility."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.helpdesk.models import Enquiry, EnquiryReply
from tsc_hub.helpdesk.services import reply_to_enquiry, transition_enquiry
from tsc_hub.helpdesk.states import TARGET_DAYS
from tsc_hub.notifications.models import Notification


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("party", "expected"), [("ke", "east-africa"), ("co", "andes"), (None, None), ("fr", None)]
)
def test_an_enquiry_goes_to_the_centre_serving_its_party_else_to_coordination(
    cast, make_enquiry, party, expected
):
    enquiry = make_enquiry(party=party)
    assert (enquiry.centre.code if enquiry.centre else None) == expected


@pytest.mark.django_db
def test_the_answer_is_due_after_the_target_time_of_its_category(make_enquiry):
    technical = make_enquiry(category="technical")
    other = make_enquiry(category="other")
    assert technical.due_at - technical.created_at == pytest.approx(
        datetime.timedelta(days=TARGET_DAYS["technical"]), abs=datetime.timedelta(seconds=5)
    )
    assert other.due_at > technical.due_at


@pytest.mark.django_db
def test_overdue_lists_unanswered_enquiries_past_their_target(cast, make_enquiry):
    late, answered, fresh = make_enquiry(), make_enquiry(), make_enquiry()
    past = timezone.now() - datetime.timedelta(days=1)
    Enquiry.objects.filter(pk__in=[late.pk, answered.pk]).update(due_at=past)
    reply_to_enquiry(enquiry=answered, body="Answered.", by=cast["officer"])
    assert list(Enquiry.objects.overdue()) == [late]
    later = timezone.now() + datetime.timedelta(days=30)
    assert set(Enquiry.objects.overdue(now=later)) == {late, fresh}


@pytest.mark.django_db
def test_an_anonymous_visitor_must_say_who_to_answer(make_enquiry):
    with pytest.raises(InvalidInput) as error:
        make_enquiry(name=" ", email="not-an-address", subject="", category="gossip", party="zz")
    assert set(error.value.fields) == {"name", "email", "subject", "category", "party"}
    assert not Enquiry.objects.exists()


@pytest.mark.django_db
def test_the_acknowledgement_is_emailed_after_commit_in_the_enquiry_language(
    make_enquiry, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_enquiry(language="fr", name="Awa", email="awa@example.org")
    assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    [message] = mail.outbox
    assert message.to == ["awa@example.org"]
    assert "Awa" in message.body


@pytest.mark.django_db
def test_a_signed_in_enquirer_is_notified_instead_of_emailed_as_a_visitor(cast, make_enquiry):
    enquiry = make_enquiry(by=cast["member"], name="ignored", email="ignored@example.org")
    assert (enquiry.name, enquiry.email) == (str(cast["member"]), cast["member"].email)
    assert Notification.objects.filter(recipient=cast["member"], target_id=str(enquiry.pk)).exists()
    assert Notification.objects.filter(recipient=cast["officer"], target_id=str(enquiry.pk)).exists()


@pytest.mark.django_db
def test_a_centre_without_officers_leaves_the_news_to_coordination(cast, make_enquiry):
    enquiry = make_enquiry(party="co")  # the Andes centre, whose only officer is made inactive
    assert Notification.objects.filter(recipient=cast["other_officer"], target_id=str(enquiry.pk)).exists()
    cast["other_officer"].is_active = False
    cast["other_officer"].save()
    second = make_enquiry(party="pe")
    assert Notification.objects.filter(recipient=cast["coordination"], target_id=str(second.pk)).exists()


@pytest.mark.django_db
def test_the_answer_reaches_an_anonymous_visitor_by_email_but_internal_notes_do_not(
    cast, make_enquiry, django_capture_on_commit_callbacks
):
    enquiry = make_enquiry(email="visitor@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reply_to_enquiry(enquiry=enquiry, body="Internal: ask Joseph", internal=True, by=cast["officer"])
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        reply_to_enquiry(enquiry=enquiry, body="Here is how to apply.", by=cast["officer"])
    [message] = mail.outbox
    assert "Here is how to apply." in message.body


VISIBILITY = {
    # who: (sees the Kenyan enquiry, sees the global one)
    "officer": (True, False),
    "coordination": (True, True),
    "admin": (True, True),
    "other_officer": (False, False),
    "focal_point": (True, False),  # it asked the Kenyan one
    "member": (False, False),
    "provider": (False, False),
    "nobody": (False, False),
}


@pytest.mark.django_db
@pytest.mark.parametrize("who", sorted(VISIBILITY))
def test_each_role_sees_its_enquiries(cast, make_enquiry, who):
    kenyan = make_enquiry(by=cast["focal_point"], party="ke")
    worldwide = make_enquiry(party=None)
    visible = set(Enquiry.objects.visible_to(cast[who]))
    assert (kenyan in visible, worldwide in visible) == VISIBILITY[who]


@pytest.mark.django_db
def test_the_enquirer_never_reads_internal_replies(cast, make_enquiry):
    enquiry = make_enquiry(by=cast["focal_point"])
    reply_to_enquiry(enquiry=enquiry, body="Note to self", internal=True, by=cast["officer"])
    reply_to_enquiry(enquiry=enquiry, body="Answer", by=cast["officer"])
    assert [r.body for r in EnquiryReply.objects.visible_to(cast["focal_point"])] == ["Answer"]
    assert EnquiryReply.objects.visible_to(cast["officer"]).count() == 2
    assert not EnquiryReply.objects.visible_to(cast["other_officer"]).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_point", "other_officer", "provider", "nobody"])
def test_outsiders_and_the_enquirer_cannot_write_internal_notes(cast, make_enquiry, who):
    enquiry = make_enquiry(by=cast["focal_point"])
    with pytest.raises(PermissionDenied):
        reply_to_enquiry(enquiry=enquiry, body="x", internal=True, by=cast[who])
    assert not EnquiryReply.objects.exists()


@pytest.mark.django_db
def test_nobody_writes_publicly_on_a_closed_enquiry(cast, make_enquiry):
    enquiry = make_enquiry(by=cast["focal_point"])
    transition_enquiry(enquiry=enquiry, action="close", reason="Spam", by=cast["officer"])
    with pytest.raises(Conflict):
        reply_to_enquiry(enquiry=enquiry, body="Hello?", by=cast["focal_point"])
    reply_to_enquiry(enquiry=enquiry, body="Closed as spam", internal=True, by=cast["officer"])
