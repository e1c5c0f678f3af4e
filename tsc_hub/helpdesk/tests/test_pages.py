"""The help desk pages, in English and in Arabic (right to left)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from tsc_hub.helpdesk.models import Enquiry, FaqEntry, RequestMessage
from tsc_hub.helpdesk.services import publish_faq, reply_to_enquiry

FORM = {
    "subject": "Becoming a provider",
    "category": "becoming_provider",
    "body": "Our university offers taxonomy courses.",
    "language": "en",
    "party": "ke",
    "name": "Ana",
    "email": "ana@example.org",
}


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ar", "rtl")])
def test_the_thread_page_in_both_directions(client, cast, request_, thread, language, direction):
    client.force_login(cast["officer"])
    response = client.get(f"/{language}/helpdesk/requests/{request_.pk}/")
    assert response.status_code == 200
    assert f'dir="{direction}"' in response.content.decode()


@pytest.mark.django_db
def test_the_requester_writes_and_the_help_desk_answers_from_a_template_on_the_page(client, cast, request_):
    client.force_login(cast["focal_point"])
    url = f"/en/helpdesk/requests/{request_.pk}/"
    refused = client.post(url, {"body": "Any news?", "internal": "on"})
    assert refused.status_code == 400
    assert "Only the help desk can write internal notes." in refused.content.decode()
    assert client.post(url, {"body": "Any news?"}).status_code == 302
    assert RequestMessage.objects.get().internal is False
    client.force_login(cast["officer"])
    assert client.post(url, {"template": "provider-found"}).status_code == 302
    assert RequestMessage.objects.last().template_code == "provider-found"
    assert client.post(url, {"body": ""}).status_code == 400


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in_for_a_thread(client, request_):
    response = client.get(f"/en/helpdesk/requests/{request_.pk}/")
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ar", "rtl")])
def test_the_public_enquiry_form_in_both_directions(client, db, language, direction):
    page = client.get(f"/{language}/helpdesk/enquiries/new/").content.decode()
    assert f'dir="{direction}"' in page
    assert 'name="website"' in page
    assert 'name="email"' in page


@pytest.mark.django_db
def test_a_visitor_submits_and_is_acknowledged_after_commit(
    client, centre, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/helpdesk/enquiries/new/", FORM)
    assert response.status_code == 200
    enquiry = Enquiry.objects.get()
    assert (enquiry.name, enquiry.centre, enquiry.requester) == ("Ana", centre, None)
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]


@pytest.mark.django_db
def test_the_honeypot_drops_robots_without_a_word(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/helpdesk/enquiries/new/", {**FORM, "website": "http://spam.example"})
    assert response.status_code == 200
    assert not Enquiry.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_missing_contact_details_are_shown_next_to_the_fields(client, db):
    response = client.post("/en/helpdesk/enquiries/new/", {**FORM, "email": ""})
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert not Enquiry.objects.exists()


@pytest.mark.django_db
def test_the_queue_flags_overdue_enquiries(client, cast, make_enquiry):
    late = make_enquiry(subject="Late one")
    make_enquiry(subject="Fresh one")
    Enquiry.objects.filter(pk=late.pk).update(due_at=timezone.now() - datetime.timedelta(days=2))
    client.force_login(cast["officer"])
    page = client.get("/en/helpdesk/enquiries/").content.decode()
    assert page.count("tag overdue") == 1
    only_late = client.get("/en/helpdesk/enquiries/?overdue=on").content.decode()
    assert "Late one" in only_late
    assert "Fresh one" not in only_late
    client.force_login(cast["other_officer"])
    assert "Late one" not in client.get("/en/helpdesk/enquiries/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_enquiry_page_shows_replies_actions_and_publishing_to_staff(client, cast, make_enquiry, language):
    enquiry = make_enquiry(by=cast["focal_point"])
    reply_to_enquiry(enquiry=enquiry, body="Internal remark", internal=True, by=cast["officer"])
    reply_to_enquiry(enquiry=enquiry, body="The answer", by=cast["officer"])
    client.force_login(cast["officer"])
    page = client.get(f"/{language}/helpdesk/enquiries/{enquiry.pk}/").content.decode()
    assert "Internal remark" in page
    assert 'value="reopen"' in page
    assert f'action="/{language}/helpdesk/enquiries/{enquiry.pk}/faq/"' in page
    client.force_login(cast["focal_point"])
    page = client.get(f"/{language}/helpdesk/enquiries/{enquiry.pk}/").content.decode()
    assert "The answer" in page
    assert "Internal remark" not in page
    assert "/faq/" not in page.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.django_db
def test_actions_and_publishing_from_the_enquiry_page(client, cast, make_enquiry):
    enquiry = make_enquiry()
    client.force_login(cast["officer"])
    base = f"/en/helpdesk/enquiries/{enquiry.pk}"
    client.post(f"{base}/transition/", {"action": "start"})
    client.post(f"{base}/reply/", {"body": "Here is how."})
    enquiry.refresh_from_db()
    assert (enquiry.state, enquiry.owner) == ("answered", cast["officer"])
    client.post(
        f"{base}/faq/", {"language": "en", "category": "other", "question": "How?", "answer": "Like so."}
    )
    assert FaqEntry.objects.get().enquiry == enquiry
    client.force_login(cast["other_officer"])
    assert client.post(f"{base}/reply/", {"body": "Hi"}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "direction", "text"), [("fr", "ltr", "Qui peut"), ("ar", "rtl", "من يمكنه")]
)
def test_the_faq_is_grouped_by_category_in_the_readers_language(client, cast, language, direction, text):
    publish_faq(
        question={"en": "Who can ask?", "fr": "Qui peut demander ?", "ar": "من يمكنه الطلب؟"},
        answer={"en": "Parties.", "fr": "Les Parties.", "ar": "الأطراف."},
        category="how_to_request",
        by=cast["coordination"],
    )
    hidden = publish_faq(
        question={"en": "Hidden question"}, answer={"en": "x"}, category="other", by=cast["coordination"]
    )
    FaqEntry.objects.filter(pk=hidden.pk).update(published=False)
    page = client.get(f"/{language}/helpdesk/faq/").content.decode()
    assert f'dir="{direction}"' in page
    assert text in page
    assert "Hidden question" not in page
    assert page.count("<h2") == 1
