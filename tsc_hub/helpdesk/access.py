"""Fetch-and-authorise for pages and API alike: a record the person may read, or a domain error
(404 when its existence must not be revealed, 403 when it is visible but closed to the person)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.core.exceptions import NotFound, PermissionDenied
from tsc_hub.helpdesk.models import Enquiry, EnquiryReply, RequestMessage
from tsc_hub.helpdesk.services import enquiry_roles, thread_roles
from tsc_hub.helpdesk.workflow import ENQUIRY_WORKFLOW, REQUESTERS, STAFF


def access_thread(user: Any, request_id: int) -> tuple[AssistanceRequest, list[Any]]:
    """The request and the messages of its conversation the person may read."""
    found = (
        AssistanceRequest.objects.visible_to(user)
        .select_related("country", "centre", "organisation")
        .filter(pk=request_id)
        .first()
    )
    if found is None:
        raise NotFound(_("No such request, or you may not see it."))
    may_read = user.has_perm("helpdesk.read_all_threads") or thread_roles(user, found) & (STAFF | REQUESTERS)
    if not may_read:
        raise PermissionDenied(_("Only the help desk and the requester see the conversation on a request."))
    messages = list(RequestMessage.objects.visible_to(user).on_request(found.pk).with_related())
    return found, messages


def access_enquiry(user: Any, enquiry_id: int) -> Enquiry:
    """The enquiry with the replies the person may read (`visible_replies`) and its possible actions."""
    found = (
        Enquiry.objects.visible_to(user)
        .with_related()
        .prefetch_related("steps")
        .filter(pk=enquiry_id)
        .first()
    )
    if found is None:
        raise NotFound(_("No such enquiry, or you may not see it."))
    roles = enquiry_roles(user, found)
    found.roles = roles
    found.allowed_actions = ENQUIRY_WORKFLOW.actions_for(found.state, roles)
    found.visible_replies = list(
        EnquiryReply.objects.visible_to(user).filter(enquiry=found).select_related("author")
    )
    return found
