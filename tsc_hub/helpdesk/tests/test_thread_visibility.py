"""Who reads the conversation on a request: the requester never sees internal notes; providers and
outsiders see nothing, through the queryset, the API and the page alike."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tsc_hub.helpdesk.models import RequestMessage

EVERYTHING = {"officer", "coordination", "admin"}
PUBLIC_ONLY = {"focal_point", "member"}
NOTHING = {"other_officer", "other_focal_point", "other_member", "provider", "advisory", "reviewer", "nobody"}


@pytest.mark.django_db
@pytest.mark.parametrize("who", sorted(EVERYTHING | PUBLIC_ONLY | NOTHING))
def test_the_queryset_shows_each_role_its_share(cast, thread, who):
    seen = set(RequestMessage.objects.visible_to(cast[who]).values_list("body", flat=True))
    if who in EVERYTHING:
        assert seen == {"How many staff?", "Twelve technicians.", "SECRET: budget looks thin"}
    elif who in PUBLIC_ONLY:
        assert seen == {"How many staff?", "Twelve technicians."}
    else:
        assert seen == set()


@pytest.mark.django_db
def test_anonymous_visitors_see_no_message(thread):
    assert not RequestMessage.objects.visible_to(AnonymousUser()).exists()
    assert not RequestMessage.objects.visible_to(None).exists()


@pytest.mark.django_db
def test_an_officer_of_the_centre_a_request_was_reassigned_to_reads_its_thread(cast, request_, thread):
    from tsc_hub.assistance.services import reassign_request
    from tsc_hub.centres.models import SupportCentre

    assert not RequestMessage.objects.visible_to(cast["other_officer"]).exists()
    andes = SupportCentre.objects.get(code="andes")
    reassign_request(request=request_, centre=andes, reason="Spanish speakers", by=cast["coordination"])
    assert RequestMessage.objects.visible_to(cast["other_officer"]).count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_point", "member"])
def test_the_requester_never_gets_the_internal_note_from_the_api(client, cast, request_, thread, who):
    client.force_login(cast[who])
    response = client.get(f"/api/v1/helpdesk/requests/{request_.pk}/messages")
    assert response.status_code == 200
    bodies = [message["body"] for message in response.json()]
    assert bodies == ["How many staff?", "Twelve technicians."]
    assert "SECRET" not in response.content.decode()


@pytest.mark.django_db
def test_the_help_desk_gets_the_whole_thread_from_the_api(client, cast, request_, thread):
    client.force_login(cast["officer"])
    body = client.get(f"/api/v1/helpdesk/requests/{request_.pk}/messages").json()
    assert [m["internal"] for m in body] == [False, False, True]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["provider", "other_focal_point", "other_officer", "advisory", "nobody"])
def test_people_who_read_the_public_request_do_not_read_its_thread(client, cast, request_, thread, who):
    client.force_login(cast[who])
    assert client.get(f"/api/v1/requests/{request_.pk}").status_code == 200
    response = client.get(f"/api/v1/helpdesk/requests/{request_.pk}/messages")
    assert response.status_code == 403
    assert "Twelve" not in response.content.decode()
    assert client.get(f"/en/helpdesk/requests/{request_.pk}/").status_code == 403


@pytest.mark.django_db
def test_the_requester_page_hides_internal_notes_and_the_staff_page_shows_them(
    client, cast, request_, thread
):
    client.force_login(cast["focal_point"])
    page = client.get(f"/en/helpdesk/requests/{request_.pk}/").content.decode()
    assert "Twelve technicians." in page
    assert "SECRET" not in page
    assert 'name="internal"' not in page
    assert 'name="template"' not in page
    client.force_login(cast["officer"])
    page = client.get(f"/en/helpdesk/requests/{request_.pk}/").content.decode()
    assert "SECRET: budget looks thin" in page
    assert 'name="internal"' in page
    assert 'name="template"' in page
