"""Who must NOT see or do things, on pages and through the API: every outsider role, a former member,
a member posting in another subcommittee's forum, a non-moderator hiding a post."""

import datetime

import pytest

from tsc_hub.advisory import services
from tsc_hub.advisory.services import MeetingData
from tsc_hub.advisory.tests.conftest import OUTSIDERS
from tsc_hub.advisory.tests.factories import committee_forum, forum_of
from tsc_hub.core.exceptions import PermissionDenied

pytestmark = pytest.mark.django_db
NOT_IN_COMMITTEE = (*OUTSIDERS, "former")


@pytest.fixture
def records(people):
    thread = services.start_thread(
        forum=committee_forum(), title="Indicators", body="Views?", by=people["expert"]
    )
    reply = services.reply_to_thread(thread=thread, body="Mine", by=people["co_chair"])
    meeting = services.record_meeting(
        data=MeetingData(
            {"en": "Fourth meeting"}, datetime.date(2025, 2, 19), "Montreal", agenda=[{"en": "Opening"}]
        ),
        by=people["coordination"],
    )
    services.publish_meeting(meeting=meeting, by=people["coordination"])
    return {"thread": thread, "reply": reply, "meeting": meeting, "forum": committee_forum()}


def _pages(records):
    return [
        "/en/advisory/",
        "/en/advisory/members/",
        "/en/advisory/composition/",
        "/en/advisory/forums/",
        f"/en/advisory/forums/{records['forum'].pk}/",
        f"/en/advisory/threads/{records['thread'].pk}/",
        "/en/advisory/meetings/",
        f"/en/advisory/meetings/{records['meeting'].pk}/",
    ]


def _api(records):
    return [
        "/api/v1/advisory/members",
        "/api/v1/advisory/composition",
        "/api/v1/advisory/forums",
        f"/api/v1/advisory/forums/{records['forum'].pk}/threads",
        f"/api/v1/advisory/threads/{records['thread'].pk}",
        "/api/v1/advisory/meetings",
        f"/api/v1/advisory/meetings/{records['meeting'].pk}",
    ]


@pytest.mark.parametrize("who", [None, *NOT_IN_COMMITTEE])
def test_the_committee_space_is_closed_to_everyone_else(client, people, records, who):
    if who is not None:
        client.force_login(people[who])
    for url in _pages(records):
        response = client.get(url)
        if who is None:
            assert response.status_code == 302, url
            assert "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == 403, url
            assert "Indicators" not in response.content.decode()
            assert people["expert"].email not in response.content.decode()
    for url in _api(records):
        response = client.get(url)
        assert response.status_code in (401, 403), url
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("who", [None, *NOT_IN_COMMITTEE])
def test_outsiders_cannot_post_reply_or_follow(client, people, records, who):
    if who is not None:
        client.force_login(people[who])
    thread, forum = records["thread"], records["forum"]
    page_posts = {
        f"/en/advisory/forums/{forum.pk}/threads/": {"title": "x", "body": "y"},
        f"/en/advisory/threads/{thread.pk}/replies/": {"body": "y"},
        "/en/advisory/follow/": {"forum": forum.pk},
    }
    for url, data in page_posts.items():
        assert client.post(url, data).status_code in (302, 403), url
    api_posts = {
        f"/api/v1/advisory/forums/{forum.pk}/threads": {"title": "x", "body": "y"},
        f"/api/v1/advisory/threads/{thread.pk}/replies": {"body": "y"},
        "/api/v1/advisory/subscriptions": {"forum_id": forum.pk},
    }
    for url, data in api_posts.items():
        assert client.post(url, data, content_type="application/json").status_code in (401, 403), url
    assert thread.replies.count() == 1
    assert forum.threads.count() == 1
    if who is not None:
        with pytest.raises(PermissionDenied):
            services.reply_to_thread(thread=thread, body="y", by=people[who])


@pytest.mark.parametrize("who", ["expert", "co_chair", "coordination"])
def test_members_and_coordination_see_the_space(client, people, records, who):
    client.force_login(people[who])
    for url in _pages(records):
        assert client.get(url).status_code == 200, url
    for url in _api(records):
        assert client.get(url).status_code == 200, url
    listing = client.get("/en/advisory/members/").content.decode()
    assert people["co_chair"].email in listing
    assert people["former"].email not in listing


def test_a_member_may_read_but_not_post_in_another_subcommittees_forum(client, people):
    other = forum_of("knowledge-management")
    client.force_login(people["expert"])  # sits on capacity-building only
    assert client.get(f"/en/advisory/forums/{other.pk}/").status_code == 200
    response = client.post(f"/en/advisory/forums/{other.pk}/threads/", {"title": "x", "body": "y"})
    assert response.status_code == 403
    api = client.post(
        f"/api/v1/advisory/forums/{other.pk}/threads",
        {"title": "x", "body": "y"},
        content_type="application/json",
    )
    assert api.status_code == 403
    assert api["Content-Type"] == "application/problem+json"
    assert other.threads.count() == 0
    own = forum_of("capacity-building")
    response = client.post(f"/en/advisory/forums/{own.pk}/threads/", {"title": "Mine", "body": "y"})
    assert response.status_code == 302
    assert own.threads.count() == 1


def test_a_member_who_is_not_a_moderator_cannot_hide_or_lock(client, people, records):
    client.force_login(people["expert"])
    thread, reply = records["thread"], records["reply"]
    page = client.post(f"/en/advisory/threads/{thread.pk}/moderation/", {"action": "hide", "reason": "spam"})
    assert page.status_code == 403
    page = client.post(f"/en/advisory/replies/{reply.pk}/hide/", {"action": "hide", "reason": "spam"})
    assert page.status_code == 403
    api = client.post(
        f"/api/v1/advisory/replies/{reply.pk}/moderation",
        {"action": "hide", "reason": "spam"},
        content_type="application/json",
    )
    assert api.status_code == 403
    api = client.post(
        f"/api/v1/advisory/threads/{thread.pk}/moderation",
        {"action": "lock", "reason": "spam"},
        content_type="application/json",
    )
    assert api.status_code == 403
    thread.refresh_from_db()
    reply.refresh_from_db()
    assert not thread.hidden
    assert not thread.locked
    assert not reply.hidden


@pytest.mark.parametrize("who", ["expert", "co_chair", *OUTSIDERS])
def test_only_coordination_records_meetings_and_members(client, people, who):
    client.force_login(people[who])
    meeting = {"title": {"en": "x"}, "date": "2025-01-01", "online": True}
    assert (
        client.post("/api/v1/advisory/meetings", meeting, content_type="application/json").status_code == 403
    )
    member = {"user_id": people["nobody"].pk, "start": "2025-01-01", "party": "ke"}
    assert client.post("/api/v1/advisory/members", member, content_type="application/json").status_code == 403
