"""The knowledge hub pages: list, detail, forms, workflow buttons, review queue."""

import pytest

from tsc_hub.knowledge import services
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.tests.factories import EASTERN_AFRICA, ResourceFactory, resource_data
from tsc_hub.organisations.tests.factories import OrganisationFactory


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_list_and_detail_render_in_every_script(client, language):
    resource = ResourceFactory(
        state="published", title={"ar": "بنوك البذور", "en": "Seed banks", "zh": "种子库"}
    )
    for url in (f"/{language}/resources/", f"/{language}/resources/{resource.pk}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert ('dir="rtl"' in response.content.decode()) == (language == "ar"), url
    page = client.get(f"/ar/resources/{resource.pk}/").content.decode()
    assert "بنوك البذور" in page
    assert "dc:creator" in page
    assert "dc:coverage" in page


@pytest.mark.django_db
def test_the_detail_shows_the_metadata_provenance_and_revisions(client, person):
    organisation = OrganisationFactory()
    provider = person("provider", organisation=organisation)
    given = {"chm_identifier": "VLR-77", "resource_languages": ["fr", "sw"]}
    resource = services.create_resource(data=resource_data(organisation, **given), by=provider)
    services.update_resource(
        resource=resource,
        data=resource_data(organisation, rights="CC0", **given),
        by=provider,
        version=1,
        note="Licence",
    )
    client.force_login(provider)
    page = client.get(f"/en/resources/{resource.pk}/").content.decode()
    for text in (
        "Awa Diop; Ana Gómez",
        "VLR-77",
        "Swahili",
        "https://example.org/banques.pdf",
        "CC0",
        "Licence",
    ):
        assert text in page, text
    assert "rights and licence" in page  # the field the second revision changed
    assert "First version" in page


@pytest.mark.django_db
def test_the_list_shows_published_resources_and_filters(client):
    ResourceFactory(state="published", title={"en": "Kenyan seeds"}, kind="case_study")
    ResourceFactory(state="published", title={"en": "Andean data"}, kind="dataset", countries=["pe"])
    ResourceFactory(state="draft", title={"en": "Secret draft"})
    ResourceFactory(
        state="published",
        title={"en": "East African course"},
        kind="training",
        countries=[],
        regions=[EASTERN_AFRICA],
    )
    page = client.get("/en/resources/").content.decode()
    assert "Kenyan seeds" in page
    assert "Secret draft" not in page
    by_country = client.get("/en/resources/?country=tz").content.decode()
    assert "East African course" in by_country
    assert "Andean data" not in by_country
    assert "Andean data" in client.get("/en/resources/?kind=dataset").content.decode()
    assert "Kenyan seeds" not in client.get("/en/resources/?q=andean").content.decode()
    assert (
        "Kenyan seeds" in client.get("/en/resources/?language=en&gbf_target=GBF-TARGET-20").content.decode()
    )


@pytest.mark.django_db
def test_list_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    for _ in range(20):
        ResourceFactory(state="published", regions=[EASTERN_AFRICA])
    with django_assert_max_num_queries(16):
        assert client.get("/en/resources/").status_code == 200


@pytest.mark.django_db
def test_a_draft_is_not_found_by_outsiders_and_shown_to_its_owners(client, person):
    organisation = OrganisationFactory()
    resource = ResourceFactory(owner=organisation, title={"en": "Secret draft"})
    assert client.get(f"/en/resources/{resource.pk}/").status_code == 404
    client.force_login(person("provider", organisation=OrganisationFactory()))
    assert client.get(f"/en/resources/{resource.pk}/").status_code == 404
    client.force_login(person("institution_member", organisation=organisation))
    page = client.get(f"/en/resources/{resource.pk}/").content.decode()
    assert "Secret draft" in page
    assert 'value="submit"' in page
    assert 'value="publish"' not in page


@pytest.mark.django_db
def test_reviewers_see_publish_and_return_with_a_reason_box(client, person):
    resource = ResourceFactory(state="in_review")
    client.force_login(person("knowledge_reviewer"))
    page = client.get(f"/en/resources/{resource.pk}/").content.decode()
    assert 'value="publish"' in page
    assert 'value="return"' in page
    assert 'name="reason"' in page
    assert 'value="submit"' not in page


@pytest.mark.django_db
def test_the_buttons_move_the_resource(client, person):
    organisation = OrganisationFactory()
    resource = ResourceFactory(owner=organisation)
    client.force_login(person("provider", organisation=organisation))
    assert client.post(f"/en/resources/{resource.pk}/transitions/", {"action": "submit"}).status_code == 302
    resource.refresh_from_db()
    assert resource.state == "in_review"
    assert client.post(f"/en/resources/{resource.pk}/transitions/", {"action": "publish"}).status_code == 403
    client.force_login(person("knowledge_reviewer"))
    client.post(f"/en/resources/{resource.pk}/transitions/", {"action": "return", "reason": "Add a summary"})
    resource.refresh_from_db()
    assert resource.state == "draft"
    assert "Add a summary" in client.get(f"/en/resources/{resource.pk}/").content.decode()


@pytest.mark.django_db
def test_the_review_queue_lists_what_waits(client, person):
    waiting = ResourceFactory(state="in_review", title={"en": "Waiting"})
    ResourceFactory(state="draft", title={"en": "Not yet"})
    services.transition_resource(resource=ResourceFactory(), action="submit", by=None)
    client.force_login(person("knowledge_reviewer"))
    page = client.get("/en/resources/review/").content.decode()
    assert "Waiting" in page
    assert "Not yet" not in page
    assert f"/resources/{waiting.pk}/" in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_forms_render_with_a_box_per_language(client, person, language):
    organisation = OrganisationFactory()
    client.force_login(person("provider", organisation=organisation))
    resource = ResourceFactory(owner=organisation)
    for url in ("resources/new/", f"resources/{resource.pk}/edit/"):
        response = client.get(f"/{language}/{url}")
        assert response.status_code == 200, url
        html = response.content.decode()
        assert 'name="title_ar"' in html
        assert 'name="summary_zh"' in html


@pytest.mark.django_db
def test_a_provider_describes_a_resource_through_the_form(client, person):
    organisation = OrganisationFactory()
    client.force_login(person("provider", organisation=organisation))
    response = client.post(
        "/en/resources/new/",
        {
            "original_language": "en",
            "kind": "technology",
            "owner": str(organisation.pk),
            "title_en": "Camera traps",
            "summary_es": "Cámaras trampa.",
            "authors": "Ada\nBo",
            "links": "https://example.org/traps Manual\nhttps://example.org/data",
            "resource_languages": ["en", "es"],
            "other_languages": "sw, pt",
            "gbf_targets": ["GBF-TARGET-04"],
            "countries": ["ke"],
            "keywords": "cameras\nwildlife",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    resource = Resource.objects.get()
    assert (resource.state, resource.owner, resource.title) == ("draft", organisation, {"en": "Camera traps"})
    assert resource.links == [
        {"url": "https://example.org/traps", "name": "Manual", "language": ""},
        {"url": "https://example.org/data", "name": "", "language": ""},
    ]
    assert resource.resource_languages == ["en", "es", "sw", "pt"]
    assert resource.authors == ["Ada", "Bo"]


@pytest.mark.django_db
def test_form_errors_are_shown_next_to_the_fields_and_nothing_is_saved(client, person):
    organisation = OrganisationFactory()
    client.force_login(person("provider", organisation=organisation))
    response = client.post(
        "/en/resources/new/",
        {
            "original_language": "fr",
            "kind": "dataset",
            "owner": str(organisation.pk),
            "links": "ftp://example.org/x",
            "other_languages": "zz",
            "start_date": "2025-05-02",
            "end_date": "2025-05-01",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("errorlist") >= 4
    assert "http:// or https://" in html
    assert not Resource.objects.exists()


@pytest.mark.django_db
def test_a_stale_edit_is_refused_with_409(client, person):
    organisation = OrganisationFactory()
    resource = ResourceFactory(owner=organisation, version=3)
    client.force_login(person("provider", organisation=organisation))
    data = {"version": "2", "original_language": "en", "kind": "case_study", "owner": str(organisation.pk)}
    data["title_en"] = "Changed"
    assert client.post(f"/en/resources/{resource.pk}/edit/", data).status_code == 409
    resource.refresh_from_db()
    assert resource.title != {"en": "Changed"}
    data["version"] = "3"
    assert client.post(f"/en/resources/{resource.pk}/edit/", data).status_code == 302
    resource.refresh_from_db()
    assert (resource.title, resource.version) == ({"en": "Changed"}, 4)


@pytest.mark.django_db
def test_an_edit_keeps_the_provenance_of_an_imported_resource(client, person):
    resource, _ = services.save_imported_resource(
        data=resource_data(None, source="chm", chm_identifier="VLR-1", original_identifier="X"), publish=True
    )
    client.force_login(person("knowledge_reviewer"))
    form = client.get(f"/en/resources/{resource.pk}/edit/").context["form"]
    data = {key: value for key, value in form.initial.items() if value not in (None, "")}
    data["title_fr"] = "Nouveau titre"
    assert client.post(f"/en/resources/{resource.pk}/edit/", data).status_code == 302
    resource.refresh_from_db()
    assert (resource.source, resource.chm_identifier, resource.original_identifier) == ("chm", "VLR-1", "X")
    assert resource.links[0]["language"] == "fr"
    assert (resource.state, resource.version) == ("published", 2)


@pytest.mark.django_db
def test_a_withdrawn_resource_has_no_edit_form(client, person):
    resource = ResourceFactory(state="withdrawn")
    client.force_login(person("knowledge_reviewer"))
    assert client.get(f"/en/resources/{resource.pk}/edit/").status_code == 409
    assert "/edit/" not in client.get(f"/en/resources/{resource.pk}/").content.decode()
