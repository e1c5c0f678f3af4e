"""The capacity API: public reads, writes by role, problems as problem+json, the gap matrix."""

import pytest

from tsc_hub.capacity.gaps import build_gap_matrix
from tsc_hub.capacity.models import CapacityNeed
from tsc_hub.capacity.tests.factories import EASTERN_AFRICA, ActivityFactory, NeedFactory
from tsc_hub.offers.tests.factories import OfferFactory


def _need_payload(**changes):
    payload = {
        "party": "ke",
        "title": {"sw": "x"} if changes.pop("bad_language", False) else {"en": "Seed bank staff"},
        "description": {"en": "Train two technicians."},
        "gbf_targets": ["GBF-TARGET-04"],
        "capacity_type": "individual",
        "priority": "low",
    }
    payload.update(changes)
    return payload


@pytest.mark.django_db
def test_a_focal_point_creates_updates_and_closes_a_need(client, cast):
    client.force_login(cast["focal_point"])
    created = client.post("/api/v1/capacity/needs", _need_payload(), content_type="application/json")
    assert created.status_code == 201
    body = created.json()
    assert (body["party"], body["status"], body["version"], body["gbf_targets"]) == (
        "ke",
        "open",
        1,
        ["GBF-TARGET-04"],
    )
    url = f"/api/v1/capacity/needs/{body['id']}"
    updated = client.put(
        url, {**_need_payload(priority="high"), "version": 1}, content_type="application/json"
    )
    assert (updated.status_code, updated.json()["priority"], updated.json()["version"]) == (200, "high", 2)
    closed = client.post(f"{url}/close", {"version": 2}, content_type="application/json")
    assert (closed.status_code, closed.json()["status"]) == (200, "met")


@pytest.mark.django_db
def test_invalid_input_is_a_problem_document_listing_every_field(client, cast):
    client.force_login(cast["focal_point"])
    response = client.post(
        "/api/v1/capacity/needs",
        _need_payload(bad_language=True, gbf_targets=[], priority="urgent"),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "invalid_input"
    assert set(body["fields"]) == {"title", "gbf_targets", "priority"}
    assert not CapacityNeed.objects.exists()


@pytest.mark.django_db
def test_a_stale_version_is_a_409(client, cast):
    need = NeedFactory(version=2)
    client.force_login(cast["coordination"])
    response = client.put(
        f"/api/v1/capacity/needs/{need.pk}",
        {**_need_payload(), "version": 1},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "stale_version"


@pytest.mark.django_db
def test_a_provider_records_an_activity(client, person, institution):
    client.force_login(person("provider", organisation=institution))
    payload = {
        "organisation": institution.pk,
        "title": {"en": "Course"},
        "description": {"en": "Text"},
        "gbf_targets": ["GBF-TARGET-20"],
        "regions": [EASTERN_AFRICA],
        "status": "ongoing",
    }
    response = client.post("/api/v1/capacity/activities", payload, content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert (body["organisation"], body["regions"], body["countries"]) == (
        institution.pk,
        [EASTERN_AFRICA],
        [],
    )
    closed = client.post(
        f"/api/v1/capacity/activities/{body['id']}/close", {"version": 1}, content_type="application/json"
    )
    assert closed.json()["status"] == "completed"


@pytest.mark.django_db
def test_the_gap_endpoint_returns_the_numbers_of_the_page(client):
    NeedFactory(party_id="tz", gbf_targets=["GBF-TARGET-20"])
    ActivityFactory(countries=["ke"], gbf_targets=["GBF-TARGET-20"])
    OfferFactory(state="published", areas_benefited_regions=[EASTERN_AFRICA], gbf_targets=["GBF-TARGET-20"])
    NeedFactory(party_id="co", gbf_targets=["GBF-TARGET-03"])
    body = client.get("/api/v1/capacity/gaps").json()
    assert body["grouping"] == "cbd_group"
    assert [c["key"] for c in body["columns"]] == ["africa", "asia_pacific", "cee", "grulac", "weog"]
    row = next(r for r in body["rows"] if r["target"] == "GBF-TARGET-20")
    assert row["cells"][0] == {
        "region": "africa",
        "needs": 1,
        "activities": 1,
        "offers": 1,
        "profiles": 0,
        "gap": False,
    }
    gap = next(r for r in body["rows"] if r["target"] == "GBF-TARGET-03")["cells"][3]
    assert (gap["region"], gap["needs"], gap["gap"]) == ("grulac", 1, True)
    matrix = build_gap_matrix(grouping="cbd_group")
    assert [
        [c["needs"], c["activities"], c["offers"], c["profiles"]] for r in body["rows"] for c in r["cells"]
    ] == [[c.needs, c.activities, c.offers, c.profiles] for r in matrix.rows for c in r.cells]
    subregions = client.get("/api/v1/capacity/gaps?by=m49_subregion").json()
    assert len(subregions["columns"]) == 22
    assert client.get("/api/v1/capacity/gaps?by=continents").status_code == 422


@pytest.mark.django_db
def test_the_lists_run_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(12):
        NeedFactory()
        ActivityFactory(regions=[EASTERN_AFRICA])
    with django_assert_max_num_queries(6):
        assert client.get("/api/v1/capacity/needs?limit=50").json()["count"] == 12
    with django_assert_max_num_queries(8):
        assert client.get("/api/v1/capacity/activities?limit=50").json()["count"] == 12
