import pytest

from tsc_hub.geography.models import Party
from tsc_hub.organisations.models import Organisation
from tsc_hub.organisations.tests.factories import NGO, OrganisationFactory

PAYLOAD = {
    "names": {"es": "Red de Humedales", "en": "Wetlands Network"},
    "organisation_type": NGO,
    "country": "co",
    "original_language": "es",
    "gbf_targets": ["GBF-TARGET-02"],
}


@pytest.mark.django_db
def test_anyone_reads_the_list_with_filters(client):
    OrganisationFactory(country=Party.objects.get(code="ke"))
    OrganisationFactory(country=Party.objects.get(code="co"))
    body = client.get("/api/v1/organisations?country=co").json()
    assert body["count"] == 1
    assert body["items"][0]["country"] == "co"


@pytest.mark.django_db
def test_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(15):
        OrganisationFactory()
    with django_assert_max_num_queries(6):
        response = client.get("/api/v1/organisations?limit=50")
    assert response.json()["count"] == 15


@pytest.mark.django_db
def test_name_is_given_in_the_readers_language(client):
    organisation = OrganisationFactory(names={"en": "Society", "fr": "Société"})
    body = client.get(f"/api/v1/organisations/{organisation.pk}", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert body["name"] == "Société"


@pytest.mark.django_db
def test_anonymous_cannot_create(client):
    response = client.post("/api/v1/organisations", PAYLOAD, content_type="application/json")
    assert response.status_code == 401
    assert not Organisation.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["advisory_member", "application_reviewer", None])
def test_roles_without_the_right_are_refused(client, person, role):
    client.force_login(person(role) if role else person())
    response = client.post("/api/v1/organisations", PAYLOAD, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


@pytest.mark.django_db
def test_focal_point_of_another_country_is_refused(client, person):
    client.force_login(person("national_focal_point", party=Party.objects.get(code="ke")))
    response = client.post("/api/v1/organisations", PAYLOAD, content_type="application/json")
    assert response.status_code == 403


@pytest.mark.django_db
def test_focal_point_creates_and_the_provider_updates(client, person):
    client.force_login(person("national_focal_point", party=Party.objects.get(code="co")))
    created = client.post("/api/v1/organisations", PAYLOAD, content_type="application/json")
    assert created.status_code == 201, created.content
    organisation_id = created.json()["id"]
    client.force_login(person("provider", organisation=Organisation.objects.get(pk=organisation_id)))
    changed = {**PAYLOAD, "acronym": "RH"}
    response = client.put(
        f"/api/v1/organisations/{organisation_id}", changed, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["acronym"] == "RH"


@pytest.mark.django_db
def test_provider_cannot_update_someone_elses_organisation(client, person):
    organisation = OrganisationFactory()
    client.force_login(person("provider", organisation=OrganisationFactory()))
    response = client.put(
        f"/api/v1/organisations/{organisation.pk}", PAYLOAD, content_type="application/json"
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_invalid_data_is_answered_field_by_field(client, person):
    client.force_login(person("platform_admin"))
    response = client.post(
        "/api/v1/organisations",
        {**PAYLOAD, "country": "zz", "websites": ["nope"]},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert set(response.json()["fields"]) == {"country", "websites"}
    assert not Organisation.objects.exists()
