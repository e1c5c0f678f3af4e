"""The coordination's pages for meetings: record with an agenda, publish, add documents, publish the
minutes. Nobody else reaches them, and nothing is written when a form or a rule refuses."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tsc_hub.advisory import services
from tsc_hub.advisory.models import AgendaItem, Meeting, MeetingDocument
from tsc_hub.advisory.services import MeetingData
from tsc_hub.advisory.tests.conftest import OUTSIDERS

pytestmark = pytest.mark.django_db
NOT_COORDINATION = (None, "expert", "co_chair", "former", *OUTSIDERS)


@pytest.fixture
def meeting(people):
    data = MeetingData(
        {"en": "Fifth meeting"}, datetime.date(2025, 3, 3), "Nairobi", agenda=[{"en": "Opening"}]
    )
    return services.record_meeting(data=data, by=people["coordination"])


def _snapshot():
    return (
        list(
            Meeting.objects.order_by("pk").values_list(
                "pk", "published_at", "minutes", "minutes_published_at"
            )
        ),
        list(AgendaItem.objects.order_by("pk").values_list("pk", "title")),
        MeetingDocument.objects.count(),
    )


@pytest.mark.parametrize("who", NOT_COORDINATION)
def test_only_the_coordination_reaches_the_meeting_pages(client, people, meeting, who, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    if who is not None:
        client.force_login(people[who])
    before = _snapshot()
    base = f"/en/advisory/meetings/{meeting.pk}"
    new = {"title": "x", "date": "2025-01-01", "online": "on", "agenda": "One"}
    responses = {
        "GET new": client.get("/en/advisory/meetings/new/"),
        "POST new": client.post("/en/advisory/meetings/new/", new),
        "publish": client.post(f"{base}/publish/"),
        "minutes": client.post(f"{base}/minutes/", {"minutes": "Done"}),
        "documents": client.post(
            f"{base}/documents/",
            {"title": "Agenda", "file": SimpleUploadedFile("agenda.pdf", b"%PDF-1.4 agenda")},
        ),
    }
    for name, response in responses.items():
        if who is None:
            assert response.status_code == 302, name
            assert "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == 403, name
    assert _snapshot() == before


def test_the_coordination_records_a_meeting_with_its_agenda(client, people):
    client.force_login(people["coordination"])
    assert "Record a meeting" in client.get("/en/advisory/meetings/").content.decode()
    assert client.get("/en/advisory/meetings/new/").status_code == 200
    response = client.post(
        "/en/advisory/meetings/new/",
        {
            "title": "Knowledge management, first call",
            "subcommittee": "knowledge-management",
            "date": "2025-06-02",
            "online": "on",
            "agenda": "Opening\n\n  CHM review  \nClosing\n",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/advisory/meetings/{meeting.pk}/"
    assert meeting.title == {"en": "Knowledge management, first call"}
    assert (meeting.subcommittee.code, meeting.date, meeting.online, meeting.place) == (
        "knowledge-management",
        datetime.date(2025, 6, 2),
        True,
        "",
    )
    assert meeting.published_at is None
    items = list(meeting.agenda_items.values_list("number", "title"))
    assert items == [(1, {"en": "Opening"}), (2, {"en": "CHM review"}), (3, {"en": "Closing"})]


def test_a_meeting_in_french_keeps_its_texts_in_french(client, people):
    client.force_login(people["coordination"])
    data = {"title": "Réunion", "date": "2025-06-02", "place": "Montréal", "agenda": "Ouverture"}
    assert client.post("/fr/advisory/meetings/new/", data).status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.title == {"fr": "Réunion"}
    assert meeting.agenda_items.get().title == {"fr": "Ouverture"}


def test_a_meeting_without_a_place_is_refused_and_nothing_is_written(client, people):
    client.force_login(people["coordination"])
    response = client.post("/en/advisory/meetings/new/", {"title": "x", "date": "2025-01-01", "agenda": "A"})
    assert response.status_code == 400
    assert "Give the place, or say the meeting is online." in response.content.decode()
    assert _snapshot() == ([], [], 0)


def test_the_coordination_publishes_uploads_and_publishes_the_minutes(
    client, people, meeting, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(people["coordination"])
    base = f"/en/advisory/meetings/{meeting.pk}"
    assert client.post(f"{base}/publish/").status_code == 302
    meeting.refresh_from_db()
    assert meeting.published_at is not None
    upload = {"title": "Agenda", "file": SimpleUploadedFile("agenda.pdf", b"%PDF-1.4 agenda")}
    assert client.post(f"{base}/documents/", upload).status_code == 302
    document = meeting.documents.get()
    assert (document.title, document.name, document.uploaded_by) == (
        "Agenda",
        "agenda.pdf",
        people["coordination"],
    )
    response = client.post(f"{base}/minutes/", {"minutes": "The committee advised."}, follow=True)
    assert "The report of the meeting is published to the members." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes == {"en": "The committee advised."}
    assert meeting.minutes_published_at is not None
    client.force_login(people["expert"])
    assert "The committee advised." in client.get(f"{base}/").content.decode()


def test_empty_minutes_and_a_fake_document_are_refused_and_nothing_changes(
    client, people, meeting, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(people["coordination"])
    before = _snapshot()
    base = f"/en/advisory/meetings/{meeting.pk}"
    response = client.post(f"{base}/minutes/", {"minutes": "  "})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    fake = {"title": "Fake", "file": SimpleUploadedFile("x.pdf", b"MZ not a pdf")}
    response = client.post(f"{base}/documents/", fake, follow=True)
    assert response.status_code == 200
    assert "The document is added." not in response.content.decode()
    assert _snapshot() == before
