"""The request pages: list, form, detail with actions, tracker, files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.services import transition_request
from tsc_hub.assistance.tests.factories import make_request

FORM = {
    "original_language": "fr",
    "country": "ke",
    "contact_name": "Amani",
    "contact_email": "amani@example.org",
    "national_priority_reference": "SPANB cible 6",
    "title": "Formation au code-barres ADN",
    "problem": "Identifier les espèces envahissantes",
    "addressed_priorities": "Cible nationale 6",
    "assistance_types": ["TSC-ASSIST-TRAINING"],
    "gbf_targets": ["GBF-TARGET-06"],
    "cbd_subjects": ["CBD-SUBJECT-IAS"],
    "urgency": "normal",
    "visibility": "public",
    "working_languages": ["fr"],
}


@pytest.mark.django_db
def test_focal_point_drafts_in_french_through_the_form(client, cast, institution):
    client.force_login(cast["focal_point"])
    assert client.get("/fr/requests/new/").status_code == 200
    response = client.post("/fr/requests/new/", {**FORM, "organisation": str(institution.pk)})
    assert response.status_code == 302, response.content.decode()[:2000]
    request = AssistanceRequest.objects.get()
    assert request.title == {"fr": "Formation au code-barres ADN"}


@pytest.mark.django_db
def test_form_errors_are_shown_and_nothing_is_saved(client, cast, institution):
    client.force_login(cast["focal_point"])
    bad = {
        **FORM,
        "organisation": str(institution.pk),
        "assistance_types": [
            "TSC-ASSIST-TRAINING",
            "TSC-ASSIST-EXPERT-ADVICE",
            "TSC-ASSIST-TECHNOLOGY-TRANSFER",
            "TSC-ASSIST-FUNDING",
        ],
    }
    response = client.post("/fr/requests/new/", bad)
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert not AssistanceRequest.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["provider", "advisory", "reviewer", "nobody"])
def test_people_who_cannot_draft_are_refused(client, cast, who):
    client.force_login(cast[who])
    assert client.get("/en/requests/new/").status_code == 403


@pytest.mark.django_db
def test_the_detail_page_offers_only_the_allowed_actions(client, cast, institution):
    request = transition_request(
        request=make_request(by=cast["focal_point"], organisation=institution),
        action="submit",
        by=cast["focal_point"],
    )
    client.force_login(cast["officer"])
    page = client.get(f"/en/requests/{request.pk}/").content.decode()
    assert 'value="accept"' in page
    assert 'value="ask"' in page
    assert 'value="submit"' not in page
    client.force_login(cast["member"])
    page = client.get(f"/en/requests/{request.pk}/").content.decode()
    assert 'value="accept"' not in page


@pytest.mark.django_db
def test_asking_and_answering_from_the_page(client, cast, institution):
    request = transition_request(
        request=make_request(by=cast["focal_point"], organisation=institution),
        action="submit",
        by=cast["focal_point"],
    )
    client.force_login(cast["officer"])
    client.post(f"/en/requests/{request.pk}/transition/", {"action": "ask", "reason": "Which islands?"})
    client.force_login(cast["member"])
    client.post(f"/en/requests/{request.pk}/transition/", {"action": "answer", "reason": "Lamu archipelago"})
    assert AssistanceRequest.objects.get(pk=request.pk).state == "endorsed"
    assert "Lamu archipelago" in client.get(f"/en/requests/{request.pk}/").content.decode()


@pytest.mark.django_db
def test_an_illegal_action_from_the_page_is_explained(client, cast, institution):
    request = make_request(by=cast["member"], organisation=institution)
    client.force_login(cast["member"])
    response = client.post(f"/en/requests/{request.pk}/transition/", {"action": "close"}, follow=True)
    assert "not possible" in response.content.decode()
    assert AssistanceRequest.objects.get(pk=request.pk).state == "draft"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["other_focal_point", "other_officer", "provider", "nobody"])
def test_outsiders_get_404_on_a_draft_and_its_files(client, cast, institution, who, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    request = make_request(by=cast["member"], organisation=institution)
    client.force_login(cast["member"])
    client.post(f"/en/requests/{request.pk}/attach/", {"file": SimpleUploadedFile("n.txt", b"note")})
    attachment = request.attachments.get()
    client.force_login(cast[who])
    assert client.get(f"/en/requests/{request.pk}/").status_code == 404
    assert client.get(f"/en/requests/{request.pk}/tracker/").status_code == 404
    assert client.get(f"/en/requests/{request.pk}/files/{attachment.pk}/").status_code == 404
    assert client.post(f"/en/requests/{request.pk}/transition/", {"action": "submit"}).status_code == 404


@pytest.mark.django_db
def test_tracker_page_in_arabic_is_right_to_left(client, cast, institution):
    request = make_request(by=cast["member"], organisation=institution)
    client.force_login(cast["member"])
    page = client.get(f"/ar/requests/{request.pk}/tracker/").content.decode()
    assert 'dir="rtl"' in page
    assert 'aria-current="step"' in page


@pytest.mark.django_db
def test_queue_page_query_count_is_bounded(client, cast, institution, django_assert_max_num_queries):
    for _ in range(15):
        make_request(by=cast["member"], organisation=institution)
    client.force_login(cast["officer"])
    with django_assert_max_num_queries(20):
        assert client.get("/en/requests/").status_code == 200
