import pytest

from tsc_hub.geography.models import Party
from tsc_hub.organisations.models import Organisation
from tsc_hub.organisations.tests.factories import NGO, OrganisationFactory


@pytest.mark.django_db
def test_directory_lists_and_filters(client):
    OrganisationFactory(names={"en": "Mangrove Trust"})
    OrganisationFactory(names={"en": "Seed Bank"})
    page = client.get("/en/organisations/?q=mangrove").content.decode()
    assert "Mangrove Trust" in page
    assert "Seed Bank" not in page


@pytest.mark.django_db
def test_directory_marks_names_shown_in_another_language(client):
    OrganisationFactory(names={"fr": "Société des forêts"}, original_language="fr")
    page = client.get("/ru/organisations/").content.decode()
    assert "Société des forêts" in page
    assert "ml-marker" in page


@pytest.mark.django_db
def test_directory_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    for _ in range(20):
        OrganisationFactory()
    with django_assert_max_num_queries(12):
        assert client.get("/en/organisations/").status_code == 200


@pytest.mark.django_db
def test_registration_form_is_hidden_from_people_without_the_right(client, person):
    client.force_login(person("advisory_member"))
    assert client.get("/en/organisations/new/").status_code == 403
    assert client.post("/en/organisations/new/", {"name_en": "X"}).status_code == 403


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(client):
    response = client.get("/en/organisations/new/")
    assert response.status_code == 302


@pytest.mark.django_db
def test_focal_point_registers_through_the_form(client, person):
    client.force_login(person("national_focal_point", party=Party.objects.get(code="ke")))
    response = client.post(
        "/en/organisations/new/",
        {
            "original_language": "en",
            "name_en": "Lake Basin Trust",
            "organisation_type": NGO,
            "country": "ke",
            "gbf_targets": ["GBF-TARGET-02"],
            "operational_languages": ["en"],
        },
    )
    assert response.status_code == 302
    assert Organisation.objects.get().names == {"en": "Lake Basin Trust"}


@pytest.mark.django_db
def test_form_errors_are_shown_and_nothing_is_saved(client, person):
    client.force_login(person("national_focal_point", party=Party.objects.get(code="ke")))
    response = client.post(
        "/en/organisations/new/",
        {
            "original_language": "en",
            "name_en": "",
            "organisation_type": NGO,
            "country": "ke",
            "websites": "ftp://x",
        },
    )
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_edit_page_is_forbidden_to_outsiders(client, person):
    organisation = OrganisationFactory()
    client.force_login(person("provider", organisation=OrganisationFactory()))
    assert client.get(f"/en/organisations/{organisation.pk}/edit/").status_code == 403


@pytest.mark.django_db
def test_detail_page_shows_the_organisation(client):
    organisation = OrganisationFactory(names={"en": "River Keepers"})
    assert "River Keepers" in client.get(f"/en/organisations/{organisation.pk}/").content.decode()
    assert client.get("/en/organisations/999999/").status_code == 404
