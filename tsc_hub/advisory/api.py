"""API of the advisory committee. Everything is for current members and coordination staff: anyone else
gets 403 (problem+json); writes about members and meetings are the coordination's."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.accounts.auth import SIGNED_IN, signed_in_user
from tsc_hub.accounts.models import User
from tsc_hub.advisory import services
from tsc_hub.advisory.access import (
    access_forum,
    access_meeting,
    access_reply,
    access_thread,
    require_committee,
)
from tsc_hub.advisory.models import Forum, Meeting, Member, Subcommittee
from tsc_hub.advisory.permissions import may_moderate
from tsc_hub.advisory.schemas import (
    CompositionOut,
    ForumOut,
    MeetingIn,
    MeetingOut,
    MemberIn,
    MemberOut,
    MinutesIn,
    ModerationIn,
    ReplyIn,
    ReplyOut,
    SubcommitteeOut,
    SubscriptionIn,
    SubscriptionOut,
    TermIn,
    ThreadDetailOut,
    ThreadIn,
    ThreadOut,
)
from tsc_hub.advisory.services import MeetingData, MemberData
from tsc_hub.core.exceptions import InvalidInput, NotFound

router = Router(tags=["advisory"])


@router.get("/subcommittees", response=list[SubcommitteeOut], auth=SIGNED_IN, summary="Subcommittees")
def list_subcommittees(request: HttpRequest) -> Any:
    require_committee(request.user)
    return Subcommittee.objects.all()


@router.get("/members", response=list[MemberOut], auth=SIGNED_IN, summary="Current members, with contacts")
@paginate(LimitOffsetPagination)
def list_members(request: HttpRequest) -> Any:
    require_committee(request.user)
    return Member.objects.visible_to(request.user).current().with_related()


@router.post("/members", response={201: MemberOut}, auth=SIGNED_IN, summary="Appoint a member")
def appoint_member(request: HttpRequest, payload: MemberIn) -> Status[Any]:
    require_committee(request.user)
    user = User.objects.filter(pk=payload.user_id).first()
    if user is None:
        raise NotFound(_("No such person."))
    data = MemberData(
        user=user,
        start=payload.start,
        end=payload.end,
        party=payload.party,
        organisation_id=payload.organisation_id,
        region=payload.region,
        gender=payload.gender,
        affiliation=payload.affiliation,
        co_chair=payload.co_chair,
    )
    by = signed_in_user(request)
    member = services.appoint_member(data=data, by=by)
    for code in payload.subcommittees:
        subcommittee = Subcommittee.objects.filter(code=code).first()
        if subcommittee is None:
            raise NotFound(_("No such subcommittee."))
        services.assign_subcommittee(member=member, subcommittee=subcommittee, by=by)
    return Status(201, Member.objects.with_related().get(pk=member.pk))


@router.post("/members/{member_id}/terms", response={201: MemberOut}, auth=SIGNED_IN, summary="Renew a term")
def add_term(request: HttpRequest, member_id: int, payload: TermIn) -> Status[Any]:
    require_committee(request.user)
    member = Member.objects.visible_to(request.user).filter(pk=member_id).first()
    if member is None:
        raise NotFound(_("No such member."))
    services.add_term(
        member=member,
        start=payload.start,
        end=payload.end,
        co_chair=payload.co_chair,
        by=signed_in_user(request),
    )
    return Status(201, Member.objects.with_related().get(pk=member.pk))


@router.get("/composition", response=CompositionOut, auth=SIGNED_IN, summary="Composition check")
def composition(request: HttpRequest) -> Any:
    require_committee(request.user)
    return services.check_composition()


@router.get("/forums", response=list[ForumOut], auth=SIGNED_IN, summary="Forums")
def list_forums(request: HttpRequest) -> Any:
    require_committee(request.user)
    return Forum.objects.visible_to(request.user).select_related("subcommittee")


@router.get("/forums/{forum_id}/threads", response=list[ThreadOut], auth=SIGNED_IN, summary="Threads")
@paginate(LimitOffsetPagination)
def list_threads(request: HttpRequest, forum_id: int) -> Any:
    forum = access_forum(request.user, forum_id)
    return forum.threads.visible_to(request.user).select_related("author")


@router.post(
    "/forums/{forum_id}/threads", response={201: ThreadOut}, auth=SIGNED_IN, summary="Start a thread"
)
def start_thread(request: HttpRequest, forum_id: int, payload: ThreadIn) -> Status[Any]:
    forum = access_forum(request.user, forum_id)
    thread = services.start_thread(
        forum=forum, title=payload.title, body=payload.body, by=signed_in_user(request)
    )
    return Status(201, thread)


def _thread_out(request: HttpRequest, thread_id: int) -> Any:
    thread = access_thread(request.user, thread_id)
    moderator = may_moderate(request.user)
    replies = list(thread.replies.visible_to(request.user).select_related("author"))
    for reply in replies:
        reply.shown_to_moderator = moderator
    thread.replies_list = replies  # type: ignore[attr-defined]
    return thread


@router.get("/threads/{thread_id}", response=ThreadDetailOut, auth=SIGNED_IN, summary="A thread and replies")
def get_thread(request: HttpRequest, thread_id: int) -> Any:
    return _thread_out(request, thread_id)


@router.post("/threads/{thread_id}/replies", response={201: ReplyOut}, auth=SIGNED_IN, summary="Reply")
def reply(request: HttpRequest, thread_id: int, payload: ReplyIn) -> Status[Any]:
    thread = access_thread(request.user, thread_id)
    return Status(201, services.reply_to_thread(thread=thread, body=payload.body, by=signed_in_user(request)))


@router.post(
    "/threads/{thread_id}/moderation", response=ThreadOut, auth=SIGNED_IN, summary="Moderate a thread"
)
def moderate_thread(request: HttpRequest, thread_id: int, payload: ModerationIn) -> Any:
    thread = access_thread(request.user, thread_id)
    return services.moderate_thread(
        thread=thread, action=payload.action, reason=payload.reason, by=signed_in_user(request)
    )


@router.post("/replies/{reply_id}/moderation", response=ReplyOut, auth=SIGNED_IN, summary="Hide a reply")
def moderate_reply(request: HttpRequest, reply_id: int, payload: ModerationIn) -> Any:
    found = access_reply(request.user, reply_id)
    done = services.hide_reply(
        reply=found, reason=payload.reason, hidden=payload.action != "show", by=signed_in_user(request)
    )
    done.shown_to_moderator = True  # type: ignore[attr-defined]
    return done


@router.post("/subscriptions", response={201: SubscriptionOut}, auth=SIGNED_IN, summary="Follow")
def subscribe(request: HttpRequest, payload: SubscriptionIn) -> Status[Any]:
    user = signed_in_user(request)
    forum = access_forum(user, payload.forum_id) if payload.forum_id else None
    thread = access_thread(user, payload.thread_id) if payload.thread_id else None
    return Status(201, services.subscribe(user=user, forum=forum, thread=thread))


@router.post("/subscriptions/unsubscribe", response={204: None}, auth=SIGNED_IN, summary="Stop following")
def unsubscribe(request: HttpRequest, payload: SubscriptionIn) -> Status[None]:
    """The counterpart of POST /subscriptions, with the same body; 204 even if nothing was followed."""
    user = signed_in_user(request)
    if bool(payload.forum_id) == bool(payload.thread_id):
        message = _("Stop following either a forum or a thread.")
        raise InvalidInput(message, fields={"forum_id": [message]})
    forum = access_forum(user, payload.forum_id) if payload.forum_id else None
    thread = access_thread(user, payload.thread_id) if payload.thread_id else None
    services.unsubscribe(user=user, forum=forum, thread=thread)
    return Status(204, None)


@router.get("/meetings", response=list[MeetingOut], auth=SIGNED_IN, summary="Meetings")
@paginate(LimitOffsetPagination)
def list_meetings(request: HttpRequest) -> Any:
    require_committee(request.user)
    return Meeting.objects.visible_to(request.user).with_related()


@router.get("/meetings/{meeting_id}", response=MeetingOut, auth=SIGNED_IN, summary="One meeting")
def get_meeting(request: HttpRequest, meeting_id: int) -> Any:
    return access_meeting(request.user, meeting_id)


@router.post("/meetings", response={201: MeetingOut}, auth=SIGNED_IN, summary="Record a meeting")
def record_meeting(request: HttpRequest, payload: MeetingIn) -> Status[Any]:
    require_committee(request.user)
    data = MeetingData(
        title=payload.title,
        date=payload.date,
        place=payload.place,
        online=payload.online,
        subcommittee=payload.subcommittee,
        agenda=payload.agenda,
    )
    meeting = services.record_meeting(data=data, by=signed_in_user(request))
    return Status(201, Meeting.objects.with_related().get(pk=meeting.pk))


@router.post("/meetings/{meeting_id}/minutes", response=MeetingOut, auth=SIGNED_IN, summary="Publish minutes")
def publish_minutes(request: HttpRequest, meeting_id: int, payload: MinutesIn) -> Any:
    meeting = access_meeting(request.user, meeting_id)
    services.publish_minutes(meeting=meeting, minutes=payload.minutes, by=signed_in_user(request))
    return Meeting.objects.with_related().get(pk=meeting.pk)
