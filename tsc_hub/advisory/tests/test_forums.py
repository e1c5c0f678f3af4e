"""Forums: posting, replying, moderation (audited, with a reason) and subscriptions with notifications."""

import pytest

from tsc_hub.advisory import services
from tsc_hub.advisory.tests.factories import committee_forum, forum_of
from tsc_hub.core.exceptions import Conflict, InvalidInput
from tsc_hub.core.models import AuditEvent
from tsc_hub.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_author_follows_the_thread_and_hears_of_replies(people):
    thread = services.start_thread(
        forum=committee_forum(), title="Target 20", body="Views?", by=people["expert"]
    )
    services.reply_to_thread(thread=thread, body="Agreed", by=people["co_chair"])
    note = Notification.objects.get(recipient=people["expert"])
    assert note.url == f"/advisory/threads/{thread.pk}/#reply-{thread.replies.get().pk}"
    assert "Target 20" in note.text()
    assert not Notification.objects.filter(recipient=people["co_chair"]).exists()  # not told of own post
    services.reply_to_thread(thread=thread, body="Thanks", by=people["expert"])
    assert Notification.objects.filter(recipient=people["co_chair"]).count() == 1  # follows after replying


def test_forum_followers_hear_of_new_threads_but_former_members_do_not(people):
    forum = forum_of("capacity-building")
    services.subscribe(user=people["co_chair"], forum=forum)
    services.subscribe(user=people["coordination"], forum=forum)
    from tsc_hub.advisory.models import Subscription

    Subscription.objects.create(user=people["former"], forum=forum)  # followed while a member
    services.start_thread(forum=forum, title="Indicators", body="Draft", by=people["expert"])
    told = set(Notification.objects.values_list("recipient_id", flat=True))
    assert told == {people["co_chair"].pk, people["coordination"].pk}


def test_unsubscribing_stops_the_notifications(people):
    forum = committee_forum()
    services.subscribe(user=people["co_chair"], forum=forum)
    assert services.unsubscribe(user=people["co_chair"], forum=forum) == 1
    services.start_thread(forum=forum, title="Quiet", body="x", by=people["expert"])
    assert not Notification.objects.exists()


def test_a_locked_thread_takes_no_replies_and_locking_needs_a_reason(people):
    thread = services.start_thread(forum=committee_forum(), title="Budget", body="x", by=people["expert"])
    with pytest.raises(InvalidInput) as error:
        services.moderate_thread(thread=thread, action="lock", reason=" ", by=people["co_chair"])
    assert error.value.code == "reason_required"
    services.moderate_thread(
        thread=thread, action="lock", reason="Settled at the meeting", by=people["co_chair"]
    )
    with pytest.raises(Conflict):
        services.reply_to_thread(thread=thread, body="One more", by=people["expert"])
    event = AuditEvent.objects.get(action="advisory.lock_thread")
    assert event.actor == people["co_chair"]
    assert event.changes["reason"] == "Settled at the meeting"


def test_hidden_posts_are_kept_from_members_but_not_from_moderators(client, people):
    thread = services.start_thread(forum=committee_forum(), title="Visible", body="x", by=people["co_chair"])
    reply = services.reply_to_thread(thread=thread, body="Off-topic advert", by=people["expert"])
    services.hide_reply(reply=reply, reason="Advertising", by=people["coordination"])
    assert AuditEvent.objects.filter(action="advisory.hide_reply", target_id=str(reply.pk)).exists()
    client.force_login(people["expert"])
    page = client.get(f"/en/advisory/threads/{thread.pk}/").content.decode()
    assert "Off-topic advert" not in page
    assert "Advertising" in page
    api = client.get(f"/api/v1/advisory/threads/{thread.pk}").json()
    assert api["replies"][0]["body"] == ""
    client.force_login(people["coordination"])
    assert "Off-topic advert" in client.get(f"/en/advisory/threads/{thread.pk}/").content.decode()
    services.moderate_thread(thread=thread, action="hide", reason="Duplicate", by=people["coordination"])
    client.force_login(people["co_chair"])  # the author, who is also a moderator
    assert client.get(f"/en/advisory/threads/{thread.pk}/").status_code == 200
    other = people["expert"]
    client.force_login(other)
    assert client.get(f"/en/advisory/threads/{thread.pk}/").status_code == 404


def test_pages_post_reply_moderate_and_follow(client, people):
    forum = committee_forum()
    client.force_login(people["expert"])
    response = client.post(
        f"/en/advisory/forums/{forum.pk}/threads/", {"title": "Roster", "body": "Experts?"}
    )
    thread = forum.threads.get()
    assert response["Location"].endswith(f"/advisory/threads/{thread.pk}/")
    client.post(f"/en/advisory/threads/{thread.pk}/replies/", {"body": "A first answer"})
    assert thread.replies.get().body == "A first answer"
    client.post("/en/advisory/follow/", {"forum": forum.pk})
    assert forum.subscriptions.filter(user=people["expert"]).exists()
    client.force_login(people["co_chair"])
    client.post(f"/en/advisory/threads/{thread.pk}/moderation/", {"action": "lock", "reason": "Done"})
    thread.refresh_from_db()
    assert thread.locked
