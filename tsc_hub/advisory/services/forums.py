"""Writes of the forums: threads, replies, moderation (audited, with a reason) and subscriptions.

Subscribers are told of new posts with an in-platform notification (tsc_hub.notifications), after the
post is saved; people who left the committee since they subscribed are skipped."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsc_hub.advisory.models import Forum, Reply, Subscription, Thread
from tsc_hub.advisory.permissions import in_committee, may_moderate, may_post
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.notifications.services import notify

NEW_THREAD = gettext_noop("New thread “%(title)s” in the forum “%(forum)s”.")
NEW_REPLY = gettext_noop("New reply in the thread “%(title)s”.")
THREAD_ACTIONS = ("hide", "show", "lock", "unlock")


def _require_post(by: Any, forum: Forum) -> None:
    if not may_post(by, forum):
        raise PermissionDenied(
            _("Only current members of this subcommittee, the co-chairs and the coordination post here.")
            if forum.subcommittee_id
            else _("Only current members of the committee and the coordination post here.")
        )


def _text(name: str, value: str, limit: int | None = None) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        message = _("This field is required.")
        raise InvalidInput(message, fields={name: [message]})
    return cleaned[:limit] if limit else cleaned


def _subscribers(*, forum: Forum, thread: Thread | None = None) -> list[Any]:
    """People following the forum (or the thread) who may still read it."""
    follows = Subscription.objects.filter(forum=forum)
    if thread is not None:
        follows = follows | Subscription.objects.filter(thread=thread)
    people = {follow.user_id: follow.user for follow in follows.select_related("user")}
    return [person for person in people.values() if in_committee(person)]


def _follow(user: Any, thread: Thread) -> None:
    if user is not None:
        Subscription.objects.get_or_create(user=user, thread=thread)


@transaction.atomic
def start_thread(*, forum: Forum, title: str, body: str, by: Any) -> Thread:
    """Open a discussion in a forum; the author follows it, the forum's subscribers are told."""
    _require_post(by, forum)
    thread = Thread.objects.create(
        forum=forum, title=_text("title", title, 300), body=_text("body", body), author=by
    )
    _follow(by, thread)
    record_event(actor=by, action="advisory.start_thread", target=thread, changes={"forum": forum.pk})
    notify(
        recipients=_subscribers(forum=forum),
        exclude=by,
        target=thread,
        url=f"/advisory/threads/{thread.pk}/",
        template=NEW_THREAD,
        params={"title": thread.title, "forum": str(forum)},
    )
    return thread


@transaction.atomic
def reply_to_thread(*, thread: Thread, body: str, by: Any) -> Reply:
    """Reply in a thread that is neither locked nor hidden; the thread's and forum's followers are told."""
    thread = Thread.objects.select_for_update().select_related("forum").get(pk=thread.pk)
    _require_post(by, thread.forum)
    if thread.locked or thread.hidden:
        raise Conflict(_("This thread is closed to replies."), code="thread_locked")
    reply = Reply.objects.create(thread=thread, body=_text("body", body), author=by)
    thread.last_activity_at = timezone.now()
    thread.save(update_fields=["last_activity_at"])
    _follow(by, thread)
    record_event(actor=by, action="advisory.reply_to_thread", target=reply, changes={"thread": thread.pk})
    notify(
        recipients=_subscribers(forum=thread.forum, thread=thread),
        exclude=by,
        target=thread,
        url=f"/advisory/threads/{thread.pk}/#reply-{reply.pk}",
        template=NEW_REPLY,
        params={"title": thread.title},
    )
    return reply


def _require_moderator(by: Any) -> None:
    if by is not None and not may_moderate(by):
        raise PermissionDenied(_("Only the co-chairs and the coordination moderate the forums."))


def _reason(reason: str, needed: bool) -> str:
    reason = (reason or "").strip()
    if needed and not reason:
        message = _("Say why, so that the members know.")
        raise InvalidInput(message, code="reason_required", fields={"reason": [message]})
    return reason


@transaction.atomic
def moderate_thread(*, thread: Thread, action: str, reason: str, by: Any) -> Thread:
    """Hide, show, lock or unlock a thread; hiding and locking need a reason. Audited."""
    _require_moderator(by)
    if action not in THREAD_ACTIONS:
        raise InvalidInput(_("Unknown moderation action."), fields={"action": [_("Choose from the list.")]})
    reason = _reason(reason, action in ("hide", "lock"))
    before = {"hidden": thread.hidden, "locked": thread.locked}
    if action in ("hide", "show"):
        thread.hidden = action == "hide"
    else:
        thread.locked = action == "lock"
    thread.moderation_reason = reason
    thread.moderated_by = by
    thread.moderated_at = timezone.now()
    thread.save(update_fields=["hidden", "locked", "moderation_reason", "moderated_by", "moderated_at"])
    record_event(
        actor=by,
        action=f"advisory.{action}_thread",
        target=thread,
        changes={"before": before, "reason": reason},
    )
    return thread


@transaction.atomic
def hide_reply(*, reply: Reply, reason: str, by: Any, hidden: bool = True) -> Reply:
    """Hide a reply (with a reason) or show it again. Audited."""
    _require_moderator(by)
    reason = _reason(reason, hidden)
    reply.hidden = hidden
    reply.moderation_reason = reason
    reply.moderated_by = by
    reply.moderated_at = timezone.now()
    reply.save(update_fields=["hidden", "moderation_reason", "moderated_by", "moderated_at"])
    action = "hide_reply" if hidden else "show_reply"
    record_event(actor=by, action=f"advisory.{action}", target=reply, changes={"reason": reason})
    return reply


@transaction.atomic
def subscribe(*, user: Any, forum: Forum | None = None, thread: Thread | None = None) -> Subscription:
    """Follow a forum or a thread (exactly one). Only readers of the forums may follow them."""
    if (forum is None) == (thread is None):
        raise InvalidInput(_("Follow either a forum or a thread."))
    if not in_committee(user):
        raise PermissionDenied(_("The forums are for the committee's members and the coordination."))
    found, _created = Subscription.objects.get_or_create(user=user, forum=forum, thread=thread)
    return found


@transaction.atomic
def unsubscribe(*, user: Any, forum: Forum | None = None, thread: Thread | None = None) -> int:
    """Stop following a forum or a thread; the number of subscriptions removed."""
    deleted, _detail = Subscription.objects.filter(user=user, forum=forum, thread=thread).delete()
    return deleted
