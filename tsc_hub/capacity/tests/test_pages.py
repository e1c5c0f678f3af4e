"""The need, activity and gap pages: rendering in both directions, forms, versions, closing."""

import pytest

from tsc_hub.capacity.models import CapacityActivity, CapacityNeed
from tsc_hub.capacity.tests.factories import ActivityFactory, NeedFactory


def _need_form(**changes):
    form = {
        "original_language": "en",
        "party": "ke",
        "title_en": "Herbarium technicians",
        "description_en": "Two technicians per herbarium.",
        "gbf_targets": ["GBF-TARGET-20"],
        "cbd_subjects": ["CBD-SUBJECT-TAXONOMY"],
        "priority": "high",
        "capacity_type": "institutional",
        "start_year": "2026",
        "end_year": "2027",
        "status": "open",
    }
    form.update(changes)
    return form


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_page_renders_in_english_and_arabic(client, language):
    need = NeedFactory(title={"ar": "حاجة", "en": "A need"})
    activity = ActivityFactory(title={"ar": "نشاط", "en": "An activity"})
    for url in (
        "capacity/needs/",
        f"capacity/needs/{need.pk}/",
        "capacity/activities/",
        f"capacity/activities/{activity.pk}/",
        "capacity/gaps/",
        "capacity/gaps/?by=m49_subregion",
        "capacity/gaps/offers/?gbf_target=GBF-TARGET-20&cbd_group=africa",
        "capacity/gaps/providers/?gbf_target=GBF-TARGET-20&m49_subregion=014",
    ):
        response = client.get(f"/{language}/{url}")
        assert response.status_code == 200, url
        assert ('dir="rtl"' in response.content.decode()) == (language == "ar"), url
    assert "حاجة" in client.get(f"/ar/capacity/needs/{need.pk}/").content.decode()


@pytest.mark.django_db
def test_the_capacity_root_leads_to_the_gaps(client):
    response = client.get("/en/capacity/")
    assert response.status_code == 302
    assert response["Location"] == "/en/capacity/gaps/"


@pytest.mark.django_db
def test_the_gap_view_switches_to_subregions(client):
    page = client.get("/en/capacity/gaps/?by=m49_subregion").content.decode()
    assert "Eastern Africa" in page
    assert '<option value="m49_subregion" selected>' in page
    assert "Western Europe and others" in client.get("/en/capacity/gaps/?by=nonsense").content.decode()


@pytest.mark.django_db
def test_list_query_counts_do_not_grow_with_rows(client, django_assert_max_num_queries):
    for _ in range(20):
        NeedFactory()
        ActivityFactory(regions=["0938DB0F-E4BB-464F-ABBB-ADD615BE5371"])
    with django_assert_max_num_queries(16):
        assert client.get("/en/capacity/needs/").status_code == 200
    with django_assert_max_num_queries(18):
        assert client.get("/en/capacity/activities/").status_code == 200


@pytest.mark.django_db
def test_a_focal_point_records_a_need_through_the_form(client, cast):
    client.force_login(cast["focal_point"])
    page = client.get("/en/capacity/needs/new/").content.decode()
    assert 'name="title_ar"' in page
    response = client.post("/en/capacity/needs/new/", _need_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    need = CapacityNeed.objects.get()
    assert (need.title, need.party_id, need.capacity_type, need.created_by) == (
        {"en": "Herbarium technicians"},
        "ke",
        "institutional",
        cast["focal_point"],
    )
    assert "Mark as met" in client.get(f"/en/capacity/needs/{need.pk}/").content.decode()


@pytest.mark.django_db
def test_form_errors_are_shown_next_to_the_fields_and_nothing_is_saved(client, cast):
    client.force_login(cast["focal_point"])
    response = client.post("/en/capacity/needs/new/", _need_form(original_language="fr"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "errorlist" in html
    assert "Give the title in the original language of the record." in html
    assert not CapacityNeed.objects.exists()


@pytest.mark.django_db
def test_a_stale_edit_is_refused_with_409_then_accepted(client, cast):
    need = NeedFactory(version=3)
    client.force_login(cast["focal_point"])
    assert client.get(f"/en/capacity/needs/{need.pk}/edit/").status_code == 200
    assert client.post(f"/en/capacity/needs/{need.pk}/edit/", _need_form(version="2")).status_code == 409
    assert client.post(f"/en/capacity/needs/{need.pk}/edit/", _need_form(version="3")).status_code == 302
    need.refresh_from_db()
    assert (need.title, need.version) == ({"en": "Herbarium technicians"}, 4)


@pytest.mark.django_db
def test_closing_a_need_from_its_page(client, cast):
    need = NeedFactory()
    client.force_login(cast["focal_point"])
    assert client.post(f"/en/capacity/needs/{need.pk}/close/", {"version": "1"}).status_code == 302
    need.refresh_from_db()
    assert need.status == "met"
    assert client.get(f"/en/capacity/needs/{need.pk}/edit/").status_code == 409
    assert "Mark as met" not in client.get(f"/en/capacity/needs/{need.pk}/").content.decode()


@pytest.mark.django_db
def test_a_member_records_and_completes_an_activity_through_the_pages(client, cast, institution):
    client.force_login(cast["member"])
    response = client.post(
        "/en/capacity/activities/new/",
        {
            "original_language": "en",
            "organisation": str(institution.pk),
            "title_en": "Field course",
            "description_en": "A week in the field.",
            "status": "ongoing",
            "countries": ["ke"],
            "gbf_targets": ["GBF-TARGET-04"],
            "link": "https://example.org/field",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    activity = CapacityActivity.objects.get()
    assert (activity.organisation, activity.status, activity.link) == (
        institution,
        "ongoing",
        "https://example.org/field",
    )
    client.post(f"/en/capacity/activities/{activity.pk}/close/", {"version": "1"})
    activity.refresh_from_db()
    assert activity.status == "completed"


@pytest.mark.django_db
def test_the_create_buttons_show_only_to_people_who_may(client, cast):
    assert "/capacity/needs/new/" not in client.get("/en/capacity/needs/").content.decode()
    client.force_login(cast["focal_point"])
    assert "/capacity/needs/new/" in client.get("/en/capacity/needs/").content.decode()
    assert "/capacity/activities/new/" not in client.get("/en/capacity/activities/").content.decode()
