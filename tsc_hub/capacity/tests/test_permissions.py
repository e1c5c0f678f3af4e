"""Who must NOT reach each write: services, pages and API, role by role."""

import pytest

from tsc_hub.capacity import services
from tsc_hub.capacity.models import CapacityActivity, CapacityNeed
from tsc_hub.capacity.tests.factories import ActivityFactory, NeedFactory, activity_data, need_data
from tsc_hub.core.exceptions import PermissionDenied

# Everyone in the `cast` fixture who may not record or change Kenya's needs.
NOT_FOR_KENYAN_NEEDS = [
    "other_focal_point",
    "member",
    "officer",
    "provider",
    "advisory",
    "reviewer",
    "nobody",
]
# Everyone who may not record or change the activities of the Kenyan institution.
NOT_FOR_INSTITUTION_ACTIVITIES = [
    "focal_point",
    "other_member",
    "other_officer",
    "other_focal_point",
    "provider",
    "advisory",
    "reviewer",
    "nobody",
]
# People without any role that lets them record a need anywhere (the create page refuses them).
NO_NEED_ROLE = ["member", "officer", "provider", "advisory", "reviewer", "nobody"]
NO_ACTIVITY_ROLE = ["focal_point", "other_focal_point", "advisory", "reviewer", "nobody"]


def _need_form(party="ke", version=None):
    form = {
        "original_language": "en",
        "party": party,
        "title_en": "Changed",
        "description_en": "Changed too.",
        "gbf_targets": ["GBF-TARGET-20"],
        "priority": "high",
        "capacity_type": "individual",
        "status": "open",
    }
    if version is not None:
        form["version"] = str(version)
    return form


@pytest.mark.django_db
@pytest.mark.parametrize("who", NOT_FOR_KENYAN_NEEDS)
def test_the_need_services_refuse(cast, who):
    with pytest.raises(PermissionDenied):
        services.create_need(data=need_data(), by=cast[who])
    need = NeedFactory()
    with pytest.raises(PermissionDenied):
        services.update_need(need=need, data=need_data(), expected_version=1, by=cast[who])
    with pytest.raises(PermissionDenied):
        services.close_need(need=need, expected_version=1, by=cast[who])
    need.refresh_from_db()
    assert (need.status, need.version) == ("open", 1)


@pytest.mark.django_db
@pytest.mark.parametrize("who", NOT_FOR_INSTITUTION_ACTIVITIES)
def test_the_activity_services_refuse(cast, institution, who):
    with pytest.raises(PermissionDenied):
        services.create_activity(data=activity_data(institution), by=cast[who])
    activity = ActivityFactory(organisation=institution)
    with pytest.raises(PermissionDenied):
        services.update_activity(
            activity=activity, data=activity_data(institution), expected_version=1, by=cast[who]
        )
    with pytest.raises(PermissionDenied):
        services.close_activity(activity=activity, expected_version=1, by=cast[who])
    assert CapacityActivity.objects.get().status == "ongoing"


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in_from_every_write_page(client):
    need, activity = NeedFactory(), ActivityFactory()
    for url in (
        "/en/capacity/needs/new/",
        f"/en/capacity/needs/{need.pk}/edit/",
        "/en/capacity/activities/new/",
        f"/en/capacity/activities/{activity.pk}/edit/",
    ):
        assert client.get(url).status_code == 302, url
    for url in (f"/en/capacity/needs/{need.pk}/close/", f"/en/capacity/activities/{activity.pk}/close/"):
        assert client.post(url, {"version": "1"}).status_code == 302, url
    assert CapacityNeed.objects.get().status == "open"
    assert CapacityActivity.objects.get().status == "ongoing"


@pytest.mark.django_db
@pytest.mark.parametrize("who", NO_NEED_ROLE)
def test_the_need_form_is_refused_to_people_without_the_role(client, cast, who):
    client.force_login(cast[who])
    assert client.get("/en/capacity/needs/new/").status_code == 403
    assert client.post("/en/capacity/needs/new/", _need_form()).status_code == 403
    assert not CapacityNeed.objects.exists()


@pytest.mark.django_db
def test_a_focal_point_cannot_record_a_need_for_another_party_through_the_form(client, cast):
    client.force_login(cast["other_focal_point"])
    page = client.get("/en/capacity/needs/new/").content.decode()
    assert 'value="co"' in page
    assert 'value="ke"' not in page  # only their own Party is offered
    assert client.post("/en/capacity/needs/new/", _need_form("ke")).status_code == 400
    assert not CapacityNeed.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", NOT_FOR_KENYAN_NEEDS)
def test_the_need_edit_and_close_pages_are_refused(client, cast, who):
    need = NeedFactory()
    client.force_login(cast[who])
    assert client.get(f"/en/capacity/needs/{need.pk}/edit/").status_code == 403
    assert client.post(f"/en/capacity/needs/{need.pk}/edit/", _need_form(version=1)).status_code == 403
    assert client.post(f"/en/capacity/needs/{need.pk}/close/", {"version": "1"}).status_code == 403
    need.refresh_from_db()
    assert (need.status, need.version) == ("open", 1)
    assert "/edit/" not in client.get(f"/en/capacity/needs/{need.pk}/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("who", NO_ACTIVITY_ROLE)
def test_the_activity_form_is_refused_to_people_without_the_role(client, cast, who):
    client.force_login(cast[who])
    assert client.get("/en/capacity/activities/new/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("who", NOT_FOR_INSTITUTION_ACTIVITIES)
def test_the_activity_edit_and_close_pages_are_refused(client, cast, institution, who):
    activity = ActivityFactory(organisation=institution)
    client.force_login(cast[who])
    assert client.get(f"/en/capacity/activities/{activity.pk}/edit/").status_code == 403
    assert client.post(f"/en/capacity/activities/{activity.pk}/close/", {"version": "1"}).status_code == 403
    activity.refresh_from_db()
    assert (activity.status, activity.version) == ("ongoing", 1)


@pytest.mark.django_db
def test_the_api_refuses_anonymous_writes_with_401(client):
    need, activity = NeedFactory(), ActivityFactory()
    for method, url in (
        ("post", "/api/v1/capacity/needs"),
        ("put", f"/api/v1/capacity/needs/{need.pk}"),
        ("post", f"/api/v1/capacity/needs/{need.pk}/close"),
        ("post", "/api/v1/capacity/activities"),
        ("put", f"/api/v1/capacity/activities/{activity.pk}"),
        ("post", f"/api/v1/capacity/activities/{activity.pk}/close"),
    ):
        response = getattr(client, method)(url, {"version": 1}, content_type="application/json")
        assert response.status_code == 401, url
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["other_focal_point", "member", "nobody"])
def test_the_api_refuses_need_writes_with_403(client, cast, who):
    need = NeedFactory()
    client.force_login(cast[who])
    payload = {
        "party": "ke",
        "title": {"en": "Need"},
        "description": {"en": "Text"},
        "gbf_targets": ["GBF-TARGET-20"],
        "capacity_type": "individual",
    }
    created = client.post("/api/v1/capacity/needs", payload, content_type="application/json")
    assert created.status_code == 403
    assert created.json()["code"] == "permission_denied"
    updated = client.put(
        f"/api/v1/capacity/needs/{need.pk}", {**payload, "version": 1}, content_type="application/json"
    )
    assert updated.status_code == 403
    closed = client.post(
        f"/api/v1/capacity/needs/{need.pk}/close", {"version": 1}, content_type="application/json"
    )
    assert closed.status_code == 403
    assert CapacityNeed.objects.get().version == 1


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["other_member", "other_officer", "focal_point"])
def test_the_api_refuses_activity_writes_with_403(client, cast, institution, who):
    activity = ActivityFactory(organisation=institution)
    client.force_login(cast[who])
    payload = {
        "organisation": institution.pk,
        "title": {"en": "Course"},
        "description": {"en": "Text"},
        "gbf_targets": ["GBF-TARGET-20"],
        "countries": ["ke"],
    }
    assert (
        client.post("/api/v1/capacity/activities", payload, content_type="application/json").status_code
        == 403
    )
    url = f"/api/v1/capacity/activities/{activity.pk}"
    assert client.put(url, {**payload, "version": 1}, content_type="application/json").status_code == 403
    assert client.post(f"{url}/close", {"version": 1}, content_type="application/json").status_code == 403
    assert CapacityActivity.objects.get().version == 1
