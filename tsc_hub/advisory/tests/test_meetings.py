"""Meetings: recorded by the coordination, published to members with agenda, documents and minutes."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tsc_hub.advisory import services
from tsc_hub.advisory.models import Meeting
from tsc_hub.advisory.services import MeetingData
from tsc_hub.core.exceptions import InvalidInput

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(people):
    data = MeetingData(
        {"en": "Third meeting", "fr": "Troisième réunion"},
        datetime.date(2024, 2, 19),
        "Montreal",
        subcommittee="",
        agenda=[{"en": "Opening"}, {"en": "Host selection"}],
    )
    return services.record_meeting(data=data, by=people["coordination"])


def test_members_see_a_meeting_only_once_published(client, people, meeting):
    client.force_login(people["expert"])
    assert client.get(f"/en/advisory/meetings/{meeting.pk}/").status_code == 404
    services.publish_meeting(meeting=meeting, by=people["coordination"])
    page = client.get(f"/en/advisory/meetings/{meeting.pk}/").content.decode()
    assert "Host selection" in page
    assert "Not published yet." in page
    services.publish_minutes(meeting=meeting, minutes={"en": "The committee advised 15 centres."}, by=None)
    assert "15 centres" in client.get(f"/en/advisory/meetings/{meeting.pk}/").content.decode()
    api = client.get(f"/api/v1/advisory/meetings/{meeting.pk}").json()
    assert [item["number"] for item in api["agenda"]] == [1, 2]
    assert api["minutes"] == {"en": "The committee advised 15 centres."}


def test_a_meeting_needs_a_place_or_to_be_online(people):
    with pytest.raises(InvalidInput) as error:
        services.record_meeting(data=MeetingData({"en": "x"}, datetime.date(2024, 1, 1)), by=None)
    assert "place" in error.value.fields
    online = services.record_meeting(
        data=MeetingData(
            {"en": "KM"}, datetime.date(2024, 1, 1), online=True, subcommittee="knowledge-management"
        ),
        by=None,
    )
    assert online.subcommittee.code == "knowledge-management"


def test_documents_are_checked_like_every_upload_and_read_by_members_only(
    client, people, meeting, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    services.publish_meeting(meeting=meeting, by=None)
    with pytest.raises(InvalidInput):
        services.add_meeting_document(
            meeting=meeting, title="Fake", upload=SimpleUploadedFile("x.pdf", b"MZ not a pdf"), by=None
        )
    client.force_login(people["coordination"])
    response = client.post(
        f"/en/advisory/meetings/{meeting.pk}/documents/",
        {"title": "Agenda", "file": SimpleUploadedFile("agenda.pdf", b"%PDF-1.4 agenda")},
    )
    assert response.status_code == 302
    document = meeting.documents.get()
    client.force_login(people["expert"])
    assert client.get(f"/en/advisory/documents/{document.pk}/").status_code == 200
    for who in ("focal_point", "former", "provider"):
        client.force_login(people[who])
        assert client.get(f"/en/advisory/documents/{document.pk}/").status_code == 403


def test_the_api_records_a_meeting_for_the_coordination(client, people):
    client.force_login(people["coordination"])
    response = client.post(
        "/api/v1/advisory/meetings",
        {
            "title": {"en": "Online meeting"},
            "date": "2025-11-01",
            "online": True,
            "agenda": [{"en": "Forum"}],
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["published_at"] is None
    assert Meeting.objects.get().agenda_items.count() == 1
