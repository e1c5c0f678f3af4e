import pytest


@pytest.mark.django_db
def test_not_found_is_problem_json_with_stable_code(client):
    response = client.get("/api/v1/organisations/999999")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "not_found"
    assert body["status"] == 404
    assert body["detail"]


@pytest.mark.django_db
def test_error_detail_follows_accept_language(client):
    english = client.get("/api/v1/me", HTTP_ACCEPT_LANGUAGE="en").json()
    french = client.get("/api/v1/me", HTTP_ACCEPT_LANGUAGE="fr").json()
    arabic = client.get("/api/v1/me", HTTP_ACCEPT_LANGUAGE="ar").json()
    assert english["code"] == french["code"] == arabic["code"] == "not_authenticated"
    assert len({english["detail"], french["detail"], arabic["detail"]}) == 3


@pytest.mark.django_db
def test_invalid_body_lists_the_fields(client, person):
    client.force_login(person("platform_admin"))
    response = client.post("/api/v1/organisations", {"names": "not a dict"}, content_type="application/json")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_input"
    assert "names" in body["fields"]


def test_openapi_document_is_served(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/me" in paths
    assert "/api/v1/organisations" in paths


def test_api_docs_address_leads_to_the_swagger_page(client):
    response = client.get("/api/docs", follow=True)
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()
