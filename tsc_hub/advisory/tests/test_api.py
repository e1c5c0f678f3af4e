"""The API for members and the coordination: members with contacts, composition, forums, terms."""

import datetime

import pytest

from tsc_hub.advisory.models import Member
from tsc_hub.advisory.tests.factories import committee_forum

pytestmark = pytest.mark.django_db


def test_members_list_with_contacts_and_composition(client, people):
    client.force_login(people["expert"])
    body = client.get("/api/v1/advisory/members").json()
    assert body["count"] == 2
    emails = {item["email"] for item in body["items"]}
    assert emails == {people["expert"].email, people["co_chair"].email}
    composition = client.get("/api/v1/advisory/composition").json()
    assert composition["total"] == 2
    assert composition["nominated_by_parties"] == 2
    assert composition["regions"]["africa"] == 1
    assert composition["regions"]["grulac"] == 1
    assert {w["code"] for w in composition["warnings"]} == {"region_missing"}


def test_a_member_starts_a_thread_replies_and_follows_through_the_api(client, people):
    client.force_login(people["expert"])
    forum = committee_forum()
    thread = client.post(
        f"/api/v1/advisory/forums/{forum.pk}/threads",
        {"title": "T", "body": "B"},
        content_type="application/json",
    )
    assert thread.status_code == 201
    thread_id = thread.json()["id"]
    reply = client.post(
        f"/api/v1/advisory/threads/{thread_id}/replies", {"body": "R"}, content_type="application/json"
    )
    assert reply.status_code == 201
    follow = client.post(
        "/api/v1/advisory/subscriptions", {"forum_id": forum.pk}, content_type="application/json"
    )
    assert follow.status_code == 201
    assert client.get(f"/api/v1/advisory/threads/{thread_id}").json()["replies"][0]["body"] == "R"
    empty = client.post(
        f"/api/v1/advisory/threads/{thread_id}/replies", {"body": "  "}, content_type="application/json"
    )
    assert empty.status_code == 422
    assert empty["Content-Type"] == "application/problem+json"


def test_the_coordination_appoints_and_a_third_term_is_a_problem(client, people):
    client.force_login(people["coordination"])
    response = client.post(
        "/api/v1/advisory/members",
        {
            "user_id": people["nobody"].pk,
            "start": "2022-01-01",
            "party": "pl",
            "subcommittees": ["knowledge-management"],
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["region"] == "cee"
    assert response.json()["subcommittees"] == ["knowledge-management"]
    member = Member.objects.get(user=people["nobody"])
    renewal = client.post(
        f"/api/v1/advisory/members/{member.pk}/terms",
        {"start": "2024-01-01"},
        content_type="application/json",
    )
    assert renewal.status_code == 201
    third = client.post(
        f"/api/v1/advisory/members/{member.pk}/terms",
        {"start": str(datetime.date(2026, 1, 1))},
        content_type="application/json",
    )
    assert third.status_code == 422
    assert third.json()["code"] == "third_term"


def test_a_member_stops_following_through_the_api(client, people):
    from tsc_hub.advisory import services
    from tsc_hub.advisory.models import Subscription

    forum = committee_forum()
    services.subscribe(user=people["expert"], forum=forum)
    client.force_login(people["expert"])
    for body in ({}, {"forum_id": forum.pk, "thread_id": 1}):
        refused = client.post(
            "/api/v1/advisory/subscriptions/unsubscribe", body, content_type="application/json"
        )
        assert refused.status_code == 422
        assert refused["Content-Type"] == "application/problem+json"
    assert Subscription.objects.filter(user=people["expert"], forum=forum).exists()
    response = client.post(
        "/api/v1/advisory/subscriptions/unsubscribe", {"forum_id": forum.pk}, content_type="application/json"
    )
    assert response.status_code == 204
    assert not Subscription.objects.filter(user=people["expert"]).exists()


@pytest.mark.parametrize("who", [None, "former", "focal_point", "provider", "officer", "admin", "nobody"])
def test_outsiders_cannot_unsubscribe_through_the_api(client, people, who):
    from tsc_hub.advisory import services
    from tsc_hub.advisory.models import Subscription

    forum = committee_forum()
    services.subscribe(user=people["expert"], forum=forum)
    if who is not None:
        client.force_login(people[who])
    response = client.post(
        "/api/v1/advisory/subscriptions/unsubscribe", {"forum_id": forum.pk}, content_type="application/json"
    )
    assert response.status_code in (401, 403)
    assert Subscription.objects.count() == 1
