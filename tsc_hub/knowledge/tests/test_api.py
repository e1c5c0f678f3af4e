"""The resources API: public reads, writes by role, revisions, problems as problem+json."""

import pytest

from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.tests.factories import EASTERN_AFRICA, ResourceFactory
from tsc_hub.organisations.tests.factories import OrganisationFactory


def _payload(organisation, **changes):
    payload = {
        "kind": "training",
        "title": {"es": "Curso de taxonomía", "en": "Taxonomy course"},
        "summary": {"es": "Dos semanas."},
        "authors": ["Ana Gómez"],
        "owner": organisation.pk,
        "links": [{"url": "https://example.org/curso", "name": "Curso", "language": "es"}],
        "resource_languages": ["es"],
        "gbf_targets": ["GBF-TARGET-20"],
        "cbd_subjects": ["CBD-SUBJECT-TAXONOMY"],
        "countries": ["ke"],
        "start_date": "2026-03-01",
        "end_date": "2026-03-14",
        "original_language": "es",
    }
    payload.update(changes)
    return payload


def _post(client, url, body):
    return client.post(url, body, content_type="application/json")


@pytest.mark.django_db
def test_anonymous_reads_only_published_resources(client):
    published = ResourceFactory(state="published")
    draft = ResourceFactory()
    body = client.get("/api/v1/resources").json()
    assert [item["id"] for item in body["items"]] == [published.pk]
    assert client.get(f"/api/v1/resources/{draft.pk}").status_code == 404
    detail = client.get(f"/api/v1/resources/{published.pk}").json()
    assert (detail["actions"], detail["countries"], detail["gbf_targets"]) == ([], ["ke"], ["GBF-TARGET-20"])


@pytest.mark.django_db
def test_the_list_filters(client):
    by_region = ResourceFactory(state="published", countries=[], regions=[EASTERN_AFRICA], kind="event")
    ResourceFactory(state="published", countries=["co"], kind="funding", resource_languages=["es"])
    assert {i["id"] for i in client.get("/api/v1/resources?country=tz").json()["items"]} == {by_region.pk}
    assert client.get("/api/v1/resources?kind=funding").json()["count"] == 1
    assert client.get("/api/v1/resources?language=es").json()["count"] == 1
    assert client.get("/api/v1/resources?gbf_target=GBF-TARGET-20").json()["count"] == 2
    assert client.get("/api/v1/resources?cbd_subject=CBD-SUBJECT-TAXONOMY&q=seed").json()["count"] == 2
    assert client.get(f"/api/v1/resources?organisation={by_region.owner_id}").json()["count"] == 1


@pytest.mark.django_db
def test_the_list_runs_a_fixed_number_of_queries(client, person, django_assert_max_num_queries):
    for _ in range(12):
        ResourceFactory(state="published", regions=[EASTERN_AFRICA])
    client.force_login(person("knowledge_reviewer"))
    with django_assert_max_num_queries(14):
        response = client.get("/api/v1/resources?limit=50")
    assert response.json()["count"] == 12


@pytest.mark.django_db
def test_a_provider_creates_and_submits_and_a_reviewer_publishes(client, person):
    organisation = OrganisationFactory()
    client.force_login(person("provider", organisation=organisation))
    created = _post(client, "/api/v1/resources", _payload(organisation))
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["state"], body["version"], body["actions"]) == ("draft", 1, ["submit", "withdraw"])
    assert body["links"] == [{"url": "https://example.org/curso", "name": "Curso", "language": "es"}]
    resource_id = body["id"]
    submitted = _post(client, f"/api/v1/resources/{resource_id}/transitions", {"action": "submit"})
    assert submitted.json()["state"] == "in_review"
    client.force_login(person("knowledge_reviewer"))
    assert [i["id"] for i in client.get("/api/v1/resources/review-queue").json()["items"]] == [resource_id]
    published = _post(client, f"/api/v1/resources/{resource_id}/transitions", {"action": "publish"})
    assert published.json()["state"] == "published"
    assert published.json()["published_at"] is not None
    client.logout()
    assert client.get(f"/api/v1/resources/{resource_id}").json()["actions"] == []


@pytest.mark.django_db
def test_an_illegal_step_answers_409_with_the_allowed_ones(client, person):
    resource = ResourceFactory()
    client.force_login(person("knowledge_reviewer"))
    response = _post(client, f"/api/v1/resources/{resource.pk}/transitions", {"action": "publish"})
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["fields"]["allowed_actions"] == ["submit", "withdraw"]


@pytest.mark.django_db
def test_return_without_a_reason_answers_422(client, person):
    resource = ResourceFactory(state="in_review")
    client.force_login(person("knowledge_reviewer"))
    response = _post(client, f"/api/v1/resources/{resource.pk}/transitions", {"action": "return"})
    assert response.status_code == 422
    assert "reason" in response.json()["fields"]


@pytest.mark.django_db
def test_a_stale_version_answers_409_and_keeps_the_first_change(client, person):
    organisation = OrganisationFactory()
    client.force_login(person("provider", organisation=organisation))
    resource_id = _post(client, "/api/v1/resources", _payload(organisation)).json()["id"]
    first = _payload(organisation, title={"es": "Primero"}, version=1, note="Título")
    second = _payload(organisation, title={"es": "Segundo"}, version=1)
    url = f"/api/v1/resources/{resource_id}"
    assert client.put(url, first, content_type="application/json").status_code == 200
    response = client.put(url, second, content_type="application/json")
    assert response.status_code == 409
    assert response.json()["code"] == "stale_version"
    body = client.get(url).json()
    assert (body["title"], body["version"]) == ({"es": "Primero"}, 2)
    revisions = client.get(f"{url}/revisions").json()
    assert [(r["version"], r["note"]) for r in revisions] == [(2, "Título"), (1, "")]
    assert revisions[1]["content"]["title"] == {"es": "Curso de taxonomía", "en": "Taxonomy course"}


@pytest.mark.django_db
def test_a_replacement_keeps_the_provenance_it_leaves_out(client, person):
    organisation = OrganisationFactory()
    resource = ResourceFactory(
        owner=organisation, source="chm", chm_identifier="VLR-9", original_identifier="9"
    )
    client.force_login(person("provider", organisation=organisation))
    response = client.put(
        f"/api/v1/resources/{resource.pk}", _payload(organisation, version=1), content_type="application/json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["source"], body["chm_identifier"], body["original_identifier"]) == ("chm", "VLR-9", "9")


@pytest.mark.django_db
def test_invalid_data_is_answered_field_by_field_and_nothing_is_written(client, person):
    client.force_login(person("knowledge_reviewer"))
    payload = _payload(
        OrganisationFactory(),
        kind="poem",
        links=[{"url": "mailto:someone@example.org"}],
        end_date="2026-01-01",
        gbf_targets=["GBF-TARGET-77"],
    )
    response = _post(client, "/api/v1/resources", payload)
    assert response.status_code == 422
    assert set(response.json()["fields"]) == {"kind", "links", "end_date", "gbf_targets"}
    assert not Resource.objects.exists()
