"""Matches through the API and the pages."""

import pytest

from tsc_hub.matching.models import Match
from tsc_hub.matching.services import suggest_match, transition_match


@pytest.mark.django_db
def test_the_funnel_through_the_api(client, world):
    client.force_login(world["officer"])
    created = client.post(
        "/api/v1/matches",
        {"request_id": world["request"].pk, "offer_id": world["offer"].pk},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    match_id = created.json()["id"]
    assert created.json()["allowed_actions"] == ["contact", "cancel"]
    client.post(
        f"/api/v1/matches/{match_id}/transitions", {"action": "contact"}, content_type="application/json"
    )
    client.force_login(world["lab"])
    body = client.post(
        f"/api/v1/matches/{match_id}/transitions",
        {"action": "express_interest"},
        content_type="application/json",
    ).json()
    assert body["state"] == "provider_interested"
    client.force_login(world["focal_point"])
    body = client.post(
        f"/api/v1/matches/{match_id}/transitions",
        {"action": "requester_accept"},
        content_type="application/json",
    ).json()
    assert body["state"] == "requester_accepted"
    assert client.get("/api/v1/matches/funnel").json()["counts"] == {"requester_accepted": 1}


@pytest.mark.django_db
def test_giving_both_or_neither_candidate_is_a_clear_error(client, world):
    client.force_login(world["officer"])
    response = client.post(
        "/api/v1/matches", {"request_id": world["request"].pk}, content_type="application/json"
    )
    assert response.status_code == 422
    assert not Match.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "status"), [("lab", 403), ("focal_point", 403), ("provider", 403), ("nobody", 403)]
)
def test_only_the_help_desk_suggests_through_the_api(client, world, who, status):
    client.force_login(world[who])
    response = client.post(
        "/api/v1/matches",
        {"request_id": world["request"].pk, "offer_id": world["offer"].pk},
        content_type="application/json",
    )
    assert response.status_code == status
    assert not Match.objects.exists()


@pytest.mark.django_db
def test_anonymous_is_refused(client):
    assert client.get("/api/v1/matches").status_code == 401


@pytest.mark.django_db
def test_the_provider_answers_from_the_page(client, world):
    match = transition_match(
        match=suggest_match(request=world["request"], candidate=world["profile"], by=world["officer"]),
        action="contact",
        by=world["officer"],
    )
    client.force_login(world["lab"])
    page = client.get(f"/en/matches/{match.pk}/").content.decode()
    assert 'value="express_interest"' in page
    assert 'value="contact"' not in page
    client.post(
        f"/en/matches/{match.pk}/transition/", {"action": "provider_decline", "reason_code": "timing"}
    )
    assert Match.objects.get(pk=match.pk).state == "provider_declined"


@pytest.mark.django_db
def test_suggest_page_lists_only_covering_candidates_and_refuses_others(client, world, provider_org):
    from tsc_hub.offers.tests.factories import OfferFactory

    OfferFactory(
        primary_organisation=provider_org,
        state="published",
        areas_benefited_parties=["co"],
        title={"en": "Colombia only"},
    )
    client.force_login(world["officer"])
    page = client.get(f"/en/matches/suggest/{world['request'].pk}/").content.decode()
    assert "Colombia only" not in page
    client.force_login(world["focal_point"])
    assert client.get(f"/en/matches/suggest/{world['request'].pk}/").status_code == 403
    client.force_login(world["provider"])
    assert client.get(f"/en/matches/suggest/{world['request'].pk}/").status_code == 403
