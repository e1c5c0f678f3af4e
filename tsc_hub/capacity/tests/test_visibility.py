"""Needs and activities are public from the moment they are saved: everyone reads every status."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tsc_hub.capacity.models import CapacityActivity, CapacityNeed
from tsc_hub.capacity.tests.factories import ActivityFactory, NeedFactory


@pytest.mark.django_db
def test_everyone_reads_every_need_and_activity(cast):
    needs = {NeedFactory(status=status).pk for status in ("open", "being_addressed", "met")}
    activities = {ActivityFactory(status=status).pk for status in ("planned", "ongoing", "completed")}
    for reader in [AnonymousUser(), *cast.values()]:
        assert set(CapacityNeed.objects.visible_to(reader).values_list("pk", flat=True)) == needs
        assert set(CapacityActivity.objects.visible_to(reader).values_list("pk", flat=True)) == activities


@pytest.mark.django_db
def test_anonymous_reads_pages_and_api_of_any_status(client):
    need = NeedFactory(status="met", title={"en": "A met need"})
    activity = ActivityFactory(status="completed", title={"en": "A finished course"})
    assert "A met need" in client.get(f"/en/capacity/needs/{need.pk}/").content.decode()
    assert "A finished course" in client.get(f"/en/capacity/activities/{activity.pk}/").content.decode()
    assert client.get(f"/api/v1/capacity/needs/{need.pk}").json()["status"] == "met"
    assert client.get("/api/v1/capacity/activities").json()["count"] == 1


@pytest.mark.django_db
def test_an_unknown_record_is_a_404(client):
    assert client.get("/en/capacity/needs/999999/").status_code == 404
    response = client.get("/api/v1/capacity/activities/999999")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.django_db
def test_list_filters_select_the_right_records(client):
    kenya = NeedFactory(title={"en": "Kenyan need"})
    NeedFactory(party_id="co", title={"en": "Colombian need"}, gbf_targets=["GBF-TARGET-03"])
    NeedFactory(title={"en": "Met need"}, status="met")
    assert [i["id"] for i in client.get("/api/v1/capacity/needs?party=ke&status=open").json()["items"]] == [
        kenya.pk
    ]
    assert client.get("/api/v1/capacity/needs?gbf_target=GBF-TARGET-03").json()["count"] == 1
    assert client.get("/api/v1/capacity/needs?cbd_group=africa").json()["count"] == 2
    assert client.get("/api/v1/capacity/needs?m49_subregion=005").json()["count"] == 1
    by_region = ActivityFactory(countries=[], regions=["0938DB0F-E4BB-464F-ABBB-ADD615BE5371"])
    ActivityFactory(countries=["co"], status="completed")
    assert [i["id"] for i in client.get("/api/v1/capacity/activities?country=tz").json()["items"]] == [
        by_region.pk
    ]
    assert client.get("/api/v1/capacity/activities?status=current").json()["count"] == 1
    assert client.get("/api/v1/capacity/activities?cbd_group=grulac").json()["count"] == 1
    organisation = by_region.organisation_id
    assert client.get(f"/api/v1/capacity/activities?organisation={organisation}").json()["count"] == 1
