"""Enquiries: the public form, the help desk's queue, one enquiry with its replies and actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.core.exceptions import DomainError, NotFound
from tsc_hub.helpdesk import services
from tsc_hub.helpdesk.access import access_enquiry
from tsc_hub.helpdesk.forms import EnquiryFilterForm, EnquiryForm, FaqForm, ReplyForm, show_errors
from tsc_hub.helpdesk.models import Enquiry
from tsc_hub.helpdesk.states import AWAITING_ANSWER
from tsc_hub.helpdesk.workflow import ACTION_LABELS, ENQUIRY_WORKFLOW, STAFF


def enquiry_new(request: HttpRequest) -> HttpResponse:
    """Anyone may ask; visitors without an account give a name and an e-mail address."""
    signed_in = request.user.is_authenticated
    form = EnquiryForm(request.POST or None, signed_in=signed_in)
    if request.method == "POST":
        if form.is_robot:
            return render(request, "helpdesk/enquiry_sent.html", {"enquiry": None})
        if form.is_valid():
            data = services.EnquiryData(
                **{
                    key: form.cleaned_data.get(key) or ""
                    for key in ("subject", "body", "category", "language")
                },
                name=form.cleaned_data.get("name", ""),
                email=form.cleaned_data.get("email", ""),
                party=form.cleaned_data.get("party") or None,
            )
            try:
                enquiry = services.submit_enquiry(
                    data=data, by=signed_in_user(request) if signed_in else None
                )
            except DomainError as error:
                show_errors(form, error)
            else:
                return render(request, "helpdesk/enquiry_sent.html", {"enquiry": enquiry})
        return render(request, "helpdesk/enquiry_form.html", {"form": form}, status=400)
    return render(request, "helpdesk/enquiry_form.html", {"form": form})


@login_required
def enquiry_list(request: HttpRequest) -> HttpResponse:
    """The enquiries the person may see: the help desk's queue, or one's own questions."""
    filters = EnquiryFilterForm(request.GET)
    enquiries = Enquiry.objects.visible_to(request.user).with_related()
    if filters.is_valid():
        params = filters.cleaned_data
        if params["state"]:
            enquiries = enquiries.filter(state=params["state"])
        if params["category"]:
            enquiries = enquiries.filter(category=params["category"])
        if params["overdue"]:
            enquiries = enquiries.overdue()
    page = Paginator(enquiries, 25).get_page(request.GET.get("page"))
    now = timezone.now()
    overdue = {e.pk for e in page if e.state in AWAITING_ANSWER and e.due_at < now}
    is_staff = signed_in_user(request).role_assignments.active().filter(role__in=STAFF).exists()
    return render(
        request,
        "helpdesk/enquiry_list.html",
        {"page": page, "filters": filters, "overdue": overdue, "is_staff": is_staff},
    )


def visible_enquiry(request: HttpRequest, enquiry_id: int) -> Enquiry:
    try:
        return access_enquiry(request.user, enquiry_id)
    except NotFound as error:
        raise Http404(str(error.message)) from error


@login_required
def enquiry_detail(request: HttpRequest, enquiry_id: int) -> HttpResponse:
    """An enquiry, the replies the person may read, and what the person may do."""
    enquiry = visible_enquiry(request, enquiry_id)
    roles: set[str] = enquiry.roles  # type: ignore[attr-defined]
    actions = [
        (step.action, ACTION_LABELS.get(step.action, step.action), step.needs_reason)
        for step in ENQUIRY_WORKFLOW.from_state(enquiry.state)
        if step.roles & roles
    ]
    return render(
        request,
        "helpdesk/enquiry_detail.html",
        _detail_context(request, enquiry, actions, roles),
    )


def _detail_context(request: HttpRequest, enquiry: Enquiry, actions: list[Any], roles: set[str]) -> Any:
    is_staff = bool(roles & STAFF)
    last_answer = next((r for r in reversed(enquiry.visible_replies) if not r.internal), None)  # type: ignore[attr-defined]
    faq_form = None
    if services.may_publish_faq(request.user, enquiry):
        faq_form = FaqForm(
            initial={
                "language": enquiry.language,
                "category": enquiry.category,
                "question": enquiry.subject,
                "answer": last_answer.body if last_answer else "",
            }
        )
    return {
        "enquiry": enquiry,
        "actions": actions,
        "is_staff": is_staff,
        "reply_form": ReplyForm(),
        "faq_form": faq_form,
        "overdue": enquiry.state in AWAITING_ANSWER and enquiry.due_at < timezone.now(),
    }


def _done(request: HttpRequest, enquiry_id: int, call: Any, success: str) -> HttpResponse:
    """Run one service call for an action form and come back to the enquiry with its outcome."""
    try:
        call(visible_enquiry(request, enquiry_id), signed_in_user(request))
    except DomainError as error:
        details = " ".join(str(problem) for problems in error.fields.values() for problem in problems)
        messages.error(request, f"{error.message} {details}".strip())
    else:
        messages.success(request, success)
    return redirect("helpdesk:enquiry", enquiry_id=enquiry_id)


@login_required
@require_POST
def enquiry_reply(request: HttpRequest, enquiry_id: int) -> HttpResponse:
    body, internal = request.POST.get("body", ""), request.POST.get("internal") == "on"
    return _done(
        request,
        enquiry_id,
        lambda enquiry, by: services.reply_to_enquiry(enquiry=enquiry, body=body, internal=internal, by=by),
        _("Your reply was sent.") if not internal else _("The note was saved."),
    )


@login_required
@require_POST
def enquiry_transition(request: HttpRequest, enquiry_id: int) -> HttpResponse:
    action, reason = request.POST.get("action", ""), request.POST.get("reason", "")
    return _done(
        request,
        enquiry_id,
        lambda enquiry, by: services.transition_enquiry(enquiry=enquiry, action=action, reason=reason, by=by),
        _("Done."),
    )
