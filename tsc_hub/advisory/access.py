"""Fetch-and-authorise for pages and API alike: outside the committee PermissionDenied; inside it, a
record the person may not read is NotFound (its existence is not revealed)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tsc_hub.advisory.models import Forum, Meeting, MeetingDocument, Reply, Thread
from tsc_hub.advisory.permissions import in_committee
from tsc_hub.core.exceptions import NotFound, PermissionDenied


def require_committee(user: Any) -> None:
    if not in_committee(user):
        raise PermissionDenied(
            _("The advisory committee's space is for its current members and the coordination entity.")
        )


def access_forum(user: Any, forum_id: int) -> Forum:
    require_committee(user)
    found = Forum.objects.visible_to(user).select_related("subcommittee").filter(pk=forum_id).first()
    if found is None:
        raise NotFound(_("No such forum."))
    return found


def access_thread(user: Any, thread_id: int) -> Thread:
    require_committee(user)
    found = Thread.objects.visible_to(user).select_related("forum", "author").filter(pk=thread_id).first()
    if found is None:
        raise NotFound(_("No such thread, or it was hidden."))
    return found


def access_reply(user: Any, reply_id: int) -> Reply:
    require_committee(user)
    found = Reply.objects.visible_to(user).select_related("thread").filter(pk=reply_id).first()
    if found is None or found.thread not in Thread.objects.visible_to(user):
        raise NotFound(_("No such reply."))
    return found


def access_meeting(user: Any, meeting_id: int) -> Meeting:
    require_committee(user)
    found = Meeting.objects.visible_to(user).with_related().filter(pk=meeting_id).first()
    if found is None:
        raise NotFound(_("No such meeting, or it is not published yet."))
    return found


def access_document(user: Any, document_id: int) -> MeetingDocument:
    require_committee(user)
    found = MeetingDocument.objects.filter(
        pk=document_id, meeting__in=Meeting.objects.visible_to(user)
    ).first()
    if found is None:
        raise NotFound(_("No such document."))
    return found
