"""The conversation on a request: messages, internal notes and answers from templates."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsc_hub.accounts.models import User
from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.services.people import helpdesk_side, requester_side
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.languages import UN_LANGUAGES, LocalizedText, content_language, pick_text
from tsc_hub.helpdesk.models import AnswerTemplate, RequestMessage
from tsc_hub.helpdesk.workflow import HELPDESK, REQUESTERS, STAFF
from tsc_hub.notifications.services import notify

MAX_MESSAGE = 10_000


def thread_roles(user: Any, request: AssistanceRequest) -> set[str]:
    """The roles held for the request, plus help desk officer of the centre it was routed to."""
    roles = roles_held_for(user, request)
    signed_in = getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)
    if (
        signed_in
        and request.centre_id
        and HELPDESK not in roles
        and user.role_assignments.active().filter(role=HELPDESK, centre_id=request.centre_id).exists()
    ):
        roles.add(HELPDESK)
    return roles


def may_post(user: Any, request: AssistanceRequest) -> tuple[bool, bool]:
    """(may write messages, may write internal notes) in the request's conversation."""
    roles = thread_roles(user, request)
    return bool(roles & (STAFF | REQUESTERS)), bool(roles & STAFF)


def check_text(body: str, field: str = "body") -> str:
    """The text without surrounding spaces; InvalidInput when empty or too long."""
    text = body.strip()
    if not text:
        message = _("Write a message.")
        raise InvalidInput(message, fields={field: [message]})
    if len(text) > MAX_MESSAGE:
        message = _("A message can have at most %(count)s characters.") % {"count": MAX_MESSAGE}
        raise InvalidInput(message, fields={field: [message]})
    return text


NOTICES = {
    "helpdesk": gettext_noop("The help desk wrote to you about request “%(title)s”."),
    "requester": gettext_noop("The requester wrote about request “%(title)s”."),
    "internal": gettext_noop("An internal note was added to request “%(title)s”."),
}


def _tell(message: RequestMessage, request: AssistanceRequest, from_staff: bool, by: User) -> None:
    """The other side hears of a message; an internal note only reaches the help desk."""
    if message.internal:
        recipients, kind = helpdesk_side(request), "internal"
    elif from_staff:
        recipients, kind = requester_side(request), "helpdesk"
    else:
        recipients, kind = helpdesk_side(request), "requester"
    notify(
        recipients=recipients,
        exclude=by,
        target=request,
        url=f"/helpdesk/requests/{request.pk}/",
        template=NOTICES[kind],
        params={"title": pick_text(request.title, language=request.original_language).text},
    )


@transaction.atomic
def post_message(
    *,
    request: AssistanceRequest,
    body: str,
    by: User,
    internal: bool = False,
    language: str | None = None,
    template_code: str = "",
) -> RequestMessage:
    """Write in the conversation on a request: the help desk messages and internal notes, the
    requester side messages only."""
    may_write, may_note = may_post(by, request)
    if not may_write:
        raise PermissionDenied(_("Only the help desk and the requester can write about this request."))
    if internal and not may_note:
        raise PermissionDenied(
            _("Only the help desk can write internal notes."), code="internal_note_refused"
        )
    text = check_text(body)
    chosen = language or content_language()
    if chosen not in UN_LANGUAGES:
        message = _("“%(code)s” is not one of the six UN languages.") % {"code": chosen}
        raise InvalidInput(message, fields={"language": [message]})
    created = RequestMessage.objects.create(
        request=request, author=by, body=text, internal=internal, language=chosen, template_code=template_code
    )
    record_event(
        actor=by,
        action="request.internal_note" if internal else "request.message",
        target=created,
        changes={"request": request.pk, "internal": internal, "template": template_code},
    )
    _tell(created, request, may_note, by)
    return created


# Content, not interface text: it goes into answers written in the requester's language.
GLOBAL_HELP_DESK = {
    "ar": "كيان التنسيق",
    "en": "Coordination entity",
    "es": "Entidad de coordinación",
    "fr": "Entité de coordination",
    "ru": "Координационный орган",
    "zh": "协调机构",
}


def _centre_name(request: AssistanceRequest, language: str) -> str:
    """The name of the help desk holding the request, in the answer's language."""
    if request.centre_id and request.centre is not None:
        return pick_text(request.centre.names, language=language).text or request.centre.code
    return pick_text(GLOBAL_HELP_DESK, language=language).text


def render_answer(
    *, template: AnswerTemplate, request: AssistanceRequest, language: str | None = None
) -> LocalizedText:
    """The template's text in the requester's language (the request's original language, unless
    `language` says otherwise; else the display fallback), with its placeholders filled."""
    chosen = pick_text(template.body, language=language or request.original_language)
    values = {
        "{requester}": request.contact_name,
        "{title}": pick_text(
            request.title, language=chosen.language, original=request.original_language
        ).text,
        "{centre}": _centre_name(request, chosen.language),
    }
    text = chosen.text
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return LocalizedText(text, chosen.language, chosen.is_fallback)


@transaction.atomic
def post_message_from_template(
    *, request: AssistanceRequest, code: str, by: User, internal: bool = False
) -> RequestMessage:
    """The help desk answers with a template, filled for this request in the requester's language."""
    if not may_post(by, request)[1]:
        raise PermissionDenied(_("Only the help desk uses answer templates."))
    template = AnswerTemplate.objects.active().filter(code=code).first()
    if template is None:
        message = _("No such answer template.")
        raise InvalidInput(message, fields={"code": [message]})
    rendered = render_answer(template=template, request=request)
    return post_message(
        request=request,
        body=rendered.text,
        by=by,
        internal=internal,
        language=rendered.language,
        template_code=template.code,
    )
