"""Projects through the API: the same rules as the services, errors as problem documents."""

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.matching.models import Match
from tsc_hub.projects.models import Project
from tsc_hub.projects.services import create_project
from tsc_hub.projects.tests.conftest import agree, project_data

JSON = "application/json"


def _create_payload(world):
    return {"match_ids": [world["match"].pk], "title": {"en": "Barcoding project"}, "original_language": "en"}


@pytest.mark.django_db
def test_the_help_desk_creates_a_project_through_the_api(client, world):
    client.force_login(world["officer"])
    response = client.post("/api/v1/projects", _create_payload(world), content_type=JSON)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["state"], body["cooperation_type"], body["matches"]) == (
        "planning",
        "north_south",
        [world["match"].pk],
    )
    assert body["allowed_actions"] == ["start", "cancel"]
    assert {p["role"] for p in body["partners"]} == {"requester", "provider"}
    assert Match.objects.get(pk=world["match"].pk).state == "project_started"
    assert AssistanceRequest.objects.get(pk=world["request"].pk).state == "in_implementation"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "status"), [("focal_point", 403), ("lab", 403), ("other_officer", 404), ("nobody", 404)]
)
def test_others_cannot_create_through_the_api(client, world, who, status):
    client.force_login(world[who])
    response = client.post("/api/v1/projects", _create_payload(world), content_type=JSON)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert not Project.objects.exists()


@pytest.mark.django_db
def test_anonymous_callers_must_sign_in_to_write(client, world, project):
    assert client.post("/api/v1/projects", _create_payload(world), content_type=JSON).status_code == 401
    url = f"/api/v1/projects/{project.pk}"
    for path in ("/transitions", "/milestones", "/funding", "/outputs", "/ratings", "/indicators"):
        assert client.post(url + path, {}, content_type=JSON).status_code == 401, path
    assert client.put(url, {}, content_type=JSON).status_code == 401
    assert client.get("/api/v1/projects").json()["count"] == 1  # the request is public


@pytest.mark.django_db
def test_a_stale_version_answers_409(client, world, project):
    client.force_login(world["lab"])
    payload = {"title": {"en": "Renamed"}, "final_report": {}, "version": project.version}
    assert client.put(f"/api/v1/projects/{project.pk}", payload, content_type=JSON).status_code == 200
    response = client.put(f"/api/v1/projects/{project.pk}", payload, content_type=JSON)
    assert response.status_code == 409
    assert response.json()["code"] == "version_conflict"


@pytest.mark.django_db
def test_an_illegal_transition_answers_409_with_the_allowed_actions(client, world, project):
    client.force_login(world["officer"])
    response = client.post(
        f"/api/v1/projects/{project.pk}/transitions", {"action": "close"}, content_type=JSON
    )
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "illegal_transition"
    assert body["fields"]["allowed_actions"] == ["cancel", "start"]


@pytest.mark.django_db
def test_the_plan_funds_and_outputs_through_the_api(client, world, project):
    url = f"/api/v1/projects/{project.pk}"
    client.force_login(world["officer"])
    started = client.post(url + "/transitions", {"action": "start"}, content_type=JSON)
    assert started.json()["state"] == "in_progress"
    client.force_login(world["lab"])
    milestone = client.post(url + "/milestones", {"title": {"en": "Lab"}}, content_type=JSON)
    assert milestone.status_code == 201
    done = client.post(f"{url}/milestones/{milestone.json()['id']}/done", content_type=JSON)
    assert done.json()["done_at"] is not None
    indicator = {"name": {"en": "Staff"}, "unit": "people", "target": 12}
    indicator_id = client.post(url + "/indicators", indicator, content_type=JSON).json()["id"]
    updated = client.put(f"{url}/indicators/{indicator_id}", {"current_value": "6"}, content_type=JSON)
    assert updated.json()["current_value"] == "6.00"
    funds = {
        "amount": "5000",
        "currency": "GBP",
        "source": "bilateral",
        "date": "2025-03-01",
        "evidence_text": "L",
    }
    assert client.post(url + "/funding", funds, content_type=JSON).json()["amount_usd"] == "6260.00"
    training = {"kind": "training", "participants_women": 6, "participants_men": 6, "participants_other": 0}
    assert client.post(url + "/outputs", training, content_type=JSON).status_code == 201
    bad = client.post(url + "/outputs", {**training, "participants_men": -2}, content_type=JSON)
    assert bad.status_code == 422
    assert "participants_men" in bad.json()["fields"]
    body = client.post(url + "/transitions", {"action": "complete"}, content_type=JSON).json()
    assert (body["state"], body["total_usd"], len(body["outputs"])) == ("completed", "6260.00", 1)


@pytest.mark.django_db
def test_a_completed_project_is_rated_and_closed_through_the_api(client, world, project):
    from tsc_hub.projects.services import transition_project

    url = f"/api/v1/projects/{project.pk}"
    project = transition_project(project=project, action="start", by=world["officer"])
    transition_project(project=project, action="complete", by=world["lab"])
    client.force_login(world["lab"])
    assert (
        client.post(url + "/ratings", {"side": "provider", "score": 5}, content_type=JSON).status_code == 201
    )
    again = client.post(url + "/ratings", {"side": "provider", "score": 1}, content_type=JSON)
    assert (again.status_code, again.json()["code"]) == (409, "already_rated")
    client.force_login(world["focal_point"])
    client.post(url + "/ratings", {"side": "requester", "score": 4}, content_type=JSON)
    report = {
        "title": {"en": "Barcoding"},
        "final_report": {"en": "Done."},
        "version": client.get(url).json()["version"],
    }
    assert client.put(url, report, content_type=JSON).status_code == 200
    client.force_login(world["officer"])
    body = client.post(url + "/transitions", {"action": "close"}, content_type=JSON).json()
    assert body["state"] == "closed"
    assert [step["action"] for step in body["history"]] == ["create", "start", "complete", "close"]
    assert AssistanceRequest.objects.get(pk=world["request"].pk).state == "completed"


@pytest.mark.django_db
def test_missing_rate_is_a_422_naming_the_currency(client, world, project):
    client.force_login(world["officer"])
    funds = {
        "amount": "5000",
        "currency": "ZAR",
        "source": "gef",
        "date": "2025-03-01",
        "evidence_text": "Letter",
    }
    response = client.post(f"/api/v1/projects/{project.pk}/funding", funds, content_type=JSON)
    assert response.status_code == 422
    assert response.json()["code"] == "exchange_rate_missing"
    assert "ZAR" in response.json()["detail"]


@pytest.mark.django_db
def test_the_list_runs_a_bounded_number_of_queries(
    client, world, accepted_request, new_offer, django_assert_max_num_queries
):
    create_project(match_ids=[world["match"].pk], data=project_data(), by=world["officer"])
    client.force_login(world["focal_point"])
    with django_assert_max_num_queries(14) as one:
        first = client.get("/api/v1/projects")
    for _ in range(4):
        match = agree(world, accepted_request(), new_offer())
        create_project(match_ids=[match.pk], data=project_data(), by=world["officer"])
    with django_assert_max_num_queries(14) as five:
        many = client.get("/api/v1/projects")
    assert (first.json()["count"], many.json()["count"]) == (1, 5)
    assert len(five.captured_queries) == len(one.captured_queries)  # no query per row
