"""The requests API: same rules as the services, answered as problem+json."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tsc_hub.assistance.services import transition_request
from tsc_hub.assistance.tests.factories import make_request


def _payload(institution, **changes):
    payload = {
        "country": "ke",
        "organisation_id": institution.pk,
        "contact_name": "Amani",
        "contact_email": "amani@example.org",
        "title": {"fr": "Restauration des mangroves"},
        "problem": {"fr": "Les mangroves reculent."},
        "addressed_priorities": {"fr": "Cible nationale 2"},
        "national_priority_reference": "NBSAP T2",
        "assistance_types": ["TSC-ASSIST-EXPERT-ADVICE"],
        "gbf_targets": ["GBF-TARGET-02"],
        "cbd_subjects": ["CBD-SUBJECT-MAR"],
        "original_language": "fr",
    }
    payload.update(changes)
    return payload


@pytest.mark.django_db
def test_focal_point_drafts_and_submits_through_the_api(client, cast, institution):
    client.force_login(cast["focal_point"])
    created = client.post("/api/v1/requests", _payload(institution), content_type="application/json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["state"], body["allowed_actions"]) == ("draft", ["submit", "withdraw"])
    submitted = client.post(
        f"/api/v1/requests/{body['id']}/transitions", {"action": "submit"}, content_type="application/json"
    )
    assert submitted.json()["state"] == "endorsed"


@pytest.mark.django_db
def test_illegal_transition_is_409_with_the_allowed_actions(client, cast, institution):
    request = make_request(by=cast["member"], organisation=institution)
    client.force_login(cast["officer"])
    response = client.post(
        f"/api/v1/requests/{request.pk}/transitions", {"action": "close"}, content_type="application/json"
    )
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "illegal_transition"
    assert body["fields"]["allowed_actions"] == ["submit", "withdraw"]


@pytest.mark.django_db
def test_stale_version_is_409_and_keeps_the_first_change(client, cast, institution):
    request = make_request(by=cast["member"], organisation=institution)
    client.force_login(cast["member"])
    first = client.put(
        f"/api/v1/requests/{request.pk}",
        {**_payload(institution), "contact_name": "A", "version": 1},
        content_type="application/json",
    )
    assert first.status_code == 200
    second = client.put(
        f"/api/v1/requests/{request.pk}",
        {**_payload(institution), "contact_name": "B", "version": 1},
        content_type="application/json",
    )
    assert second.status_code == 409
    assert second.json()["code"] == "version_conflict"
    assert client.get(f"/api/v1/requests/{request.pk}").json()["version"] == 2


@pytest.mark.django_db
def test_invalid_request_lists_every_problem_and_saves_nothing(client, cast, institution):
    client.force_login(cast["focal_point"])
    bad = _payload(
        institution,
        title={},
        assistance_types=[
            "TSC-ASSIST-TRAINING",
            "TSC-ASSIST-EXPERT-ADVICE",
            "TSC-ASSIST-TECHNOLOGY-TRANSFER",
            "TSC-ASSIST-FUNDING",
        ],
        contact_email="no",
        gbf_targets=["X"],
    )
    response = client.post(
        "/api/v1/requests", bad, content_type="application/json", HTTP_ACCEPT_LANGUAGE="es"
    )
    assert response.status_code == 422
    assert {"title", "assistance_types", "contact_email", "gbf_targets"} <= set(response.json()["fields"])
    assert client.get("/api/v1/requests").json()["count"] == 0


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["other_focal_point", "other_officer", "provider", "advisory", "nobody"])
def test_outsiders_get_404_for_a_draft(client, cast, institution, who):
    request = make_request(by=cast["member"], organisation=institution)
    client.force_login(cast[who])
    assert client.get(f"/api/v1/requests/{request.pk}").status_code == 404
    response = client.post(
        f"/api/v1/requests/{request.pk}/transitions", {"action": "submit"}, content_type="application/json"
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_anonymous_cannot_write(client, cast, institution):
    response = client.post("/api/v1/requests", _payload(institution), content_type="application/json")
    assert response.status_code == 401


@pytest.mark.django_db
def test_the_public_list_shows_accepted_public_requests_only(client, cast, institution):
    draft = make_request(by=cast["member"], organisation=institution)
    accepted = transition_request(
        request=make_request(by=cast["focal_point"], organisation=institution),
        action="submit",
        by=cast["focal_point"],
    )
    accepted = transition_request(request=accepted, action="accept", by=cast["officer"])
    ids = [item["id"] for item in client.get("/api/v1/requests").json()["items"]]
    assert ids == [accepted.pk]
    assert client.get(f"/api/v1/requests/{draft.pk}").status_code == 404


@pytest.mark.django_db
def test_queue_query_count_is_bounded(client, cast, institution, django_assert_max_num_queries):
    for _ in range(12):
        make_request(by=cast["member"], organisation=institution)
    client.force_login(cast["officer"])
    # Constant whatever the number of rows: roles, scope, visibility extensions, count, page, relations.
    with django_assert_max_num_queries(10):
        response = client.get("/api/v1/requests?limit=50")
    assert response.json()["count"] == 12


@pytest.mark.django_db
def test_tracker_and_attachments_through_the_api(client, cast, institution, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    request = make_request(by=cast["member"], organisation=institution)
    client.force_login(cast["member"])
    tracker = client.get(f"/api/v1/requests/{request.pk}/tracker").json()
    assert tracker["state"] == "draft"
    assert tracker["next"]["what"]
    upload = SimpleUploadedFile("note.txt", b"Note de cadrage", content_type="text/plain")
    assert client.post(f"/api/v1/requests/{request.pk}/attachments", {"file": upload}).status_code == 201
    refused = client.post(
        f"/api/v1/requests/{request.pk}/attachments", {"file": SimpleUploadedFile("x.exe", b"MZ")}
    )
    assert refused.status_code == 422
    assert [a["name"] for a in client.get(f"/api/v1/requests/{request.pk}/attachments").json()] == [
        "note.txt"
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "status"), [("officer", 403), ("focal_point", 403), ("provider", 404)])
def test_only_coordination_reassigns_through_the_api(client, cast, institution, who, status):
    request = transition_request(
        request=make_request(by=cast["focal_point"], organisation=institution),
        action="submit",
        by=cast["focal_point"],
    )
    client.force_login(cast[who])
    response = client.post(
        f"/api/v1/requests/{request.pk}/reassign",
        {"centre": "andes", "reason": "x"},
        content_type="application/json",
    )
    assert response.status_code == status
