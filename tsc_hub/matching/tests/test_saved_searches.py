"""Saved searches alert providers once about each new published request that fits."""

import pytest

from tsc_hub.assistance.services import transition_request
from tsc_hub.assistance.tests.factories import make_request
from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.matching.alerts import announce_new_requests, save_search
from tsc_hub.notifications.models import Notification


def _published(cast, institution, **changes):
    request = make_request(by=cast["focal_point"], organisation=institution, **changes)
    request = transition_request(request=request, action="submit", by=cast["focal_point"])
    return transition_request(request=request, action="accept", by=cast["officer"])


@pytest.mark.django_db
def test_a_fitting_published_request_is_announced_once(cast, institution):
    save_search(
        owner=cast["provider"],
        name="Invasive species in Kenya",
        parties=["ke"],
        gbf_targets=["GBF-TARGET-06"],
        assistance_types=[],
    )
    _published(cast, institution)
    assert announce_new_requests() == 1
    assert announce_new_requests() == 0
    assert (
        Notification.objects.filter(recipient=cast["provider"], template__contains="saved search").count()
        == 1
    )


@pytest.mark.django_db
def test_drafts_confidential_and_non_fitting_requests_are_not_announced(cast, institution):
    save_search(owner=cast["provider"], name="Kenya", parties=["ke"], gbf_targets=[], assistance_types=[])
    make_request(by=cast["focal_point"], organisation=institution)
    _published(cast, institution, visibility="confidential")
    save_search(
        owner=cast["provider"],
        name="Target 3",
        parties=[],
        gbf_targets=["GBF-TARGET-03"],
        assistance_types=[],
    )
    assert announce_new_requests() == 0


@pytest.mark.django_db
def test_a_search_needs_a_name_and_a_criterion(cast):
    with pytest.raises(InvalidInput):
        save_search(owner=cast["provider"], name="", parties=["ke"], gbf_targets=[], assistance_types=[])
    with pytest.raises(InvalidInput):
        save_search(
            owner=cast["provider"], name="Everything", parties=[], gbf_targets=[], assistance_types=[]
        )
    with pytest.raises(InvalidInput):
        save_search(owner=cast["provider"], name="Bad", parties=["zz"], gbf_targets=[], assistance_types=[])


@pytest.mark.django_db
def test_saved_searches_through_the_api_are_private(client, cast):
    client.force_login(cast["provider"])
    created = client.post(
        "/api/v1/matches/saved-searches",
        {"name": "Kenya", "parties": ["ke"]},
        content_type="application/json",
    )
    assert created.status_code == 201
    search_id = created.json()["id"]
    client.force_login(cast["nobody"])
    assert client.get("/api/v1/matches/saved-searches").json() == []
    assert client.delete(f"/api/v1/matches/saved-searches/{search_id}").status_code == 404
    client.logout()
    assert client.get("/api/v1/matches/saved-searches").status_code == 401


@pytest.mark.django_db
def test_saved_searches_page(client, cast):
    client.force_login(cast["provider"])
    response = client.post("/en/matches/searches/", {"name": "Marine", "gbf_targets": ["GBF-TARGET-03"]})
    assert response.status_code == 302
    assert "Marine" in client.get("/en/matches/searches/").content.decode()
