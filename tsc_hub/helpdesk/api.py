"""API of the help desk: the same rules as the pages, through the same services."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.accounts.auth import ANYONE, SIGNED_IN, signed_in_user
from tsc_hub.accounts.models import User
from tsc_hub.core.exceptions import InvalidInput, NotFound, PermissionDenied
from tsc_hub.helpdesk import services
from tsc_hub.helpdesk.access import access_enquiry, access_thread
from tsc_hub.helpdesk.models import AnswerTemplate, Enquiry, FaqEntry
from tsc_hub.helpdesk.schemas import (
    AssignIn,
    EnquiryDetailOut,
    EnquiryIn,
    EnquiryOut,
    EnquiryTransitionIn,
    FaqIn,
    FaqOut,
    FaqPublishedIn,
    FromTemplateIn,
    MessageIn,
    MessageOut,
    ReplyIn,
    ReplyOut,
    TemplateIn,
    TemplateOut,
)

router = Router(tags=["helpdesk"])


@router.get(
    "/requests/{request_id}/messages",
    response=list[MessageOut],
    auth=SIGNED_IN,
    summary="The conversation on a request (internal notes for the help desk only)",
)
def list_messages(request: HttpRequest, request_id: int) -> Any:
    return access_thread(request.user, request_id)[1]


@router.post(
    "/requests/{request_id}/messages",
    response={201: MessageOut},
    auth=SIGNED_IN,
    summary="Write in the conversation on a request",
)
def post_message(request: HttpRequest, request_id: int, payload: MessageIn) -> Any:
    target, _messages = access_thread(request.user, request_id)
    message = services.post_message(
        request=target,
        body=payload.body,
        internal=payload.internal,
        language=payload.language,
        by=signed_in_user(request),
    )
    return Status(201, message)


@router.post(
    "/requests/{request_id}/messages/from-template",
    response={201: MessageOut},
    auth=SIGNED_IN,
    summary="Answer with a template, filled in the requester's language (help desk)",
)
def post_from_template(request: HttpRequest, request_id: int, payload: FromTemplateIn) -> Any:
    target, _messages = access_thread(request.user, request_id)
    message = services.post_message_from_template(
        request=target, code=payload.code, internal=payload.internal, by=signed_in_user(request)
    )
    return Status(201, message)


@router.get("/templates", response=list[TemplateOut], auth=SIGNED_IN, summary="Answer templates (help desk)")
def list_templates(request: HttpRequest, request_id: int | None = None) -> Any:
    if not request.user.has_perm("helpdesk.use_templates"):
        raise PermissionDenied(_("Only the help desk uses answer templates."))
    manager = request.user.has_perm("helpdesk.manage_templates")
    templates = list(AnswerTemplate.objects.all() if manager else AnswerTemplate.objects.active())
    if request_id is not None:
        target, _messages = access_thread(request.user, request_id)
        for template in templates:
            rendered = services.render_answer(template=template, request=target)
            template.text, template.text_language = rendered.text, rendered.language
    return templates


@router.put(
    "/templates/{code}",
    response=TemplateOut,
    auth=SIGNED_IN,
    summary="Create or change an answer template (coordination)",
)
def save_template(request: HttpRequest, code: str, payload: TemplateIn) -> Any:
    return services.save_answer_template(code=code, by=signed_in_user(request), **payload.dict())


@router.get("/enquiries", response=list[EnquiryOut], auth=SIGNED_IN, summary="Enquiries I may see")
@paginate(LimitOffsetPagination)
def list_enquiries(
    request: HttpRequest,
    state: str | None = None,
    category: str | None = None,
    centre: str | None = None,
    overdue: bool = False,
) -> Any:
    enquiries = Enquiry.objects.visible_to(request.user).with_related()
    if state:
        enquiries = enquiries.filter(state=state)
    if category:
        enquiries = enquiries.filter(category=category)
    if centre:
        enquiries = enquiries.filter(centre__code=centre)
    if overdue:
        enquiries = enquiries.overdue()
    return enquiries


@router.post(
    "/enquiries",
    response={201: EnquiryDetailOut},
    auth=ANYONE,
    summary="Ask the help desk a general question (with or without an account)",
)
def create_enquiry(request: HttpRequest, payload: EnquiryIn) -> Any:
    by = request.user if isinstance(request.user, User) else None
    enquiry = services.submit_enquiry(data=services.EnquiryData(**payload.dict()), by=by)
    if by is None:
        # Visitors without an account cannot read it back; they get the answer by e-mail.
        enquiry.allowed_actions = []  # type: ignore[attr-defined]
        return Status(201, enquiry)
    return Status(201, access_enquiry(by, enquiry.pk))


@router.get("/enquiries/{enquiry_id}", response=EnquiryDetailOut, auth=SIGNED_IN, summary="One enquiry")
def get_enquiry(request: HttpRequest, enquiry_id: int) -> Any:
    return access_enquiry(request.user, enquiry_id)


@router.post(
    "/enquiries/{enquiry_id}/replies",
    response={201: ReplyOut},
    auth=SIGNED_IN,
    summary="Reply to an enquiry (internal notes for the help desk only)",
)
def reply(request: HttpRequest, enquiry_id: int, payload: ReplyIn) -> Any:
    created = services.reply_to_enquiry(
        enquiry=access_enquiry(request.user, enquiry_id),
        body=payload.body,
        internal=payload.internal,
        by=signed_in_user(request),
    )
    return Status(201, created)


@router.post(
    "/enquiries/{enquiry_id}/transitions",
    response=EnquiryDetailOut,
    auth=SIGNED_IN,
    summary="Take a step: start, answer, close, reopen",
)
def transition(request: HttpRequest, enquiry_id: int, payload: EnquiryTransitionIn) -> Any:
    services.transition_enquiry(
        enquiry=access_enquiry(request.user, enquiry_id),
        action=payload.action,
        reason=payload.reason,
        by=signed_in_user(request),
    )
    return access_enquiry(request.user, enquiry_id)


@router.post(
    "/enquiries/{enquiry_id}/owner", response=EnquiryDetailOut, auth=SIGNED_IN, summary="Assign an officer"
)
def assign(request: HttpRequest, enquiry_id: int, payload: AssignIn) -> Any:
    officer = User.objects.filter(pk=payload.officer_id, is_active=True).first()
    if officer is None:
        raise InvalidInput(_("No such person."), fields={"officer_id": [_("No such person.")]})
    services.assign_enquiry(
        enquiry=access_enquiry(request.user, enquiry_id), officer=officer, by=signed_in_user(request)
    )
    return access_enquiry(request.user, enquiry_id)


@router.get("/faq", response=list[FaqOut], auth=ANYONE, summary="Frequently asked questions")
def list_faq(request: HttpRequest, category: str | None = None) -> Any:
    entries = FaqEntry.objects.visible_to(request.user)
    return entries.filter(category=category) if category else entries


@router.post("/faq", response={201: FaqOut}, auth=SIGNED_IN, summary="Publish an FAQ entry (help desk)")
def publish_faq(request: HttpRequest, payload: FaqIn) -> Any:
    values = payload.dict()
    enquiry_id = values.pop("enquiry_id")
    enquiry = access_enquiry(request.user, enquiry_id) if enquiry_id is not None else None
    entry = services.publish_faq(enquiry=enquiry, by=signed_in_user(request), **values)
    return Status(201, entry)


@router.put("/faq/{entry_id}/published", response=FaqOut, auth=SIGNED_IN, summary="Show or hide an FAQ entry")
def set_published(request: HttpRequest, entry_id: int, payload: FaqPublishedIn) -> Any:
    entry = FaqEntry.objects.visible_to(request.user).filter(pk=entry_id).first()
    if entry is None:
        raise NotFound(_("No such FAQ entry."))
    return services.set_faq_published(entry=entry, published=payload.published, by=signed_in_user(request))
